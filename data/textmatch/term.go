package textmatch

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// Term is a topic's term as suggestions, trends and term search match it:
// whole words, by Unicode word boundaries ("space" is not in
// "cyberspace"); a trailing "*" matches any ending ("interoperab*"); a
// term that ends in Hangul may be followed by more Hangul in its word (a
// particle: "우주" is in "우주를"); case, dashes, quotes, no-break spaces
// and line breaks folded as search folds them.
type Term struct {
	Text   string // as written
	needle string // folded, without the "*"
	prefix bool   // any ending allowed
}

// ParseTerm reads a term as a topic writes it.
func ParseTerm(s string) Term {
	t := Term{Text: s}
	body := strings.TrimSpace(s)
	if strings.HasSuffix(body, "*") {
		t.prefix = true
		body = strings.TrimSpace(strings.TrimSuffix(body, "*"))
	}
	t.needle = FoldForSearch(body)
	if last, _ := utf8.DecodeLastRuneInString(body); unicode.Is(unicode.Hangul, last) {
		t.prefix = true // a particle may follow
	}
	return t
}

// Empty reports whether the term matches nothing (it is blank).
func (t Term) Empty() bool { return strings.TrimSpace(t.needle) == "" }

// In finds the term in a source's text, outside its excluded ranges: each
// match's span in code points and bytes.
func (t Term) In(s *data.Source) []Match {
	if t.Empty() {
		return nil
	}
	var out []Match
	for _, m := range matchesIn(s.Text, s.Excluded, t.needle) {
		if !t.bounded(s.Text, m.ByteStart, m.ByteEnd) {
			continue
		}
		m.Source, m.Field = s, InText
		out = append(out, m)
	}
	return out
}

// bounded reports whether text[start:end] stands as a whole word: no
// letter or digit right before it, and none right after it unless the
// term allows an ending.
func (t Term) bounded(text string, start, end int) bool {
	if before, _ := utf8.DecodeLastRuneInString(text[:start]); start > 0 && wordRune(before) && wordRune(firstRune(text[start:])) {
		return false
	}
	if t.prefix || end >= len(text) {
		return true
	}
	after, _ := utf8.DecodeRuneInString(text[end:])
	last, _ := utf8.DecodeLastRuneInString(text[:end])
	return !(wordRune(after) && wordRune(last))
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
