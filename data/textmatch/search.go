package textmatch

import (
	"sort"
	"strings"
	"sync"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// Match is a place where a search phrase occurs in a source text.
type Match struct {
	Source             *data.Source
	Start, End         int // code points
	ByteStart, ByteEnd int
}

// Searcher searches the source texts of one corpus. It folds every text
// once, on the first search, and keeps the folded strings, which cost about
// as much memory as the texts. It is safe for use by several goroutines.
type Searcher struct {
	corpus *data.Corpus
	once   sync.Once
	folded []string
}

// NewSearcher prepares to search the corpus' texts; it folds nothing yet.
func NewSearcher(c *data.Corpus) *Searcher { return &Searcher{corpus: c} }

// Search finds a phrase in every source text, ignoring case, treating white
// space, dashes and quotes as matching folds them, and skipping excluded
// ranges. Matches come in source order, then text order; at most limit of
// them (limit <= 0: all).
func (sr *Searcher) Search(phrase string, limit int) []Match {
	needle := FoldForSearch(phrase)
	if strings.TrimSpace(needle) == "" {
		return nil
	}
	folded := sr.texts()
	var out []Match
	for i, s := range sr.corpus.Sources {
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

// texts folds every source text for search, once.
func (sr *Searcher) texts() []string {
	sr.once.Do(func() {
		sr.folded = make([]string, len(sr.corpus.Sources))
		for i, s := range sr.corpus.Sources {
			sr.folded[i] = foldString(s.Text, true)
		}
	})
	return sr.folded
}

func inExcluded(ex []data.Range, start, end int) bool {
	i := sort.Search(len(ex), func(i int) bool { return ex[i].End > start })
	return i < len(ex) && ex[i].Start < end
}
