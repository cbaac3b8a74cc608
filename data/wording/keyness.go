package wording

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// Part is a part of the corpus keyness compares: the text of the sources
// of the meetings in a year range or of one meeting, or the spans of one
// topic's annotations; each source (or span) once.
type Part struct {
	Label            string
	FromYear, ToYear int    // a year range (both set)
	Meeting          string // or a meeting id
	Topic            string // or a topic id: its spans
	Rest             bool   // or everything the other part does not hold
}

// ParsePart reads a part as the command line writes it: "2012",
// "2020-2023", "meeting:ID", "topic:ID", or "rest".
func ParsePart(s string) (Part, error) {
	s = strings.TrimSpace(s)
	p := Part{Label: s}
	switch {
	case s == "rest":
		p.Rest = true
	case strings.HasPrefix(s, "meeting:") || strings.HasPrefix(s, "topic:"):
		kind, id, _ := strings.Cut(s, ":")
		if id = strings.TrimSpace(id); id == "" {
			return Part{}, fmt.Errorf("%q names no %s: give %s:ID", s, kind, kind)
		}
		if kind == "meeting" {
			p.Meeting = id
		} else {
			p.Topic = id
		}
	default:
		from, to, found := strings.Cut(s, "-")
		if !found {
			to = from
		}
		var err1, err2 error
		p.FromYear, err1 = strconv.Atoi(strings.TrimSpace(from))
		p.ToYear, err2 = strconv.Atoi(strings.TrimSpace(to))
		if err1 != nil || err2 != nil || p.FromYear < 1000 || p.ToYear > 9999 || p.ToYear < p.FromYear {
			return Part{}, fmt.Errorf("%q is not a part: give a year (2012), a range of years (2020-2023), meeting:ID, topic:ID or rest", s)
		}
	}
	return p, nil
}

// KeyTerm is a word or a two-word phrase and how distinctive it is of A.
type KeyTerm struct {
	Term string
	A, B int // occurrences in each part
	// G2 is the log-likelihood (Rayson and Garside 2000); LogRatio the
	// effect size, log2 of the relative frequencies' ratio (a zero count
	// taken as 0.5). Positive LogRatio: more frequent in A.
	G2, LogRatio float64
	// Occurrences are where the term occurs, in A then in B, for listing
	// in context.
	Occurrences []textmatch.Match
}

// KeynessQuery asks for a comparison.
type KeynessQuery struct {
	A, B    Part
	MinFreq int // the least A+B a term needs; 0: 5
	// Keep is how many terms to keep of each part (by G2); 0: all.
	Keep int
}

// Keyness is the comparison of two parts.
type Keyness struct {
	Query          KeynessQuery
	WordsA, WordsB int       // tokens counted in each part
	Terms          []KeyTerm // A's terms by G2, then B's
}

// segment is a stretch of one source's text that a part holds, in bytes
// and code points.
type segment struct {
	source           *data.Source
	start, end, cpAt int
}

// Compare counts the words and two-word phrases of both parts, stop words
// left out, and ranks them by G2: the terms more frequent in A first, then
// those more frequent in B.
func Compare(ctx context.Context, c *data.Corpus, q KeynessQuery) (*Keyness, error) {
	if q.MinFreq <= 0 {
		q.MinFreq = 5
	}
	if q.A.Rest {
		return nil, fmt.Errorf("part A cannot be the rest; give it as B")
	}
	segA, err := segments(c, q.A, nil)
	if err != nil {
		return nil, fmt.Errorf("part A: %w", err)
	}
	segB, err := segments(c, q.B, segA)
	if err != nil {
		return nil, fmt.Errorf("part B: %w", err)
	}
	a, err := countParts(ctx, segA)
	if err != nil {
		return nil, err
	}
	b, err := countParts(ctx, segB)
	if err != nil {
		return nil, err
	}
	k := &Keyness{Query: q, WordsA: a.words, WordsB: b.words}
	seen := map[string]bool{}
	add := func(term string) {
		if seen[term] {
			return
		}
		seen[term] = true
		fa, fb := a.freq[term], b.freq[term]
		if fa+fb < q.MinFreq {
			return
		}
		g2 := G2(fa, fb, a.words, b.words)
		k.Terms = append(k.Terms, KeyTerm{Term: term, A: fa, B: fb, G2: g2, LogRatio: LogRatio(fa, fb, a.words, b.words)})
	}
	for term := range a.freq {
		add(term)
	}
	for term := range b.freq {
		add(term)
	}
	sort.Slice(k.Terms, func(i, j int) bool {
		x, y := k.Terms[i], k.Terms[j]
		if ax, ay := x.LogRatio > 0, y.LogRatio > 0; ax != ay {
			return ax
		}
		if x.G2 != y.G2 {
			return x.G2 > y.G2
		}
		return x.Term < y.Term
	})
	if q.Keep > 0 {
		var kept []KeyTerm
		nA, nB := 0, 0
		for _, t := range k.Terms {
			if t.LogRatio > 0 && nA < q.Keep {
				kept, nA = append(kept, t), nA+1
			} else if t.LogRatio <= 0 && nB < q.Keep {
				kept, nB = append(kept, t), nB+1
			}
		}
		k.Terms = kept
	}
	return k, nil
}

