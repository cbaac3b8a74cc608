// Package suggest finds what is not coded yet: every match of a topic's
// terms whose passage (its sentence, or its clause) no annotation of that
// topic overlaps and no rejection of that topic holds. Each suggestion is
// reviewed before anything is written, so counts stay auditable.
package suggest

import (
	"context"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// Unit is what a suggestion is snapped to.
type Unit int

// The units a suggestion can take.
const (
	Sentence Unit = iota
	Clause
)

// String names the unit as the command line writes it.
func (u Unit) String() string {
	if u == Clause {
		return "clause"
	}
	return "sentence"
}

// MaxRunes is the longest passage suggested: a longer sentence (a page
// without full stops) is cut at word ends around its matches.
const MaxRunes = 600

// Suggestion is a passage that a topic's terms point at and nothing codes.
type Suggestion struct {
	Source *data.Source
	Topic  *data.Topic
	// Terms are the topic's terms found in the passage, as written, each
	// once, in the order found.
	Terms []string
	// Matches are where the terms matched, in the passage.
	Matches []textmatch.Match
	// Start and End are the passage in code points of the source's text
	// (End exclusive), ByteStart and ByteEnd in bytes.
	Start, End         int
	ByteStart, ByteEnd int
}

// Quote is the passage's text.
func (s Suggestion) Quote() string { return s.Source.Text[s.ByteStart:s.ByteEnd] }

// Options choose the suggestions made.
type Options struct {
	Topics []*data.Topic // nil: every topic
	Unit   Unit
}

// Find lists the suggestions of a corpus in source order, then text order,
// then topic order. It runs on all cores and stops, with ctx's error, when
// ctx is done.
func Find(ctx context.Context, c *data.Corpus, o Options) ([]Suggestion, error) {
	topics := o.Topics
	if topics == nil {
		topics = c.Topics
	}
	var terms []textmatch.Term
	var termTopic []*data.Topic
	for _, t := range topics {
		for _, s := range t.Terms {
			if term := textmatch.ParseTerm(s); !term.Empty() {
				terms = append(terms, term)
				termTopic = append(termTopic, t)
			}
		}
	}
	if len(terms) == 0 {
		return nil, nil
	}
	f := finder{terms: textmatch.NewTerms(terms), texts: terms, termTopic: termTopic, unit: o.Unit,
		rejections: map[*data.Source][]*data.Annotation{}}
	for _, r := range c.Rejections {
		if r.Source != nil && r.Topic != nil && r.Anchor.Status != data.Orphaned {
			f.rejections[r.Source] = append(f.rejections[r.Source], r)
		}
	}
	found := make([][]Suggestion, len(c.Sources))
	if err := data.EachSource(ctx, c.Sources, func(i int, s *data.Source) { found[i] = f.inSource(s) }); err != nil {
		return nil, err
	}
	var out []Suggestion
	for _, ss := range found {
		out = append(out, ss...)
	}
	return out, nil
}

// PerTopic counts suggestions by topic index.
func PerTopic(ss []Suggestion, topics int) []int {
	n := make([]int, topics)
	for _, s := range ss {
		if s.Topic.Index < topics {
			n[s.Topic.Index]++
		}
	}
	return n
}

type finder struct {
	terms      *textmatch.Terms
	texts      []textmatch.Term
	termTopic  []*data.Topic
	unit       Unit
	rejections map[*data.Source][]*data.Annotation
}

// inSource finds one source's suggestions.
func (f *finder) inSource(s *data.Source) []Suggestion {
	var out []Suggestion
	var p *passages // made for the first match that needs a passage
	f.terms.Each(s, func(ti int, m textmatch.Match) {
		topic := f.termTopic[ti]
		if overlapsTopic(s.Annotations, topic, m.Start, m.End) || overlapsTopic(f.rejections[s], topic, m.Start, m.End) {
			return // the cheap test first: most coded terms are inside their span
		}
		if p == nil {
			p = newPassages(s, f.unit)
		}
		bs, be := p.around(m.ByteStart, m.ByteEnd)
		start := m.Start - utf8.RuneCountInString(s.Text[bs:m.ByteStart])
		end := m.End + utf8.RuneCountInString(s.Text[m.ByteEnd:be])
		if overlapsTopic(s.Annotations, topic, start, end) || holds(f.rejections[s], topic, m.Start, m.End) {
			return
		}
		for i := range out {
			if o := &out[i]; o.Topic == topic && o.ByteStart == bs && o.ByteEnd == be {
				if !slices.Contains(o.Terms, f.texts[ti].Text) {
					o.Terms = append(o.Terms, f.texts[ti].Text)
				}
				o.Matches = append(o.Matches, m)
				return
			}
		}
		out = append(out, Suggestion{Source: s, Topic: topic, Terms: []string{f.texts[ti].Text}, Matches: []textmatch.Match{m},
			Start: start, End: end, ByteStart: bs, ByteEnd: be})
	})
	// A long passage is cut around its matches, once they are all known;
	// matches too far apart for one cut make a suggestion each.
	var cut []Suggestion
	for _, sg := range out {
		for _, part := range sg.clusters() {
			cut = append(cut, part.fitted(p))
		}
	}
	out = cut
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].Topic.Index < out[j].Topic.Index
	})
	return out
}

