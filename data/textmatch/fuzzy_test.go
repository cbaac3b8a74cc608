package textmatch

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// editSearch is the textbook table (Sellers' algorithm) that the
// bit-parallel search must agree with: the substring of text with the
// smallest edit distance to pattern, and its range, ties to the earliest
// end.
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

func editDistanceRunes(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func TestEditSearch(t *testing.T) {
	tests := []struct {
		pattern, text string
		dist          int
		match         string
	}{
		{"space", "in space today", 0, "space"},
		{"spice", "in space today", 1, "space"},
		{"cyberspace", "cyber space", 1, "cyber space"},
		{"abc", "xyz", 3, ""},
	}
	for _, tt := range tests {
		p, x := []rune(tt.pattern), []rune(tt.text)
		d, s, e := editSearch(p, x)
		if d != tt.dist || string(x[s:e]) != tt.match {
			t.Errorf("editSearch(%q, %q) = %d %q, want %d %q", tt.pattern, tt.text, d, string(x[s:e]), tt.dist, tt.match)
		}
	}
}

// The bit-parallel search gives the table's distance and first end, and
// its reverse pass a start whose substring is at that distance, for
// patterns of one, two and many machine words over small alphabets (where
// the carries between words matter most).
func TestBitPatternAgreesWithTheTable(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	word := func(n int, alphabet string) []rune {
		a := []rune(alphabet)
		out := make([]rune, n)
		for i := range out {
			out[i] = a[rng.Intn(len(a))]
		}
		return out
	}
	for trial := 0; trial < 600; trial++ {
		alphabet := []string{"ab", "abc", "acgt", "가나다라", "abcdefghijklmnopqrstuvwxyz "}[trial%5]
		m := []int{1, 5, 63, 64, 65, 127, 128, 129, 200}[trial%9]
		pattern := word(m, alphabet)
		text := word(rng.Intn(3*m+20), alphabet)
		if trial%3 == 0 && len(text) > m { // plant a near copy
			at := rng.Intn(len(text) - m + 1)
			copy(text[at:], pattern)
			text[at+rng.Intn(m)] = 'Z'
		}
		wantDist, _, wantEnd := editSearch(pattern, text)
		bp := newBitPattern(pattern)
		dist, end := bp.bestEnd(text)
		if dist != wantDist || (dist < m && end != wantEnd) {
			t.Fatalf("m=%d %q in %q: bestEnd = %d at %d, table %d at %d", m, string(pattern), string(text), dist, end, wantDist, wantEnd)
		}
		if dist == m {
			continue
		}
		n := newBitPattern(reversed(pattern)).bestStart(reversed(text[:end]), dist, m)
		if n == 0 && dist < m {
			t.Fatalf("m=%d: no start found for distance %d", m, dist)
		}
		if got := editDistanceRunes(pattern, text[end-n:end]); got != dist {
			t.Fatalf("m=%d: the match %q is at distance %d, not %d", m, string(text[end-n:end]), got, dist)
		}
	}
}

// paragraphWithTypos is a realistic paragraph of about n code points and a
// copy with typos, one in every 1/rate characters.
func paragraphWithTypos(n int, rate float64, seed int64) (text, quote string) {
	rng := rand.New(rand.NewSource(seed))
	words := strings.Fields("the two ministers reaffirmed the continued commitment of the United States to provide and strengthen extended deterrence for the Republic of Korea using the full range of military capabilities including nuclear conventional strike and missile defense 확장억제 한미동맹 space cyber cooperation alliance")
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(words[rng.Intn(len(words))])
		b.WriteByte(' ')
	}
	original := []rune(b.String())
	q := append([]rune(nil), original...)
	for i := range q {
		if rng.Float64() < rate {
			q[i] = 'x'
		}
	}
	return string(original), string(q)
}

// A long quote with typos anchors fuzzily, at the right place, with work
// bounded by the text plus the Quote: the old window search took 27 s for
// 8 KiB and 109 s for 16 KiB; here the word steps are counted.
func TestLongFuzzyQuotesAreBounded(t *testing.T) {
	for _, tc := range []struct {
		runes int
		rate  float64
	}{{4096, 0.015}, {8192, 0.015}, {16384, 0.02}, {32000, 0.02}} {
		t.Run(fmt.Sprint(tc.runes), func(t *testing.T) {
			para, quote := paragraphWithTypos(tc.runes, tc.rate, int64(tc.runes))
			filler, _ := paragraphWithTypos(200000, 0, 7)
			text := filler + " " + para + " " + filler
			work := &Budget{}
			idx := NewText(text, nil)
			idx.work = work
			a := idx.Anchor(Selector{Quote: quote, Start: -1})
			if a.Status != data.Fuzzy {
				t.Fatalf("status %v: %s", a.Status, a.Detail)
			}
			if got, want := a.Start, len([]rune(filler))+1; abs(got-want) > 2 {
				t.Errorf("start %d, want about %d", got, want)
			}
			m := int64(len([]rune(quote)))
			if spent := work.spent.Load(); spent > 8*m*(m/64+1) {
				t.Errorf("%d word steps for a %d-character quote", spent, m)
			}
		})
	}
}

// Past maxFuzzyRunes the quote is refused with a message, at once.
func TestHugeFuzzyQuoteIsRefusedWithAMessage(t *testing.T) {
	para, quote := paragraphWithTypos(1<<20, 0.01, 3)
	work := &Budget{}
	idx := NewText(para, nil)
	idx.work = work
	a := idx.Anchor(Selector{Quote: quote, Start: -1})
	if a.Status != data.Orphaned || !strings.Contains(a.Detail, "too long to look for an approximate match") {
		t.Fatalf("status %v: %s", a.Status, a.Detail)
	}
	if work.spent.Load() != 0 {
		t.Errorf("%d word steps spent", work.spent.Load())
	}
}

// A text made of one repeated sentence gives every piece thousands of
// occurrences; the search stays within its bound and says so when it
// stops.
func TestRepetitiveTextStaysWithinTheBound(t *testing.T) {
	unit := "the allies agreed on space and cyber cooperation. "
	text := strings.Repeat(unit, 200000)
	quote := strings.Repeat("the allies agreed on land and sea cooperation. ", 300)
	work := &Budget{}
	idx := NewText(text, nil)
	idx.work = work
	idx.Anchor(Selector{Quote: quote, Start: -1})
	if spent := work.spent.Load(); spent > fuzzyBudget {
		t.Errorf("%d word steps, bound %d", spent, fuzzyBudget)
	}
}

// The load's budget is shared: once it is spent, later quotes are orphaned
// with a message instead of searched.
func TestLoadBudgetStopsLaterQuotes(t *testing.T) {
	para, quote := paragraphWithTypos(2000, 0.02, 5)
	work := &Budget{}
	work.spent.Store(loadFuzzyBudget)
	idx := NewText(para, nil)
	idx.work = work
	a := idx.Anchor(Selector{Quote: quote, Start: -1})
	if a.Status != data.Orphaned || !strings.Contains(a.Detail, "bound on approximate matching") {
		t.Fatalf("status %v: %s", a.Status, a.Detail)
	}
}