// Occurrences finds where a term of the comparison occurs, in A then B.
func (k *Keyness) Occurrences(c *data.Corpus, term string) []textmatch.Match {
	segA, _ := segments(c, k.Query.A, nil)
	segB, _ := segments(c, k.Query.B, segA)
	var out []textmatch.Match
	for _, seg := range append(segA, segB...) {
		forTokens(seg, func(word string, prev string, m, pm textmatch.Match) {
			if word == term || prev != "" && prev+" "+word == term {
				if word != term {
					m.Start, m.ByteStart = pm.Start, pm.ByteStart
				}
				out = append(out, m)
			}
		})
	}
	return out
}

// G2 is the log-likelihood of frequencies a in A and b in B, of totals na
// and nb: 2 Σ O ln(O/E), the expected E from the pooled frequency.
func G2(a, b, na, nb int) float64 {
	if na == 0 || nb == 0 {
		return 0
	}
	total := float64(a + b)
	ea := float64(na) * total / float64(na+nb)
	eb := float64(nb) * total / float64(na+nb)
	g := 0.0
	if a > 0 {
		g += float64(a) * math.Log(float64(a)/ea)
	}
	if b > 0 {
		g += float64(b) * math.Log(float64(b)/eb)
	}
	return 2 * g
}

// LogRatio is log2 of the ratio of relative frequencies (Hardie 2014), a
// zero frequency taken as 0.5 so the ratio stays finite.
func LogRatio(a, b, na, nb int) float64 {
	if na == 0 || nb == 0 {
		return 0
	}
	fa, fb := float64(a), float64(b)
	if fa == 0 {
		fa = 0.5
	}
	if fb == 0 {
		fb = 0.5
	}
	return math.Log2((fa / float64(na)) / (fb / float64(nb)))
}

// segments lists the text a part holds; for the rest, what other does not.
func segments(c *data.Corpus, p Part, other []segment) ([]segment, error) {
	var out []segment
	whole := func(s *data.Source) { out = append(out, segment{source: s, end: len(s.Text)}) }
	switch {
	case p.Rest:
		held := map[*data.Source]bool{}
		for _, seg := range other {
			held[seg.source] = true
		}
		for _, s := range c.Sources {
			if !held[s] && len(s.Meetings) > 0 {
				whole(s)
			}
		}
	case p.Meeting != "":
		m := c.Meeting(p.Meeting)
		if m == nil {
			return nil, fmt.Errorf("there is no meeting %q", p.Meeting)
		}
		for _, s := range m.Sources {
			whole(s)
		}
	case p.Topic != "":
		t := c.Topic(p.Topic)
		if t == nil {
			return nil, fmt.Errorf("there is no topic %q", p.Topic)
		}
		for _, s := range c.Sources {
			var spans []data.Range
			for _, a := range s.Annotations {
				if a.Topic == t && a.Counted() {
					spans = append(spans, data.Range{Start: a.Anchor.ByteStart, End: a.Anchor.ByteEnd})
				}
			}
			for _, r := range data.MergeRanges(spans) {
				out = append(out, segment{source: s, start: r.Start, end: r.End, cpAt: utf8.RuneCountInString(s.Text[:r.Start])})
			}
		}
	default:
		seen := map[*data.Source]bool{}
		for _, m := range c.MeetingsByDate() {
			if m.Date.Year < p.FromYear || m.Date.Year > p.ToYear {
				continue
			}
			for _, s := range m.Sources {
				if !seen[s] {
					seen[s] = true
					whole(s)
				}
			}
		}
	}
	return out, nil
}

