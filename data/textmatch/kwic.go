package textmatch

import (
	"strings"
	"unicode"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// Context is a keyword-in-context line: a few words before the span, the
// span, a few words after, all on one line.
type Context struct {
	Before, Span, After string
}

// ContextOf cuts up to n runes of context on each side of the bytes
// [start, end) of a source text, at word boundaries, stopping at excluded
// ranges and paragraph breaks; white space is folded to single spaces.
func ContextOf(s *data.Source, start, end, n int) Context {
	return contextIn(s.Text, s.Excluded, start, end, n)
}

// Context cuts the match's context from the text it was found in.
func (m Match) Context(n int) Context {
	if m.Field == InText {
		return ContextOf(m.Source, m.ByteStart, m.ByteEnd, n)
	}
	return contextIn(m.Text(), nil, m.ByteStart, m.ByteEnd, n)
}

func contextIn(text string, excluded []data.Range, start, end, n int) Context {
	lo, hi := start, end
	limitLo, limitHi := 0, len(text)
	for _, r := range excluded {
		bs, be := byteOffset(text, r.Start), byteOffset(text, r.End)
		if be <= start && be > limitLo {
			limitLo = be
		}
		if bs >= end && bs < limitHi {
			limitHi = bs
		}
	}
	if i := strings.LastIndex(text[limitLo:start], "\n\n"); i >= 0 {
		limitLo += i + 2
	}
	if i := strings.Index(text[end:limitHi], "\n\n"); i >= 0 {
		limitHi = end + i
	}
	for count := 0; lo > limitLo && count < n; count++ {
		lo--
		for lo > limitLo && !isRuneStart(text[lo]) {
			lo--
		}
	}
	for count := 0; hi < limitHi && count < n; count++ {
		hi++
		for hi < limitHi && !isRuneStart(text[hi]) {
			hi++
		}
	}
	before, after := text[lo:start], text[end:hi]
	// Cut at word boundaries so no word is shown in half.
	if lo > limitLo {
		if i := strings.IndexFunc(before, unicode.IsSpace); i >= 0 {
			before = before[i:]
		}
		before = "…" + before
	}
	if hi < limitHi {
		if i := strings.LastIndexFunc(after, unicode.IsSpace); i >= 0 {
			after = after[:i]
		}
		after += "…"
	}
	return Context{Before: FoldSpace(before), Span: FoldSpace(text[start:end]), After: FoldSpace(after)}
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// byteOffset converts a code point offset to a byte offset.
func byteOffset(text string, cp int) int {
	i := 0
	for b := range text {
		if i == cp {
			return b
		}
		i++
	}
	return len(text)
}

// FoldSpace turns every run of white space into one space, keeping a
// leading or trailing one.
func FoldSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
