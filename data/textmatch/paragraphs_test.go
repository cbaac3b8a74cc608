package textmatch

import (
	"strings"
	"testing"
)

func TestParagraphBreaks(t *testing.T) {
	long := strings.Repeat("word ", 14) // about 70 characters, a wrapped line
	for _, tt := range []struct {
		name string
		text string
		want []bool // for each line break in order
	}{
		{"hard-wrapped sentence", long + "\n" + long + "and so on.", []bool{false}},
		{"blank line", long + ".\n\nNext paragraph.", []bool{true, true}},
		{"sentence end and a capital", long + "end.\n" + "The next " + long, []bool{true}},
		{"sentence end, indented capital", long + "end.\n    The next " + long, []bool{true}},
		{"indent mid-sentence", long + "areas,\n                     including space " + long, []bool{false}},
		{"a heading", "American Forces Press Service\nWASHINGTON, Oct. 24, 2012 – " + long + "\n" + long, []bool{true, false}},
		{"closing quote ends a sentence", long + "it said.”\n“Then " + long, []bool{true}},
		{"Hangul after a full stop", long + "했다.\n양국은 " + long, []bool{true}},
		{"lower case after a full stop", long + "e.g.\nsomething " + long, []bool{false}},
	} {
		got := ParagraphBreaks(tt.text)
		var seen []bool
		for i := 0; i < len(tt.text); i++ {
			if tt.text[i] == '\n' {
				seen = append(seen, got[i])
			}
		}
		if len(seen) != len(tt.want) {
			t.Fatalf("%s: %d breaks", tt.name, len(seen))
		}
		for i := range seen {
			if seen[i] != tt.want[i] {
				t.Errorf("%s: break %d is a paragraph: %v, want %v", tt.name, i, seen[i], tt.want[i])
			}
		}
	}
}
