package textmatch

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// Term is a topic's term as suggestions, trends and term search match it:
// whole words, by Unicode word boundaries ("space" is not in
// "cyberspace"); a trailing "*" matches any ending ("interoperab*"); a
// term that ends in Hangul may be followed by more Hangul in its word (a
// particle: "우주" is in "우주를"); case, dashes, quotes, no-break spaces
// and line breaks folded as search folds them.
type Term struct {
	Text   string // as written, without the spaces around it
	needle string // folded, without the "*"
	prefix bool   // any ending allowed
}

// ParseTerm reads a term as a topic writes it.
func ParseTerm(s string) Term {
	t := Term{Text: strings.TrimSpace(s)}
	body := strings.TrimSpace(s)
	if strings.HasSuffix(body, "*") {
		t.prefix = true
		body = strings.TrimSpace(strings.TrimSuffix(body, "*"))
	}
	t.needle = strings.TrimSpace(FoldForSearch(body))
	if last, _ := utf8.DecodeLastRuneInString(body); unicode.Is(unicode.Hangul, last) {
		t.prefix = true // a particle may follow
	}
	return t
}

// ParseTerms reads a comma-separated list of terms, as the phrase box and
// the command line take them; blank ones are left out.
func ParseTerms(list string) []Term {
	var out []Term
	for _, s := range strings.Split(list, ",") {
		if t := ParseTerm(s); !t.Empty() {
			out = append(out, t)
		}
	}
	return out
}

// Empty reports whether the term matches nothing (it is blank).
func (t Term) Empty() bool { return t.needle == "" }

// In finds the term in a source's text, outside its excluded ranges: each
// match's span in code points and bytes.
func (t Term) In(s *data.Source) []Match {
	var out []Match
	NewTerms([]Term{t}).Each(s, func(_ int, m Match) { out = append(out, m) })
	return out
}

// standsAlone reports whether text[start:end], where the term's needle
// was found folded, stands as the term asks: no letter or digit right
// before it, and none right after it unless the term allows an ending.
func (t Term) standsAlone(text string, start, end int) bool {
	if before, _ := utf8.DecodeLastRuneInString(text[:start]); start > 0 && wordRune(before) {
		if first, _ := utf8.DecodeRuneInString(text[start:]); wordRune(first) {
			return false
		}
	}
	if t.prefix || end >= len(text) {
		return true
	}
	after, _ := utf8.DecodeRuneInString(text[end:])
	last, _ := utf8.DecodeLastRuneInString(text[:end])
	return !(wordRune(after) && wordRune(last))
}

// Matches reports whether the term matches the whole of s.
func (t Term) Matches(s string) bool {
	end, _, ok := t.matchAt(s, 0, 0)
	return ok && end == len(s)
}

// Terms is a set of terms matched together, in one pass over a text:
// suggestions look for every term of every topic at once.
type Terms struct {
	list    []Term
	ascii   [utf8.RuneSelf][]int // the terms whose needle starts with an ASCII byte, by it
	byFirst map[rune][]int       // the others, by the folded first rune of the needle
	any     bool
}

// NewTerms prepares terms for matching; empty ones match nothing.
func NewTerms(terms []Term) *Terms {
	ts := &Terms{list: terms, byFirst: map[rune][]int{}}
	for i, t := range terms {
		if t.Empty() {
			continue
		}
		ts.any = true
		if r, _ := utf8.DecodeRuneInString(t.needle); r < utf8.RuneSelf {
			ts.ascii[r] = append(ts.ascii[r], i)
		} else {
			ts.byFirst[r] = append(ts.byFirst[r], i)
		}
	}
	return ts
}

// asciiKind sorts ASCII bytes for the scan: white space, word (letters
// and digits), or other.
var asciiKind = func() (k [utf8.RuneSelf]byte) {
	for c := range k {
		switch r := rune(c); {
		case unicode.IsSpace(r):
			k[c] = kindSpace
		case wordRune(r):
			k[c] = kindWord
		default:
			k[c] = kindOther
		}
	}
	return k
}()

const (
	kindSpace = iota
	kindWord
	kindOther
)

// Each calls visit with every match of any term in the source's text,
// outside its excluded ranges, in the order of the text (and of the terms
// at one place). A match is what Term.In finds: it starts and ends on
// whole characters, at word boundaries.
func (ts *Terms) Each(s *data.Source, visit func(term int, m Match)) {
	if !ts.any {
		return
	}
	text := s.Text
	prevWord := false
	var buf [16]byte
	for i, cp := 0, 0; i < len(text); cp++ {
		var cands []int
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII, most of any text: no decoding, and only a word's
			// first letter (or a mark of punctuation) can start a match.
			kind := asciiKind[c]
			if kind == kindSpace || kind == kindWord && prevWord {
				prevWord = kind == kindWord
				i++
				continue
			}
			prevWord = kind == kindWord
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			cands = ts.ascii[c]
			if kind == kindOther {
				cands = ts.ascii[foldRune(rune(c))]
			}
			if len(cands) == 0 {
				i++
				continue
			}
			ts.try(s, cands, i, cp, visit)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		word := wordRune(r)
		if !unicode.IsSpace(r) && !(prevWord && word) {
			first := firstFolded(r, buf[:0])
			if first < utf8.RuneSelf {
				cands = ts.ascii[first]
			} else {
				cands = ts.byFirst[first]
			}
			if len(cands) > 0 && !isMark(first) {
				ts.try(s, cands, i, cp, visit)
			}
		}
		prevWord = word
		i += size
	}
}

// try compares the candidate terms at byte i (code point cp).
func (ts *Terms) try(s *data.Source, cands []int, i, cp int, visit func(term int, m Match)) {
	for _, ti := range cands {
		t := &ts.list[ti]
		end, ends, ok := t.matchAt(s.Text, i, cp)
		if !ok || inExcluded(s.Excluded, cp, ends) {
			continue
		}
		visit(ti, Match{Source: s, Field: InText, Start: cp, End: ends, ByteStart: i, ByteEnd: end})
	}
}

// matchAt compares the term with the text from byte at (code point cp),
// folding the text as it goes as foldText would: it gives the end of the
// match in bytes and code points when the whole needle matches, ends on a
// whole character and, unless an ending is allowed, at a word's end.
func (t *Term) matchAt(text string, at, cp int) (end, endCP int, ok bool) {
	needle := t.needle
	var buf [32]byte
	j, i := 0, at
	for j < len(needle) {
		if i >= len(text) {
			return 0, 0, false
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			if needle[j] != ' ' {
				return 0, 0, false
			}
			j++
			for i < len(text) { // a run of white space is one space
				r, size = utf8.DecodeRuneInString(text[i:])
				if !unicode.IsSpace(r) {
					break
				}
				i += size
				cp++
			}
			continue
		}
		folded := appendFolded(buf[:0], r, true)
		if len(folded) > len(needle)-j || string(folded) != needle[j:j+len(folded)] {
			return 0, 0, false // a mismatch, or the needle ends inside a character
		}
		j += len(folded)
		i += size
		cp++
	}
	if i < len(text) {
		next, _ := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(next) && isMark(firstFolded(next, buf[:0])) {
			return 0, 0, false // the last letter's marks follow
		}
		last, _ := utf8.DecodeLastRuneInString(text[:i])
		if !t.prefix && wordRune(next) && wordRune(last) {
			return 0, 0, false
		}
	}
	return i, cp, true
}

// firstFolded is the first rune of r folded for search.
func firstFolded(r rune, buf []byte) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return foldRune(r)
	}
	f, _ := utf8.DecodeRune(appendFolded(buf, r, true))
	return f
}

func isMark(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) }

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