// overlapsTopic reports whether an anchored annotation of the topic in
// list overlaps code points [start, end).
func overlapsTopic(list []*data.Annotation, topic *data.Topic, start, end int) bool {
	for _, a := range list {
		if a.Topic == topic && a.Anchor.Status != data.Orphaned && a.Anchor.Start < end && start < a.Anchor.End {
			return true
		}
	}
	return false
}

// holds reports whether a rejection of the topic overlaps the match: the
// passage was turned down, whatever unit it is now snapped to.
func holds(rejections []*data.Annotation, topic *data.Topic, start, end int) bool {
	return overlapsTopic(rejections, topic, start, end)
}

// passages finds the sentence or clause around a match in one text.
type passages struct {
	text     string
	unit     Unit
	breaks   map[int]bool // paragraph breaks, by the byte of their "\n"
	excluded [][2]int     // the excluded ranges in bytes
}

func newPassages(s *data.Source, unit Unit) *passages {
	p := &passages{text: s.Text, unit: unit, breaks: textmatch.ParagraphBreaks(s.Text)}
	if len(s.Excluded) > 0 {
		cp, next := 0, 0
		var open int
		for b := range s.Text {
			for next < len(s.Excluded) && cp == s.Excluded[next].End {
				p.excluded = append(p.excluded, [2]int{open, b})
				next++
			}
			if next < len(s.Excluded) && cp == s.Excluded[next].Start {
				open = b
			}
			cp++
		}
		for ; next < len(s.Excluded); next++ {
			p.excluded = append(p.excluded, [2]int{open, len(s.Text)})
		}
	}
	return p
}

// scanRunes bounds how far a passage's ends are looked for on each side
// of a match: a text without full stops is not walked whole.
const scanRunes = 4 * MaxRunes

// around widens the match [bs, be) (bytes) to its whole passage: back to
// the end of the sentence (or clause) before, a paragraph break or
// excluded text, and on to the passage's end (at most scanRunes each
// way), without white space at either end. fit cuts it to MaxRunes.
func (p *passages) around(bs, be int) (start, end int) {
	text := p.text
	lo, hi := 0, len(text)
	for _, r := range p.excluded {
		if r[1] <= bs {
			lo = max(lo, r[1])
		}
		if r[0] >= be {
			hi = min(hi, r[0])
		}
	}
	start = bs
	for n := 0; start > lo && n < scanRunes && !p.boundaryBefore(start); n++ {
		_, size := utf8.DecodeLastRuneInString(text[:start])
		start -= size
	}
	end = be
	for n := 0; end < hi && n < scanRunes; n++ {
		if k := p.boundaryAfter(end); k > 0 {
			end += k
			break
		}
		if p.hardStop(end) || p.unit == Clause && p.clauseEnd(end) {
			break
		}
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	return p.trim(start, end, bs, be)
}

// fit cuts a passage [start, end) of more than MaxRunes to MaxRunes
// around its matches [ms, me), as much before them as after, at word
// ends.
func (p *passages) fit(start, end, ms, me int) (int, int) {
	text := p.text
	if utf8.RuneCountInString(text[start:end]) <= MaxRunes {
		return start, end
	}
	room := max(0, MaxRunes-utf8.RuneCountInString(text[ms:me]))
	s, e := ms, me
	for n := 0; s > start && n < room/2; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:s])
		s -= size
	}
	for n := utf8.RuneCountInString(text[s:ms]); e < end && n < room; n++ {
		_, size := utf8.DecodeRuneInString(text[e:])
		e += size
	}
	if s > start { // start at a word
		if i := strings.IndexAny(text[s:ms], " \n\t"); i >= 0 {
			s += i + 1
		}
	}
	if e < end { // end at a word's end
		if i := strings.LastIndexAny(text[me:e], " \n\t"); i >= 0 {
			e = me + i
		}
	}
	return p.trim(s, e, ms, me)
}

