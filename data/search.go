package data

import (
	"sort"
	"strings"
)

// Match is a place where a search phrase occurs in a source text.
type Match struct {
	Source             *Source
	Start, End         int // code points
	ByteStart, ByteEnd int
}

// Search finds a phrase in every source text, ignoring case, treating white
// space, dashes and quotes as matching folds them, and skipping excluded
// ranges. Matches come in source order, then text order; at most limit of
// them (limit <= 0: all).
func (c *Corpus) Search(phrase string, limit int) []Match {
	needle := FoldForSearch(phrase)
	if strings.TrimSpace(needle) == "" {
		return nil
	}
	folded := c.searchTexts()
	var out []Match
	for i, s := range c.Sources {
		if !strings.Contains(folded[i], needle) {
			continue // most sources: one scan of a cached string
		}
		f := foldText(s.Text, true)
		var runeByte []int
		for _, b := range f.matches(needle, 0) {
			start, end := f.span(b, b+len(needle))
			if inExcluded(s.Excluded, start, end) {
				continue
			}
			if runeByte == nil {
				runeByte = make([]int, 0, len(s.Text)+1)
				for i := range s.Text {
					runeByte = append(runeByte, i)
				}
				runeByte = append(runeByte, len(s.Text))
			}
			out = append(out, Match{Source: s, Start: start, End: end, ByteStart: runeByte[start], ByteEnd: runeByte[end]})
			if limit > 0 && len(out) >= limit {
				return out
			}
		}
	}
	return out
}

// searchTexts folds every source text for search once per corpus; the
// folded strings cost about as much memory as the texts.
func (c *Corpus) searchTexts() []string {
	c.searchOnce.Do(func() {
		c.folded = make([]string, len(c.Sources))
		for i, s := range c.Sources {
			c.folded[i] = foldString(s.Text, true)
		}
	})
	return c.folded
}

func inExcluded(ex []Range, start, end int) bool {
	i := sort.Search(len(ex), func(i int) bool { return ex[i].End > start })
	return i < len(ex) && ex[i].Start < end
}
