package textmatch

import (
	"fmt"
	"strings"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// Selector is what an annotation says about its place: the W3C
// TextQuoteSelector (quote, prefix, suffix) and TextPositionSelector (start).
type Selector struct {
	Quote, Prefix, Suffix string
	Start                 int // -1 when not given
}

// Text is a source text prepared for anchoring many quotes.
type Text struct {
	text     string
	folded   foldedText
	runeByte []int32 // byte offset of every code point, plus len(text)
	runes    []rune  // the folded text as runes, made on first fuzzy search
	runePos  []int   // folded byte offset of each rune in runes
	work     *Budget // the load's approximate-matching budget; nil: none
}

// NewText prepares a text for anchoring. Approximate matching in it draws
// on budget, which may be shared; nil means only the per-quote bound.
func NewText(text string, budget *Budget) *Text {
	t := &Text{}
	t.Reset(text, budget)
	return t
}

// Reset prepares t for anchoring in another text, in the memory t used for
// the one before: a load anchors in up to hundreds of thousands of sources
// one after another, and each Text was garbage as soon as its source was
// done (62 MB of a load's 300 with 100,000 one-line sources). The anchors
// made before stay valid: they hold offsets, not t's memory.
func (t *Text) Reset(text string, budget *Budget) {
	t.text, t.work = text, budget
	t.folded = foldTextInto(t.folded, text, false)
	t.runeByte = t.runeByte[:0]
	for i := range text {
		t.runeByte = append(t.runeByte, int32(i))
	}
	t.runeByte = append(t.runeByte, int32(len(text)))
	t.runes, t.runePos = nil, nil // made on the first fuzzy search, which is rare
}

func (t *Text) anchorAt(status data.AnchorStatus, start, end int) data.Anchor {
	return data.Anchor{
		Status: status, Start: start, End: end,
		ByteStart: int(t.runeByte[start]), ByteEnd: int(t.runeByte[end]),
		Score: 1,
	}
}

// maxCandidates bounds the places examined for one quote, so a one-letter
// quote in a huge text costs little.
const maxCandidates = 10000

// anchor finds the Selector's quote in the text: at the given offset, else
// by quote disambiguated by prefix, suffix and nearest offset, else by a
// bounded approximate match, else not at all.
func (t *Text) Anchor(sel Selector) data.Anchor {
	needle := foldString(sel.Quote, false)
	if strings.TrimSpace(needle) == "" {
		return data.Anchor{Status: data.Orphaned, Detail: "the quote is empty"}
	}
	found := t.folded.matches(needle, maxCandidates)
	if len(found) == 0 {
		return t.fuzzy(needle, sel)
	}
	fitting := found[:0:0]
	for _, b := range found {
		if t.contextFits(b, b+len(needle), sel) {
			fitting = append(fitting, b)
		}
	}
	contextFits := len(fitting) > 0
	if !contextFits {
		fitting = found
	}
	best := fitting[0]
	if sel.Start >= 0 {
		bestDist := -1
		for _, b := range fitting {
			s, _ := t.folded.span(b, b+len(needle))
			if d := abs(s - sel.Start); bestDist < 0 || d < bestDist {
				best, bestDist = b, d
			}
		}
	}
	start, end := t.folded.span(best, best+len(needle))
	a := t.anchorAt(data.Exact, start, end)
	a.Matches = len(fitting)
	switch {
	case !contextFits:
		a.Status = data.Relocated
		a.Detail = "the prefix or suffix does not match the text around the quote"
	case sel.Start >= 0 && start != sel.Start:
		a.Status = data.Relocated
		a.Detail = fmt.Sprintf("the quote is at offset %d, not %d", start, sel.Start)
	case sel.Start < 0 && len(fitting) > 1:
		a.Status = data.Ambiguous
		places := fmt.Sprint(len(fitting))
		if len(found) == maxCandidates {
			places = fmt.Sprintf("at least %d", maxCandidates) // the search stops there
		}
		a.Detail = fmt.Sprintf("the quote fits %s places (offsets %s); add a prefix, suffix or start", places, t.offsetList(fitting, len(needle)))
	}
	return a
}

func (t *Text) offsetList(found []int, n int) string {
	var parts []string
	for i, b := range found {
		if i == 5 {
			parts = append(parts, "…")
			break
		}
		s, _ := t.folded.span(b, b+n)
		parts = append(parts, fmt.Sprint(s))
	}
	return strings.Join(parts, ", ")
}

// contextFits compares the Selector's prefix and suffix with the folded
// text just before and after a match, ignoring white space at their joints.
func (t *Text) contextFits(b, e int, sel Selector) bool {
	if p := strings.TrimSpace(foldString(sel.Prefix, false)); p != "" {
		if !strings.HasSuffix(strings.TrimRight(t.folded.s[:b], " "), p) {
			return false
		}
	}
	if s := strings.TrimSpace(foldString(sel.Suffix, false)); s != "" {
		if !strings.HasPrefix(strings.TrimLeft(t.folded.s[e:], " "), s) {
			return false
		}
	}
	return true
}

// find locates a marker text (an excluded range's from or to) by folded
// matching at or after code point offset from, returning code point offsets
// and how many places fit.
func (t *Text) Find(marker string, from int) (start, end, count int) {
	needle := foldString(marker, false)
	if strings.TrimSpace(needle) == "" {
		return 0, 0, 0
	}
	start, end = -1, -1
	for _, b := range t.folded.matches(needle, maxCandidates) {
		s, e := t.folded.span(b, b+len(needle))
		if s < from {
			continue
		}
		if count == 0 {
			start, end = s, e
		}
		count++
	}
	return start, end, count
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
