package textmatch

import (
	"fmt"
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// The approximate search that issue 12 replaced, kept as the benchmarks'
// baseline: windows around exact pieces, each aligned with the full
// edit-distance table (Sellers), so a window costs the quote's length
// squared.
func (t *Text) windowFuzzy(needle string, sel Selector) data.Anchor {
	const maxFuzzyWindows = 256
	pattern := []rune(needle)
	m := len(pattern)
	orphan := data.Anchor{Status: data.Orphaned, Detail: "the quote is not in the text"}
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
			r := t.runeAtForBaseline(b)
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
		if d == bestDist && sel.Start >= 0 && e > s {
			os, _ := t.folded.span(t.runePos[bestStart], t.runePos[bestStart]+1)
			ns, _ := t.folded.span(t.runePos[s], t.runePos[s]+1)
			better = abs(ns-sel.Start) < abs(os-sel.Start)
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
	a := t.anchorAt(data.Fuzzy, start, end)
	a.Score = 1 - float64(bestDist)/float64(m)
	a.Detail = fmt.Sprintf("only an approximate match was found (%d of %d characters differ): %q", bestDist, m, t.text[a.ByteStart:a.ByteEnd])
	return a
}

// runeAt converts a folded byte offset to an index in t.runes.
func (t *Text) runeAtForBaseline(b int) int {
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

// BenchmarkLongQuote anchors a paragraph of N code points with 2% typos in
// a 2 MiB text: the exact quote (baseline), the bit-parallel search, and
// for the shorter quotes the window search it replaced (which, in this
// text, ends orphaned).
func BenchmarkLongQuote(b *testing.B) {
	filler, _ := paragraphWithTypos(1<<20, 0, 7)
	for _, n := range []int{1024, 2048, 4096, 16384, 32000} {
		para, quote := paragraphWithTypos(n, 0.02, int64(n))
		idx := NewText(filler+" "+para+" "+filler, nil)
		idx.prepareRunes()
		needle := foldString(quote, false)
		b.Run(fmt.Sprintf("exact/%d", n), func(b *testing.B) {
			for range b.N {
				if a := idx.Anchor(Selector{Quote: para, Start: -1}); a.Status != data.Exact {
					b.Fatal(a.Status, a.Detail)
				}
			}
		})
		b.Run(fmt.Sprintf("bit-parallel/%d", n), func(b *testing.B) {
			for range b.N {
				if a := idx.fuzzy(needle, Selector{Start: -1}); a.Status != data.Fuzzy {
					b.Fatal(a.Status, a.Detail)
				}
			}
		})
		if n <= 2048 {
			// It finds no match here: its 256 windows are spent on the
			// filler's pieces before the paragraph is reached.
			b.Run(fmt.Sprintf("window-table/%d", n), func(b *testing.B) {
				for range b.N {
					idx.windowFuzzy(needle, Selector{Start: -1})
				}
			})
		}
	}
}
