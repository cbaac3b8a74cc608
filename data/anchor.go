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
	runeByte []int32 // byte offset of every code point, plus len(text)
	runes    []rune  // the folded text as runes, made on first fuzzy search
	runePos  []int   // folded byte offset of each rune in runes
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
		a.Detail = fmt.Sprintf("the quote fits %d places (offsets %s); add a prefix, suffix or start", len(fitting), t.offsetList(fitting, len(needle)))
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

// Fuzzy matching allows up to one edit in eight characters, and only for
// quotes long enough that a few edits cannot turn them into another phrase.
const (
	minFuzzyRunes   = 12
	fuzzyEditsPer   = 8
	maxFuzzyWindows = 256
)

// fuzzy looks for the best approximate occurrence of the folded needle. By
// the pigeonhole principle, a match with at most k edits contains one of k+1
// disjoint pieces of the needle unchanged, so only the windows around exact
// occurrences of those pieces are searched: the cost is bounded by the
// number of windows, not the length of the text.
func (t *textIndex) fuzzy(needle string, sel selector) Anchor {
	pattern := []rune(needle)
	m := len(pattern)
	orphan := Anchor{Status: Orphaned, Detail: "the quote is not in the text"}
	if m < minFuzzyRunes {
		return orphan
	}
	k := m / fuzzyEditsPer
	if k < 1 {
		k = 1
	}
	t.prepareRunes()
	pieceLen := m / (k + 1)
	type window struct{ lo, hi int }
	var windows []window
	seen := map[int]bool{}
	for p := 0; p <= k && len(windows) < maxFuzzyWindows; p++ {
		piece := string(pattern[p*pieceLen : (p+1)*pieceLen])
		for at := 0; len(windows) < maxFuzzyWindows; {
			i := strings.Index(t.folded.s[at:], piece)
			if i < 0 {
				break
			}
			b := at + i
			at = b + 1
			r := t.runeAt(b)
			lo := max(0, r-p*pieceLen-k)
			if seen[lo] {
				continue
			}
			seen[lo] = true
			windows = append(windows, window{lo, min(len(t.runes), lo+m+2*k)})
		}
	}
	bestDist, bestStart, bestEnd := k+1, 0, 0
	for _, w := range windows {
		d, s, e := editSearch(pattern, t.runes[w.lo:w.hi])
		s, e = s+w.lo, e+w.lo
		better := d < bestDist
		if d == bestDist && sel.start >= 0 && e > s {
			os, _ := t.folded.span(t.runePos[bestStart], t.runePos[bestStart]+1)
			ns, _ := t.folded.span(t.runePos[s], t.runePos[s]+1)
			better = abs(ns-sel.start) < abs(os-sel.start)
		}
		if better && e > s {
			bestDist, bestStart, bestEnd = d, s, e
		}
	}
	if bestDist > k {
		return orphan
	}
	b, e := t.runePos[bestStart], t.runePos[bestEnd]
	start, end := t.folded.span(b, e)
	a := t.anchorAt(Fuzzy, start, end)
	a.Score = 1 - float64(bestDist)/float64(m)
	a.Detail = fmt.Sprintf("only an approximate match was found (%d of %d characters differ): %q", bestDist, m, t.text[a.ByteStart:a.ByteEnd])
	return a
}

func (t *textIndex) prepareRunes() {
	if t.runes != nil {
		return
	}
	t.runes = make([]rune, 0, len(t.folded.s))
	t.runePos = make([]int, 0, len(t.folded.s)+1)
	for b, r := range t.folded.s {
		t.runes = append(t.runes, r)
		t.runePos = append(t.runePos, b)
	}
	t.runePos = append(t.runePos, len(t.folded.s))
}

// runeAt converts a folded byte offset to an index in t.runes.
func (t *textIndex) runeAt(b int) int {
	lo, hi := 0, len(t.runePos)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if t.runePos[mid] < b {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// editSearch finds the substring of text with the smallest edit
// (Levenshtein) distance to pattern (Sellers' algorithm) and returns the
// distance and the substring's rune range. Ties go to the earliest end.
func editSearch(pattern, text []rune) (dist, start, end int) {
	m := len(pattern)
	prev := make([]int, m+1)
	cur := make([]int, m+1)
	prevStart := make([]int, m+1)
	curStart := make([]int, m+1)
	for i := range prev {
		prev[i] = i
	}
	dist, start, end = prev[m], 0, 0
	for j := 1; j <= len(text); j++ {
		cur[0], curStart[0] = 0, j
		for i := 1; i <= m; i++ {
			cost := 1
			if pattern[i-1] == text[j-1] {
				cost = 0
			}
			c, s := prev[i-1]+cost, prevStart[i-1]
			if prev[i]+1 < c {
				c, s = prev[i]+1, prevStart[i]
			}
			if cur[i-1]+1 < c {
				c, s = cur[i-1]+1, curStart[i-1]
			}
			cur[i], curStart[i] = c, s
		}
		if cur[m] < dist {
			dist, start, end = cur[m], curStart[m], j
		}
		prev, cur = cur, prev
		prevStart, curStart = curStart, prevStart
	}
	return dist, start, end
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
