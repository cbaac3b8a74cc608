package textmatch

import (
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"sync/atomic"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// Approximate anchoring: a quote that is not in the text as written may
// still be there with a few characters changed (a typo, a word re-spelt).
// It is found in two steps whose cost grows with the text plus the quote,
// never with their product:
//
//  1. Candidates. The quote is cut into k+1 disjoint pieces. An edit
//     changes at most one piece, so a match within d <= k edits keeps at
//     least k+1-d pieces intact, each on a diagonal (its text position
//     minus its position in the quote) within d of where the match
//     starts. One pass of a rolling hash over the text finds every place a
//     piece occurs; the windows of diagonals with the most distinct pieces
//     become the regions to search, best first, and once a match within d
//     is found, regions with fewer than k+1-d pieces are not searched at
//     all.
//  2. Alignment. Each region is searched for the substring nearest to the
//     quote in edit distance with the bit-parallel algorithm of Myers, in
//     Hyyrö's form for quotes longer than a machine word: 64 cells of the
//     edit-distance table per instruction, so a region costs about
//     len(region) × len(quote) / 64 word steps. A second pass over the
//     reversed quote finds where the best match starts.
//
// The work is capped per quote (fuzzyBudget) and per load (loadFuzzyBudget),
// and quotes longer than maxFuzzyRunes are not searched approximately: past
// a cap the annotation is orphaned with a message that says so, never slow.
const (
	// minFuzzyRunes: a shorter quote is never matched approximately, since
	// a few edits could turn it into another phrase.
	minFuzzyRunes = 12
	// fuzzyEditsPer: up to one edit in this many characters.
	fuzzyEditsPer = 8
	// maxFuzzyRunes bounds the quotes searched approximately: a region of
	// such a quote costs about 2×32768²/64 = 34 million word steps.
	maxFuzzyRunes = 32768
	// fuzzyBudget bounds the word steps of one quote's search (at most
	// half a second on the machines of BENCHMARKS.md), loadFuzzyBudget
	// those of a whole load (about eight seconds of one core).
	fuzzyBudget     = 1 << 27
	loadFuzzyBudget = 1 << 31
	// maxFuzzyRegions bounds the regions aligned for one quote, and
	// maxFuzzyVotes the piece occurrences counted (a repetitive text).
	maxFuzzyRegions = 64
	maxFuzzyVotes   = 1 << 25
)

// Budget bounds the approximate matching of many texts: a load shares one
// among the Texts it anchors in, so the load's total work is bounded
// (loadFuzzyBudget word steps). The zero value is a full budget.
type Budget struct{ spent atomic.Int64 }

// Reset makes the budget full again, for a load that starts over.
func (w *Budget) Reset() { w.spent.Store(0) }

// take reserves n word steps, reporting false when the load's budget would
// be passed.
func (w *Budget) take(n int64) bool {
	if w == nil {
		return true
	}
	if w.spent.Add(n) > loadFuzzyBudget {
		w.spent.Add(-n)
		return false
	}
	return true
}

// fuzzy looks for the best approximate occurrence of the folded needle.
func (t *Text) fuzzy(needle string, sel Selector) data.Anchor {
	orphan := data.Anchor{Status: data.Orphaned, Detail: "the quote is not in the text"}
	pattern := []rune(needle)
	m := len(pattern)
	if m < minFuzzyRunes {
		return orphan
	}
	if m > maxFuzzyRunes {
		orphan.Detail = fmt.Sprintf("the quote is not in the text as written, and at %d characters it is too long to look for an approximate match (at most %d); correct the quote", m, maxFuzzyRunes)
		return orphan
	}
	k := max(1, m/fuzzyEditsPer)
	t.prepareRunes()
	regions, counted := t.fuzzyRegions(pattern, k)
	fwd := newBitPattern(pattern)
	var rev *bitPattern
	best := struct{ dist, start, end int }{dist: k + 1}
	spent, stopped := int64(0), ""
	if counted {
		stopped = "the text holds too many pieces of the quote to count them all"
	}
	for _, rg := range regions {
		// Each edit changes at most one of the k+1 disjoint pieces, so a
		// match within best.dist edits keeps k+1-best.dist of them intact,
		// on its region's diagonals: a region with fewer cannot beat it.
		if rg.pieces < k+1-best.dist {
			break // the regions come most pieces first
		}
		cost := int64(rg.hi-rg.lo) * int64(fwd.words) * 2 // the forward pass and, at most, the reverse one
		if spent+cost > fuzzyBudget {
			stopped = "the approximate search of this quote reached its bound"
			break
		}
		if !t.work.take(cost) {
			stopped = "the corpus reached its bound on approximate matching; later quotes were not searched"
			break
		}
		spent += cost
		dist, end := fwd.bestEnd(t.runes[rg.lo:rg.hi])
		if dist > k || dist > best.dist {
			continue
		}
		end += rg.lo
		if rev == nil {
			rev = newBitPattern(reversed(pattern))
		}
		from := max(rg.lo, end-m-k)
		start := end - rev.bestStart(reversed(t.runes[from:end]), dist, m)
		if start >= end {
			continue
		}
		better := dist < best.dist
		if dist == best.dist && sel.Start >= 0 {
			better = abs(t.codePoint(start)-sel.Start) < abs(t.codePoint(best.start)-sel.Start)
		}
		if better {
			best.dist, best.start, best.end = dist, start, end
		}
	}
	if best.dist > k {
		if stopped != "" {
			orphan.Detail += " (" + stopped + ")"
		}
		return orphan
	}
	b, e := t.runePos[best.start], t.runePos[best.end]
	start, end := t.folded.span(b, e)
	a := t.anchorAt(data.Fuzzy, start, end)
	a.Score = 1 - float64(best.dist)/float64(m)
	a.Detail = fmt.Sprintf("only an approximate match was found (%d of %d characters differ): %q", best.dist, m, safetext.ClipMiddle(t.text[a.ByteStart:a.ByteEnd], 120))
	return a
}

// codePoint is the original code point offset of folded rune i.
func (t *Text) codePoint(i int) int {
	s, _ := t.folded.span(t.runePos[i], t.runePos[i]+1)
	return s
}

// region is a stretch [lo, hi) of the folded runes that may hold a match,
// and how many distinct pieces of the quote its diagonals hold at most.
type region struct{ lo, hi, pieces int }

// fuzzyRegions finds, in one pass of a rolling hash over the text, where
// the k+1 pieces of the pattern occur, and returns the regions to search,
// most pieces first, at most maxFuzzyRegions of them. The diagonals are
// kept in buckets of width w >= k, each a bit set of the pieces seen on
// it; three neighbouring buckets hold every diagonal of any match within k
// edits, so their union's size is an upper bound on its intact pieces.
// stopped is true when the text had more piece occurrences than
// maxFuzzyVotes and its end was not counted.
func (t *Text) fuzzyRegions(pattern []rune, k int) (regions []region, stopped bool) {
	m, n := len(pattern), len(t.runes)
	pieceLen := m / (k + 1)
	if n < pieceLen {
		return nil, false
	}
	const base = 1000003
	hash := func(rs []rune) uint64 {
		var h uint64
		for _, r := range rs {
			h = h*base + uint64(r)
		}
		return h
	}
	pieces := map[uint64][]int{}
	var maybe [1 << 10]uint64 // a bit per hash's low 16 bits: most places are no piece
	for p := 0; p <= k; p++ {
		h := hash(pattern[p*pieceLen : (p+1)*pieceLen])
		pieces[h] = append(pieces[h], p)
		maybe[h>>6&(1<<10-1)] |= 1 << (h & 63)
	}
	top := uint64(1) // base^(pieceLen-1)
	for range pieceLen - 1 {
		top *= base
	}
	w := max(k, 256)
	words := (k + 1 + 63) / 64
	// Diagonals run from -m to n; bucket b holds [b*w-m, (b+1)*w-m).
	buckets := (n+m)/w + 1
	seen := make([]uint64, buckets*words)
	votes := 0
	h := hash(t.runes[:pieceLen])
	for j := 0; ; j++ {
		if maybe[h>>6&(1<<10-1)]&(1<<(h&63)) != 0 {
			for _, p := range pieces[h] {
				b := (j - p*pieceLen + m) / w
				seen[b*words+p/64] |= 1 << (p % 64)
				votes++
			}
			if votes >= maxFuzzyVotes {
				stopped = true
				break
			}
		}
		if j+pieceLen >= n {
			break
		}
		h = (h-uint64(t.runes[j])*top)*base + uint64(t.runes[j+pieceLen])
	}
	// The pieces of each window of three buckets.
	type window struct{ bucket, pieces int }
	var windows []window
	for b := 0; b < buckets; b++ {
		count := 0
		for x := 0; x < words; x++ {
			u := seen[b*words+x]
			if b+1 < buckets {
				u |= seen[(b+1)*words+x]
			}
			if b+2 < buckets {
				u |= seen[(b+2)*words+x]
			}
			count += bits.OnesCount64(u)
		}
		if count > 0 {
			windows = append(windows, window{b, count})
		}
	}
	sort.SliceStable(windows, func(i, j int) bool { return windows[i].pieces > windows[j].pieces })
	// A chosen window's region covers its two neighbours on each side too,
	// so a window near a chosen one need not be searched again.
	var chosen []int
	for _, win := range windows {
		if len(regions) == maxFuzzyRegions {
			break
		}
		if slices.ContainsFunc(chosen, func(b int) bool { return abs(b-win.bucket) <= 2 }) {
			continue
		}
		chosen = append(chosen, win.bucket)
		lo := (win.bucket-2)*w - m - k
		hi := (win.bucket+5)*w - m + m + 2*k
		regions = append(regions, region{lo: max(0, lo), hi: min(n, hi), pieces: win.pieces})
	}
	return regions, stopped
}

// prepareRunes makes the folded text's runes, on the first approximate
// search of the text.
func (t *Text) prepareRunes() {
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

func reversed(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[len(rs)-1-i] = r
	}
	return out
}

// bitPattern is a pattern prepared for bit-parallel edit-distance search:
// for each of its characters, the bit set of the rows where it occurs, in
// blocks of 64 rows.
type bitPattern struct {
	m, words int
	lastBit  uint64 // the bit of row m in the last block
	peq      map[rune][]uint64
	none     []uint64
}

func newBitPattern(p []rune) *bitPattern {
	words := (len(p) + 63) / 64
	bp := &bitPattern{m: len(p), words: words, lastBit: 1 << ((len(p) - 1) % 64), peq: map[rune][]uint64{}, none: make([]uint64, words)}
	for i, r := range p {
		eq := bp.peq[r]
		if eq == nil {
			eq = make([]uint64, words)
			bp.peq[r] = eq
		}
		eq[i/64] |= 1 << (i % 64)
	}
	return bp
}

// columns runs the algorithm over text and calls visit with each column j
// (1-based) and the distance in the pattern's last row there. With free
// set, a match may start anywhere in text (Sellers' search: the top row is
// all zeros); without it, the match starts at text[0] (the top row counts
// the text's characters).
func (bp *bitPattern) columns(text []rune, free bool, visit func(j, score int) bool) {
	pv := make([]uint64, bp.words)
	mv := make([]uint64, bp.words)
	for i := range pv {
		pv[i] = ^uint64(0)
	}
	score := bp.m
	last := bp.words - 1
	const high = uint64(1) << 63
	for j, c := range text {
		eqs := bp.peq[c]
		if eqs == nil {
			eqs = bp.none
		}
		hin := 1
		if free {
			hin = 0
		}
		for b := 0; b <= last; b++ {
			eq, p, mm := eqs[b], pv[b], mv[b]
			xv := eq | mm
			if hin < 0 {
				eq |= 1
			}
			xh := (((eq & p) + p) ^ p) | eq
			ph := mm | ^(xh | p)
			mh := p & xh
			bit := high
			if b == last {
				bit = bp.lastBit
			}
			hout := 0
			if ph&bit != 0 {
				hout = 1
			} else if mh&bit != 0 {
				hout = -1
			}
			ph <<= 1
			mh <<= 1
			if hin < 0 {
				mh |= 1
			} else if hin > 0 {
				ph |= 1
			}
			pv[b] = mh | ^(xv | ph)
			mv[b] = ph & xv
			hin = hout
		}
		score += hin
		if !visit(j+1, score) {
			return
		}
	}
}

// bestEnd returns the smallest edit distance between the pattern and any
// substring of text, and the first end (exclusive) where it is reached.
func (bp *bitPattern) bestEnd(text []rune) (dist, end int) {
	dist, end = bp.m, 0
	bp.columns(text, true, func(j, score int) bool {
		if score < dist {
			dist, end = score, j
		}
		return true
	})
	return dist, end
}

// bestStart takes text reversed from a match's end and returns the length
// of the match: the prefix of text at distance dist from the (reversed)
// pattern, the one nearest to length m when several are.
func (bp *bitPattern) bestStart(text []rune, dist, m int) int {
	length, off := 0, -1
	bp.columns(text, false, func(j, score int) bool {
		if score == dist && (off < 0 || abs(j-m) < off) {
			length, off = j, abs(j-m)
		}
		return j < m+dist // no longer prefix is within dist
	})
	return length
}
