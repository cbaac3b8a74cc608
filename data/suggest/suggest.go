// Package suggest finds what is not coded yet: every match of a topic's
// terms whose passage (its sentence, or its clause) no annotation of that
// topic overlaps and no rejection of that topic holds. Each suggestion is
// reviewed before anything is written, so counts stay auditable.
package suggest

import (
	"context"
	"slices"
	"sort"
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
	type passageOf struct {
		topic  *data.Topic
		bs, be int
	}
	made := map[passageOf]int{} // the suggestion of each topic's passage, by its index in out
	starts, ends := codePoints{text: s.Text}, codePoints{text: s.Text}
	f.terms.Each(s, func(ti int, m textmatch.Match) {
		topic := f.termTopic[ti]
		if overlapsTopic(s.Annotations, topic, m.Start, m.End) || overlapsTopic(f.rejections[s], topic, m.Start, m.End) {
			return // the cheap test first: most coded terms are inside their span
		}
		if p == nil {
			p = newPassages(s, f.unit)
		}
		bs, be := p.around(m.ByteStart, m.ByteEnd)
		start, end := starts.at(bs, m.ByteStart, m.Start), ends.at(be, m.ByteEnd, m.End)
		if overlapsTopic(s.Annotations, topic, start, end) || holds(f.rejections[s], topic, m.Start, m.End) {
			return
		}
		if i, ok := made[passageOf{topic, bs, be}]; ok {
			o := &out[i]
			if !slices.Contains(o.Terms, f.texts[ti].Text) {
				o.Terms = append(o.Terms, f.texts[ti].Text)
			}
			o.Matches = append(o.Matches, m)
			return
		}
		made[passageOf{topic, bs, be}] = len(out)
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

// codePoints gives the code point offsets of bytes of one text, counted
// from the nearer of two places whose offsets are known: one the caller
// gives (a match's end), and the byte asked for last. The passages of
// matches in text order follow each other, so counting from the last is
// short even where the match is far from its passage's ends.
type codePoints struct {
	text   string
	b, off int // byte b is code point off
}

// at is the code point offset of byte b, byte known being code point
// knownOff.
func (c *codePoints) at(b, known, knownOff int) int {
	if abs(b-c.b) < abs(b-known) {
		known, knownOff = c.b, c.off
	}
	off := knownOff
	if b >= known {
		off += utf8.RuneCountInString(c.text[known:b])
	} else {
		off -= utf8.RuneCountInString(c.text[b:known])
	}
	c.b, c.off = b, off
	return off
}

func abs(n int) int { return max(n, -n) }

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
	if fitsRunes(text[s.ByteStart:s.ByteEnd], MaxRunes) || len(s.Matches) < 2 {
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
