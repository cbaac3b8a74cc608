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
		got := ParseTerm(term).In(s)
		if want := referenceTermIn(ParseTerm(term), s); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%q in %q: %v, the reference finds %v", term, text, got, want)
		}
		for _, m := range got {
			if m.ByteStart < 0 || m.ByteEnd > len(text) || m.ByteStart > m.ByteEnd {
				t.Fatalf("match %d–%d outside a text of %d bytes", m.ByteStart, m.ByteEnd, len(text))
			}
			if before := []rune(text[:m.ByteStart]); len(before) > 0 && wordRune(before[len(before)-1]) && m.ByteEnd > m.ByteStart && wordRune([]rune(text[m.ByteStart:m.ByteEnd])[0]) {
				t.Fatalf("%q matched inside a word at %d", term, m.ByteStart)
			}
		}
	})
}

// referenceTermIn is term matching as first written, and as search does
// it: fold the whole text, find the needle, keep the matches that stand
// as the term asks. The one-pass matcher must find exactly these.
func referenceTermIn(t Term, s *data.Source) []Match {
	if t.Empty() {
		return nil
	}
	out := t.matchesIn(s.Text, s.Excluded)
	for i := range out {
		out[i].Source, out[i].Field = s, InText
	}
	return out
}

// Several terms matched at once find what each finds alone.
func TestTermsTogether(t *testing.T) {
	text := "Space and cyberspace; outer-space. Cyber threats, 우주를 지키는 우주 협력. Extended  deterrence and extended\ndeterrence."
	s := &data.Source{ID: "s", Text: text}
	terms := ParseTerms("space, cyber*, 우주, extended deterrence, , extended")
	if len(terms) != 5 {
		t.Fatalf("%d terms parsed, want 5", len(terms))
	}
	got := map[int][]Match{}
	NewTerms(terms).Each(s, func(i int, m Match) { got[i] = append(got[i], m) })
	for i, term := range terms {
		if want := referenceTermIn(term, s); fmt.Sprint(got[i]) != fmt.Sprint(want) {
			t.Errorf("%q together: %v, alone: %v", term.Text, got[i], want)
		}
	}
}