// partCounts are a part's term frequencies and its tokens.
type partCounts struct {
	freq  map[string]int
	words int
}

// countParts counts the segments' words and two-word phrases, on all
// cores, each worker into maps of its own, merged at the end.
func countParts(ctx context.Context, segs []segment) (partCounts, error) {
	sources := make([]*data.Source, len(segs)) // EachSource hands out indexes
	for i, seg := range segs {
		sources[i] = seg.source
	}
	type local struct {
		freq  map[string]int
		words int
	}
	perSegment := make([]*local, len(segs))
	err := data.EachSource(ctx, sources, func(i int, _ *data.Source) {
		l := &local{freq: map[string]int{}}
		forTokens(segs[i], func(word, prev string, _, _ textmatch.Match) {
			l.words++
			if stopWords[word] {
				return
			}
			l.freq[word]++
			if prev != "" && !stopWords[prev] {
				l.freq[prev+" "+word]++
			}
		})
		perSegment[i] = l
	})
	if err != nil {
		return partCounts{}, err
	}
	out := partCounts{freq: map[string]int{}}
	for _, l := range perSegment {
		if l == nil {
			continue
		}
		out.words += l.words
		for t, n := range l.freq {
			out.freq[t] += n
		}
	}
	return out, nil
}

// forTokens calls visit with each word of a segment outside excluded
// text, folded (lower case, as search folds), with the word before it
// when the two stand in one phrase (only spaces or a hyphen between
// them), and both words' places.
func forTokens(seg segment, visit func(word, prev string, m, pm textmatch.Match)) {
	s := seg.source
	text := s.Text
	ex := s.Excluded
	next := 0
	cp := seg.cpAt
	var prev string
	var pm textmatch.Match
	joined := true // nothing but spaces or a hyphen since the last word
	for i := seg.start; i < seg.end; {
		r, size := utf8.DecodeRuneInString(text[i:])
		for next < len(ex) && cp >= ex[next].End {
			next++
		}
		if next < len(ex) && cp >= ex[next].Start || !isWord(r) {
			if !(r == ' ' || r == '-' || r == '\u00a0' || r == '\n' || r == '\r' || r == '\t') || next < len(ex) && cp >= ex[next].Start {
				joined = false
			}
			i += size
			cp++
			continue
		}
		start, startCP := i, cp
		for i < seg.end {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isWord(r) || next < len(ex) && cp >= ex[next].Start {
				break
			}
			i += size
			cp++
		}
		word := fold(text[start:i])
		m := textmatch.Match{Source: s, Field: textmatch.InText, Start: startCP, End: cp, ByteStart: start, ByteEnd: i}
		before := prev
		if !joined {
			before = ""
		}
		visit(word, before, m, pm)
		prev, pm, joined = word, m, true
	}
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc)
}

// fold is a word as keyness counts it: lower case, folded as search folds.
func fold(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return textmatch.FoldForSearch(w)
		}
	}
	return w
}

// stopWords are left out of keyness: English function words, and the
// single letters that possessives and initials leave.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but nor so yet for of in on at to from by with within without into onto upon over under
		about above across after against along among around before behind below beneath beside besides between beyond during except
		inside near off out outside since through throughout till toward towards until up via per than then as if because while
		whereas although though whether which who whom whose what when where why how that this these those there here it its itself
		is are was were be been being am do does did doing done have has had having will would shall should can could may might must
		not no yes all any both each few more most other some such only own same too very just also again further once ever even
		i me my mine we us our ours you your yours he him his she her hers they them their theirs one two s t d ll m re ve said says
		mr ms mrs dr`) {
		m[w] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		m[string(c)] = true
	}
	return m
}()
