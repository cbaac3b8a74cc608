package edit

import (
	"fmt"
	"strings"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// Place finds a new annotation's span in its source: the quote must be
// there exactly (as matching folds it), once, or once with the prefix,
// suffix or start given, and outside excluded text. It fills in the start
// and a prefix and suffix just long enough to make the quote unique, so
// the annotation stays anchored when the text around it is edited.
func Place(c *data.Corpus, a Annotation) (Annotation, data.Anchor, error) {
	if c.Topic(a.Topic) == nil {
		return a, data.Anchor{}, fmt.Errorf("there is no topic %q", a.Topic)
	}
	return PlaceQuote(c, a)
}

// PlaceQuote is Place for a topic that is not in the corpus yet (one being
// made with the annotation).
func PlaceQuote(c *data.Corpus, a Annotation) (Annotation, data.Anchor, error) {
	s := c.Source(a.Source)
	if s == nil {
		return a, data.Anchor{}, fmt.Errorf("there is no source %q", a.Source)
	}
	t := textmatch.NewText(s.Text, nil)
	an := t.Anchor(textmatch.Selector{Quote: a.Quote, Prefix: a.Prefix, Suffix: a.Suffix, Start: a.Start})
	switch {
	case an.Status == data.Orphaned:
		return a, an, fmt.Errorf("the quote is not in source %q", a.Source)
	case an.Status == data.Fuzzy:
		return a, an, fmt.Errorf("the quote is not in source %q as written (the nearest passage differs)", a.Source)
	case an.Status == data.Ambiguous:
		return a, an, fmt.Errorf("the quote occurs %d times in source %q; give --start, --prefix or --suffix", an.Matches, a.Source)
	case an.Status == data.Relocated && a.Start >= 0:
		return a, an, fmt.Errorf("the quote is not at offset %d: %s", a.Start, an.Detail)
	}
	for _, r := range s.Excluded {
		if an.Start < r.End && r.Start < an.End {
			return a, an, fmt.Errorf("the quote touches text excluded from counting (%s)", reasonOr(r.Reason))
		}
	}
	a.Start = an.Start
	a.Prefix, a.Suffix = uniqueContext(t, s.Text, a.Quote, an)
	return a, an, nil
}

func reasonOr(r string) string {
	if r == "" {
		return "no reason given"
	}
	return r
}

// uniqueContext grows a prefix and a suffix by words, up to 80 bytes each,
// until the quote with them fits one place alone (without the start).
func uniqueContext(t *textmatch.Text, text, quote string, an data.Anchor) (prefix, suffix string) {
	before, after := text[:an.ByteStart], text[an.ByteEnd:]
	for words := 1; words <= 12; words++ {
		prefix, suffix = lastWords(before, words), firstWords(after, words)
		got := t.Anchor(textmatch.Selector{Quote: quote, Prefix: prefix, Suffix: suffix, Start: -1})
		if got.Status == data.Exact && got.Start == an.Start {
			return prefix, suffix
		}
	}
	return prefix, suffix
}

func lastWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return clipBytes(strings.Join(f, " "), 80, true)
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return clipBytes(strings.Join(f, " "), 80, false)
}

// clipBytes keeps at most n bytes of s at its end (fromEnd) or start, on a
// character boundary.
func clipBytes(s string, n int, fromEnd bool) string {
	if len(s) <= n {
		return s
	}
	if fromEnd {
		i := len(s) - n
		for i < len(s) && s[i]&0xC0 == 0x80 {
			i++
		}
		return s[i:]
	}
	i := n
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i]
}