// trim takes the white space off a passage's ends, never into the match
// [bs, be).
func (p *passages) trim(start, end, bs, be int) (int, int) {
	text := p.text
	for start < bs {
		r, size := utf8.DecodeRuneInString(text[start:])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > be {
		r, size := utf8.DecodeLastRuneInString(text[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return start, end
}

// hardStop reports whether a passage must end before byte at: a paragraph
// break.
func (p *passages) hardStop(at int) bool {
	return at < len(p.text) && p.text[at] == '\n' && p.breaks[at]
}

// boundaryBefore reports whether a passage may start at byte at: after a
// paragraph break, after the end of a sentence (or, for clauses, of a
// clause) and the white space that follows it.
func (p *passages) boundaryBefore(at int) bool {
	text := p.text
	if at == 0 {
		return true
	}
	if text[at-1] == '\n' && p.breaks[at-1] {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:at])
	if !unicode.IsSpace(prev) {
		return false
	}
	i := at
	for i > 0 { // back over the white space
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= size
	}
	return i > 0 && p.endsBefore(i, at)
}

// boundaryAfter is, when a sentence ends with the mark at byte at, how
// many bytes the passage keeps (the full stop and closing quotes); 0 when
// none ends there. (A clause ends before its comma or semicolon:
// clauseEnd.)
func (p *passages) boundaryAfter(at int) int {
	text := p.text
	r, size := utf8.DecodeRuneInString(text[at:])
	if strings.ContainsRune(".!?。！？", r) {
		n := size
		for at+n < len(text) { // closing quotes and brackets stay with it
			c, s := utf8.DecodeRuneInString(text[at+n:])
			if !strings.ContainsRune("\"'”’)]»", c) {
				break
			}
			n += s
		}
		if at+n == len(text) || p.sentenceEnd(at, at+n) {
			return n
		}
	}
	return 0
}

// endsBefore reports whether the text up to byte i ends a sentence (or a
// clause) that the white space up to next follows.
func (p *passages) endsBefore(i, next int) bool {
	text := p.text
	j := i
	for j > 0 { // back over closing quotes
		c, s := utf8.DecodeLastRuneInString(text[:j])
		if !strings.ContainsRune("\"'”’)]»", c) {
			break
		}
		j -= s
	}
	r, size := utf8.DecodeLastRuneInString(text[:j])
	if strings.ContainsRune(".!?。！？", r) {
		return p.sentenceEnd(j-size, i)
	}
	return p.unit == Clause && p.clauseEndBefore(i, next)
}

// sentenceEnd reports whether the full stop (or ! ?) at byte stop, its
// closing marks running to after, ends a sentence: not an initial ("U.S.",
// "J."), not a known abbreviation, and followed by white space and then a
// capital, a digit, a quote, Hangul or Han, or the end.
func (p *passages) sentenceEnd(stop, after int) bool {
	text := p.text
	if after < len(text) {
		r, _ := utf8.DecodeRuneInString(text[after:])
		if !unicode.IsSpace(r) {
			return false
		}
	}
	next := strings.TrimLeftFunc(text[after:], unicode.IsSpace)
	if next == "" {
		return true
	}
	n, _ := utf8.DecodeRuneInString(next)
	if !(unicode.IsUpper(n) || unicode.IsDigit(n) || strings.ContainsRune("\"'“‘«(•-–—", n) || unicode.Is(unicode.Hangul, n) || unicode.Is(unicode.Han, n)) {
		return false
	}
	if text[stop] != '.' {
		return true
	}
	word := text[:stop]
	if i := strings.LastIndexFunc(word, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("(\"“‘", r) }); i >= 0 {
		_, size := utf8.DecodeRuneInString(word[i:])
		word = word[i+size:]
	}
	if utf8.RuneCountInString(word) == 1 || strings.Contains(word, ".") && utf8.RuneCountInString(word) <= 5 {
		return false // an initial, or "U.S", "e.g", "a.m"
	}
	return !abbreviations[strings.ToLower(word)]
}

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = map[string]bool{}

func init() {
	for _, w := range strings.Fields("mr mrs ms dr gen lt col maj capt adm sgt cmdr sec gov sen rep st no nos vol pp ft jr sr vs etc jan feb mar apr jun jul aug sep sept oct nov dec corp inc co ltd dept") {
		abbreviations[w] = true
	}
}

// clauseEnd reports whether a clause ends before byte at: at a semicolon
// or colon, a spaced dash, or a comma before a conjunction.
func (p *passages) clauseEnd(at int) bool {
	text := p.text
	r, size := utf8.DecodeRuneInString(text[at:])
	rest := text[at+size:]
	switch {
	case r == ';' || r == ':' || r == '；':
		return strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "\n") || rest == ""
	case r == '—' || r == '–':
		return at > 0 && text[at-1] == ' ' && strings.HasPrefix(rest, " ")
	case r == ',':
		word := strings.TrimLeft(rest, " \n")
		for _, c := range clauseConjunctions {
			if strings.HasPrefix(word, c+" ") {
				return true
			}
		}
	}
	return false
}

// clauseEndBefore reports whether a clause ends just before the white
// space [i, next): the mark before it ends one.
func (p *passages) clauseEndBefore(i, next int) bool {
	_, size := utf8.DecodeLastRuneInString(p.text[:i])
	return p.clauseEnd(i - size)
}

var clauseConjunctions = []string{"and", "but", "while", "which", "whereas"}

// In is the suggestion snapped to another unit: the passage around its
// matches as that unit cuts it (the window's widen and narrow).
func (s Suggestion) In(unit Unit) Suggestion {
	if len(s.Matches) == 0 {
		return s
	}
	first, last := s.matchSpan()
	p := newPassages(s.Source, unit)
	bs, be := p.around(first.ByteStart, last.ByteEnd)
	s.Start = first.Start - utf8.RuneCountInString(s.Source.Text[bs:first.ByteStart])
	s.End = last.End + utf8.RuneCountInString(s.Source.Text[last.ByteEnd:be])
	s.ByteStart, s.ByteEnd = bs, be
	return s.fitted(p)
}

// clusters splits a suggestion whose passage is longer than MaxRunes
// into runs of matches that fit in one cut, in text order; a passage
// that fits is one cluster.
func (s Suggestion) clusters() []Suggestion {
	text := s.Source.Text
	if utf8.RuneCountInString(text[s.ByteStart:s.ByteEnd]) <= MaxRunes || len(s.Matches) < 2 {
		return []Suggestion{s}
	}
	ms := slices.Clone(s.Matches)
	slices.SortFunc(ms, func(a, b textmatch.Match) int { return a.ByteStart - b.ByteStart })
	var out []Suggestion
	for start := 0; start < len(ms); {
		end := start + 1
		for end < len(ms) && ms[end].End-ms[start].Start <= MaxRunes*3/4 {
			end++
		}
		part := s
		part.Matches = ms[start:end:end]
		part.Terms = nil
		for _, m := range part.Matches {
			term := text[m.ByteStart:m.ByteEnd]
			for _, t := range s.Terms { // the terms as written, of this run's matches
				if textmatch.ParseTerm(t).Matches(term) && !slices.Contains(part.Terms, t) {
					part.Terms = append(part.Terms, t)
				}
			}
		}
		out = append(out, part)
		start = end
	}
	return out
}

// matchSpan is the first and the last of the suggestion's matches.
func (s Suggestion) matchSpan() (first, last textmatch.Match) {
	first, last = s.Matches[0], s.Matches[0]
	for _, m := range s.Matches[1:] {
		if m.ByteStart < first.ByteStart {
			first = m
		}
		if m.ByteEnd > last.ByteEnd {
			last = m
		}
	}
	return first, last
}

// fitted is the suggestion with its passage cut to MaxRunes around its
// matches, its code points following.
func (s Suggestion) fitted(p *passages) Suggestion {
	first, last := s.matchSpan()
	bs, be := p.fit(s.ByteStart, s.ByteEnd, first.ByteStart, last.ByteEnd)
	text := s.Source.Text
	s.Start = first.Start - utf8.RuneCountInString(text[bs:first.ByteStart])
	s.End = last.End + utf8.RuneCountInString(text[last.ByteEnd:be])
	s.ByteStart, s.ByteEnd = bs, be
	return s
}
