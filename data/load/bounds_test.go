package load

import (
	"strings"
	"testing"
)

func TestDecodeBounds(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a, ", n) + "a" }
	for _, tc := range []struct {
		name string
		text string
		line int // 0: within the bounds
	}{
		{"a short flow list", "terms: [" + long(10) + "]\n", 0},
		{"a flow list at the bound", "terms: [" + long(maxFlowItems-1) + "]\n", 0},
		{"a flow list past the bound", "x: 1\nterms: [" + long(maxFlowItems) + "]\n", 2},
		{"past the bound on a later line", "terms: [\n" + strings.Repeat("a,\n", maxFlowItems+5) + "]\n", maxFlowItems + 1},
		{"a nested list past the bound", "t: {x: [" + long(maxFlowItems) + "]}\n", 1},
		{"commas in quotes are text", "t: ['" + long(maxFlowItems) + "', \"" + long(maxFlowItems) + "\"]\n", 0},
		{"commas in a block scalar are text", "t: |\n  [" + long(maxFlowItems) + "\n  more text, [and more\nnext: [a, b]\n", 0},
		{"commas in a plain scalar are text", "title: The [x] report, " + long(maxFlowItems) + "\n", 0},
		{"commas in a comment are text", "t: [a] # " + long(maxFlowItems) + "\n", 0},
		{"a quoted scalar across lines", "t: \"first\n  [" + long(maxFlowItems) + "\"\nu: [a]\n", 0},
		{"'' inside single quotes", "t: ['it''s, " + long(maxFlowItems) + "']\n", 0},
		{"escaped quote inside double quotes", "t: [\"say \\\"" + long(maxFlowItems) + "\"]\n", 0},
		{"many block values", "topics:\n" + strings.Repeat("  - x\n", maxDecodedValues/2-1), 0},
		{"too many block values", "topics:\n" + strings.Repeat("  - {id: x}\n", maxDecodedValues/4+1), maxDecodedValues/4 + 1},
	} {
		f := checkDecodeBounds([]byte(tc.text), 1)
		switch {
		case tc.line == 0 && f != nil:
			t.Errorf("%s: refused at line %d: %s", tc.name, f.line, f.msg)
		case tc.line != 0 && f == nil:
			t.Errorf("%s: not refused", tc.name)
		case tc.line != 0 && f.line != tc.line:
			t.Errorf("%s: refused at line %d, want %d: %s", tc.name, f.line, tc.line, f.msg)
		}
	}
}

func FuzzDecodeBounds(f *testing.F) {
	for _, s := range []string{"t: [a, b]\n", "t: |\n  [x\n", "t: 'a''b'\n", "- - - [\n", "\"\\\n", "{[{[", "#\n- #x\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkDecodeBounds([]byte(s), 1) // must end, without a panic, on anything
	})
}
