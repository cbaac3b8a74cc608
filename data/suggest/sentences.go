package suggest

import (
	"unicode"
	"unicode/utf8"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// Sentences cuts a source's text into the passages suggestions are snapped
// to (sentences, or clauses): byte ranges in text order, without white
// space at their ends, none in excluded text and none across a paragraph
// break. Intercoder agreement compares coders on them.
func Sentences(s *data.Source, unit Unit) [][2]int {
	p := newPassages(s, unit)
	var out [][2]int
	next := 0 // the next excluded range
	for at := 0; at < len(s.Text); {
		for next < len(p.excluded) && p.excluded[next][1] <= at {
			next++
		}
		if next < len(p.excluded) && p.excluded[next][0] <= at {
			at = p.excluded[next][1]
			continue
		}
		r, size := utf8.DecodeRuneInString(s.Text[at:])
		if unicode.IsSpace(r) {
			at += size
			continue
		}
		start, end := p.around(at, at+size)
		start, end = max(start, at), max(end, at+size) // always onwards, never back over the last
		out = append(out, [2]int{start, end})
		at = end
	}
	return out
}

// Paragraphs cuts a source's text into its paragraphs, as the source view
// shows them: runs of sentences that no paragraph break and no excluded
// text divide, as byte ranges in text order.
func Paragraphs(s *data.Source) [][2]int {
	p := newPassages(s, Sentence)
	var out [][2]int
	for _, r := range Sentences(s, Sentence) {
		if n := len(out); n > 0 && !p.divided(out[n-1][1], r[0]) {
			out[n-1][1] = r[1]
			continue
		}
		out = append(out, r)
	}
	return out
}

// divided reports whether a paragraph break or excluded text lies in the
// bytes [from, to).
func (p *passages) divided(from, to int) bool {
	for b := from; b < to; b++ {
		if p.hardStop(b) {
			return true
		}
	}
	for _, r := range p.excluded {
		if r[0] < to && r[1] > from {
			return true
		}
	}
	return false
}
