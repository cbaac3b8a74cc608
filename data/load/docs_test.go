package load

import (
	"github.com/alliance-timeline/alliance-timeline/data"

	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// TestFormatGuideExampleLoads loads the complete example of
// docs/corpus-format.md: it must load with no problem at all.
func TestFormatGuideExampleLoads(t *testing.T) {
	raw, err := os.ReadFile("../../docs/corpus-format.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	start := strings.Index(doc, "```yaml\n")
	if start < 0 {
		t.Fatal("no yaml example in the guide")
	}
	example := doc[start+len("```yaml\n"):]
	example = example[:strings.Index(example, "```")]
	c, ps, err := FS(fstest.MapFS{"example.yaml": {Data: []byte(example)}}, "example.yaml", "example.yaml")
	if err != nil || c == nil || len(ps) != 0 {
		t.Fatalf("the guide's example: %v\n%s", err, ps)
	}
	if c.Meeting("scm-45").Date.Precision != data.PrecisionMonth || len(c.Sources[0].Excluded) != 2 {
		t.Error("the example no longer shows month precision and exclusions")
	}
}
