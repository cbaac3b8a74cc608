package textmatch

import (
	"fmt"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// Terms match whole words: not inside a longer word, with a prefix's
// endings, Hangul with its particles, folded as search folds, and never
// in excluded text.
func TestTermMatching(t *testing.T) {
	text := "Space and cyberspace; outer-space. The SPACE\u00a0domain, interoperability and interoperable forces. 우주를 지키는 우주 협력, 항공우주. “space”"
	s := &data.Source{ID: "s", Text: text}
	for _, c := range []struct {
		term string
		want []string
	}{
		{"space", []string{"Space", "space", "SPACE", "space"}},
		{"space domain", []string{"SPACE\u00a0domain"}},
		{"cyberspace", []string{"cyberspace"}},
		{"interoperab*", []string{"interoperab", "interoperab"}},
		{"interoperable", []string{"interoperable"}},
		{"우주", []string{"우주", "우주"}},
		{"outer–space", []string{"outer-space"}}, // dashes fold to one
		{"  ", nil},
	} {
		var got []string
		for _, m := range ParseTerm(c.term).In(s) {
			got = append(got, text[m.ByteStart:m.ByteEnd])
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%q: %q, want %q", c.term, got, c.want)
		}
	}
	s.Excluded = []data.Range{{Start: 0, End: 5}}
	if got := ParseTerm("space").In(s); len(got) != 3 {
		t.Errorf("excluded text matched: %d matches", len(got))
	}
}

// Any term in any text: no panic, and every match lies in the text, on
// whole characters, and starts a word.
func FuzzTerm(f *testing.F) {
	f.Add("space", "Space and cyberspace")
	f.Add("우주*", "우주를 지키는 항공우주")
	f.Add("a*", "\u00a0a\u2013b")
	f.Fuzz(func(t *testing.T, term, text string) {
		s := &data.Source{ID: "s", Text: text}
		for _, m := range ParseTerm(term).In(s) {
			if m.ByteStart < 0 || m.ByteEnd > len(text) || m.ByteStart > m.ByteEnd {
				t.Fatalf("match %d–%d outside a text of %d bytes", m.ByteStart, m.ByteEnd, len(text))
			}
			if before := []rune(text[:m.ByteStart]); len(before) > 0 && wordRune(before[len(before)-1]) && m.ByteEnd > m.ByteStart && wordRune([]rune(text[m.ByteStart:m.ByteEnd])[0]) {
				t.Fatalf("%q matched inside a word at %d", term, m.ByteStart)
			}
		}
	})
}
