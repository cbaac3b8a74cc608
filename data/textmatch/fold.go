package textmatch

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Tolerant matching. A quote written by hand rarely has the exact no-break
// spaces, line breaks, dash and quote characters of a captured web page, so
// both the text and the quote are folded before they are compared:
//   - every run of white space (including no-break spaces and line ends,
//     CR LF among them) becomes one space;
//   - every dash and the minus sign become '-';
//   - curly single quotes and primes become ', curly double quotes become ";
//   - characters are decomposed (NFD), so "é" and "e" + U+0301 are equal;
//   - optionally, letters are lower-cased.
//
// The folded text remembers, for each of its bytes, which original code
// points produced it, so a match maps back to exact offsets in the stored
// text.

// foldedText is a text folded for matching, with the way back to the
// original code point offsets.
type foldedText struct {
	s string
	// from[b] and to[b] give, for byte b of s, the first original code point
	// behind it and the one after the last.
	from, to []int32
}

func foldRune(r rune) rune {
	switch {
	case r == '-' || r == '\u2212' || unicode.Is(unicode.Pd, r):
		return '-'
	case r == '\u2018' || r == '\u2019' || r == '\u201A' || r == '\u201B' || r == '\u2032':
		return '\''
	case r == '\u201C' || r == '\u201D' || r == '\u201E' || r == '\u201F' || r == '\u2033':
		return '"'
	}
	return r
}

// appendFolded appends the folded form of one non-space rune to buf.
func appendFolded(buf []byte, r rune, lower bool) []byte {
	r = foldRune(r)
	if r < utf8.RuneSelf {
		if lower && 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(buf, byte(r))
	}
	var tmp [utf8.UTFMax]byte
	n := utf8.EncodeRune(tmp[:], r)
	dec := norm.NFD.Append(nil, tmp[:n]...)
	if !lower {
		return append(buf, dec...)
	}
	for _, d := range string(dec) {
		buf = utf8.AppendRune(buf, unicode.ToLower(d))
	}
	return buf
}

// foldText folds text and records the origin of every folded byte.
func foldText(text string, lower bool) foldedText {
	return foldTextInto(foldedText{}, text, lower)
}

// foldTextInto folds text into the offset tables of f, which it reuses;
// the folded string is new, as callers may keep it.
func foldTextInto(f foldedText, text string, lower bool) foldedText {
	f.from, f.to = slices.Grow(f.from[:0], len(text)+1), slices.Grow(f.to[:0], len(text)+1)
	buf := make([]byte, 0, len(text))
	runeIndex := int32(0)
	inSpace := false
	for _, r := range text {
		if unicode.IsSpace(r) {
			if inSpace {
				// Extend the run's single space to cover this rune too.
				f.to[len(f.to)-1] = runeIndex + 1
			} else {
				buf = append(buf, ' ')
				f.from = append(f.from, runeIndex)
				f.to = append(f.to, runeIndex+1)
				inSpace = true
			}
			runeIndex++
			continue
		}
		inSpace = false
		before := len(buf)
		buf = appendFolded(buf, r, lower)
		for i := before; i < len(buf); i++ {
			f.from = append(f.from, runeIndex)
			f.to = append(f.to, runeIndex+1)
		}
		runeIndex++
	}
	f.s = bufString(buf)
	return f
}

// foldString folds a needle (a quote, prefix or search phrase); it needs no
// way back.
func foldString(s string, lower bool) string {
	buf := make([]byte, 0, len(s)) // folding rarely lengthens a text
	inSpace := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !inSpace {
				buf = append(buf, ' ')
			}
			inSpace = true
			continue
		}
		inSpace = false
		buf = appendFolded(buf, r, lower)
	}
	return bufString(buf)
}

// span maps folded bytes [b, e) back to original code points [start, end).
func (f *foldedText) span(b, e int) (start, end int) {
	return int(f.from[b]), int(f.to[e-1])
}

// boundary reports whether a match may start or end at folded byte b
// without cutting an original character in two or separating a letter from
// the combining marks that follow it.
func (f *foldedText) boundary(b int) bool {
	if b <= 0 || b >= len(f.s) {
		return true
	}
	if f.from[b] == f.from[b-1] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f.s[b:])
	return !unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc)
}

// matches returns the folded byte offsets of every occurrence of the folded
// needle that starts and ends on a character boundary, at most limit of them
// (limit <= 0: all).
func (f *foldedText) matches(needle string, limit int) []int {
	if needle == "" {
		return nil
	}
	var found []int
	for at := 0; at <= len(f.s)-len(needle); {
		i := strings.Index(f.s[at:], needle)
		if i < 0 {
			break
		}
		b := at + i
		if f.boundary(b) && f.boundary(b+len(needle)) {
			found = append(found, b)
			if limit > 0 && len(found) >= limit {
				break
			}
		}
		_, size := utf8.DecodeRuneInString(f.s[b:])
		at = b + size
	}
	return found
}

// FoldForSearch folds s as case-insensitive search does: white space runs,
// dashes and quotes unified, characters decomposed, letters lower-cased.
func FoldForSearch(s string) string { return foldString(s, true) }

// bufString is buf as a string without a copy: the folding functions make
// buf for the string alone and never write it again.
func bufString(buf []byte) string { return unsafe.String(unsafe.SliceData(buf), len(buf)) }
