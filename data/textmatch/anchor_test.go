package textmatch

import (
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data"
)

func TestAnchor(t *testing.T) {
	const twice = "Space matters. The allies agreed on space. Later the allies agreed on space again."
	tests := []struct {
		name   string
		text   string
		sel    Selector
		status data.AnchorStatus
		start  int    // expected code point offset; -1: do not check
		span   string // expected text of the span
	}{
		{name: "exact at offset", text: "The allies agreed on space cooperation.", sel: Selector{Quote: "space cooperation", Start: 21}, status: data.Exact, start: 21, span: "space cooperation"},
		{name: "exact without offset", text: "The allies agreed on space cooperation.", sel: Selector{Quote: "agreed", Start: -1}, status: data.Exact, start: 11, span: "agreed"},
		{name: "wrong offset relocates", text: "The allies agreed on space cooperation.", sel: Selector{Quote: "space cooperation", Start: 3}, status: data.Relocated, start: 21, span: "space cooperation"},
		{name: "offset past the end relocates", text: "The allies agreed on space cooperation.", sel: Selector{Quote: "agreed", Start: 500}, status: data.Relocated, start: 11, span: "agreed"},
		{name: "twice without context is ambiguous", text: twice, sel: Selector{Quote: "agreed on space", Start: -1}, status: data.Ambiguous, start: 26, span: "agreed on space"},
		{name: "twice with prefix", text: twice, sel: Selector{Quote: "agreed on space", Prefix: "Later the allies ", Start: -1}, status: data.Exact, start: 60, span: "agreed on space"},
		{name: "twice with suffix", text: twice, sel: Selector{Quote: "agreed on space", Suffix: " again", Start: -1}, status: data.Exact, start: 60, span: "agreed on space"},
		{name: "twice with start", text: twice, sel: Selector{Quote: "agreed on space", Start: 60}, status: data.Exact, start: 60, span: "agreed on space"},
		{name: "twice with near start", text: twice, sel: Selector{Quote: "agreed on space", Start: 55}, status: data.Relocated, start: 60, span: "agreed on space"},
		{name: "case matters", text: twice, sel: Selector{Quote: "Space matters", Start: -1}, status: data.Exact, start: 0, span: "Space matters"},
		{name: "context that fits nowhere", text: "The allies agreed on space cooperation.", sel: Selector{Quote: "agreed", Prefix: "enemies ", Start: -1}, status: data.Relocated, start: 11, span: "agreed"},
		{name: "no-break space in text", text: "the US\u00a0forces in Korea", sel: Selector{Quote: "US forces", Start: -1}, status: data.Exact, start: 4, span: "US\u00a0forces"},
		{name: "en dash in text", text: "effectively leveraging US–ROK consultative bodies", sel: Selector{Quote: "US-ROK consultative bodies", Start: -1}, status: data.Exact, start: 23, span: "US–ROK consultative bodies"},
		{name: "em dash in quote", text: "peace - not conflict", sel: Selector{Quote: "peace — not conflict", Start: -1}, status: data.Exact, start: 0, span: "peace - not conflict"},
		{name: "curly quotes in text", text: "South Korea’s defence is “ironclad.”", sel: Selector{Quote: `South Korea's defence is "ironclad."`, Start: -1}, status: data.Exact, start: 0, span: "South Korea’s defence is “ironclad.”"},
		{name: "line break and indentation", text: "in various areas,\n                     including space", sel: Selector{Quote: "areas, including space", Start: -1}, status: data.Exact, start: 11, span: "areas,\n                     including space"},
		{name: "CRLF line ends", text: "first line\r\nsecond line\r\nthird", sel: Selector{Quote: "line second line", Start: -1}, status: data.Exact, start: 6, span: "line\r\nsecond line"},
		{name: "CRLF offsets count CR", text: "a\r\nb\r\nspace", sel: Selector{Quote: "space", Start: 6}, status: data.Exact, start: 6, span: "space"},
		{name: "Hangul", text: "한미 국방장관은 확장억제 강화를 논의했다", sel: Selector{Quote: "확장억제 강화", Start: -1}, status: data.Exact, start: 9, span: "확장억제 강화"},
		{name: "Hangul no partial syllable", text: "한미 국방장관", sel: Selector{Quote: "국방장", Start: -1}, status: data.Exact, start: 3, span: "국방장"},
		{name: "combining marks in text, precomposed quote", text: "the cafe\u0301 meeting", sel: Selector{Quote: "café meeting", Start: -1}, status: data.Exact, start: 4, span: "cafe\u0301 meeting"},
		{name: "precomposed text, combining quote", text: "the café meeting", sel: Selector{Quote: "cafe\u0301", Start: -1}, status: data.Exact, start: 4, span: "café"},
		{name: "a letter never matches without its mark", text: "the cafe\u0301 meeting", sel: Selector{Quote: "cafe", Start: -1}, status: data.Orphaned, start: -1},
		{name: "lightly edited quote is fuzzy", text: "The allies will strengthen their cooperation in space and cyberspace today.", sel: Selector{Quote: "strenghten their cooperation in space and cyber space", Start: -1}, status: data.Fuzzy, start: 16, span: "strengthen their cooperation in space and cyberspace"},
		{name: "heavily edited quote is orphaned", text: "The allies will strengthen their cooperation in space and cyberspace today.", sel: Selector{Quote: "weaken our rivalry on land and at sea, tomorrow", Start: -1}, status: data.Orphaned, start: -1},
		{name: "short quote is never fuzzy", text: "The allies agreed.", sel: Selector{Quote: "agread", Start: -1}, status: data.Orphaned, start: -1},
		{name: "empty quote", text: "text", sel: Selector{Quote: "  ", Start: -1}, status: data.Orphaned, start: -1},
		{name: "absent quote", text: "text", sel: Selector{Quote: "missing words here and there", Start: -1}, status: data.Orphaned, start: -1},
	}
	reused := NewText("", nil) // Reset for each text in turn, as a load's workers do
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := NewText(tt.text, nil).Anchor(tt.sel)
			reused.Reset(tt.text, nil)
			if again := reused.Anchor(tt.sel); again != a {
				t.Errorf("after Reset: %+v, fresh: %+v", again, a)
			}
			if a.Status != tt.status {
				t.Fatalf("status = %v (%s), want %v", a.Status, a.Detail, tt.status)
			}
			if tt.start >= 0 && a.Start != tt.start {
				t.Errorf("start = %d, want %d", a.Start, tt.start)
			}
			if tt.span != "" {
				if got := tt.text[a.ByteStart:a.ByteEnd]; got != tt.span {
					t.Errorf("span = %q, want %q", got, tt.span)
				}
				if want := len([]rune(tt.span)); a.End-a.Start != want {
					t.Errorf("code points = %d, want %d", a.End-a.Start, want)
				}
			}
			if a.Status == data.Fuzzy && (a.Score <= 0.8 || a.Score >= 1) {
				t.Errorf("fuzzy score = %v, want in (0.8, 1)", a.Score)
			}
			if a.Status == data.Ambiguous && a.Matches != 2 {
				t.Errorf("matches = %d, want 2", a.Matches)
			}
		})
	}
}

