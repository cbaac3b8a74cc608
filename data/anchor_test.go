package data

import (
	"strings"
	"testing"
)

func TestAnchor(t *testing.T) {
	const twice = "Space matters. The allies agreed on space. Later the allies agreed on space again."
	tests := []struct {
		name   string
		text   string
		sel    selector
		status AnchorStatus
		start  int    // expected code point offset; -1: do not check
		span   string // expected text of the span
	}{
		{name: "exact at offset", text: "The allies agreed on space cooperation.", sel: selector{quote: "space cooperation", start: 21}, status: Exact, start: 21, span: "space cooperation"},
		{name: "exact without offset", text: "The allies agreed on space cooperation.", sel: selector{quote: "agreed", start: -1}, status: Exact, start: 11, span: "agreed"},
		{name: "wrong offset relocates", text: "The allies agreed on space cooperation.", sel: selector{quote: "space cooperation", start: 3}, status: Relocated, start: 21, span: "space cooperation"},
		{name: "offset past the end relocates", text: "The allies agreed on space cooperation.", sel: selector{quote: "agreed", start: 500}, status: Relocated, start: 11, span: "agreed"},
		{name: "twice without context is ambiguous", text: twice, sel: selector{quote: "agreed on space", start: -1}, status: Ambiguous, start: 26, span: "agreed on space"},
		{name: "twice with prefix", text: twice, sel: selector{quote: "agreed on space", prefix: "Later the allies ", start: -1}, status: Exact, start: 60, span: "agreed on space"},
		{name: "twice with suffix", text: twice, sel: selector{quote: "agreed on space", suffix: " again", start: -1}, status: Exact, start: 60, span: "agreed on space"},
		{name: "twice with start", text: twice, sel: selector{quote: "agreed on space", start: 60}, status: Exact, start: 60, span: "agreed on space"},
		{name: "twice with near start", text: twice, sel: selector{quote: "agreed on space", start: 55}, status: Relocated, start: 60, span: "agreed on space"},
		{name: "case matters", text: twice, sel: selector{quote: "Space matters", start: -1}, status: Exact, start: 0, span: "Space matters"},
		{name: "context that fits nowhere", text: "The allies agreed on space cooperation.", sel: selector{quote: "agreed", prefix: "enemies ", start: -1}, status: Relocated, start: 11, span: "agreed"},
		{name: "no-break space in text", text: "the US\u00a0forces in Korea", sel: selector{quote: "US forces", start: -1}, status: Exact, start: 4, span: "US\u00a0forces"},
		{name: "en dash in text", text: "effectively leveraging US–ROK consultative bodies", sel: selector{quote: "US-ROK consultative bodies", start: -1}, status: Exact, start: 23, span: "US–ROK consultative bodies"},
		{name: "em dash in quote", text: "peace - not conflict", sel: selector{quote: "peace — not conflict", start: -1}, status: Exact, start: 0, span: "peace - not conflict"},
		{name: "curly quotes in text", text: "South Korea’s defence is “ironclad.”", sel: selector{quote: `South Korea's defence is "ironclad."`, start: -1}, status: Exact, start: 0, span: "South Korea’s defence is “ironclad.”"},
		{name: "line break and indentation", text: "in various areas,\n                     including space", sel: selector{quote: "areas, including space", start: -1}, status: Exact, start: 11, span: "areas,\n                     including space"},
		{name: "CRLF line ends", text: "first line\r\nsecond line\r\nthird", sel: selector{quote: "line second line", start: -1}, status: Exact, start: 6, span: "line\r\nsecond line"},
		{name: "CRLF offsets count CR", text: "a\r\nb\r\nspace", sel: selector{quote: "space", start: 6}, status: Exact, start: 6, span: "space"},
		{name: "Hangul", text: "한미 국방장관은 확장억제 강화를 논의했다", sel: selector{quote: "확장억제 강화", start: -1}, status: Exact, start: 9, span: "확장억제 강화"},
		{name: "Hangul no partial syllable", text: "한미 국방장관", sel: selector{quote: "국방장", start: -1}, status: Exact, start: 3, span: "국방장"},
		{name: "combining marks in text, precomposed quote", text: "the cafe\u0301 meeting", sel: selector{quote: "café meeting", start: -1}, status: Exact, start: 4, span: "cafe\u0301 meeting"},
		{name: "precomposed text, combining quote", text: "the café meeting", sel: selector{quote: "cafe\u0301", start: -1}, status: Exact, start: 4, span: "café"},
		{name: "a letter never matches without its mark", text: "the cafe\u0301 meeting", sel: selector{quote: "cafe", start: -1}, status: Orphaned, start: -1},
		{name: "lightly edited quote is fuzzy", text: "The allies will strengthen their cooperation in space and cyberspace today.", sel: selector{quote: "strenghten their cooperation in space and cyber space", start: -1}, status: Fuzzy, start: 16, span: "strengthen their cooperation in space and cyberspace"},
		{name: "heavily edited quote is orphaned", text: "The allies will strengthen their cooperation in space and cyberspace today.", sel: selector{quote: "weaken our rivalry on land and at sea, tomorrow", start: -1}, status: Orphaned, start: -1},
		{name: "short quote is never fuzzy", text: "The allies agreed.", sel: selector{quote: "agread", start: -1}, status: Orphaned, start: -1},
		{name: "empty quote", text: "text", sel: selector{quote: "  ", start: -1}, status: Orphaned, start: -1},
		{name: "absent quote", text: "text", sel: selector{quote: "missing words here and there", start: -1}, status: Orphaned, start: -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTextIndex(tt.text).anchor(tt.sel)
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
			if a.Status == Fuzzy && (a.Score <= 0.8 || a.Score >= 1) {
				t.Errorf("fuzzy score = %v, want in (0.8, 1)", a.Score)
			}
			if a.Status == Ambiguous && a.Matches != 2 {
				t.Errorf("matches = %d, want 2", a.Matches)
			}
		})
	}
}

func TestAnchorBoundedOnHugeText(t *testing.T) {
	// A missing long quote in a large, repetitive text must stay cheap: the
	// fuzzy search looks only at windows around exact pieces.
	text := strings.Repeat("the allies agreed on space and cyber cooperation. ", 20000)
	a := newTextIndex(text).anchor(selector{quote: "the allies agreed on land and sea cooperation for decades", start: -1})
	if a.Status != Orphaned && a.Status != Fuzzy {
		t.Fatalf("status = %v", a.Status)
	}
}
