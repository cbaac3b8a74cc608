package data

import (
	"fmt"
	"strings"
)

// AnchorStatus tells how an annotation's quote was found in its source text.
type AnchorStatus int

const (
	// Exact: the quote is where the annotation says (at its start offset, or
	// the only place its quote and context fit).
	Exact AnchorStatus = iota
	// Relocated: the quote was found, but not at the given offset or not with
	// the given prefix and suffix.
	Relocated
	// Fuzzy: only an approximate match was found (a few characters differ).
	Fuzzy
	// Ambiguous: the quote and its context fit several places; the first is used.
	Ambiguous
	// Orphaned: the quote is not in the text.
	Orphaned
)

// AnchorStatuses lists every status in order, for reports.
var AnchorStatuses = []AnchorStatus{Exact, Relocated, Fuzzy, Ambiguous, Orphaned}

func (s AnchorStatus) String() string {
	return [...]string{"exact", "relocated", "fuzzy", "ambiguous", "orphaned"}[s]
}

// Anchor is where an annotation landed in its source text. Offsets count
// Unicode code points of the stored text (as in the W3C Web Annotation
// TextPositionSelector); ByteStart and ByteEnd index the Go string.
type Anchor struct {
	Status             AnchorStatus
	Start, End         int
	ByteStart, ByteEnd int
	Score              float64 // 1 for every found quote; below 1 for a fuzzy one
	Matches            int     // how many places fit (for ambiguous anchors)
	Detail             string  // why the status is not exact
}

// selector is what an annotation says about its place: the W3C
// TextQuoteSelector (quote, prefix, suffix) and TextPositionSelector (start).
type selector struct {
	quote, prefix, suffix string
	start                 int // -1 when not given
}

// textIndex is a source text prepared for anchoring many quotes.
type textIndex struct {
	text     string
	folded   foldedText
	runeByte []int32    // byte offset of every code point, plus len(text)
	runes    []rune     // the folded text as runes, made on first fuzzy search
	runePos  []int      // folded byte offset of each rune in runes
	work     *fuzzyWork // the load's approximate-matching budget; nil: none
}

func newTextIndex(text string) *textIndex {
	t := &textIndex{text: text, folded: foldText(text, false)}
	t.runeByte = make([]int32, 0, len(text)+1)
	for i := range text {
		t.runeByte = append(t.runeByte, int32(i))
	}
	t.runeByte = append(t.runeByte, int32(len(text)))
	return t
}

func (t *textIndex) anchorAt(status AnchorStatus, start, end int) Anchor {
	return Anchor{
		Status: status, Start: start, End: end,
		ByteStart: int(t.runeByte[start]), ByteEnd: int(t.runeByte[end]),
		Score: 1,
	}
}

// maxCandidates bounds the places examined for one quote, so a one-letter
// quote in a huge text costs little.
const maxCandidates = 10000

// anchor finds the selector's quote in the text: at the given offset, else
// by quote disambiguated by prefix, suffix and nearest offset, else by a
// bounded approximate match, else not at all.
func (t *textIndex) anchor(sel selector) Anchor {
	needle := foldString(sel.quote, false)
	if strings.TrimSpace(needle) == "" {
		return Anchor{Status: Orphaned, Detail: "the quote is empty"}
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
	if sel.start >= 0 {
		bestDist := -1
		for _, b := range fitting {
			s, _ := t.folded.span(b, b+len(needle))
			if d := abs(s - sel.start); bestDist < 0 || d < bestDist {
				best, bestDist = b, d
			}
		}
	}
	start, end := t.folded.span(best, best+len(needle))
	a := t.anchorAt(Exact, start, end)
	a.Matches = len(fitting)
	switch {
	case !contextFits:
		a.Status = Relocated
		a.Detail = "the prefix or suffix does not match the text around the quote"
	case sel.start >= 0 && start != sel.start:
		a.Status = Relocated
		a.Detail = fmt.Sprintf("the quote is at offset %d, not %d", start, sel.start)
	case sel.start < 0 && len(fitting) > 1:
		a.Status = Ambiguous
		places := fmt.Sprint(len(fitting))
		if len(found) == maxCandidates {
			places = fmt.Sprintf("at least %d", maxCandidates) // the search stops there
		}
		a.Detail = fmt.Sprintf("the quote fits %s places (offsets %s); add a prefix, suffix or start", places, t.offsetList(fitting, len(needle)))
	}
	return a
}

func (t *textIndex) offsetList(found []int, n int) string {
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

// contextFits compares the selector's prefix and suffix with the folded
// text just before and after a match, ignoring white space at their joints.
func (t *textIndex) contextFits(b, e int, sel selector) bool {
	if p := strings.TrimSpace(foldString(sel.prefix, false)); p != "" {
		if !strings.HasSuffix(strings.TrimRight(t.folded.s[:b], " "), p) {
			return false
		}
	}
	if s := strings.TrimSpace(foldString(sel.suffix, false)); s != "" {
		if !strings.HasPrefix(strings.TrimLeft(t.folded.s[e:], " "), s) {
			return false
		}
	}
	return true
}

// find locates a marker text (an excluded range's from or to) by folded
// matching at or after code point offset from, returning code point offsets
// and how many places fit.
func (t *textIndex) find(marker string, from int) (start, end, count int) {
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
