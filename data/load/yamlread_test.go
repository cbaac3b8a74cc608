package load

import (
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// TestItemName checks the names messages give list items against the
// fmt verbs they are written without (%q for an id or label, %d for a
// position), for names past itemName's stack buffer too.
func TestItemName(t *testing.T) {
	long := strings.Repeat("한", 60)
	tests := []struct {
		name, yaml string
		i          int
		want       string
	}{
		{"by id", "id: scm-46\nlabel: The 46th SCM", 3, fmt.Sprintf("meeting %q", "scm-46")},
		{"by label without id", "label: Space", 2, fmt.Sprintf("meeting %q", "Space")},
		{"empty id falls to label", "id: ''\nlabel: Space", 2, fmt.Sprintf("meeting %q", "Space")},
		{"by position", "date: 2014-10-23", 7, "meeting 7"},
		{"scalar item", "just text", 12345, "meeting 12345"},
		{"quotes and controls", "id: \"a\\\"b\\tc\\u202e\"", 1, fmt.Sprintf("meeting %q", "a\"b\tc\u202e")},
		{"long id clipped", "id: " + long, 1, fmt.Sprintf("meeting %q", safetext.Clip(long, 40))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc yaml.Node
			if err := yaml.Unmarshal([]byte(tt.yaml), &doc); err != nil {
				t.Fatal(err)
			}
			if got := itemName(doc.Content[0], "meeting", tt.i); got != tt.want {
				t.Errorf("itemName = %s, want %s", got, tt.want)
			}
		})
	}
}