// TestResetForgetsTheText anchors, in a Text used before for another
// text, what needs every table Reset must remake: exact, context and fuzzy
// searches after a fuzzy search in the text before.
func TestResetForgetsTheText(t *testing.T) {
	texts := []struct{ text, quote string }{
		{"The allies will strengthen their cooperation in space and cyberspace today.", "strenghten their cooperation in space and cyber space"},
		{"한미 국방장관은 확장억제 강화를 논의했다. 한미 국방장관은 우주 협력을 논의했다.", "우주 협력을 노의했다"},
		{"Extended deterrence, using the full range of military capabilities, including nuclear.", "the ful range of militery capabilities"},
		{"short", "short"},
	}
	reused := NewText("", nil)
	for _, round := range []int{0, 1} { // the second round starts from the last text
		for _, tt := range texts {
			for _, sel := range []Selector{{Quote: tt.quote, Start: -1}, {Quote: tt.quote, Start: 3}, {Quote: tt.text[:5], Suffix: "x", Start: -1}} {
				want := NewText(tt.text, nil).Anchor(sel)
				reused.Reset(tt.text, nil)
				if got := reused.Anchor(sel); got != want {
					t.Errorf("round %d, %q in %q: after Reset %+v, fresh %+v", round, sel.Quote, tt.text, got, want)
				}
			}
		}
	}
}

func TestAnchorBoundedOnHugeText(t *testing.T) {
	// A missing long quote in a large, repetitive text must stay cheap: the
	// fuzzy search looks only at windows around exact pieces.
	text := strings.Repeat("the allies agreed on space and cyber cooperation. ", 20000)
	a := NewText(text, nil).Anchor(Selector{Quote: "the allies agreed on land and sea cooperation for decades", Start: -1})
	if a.Status != data.Orphaned && a.Status != data.Fuzzy {
		t.Fatalf("status = %v", a.Status)
	}
}
