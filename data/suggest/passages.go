package suggest

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// passages finds the sentence or clause around a match in one text.
type passages struct {
	text     string
	unit     Unit
	breaks   map[int]bool // paragraph breaks, by the byte of their "\n"
	excluded [][2]int     // the excluded ranges in bytes
	// starts and ends are where passages may start and where one that
	// runs on must end, in text order, found in one sweep of the text
	// when the first passage is cut (sweep). Walking out from each match
	// instead took a text with a match every few bytes and no full stop
	// thousands of steps a match (1.4 s for 60 KB).
	starts []int // nil until the sweep
	ends   []passageEnd
}

// passageEnd is where a passage that runs on ends: before byte at, or
// keep bytes after it (a full stop with its closing quotes).
type passageEnd struct{ at, keep int }

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

// scanBytes bounds how far a passage's ends are looked for on each side
// of a match: a text without full stops is not one passage. It is at
// least 4 × MaxRunes code points, more than fit keeps.
const scanBytes = utf8.UTFMax * 4 * MaxRunes

// around widens the match [bs, be) (bytes) to its whole passage: back to
// the end of the sentence (or clause) before, a paragraph break or
// excluded text, and on to the passage's end (at most scanBytes each
// way), without white space at either end. fit cuts it to MaxRunes.
func (p *passages) around(bs, be int) (start, end int) {
	if p.starts == nil {
		p.sweep()
	}
	text := p.text
	lo, hi := p.between(bs, be)
	lo = max(lo, runeStartFrom(text, bs-scanBytes))
	hi = min(hi, runeStartFrom(text, be+scanBytes))
	start = lo
	if i := sort.SearchInts(p.starts, bs+1) - 1; i >= 0 && p.starts[i] > lo {
		start = p.starts[i]
	}
	end = hi
	if i := sort.Search(len(p.ends), func(i int) bool { return p.ends[i].at >= be }); i < len(p.ends) && p.ends[i].at < hi {
		end = p.ends[i].at + p.ends[i].keep
	}
	return p.trim(start, end, bs, be)
}

// between is how far the passage around the match [bs, be) may reach: to
// the excluded text on either side, or the text's ends.
func (p *passages) between(bs, be int) (lo, hi int) {
	lo, hi = 0, len(p.text)
	for _, r := range p.excluded {
		if r[1] <= bs {
			lo = max(lo, r[1])
		}
		if r[0] >= be {
			hi = min(hi, r[0])
		}
	}
	return lo, hi
}

// runeStartFrom is the first byte at or after b, within the text, that
// starts a character (looking at most utf8.UTFMax bytes on).
func runeStartFrom(text string, b int) int {
	if b <= 0 {
		return 0
	}
	for n := 0; b < len(text) && n < utf8.UTFMax && !utf8.RuneStart(text[b]); n++ {
		b++
	}
	return min(b, len(text))
}

// sweep finds where passages may start (after a paragraph break, or after
// the end of a sentence, or for clauses of a clause, and the white space
// that follows it) and where one that runs on ends (a sentence's end, a
// paragraph break, a clause's end for clauses), in one pass over the
// text: the end before a run of white space is looked for once for the
// run, not once for each byte after it.
func (p *passages) sweep() {
	text := p.text
	space, endsBeforeSpace := -1, false        // where the white space just before at starts, and whether a passage ends before it
	markEnd, markEnds := -1, false             // where the last full stop and its closing quotes end, and whether they end a sentence
	p.starts = make([]int, 0, len(text)/128+1) // about a sentence's length apart
	p.ends = make([]passageEnd, 0, len(text)/128+1)
	for at := 0; at < len(text); {
		if at == 0 || text[at-1] == '\n' && p.breaks[at-1] || space > 0 && endsBeforeSpace {
			p.starts = append(p.starts, at)
		}
		if plainASCII(text[at]) { // most of a text
			space = -1
			at++
			continue
		}
		if n, ends := p.sentenceMark(at); n > 0 {
			if ends {
				p.ends = append(p.ends, passageEnd{at, n})
			}
			markEnd, markEnds = at+n, ends
		} else if p.hardStop(at) || p.unit == Clause && p.clauseEnd(at) {
			p.ends = append(p.ends, passageEnd{at, 0})
		}
		r, size := rune(text[at]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[at:])
		}
		switch {
		case !unicode.IsSpace(r):
			space = -1
		case space < 0 && at == markEnd: // endsBefore would ask sentenceEnd again
			space, endsBeforeSpace = at, markEnds
		case space < 0:
			space, endsBeforeSpace = at, at > 0 && p.endsBefore(at)
		}
		at += size
	}
}

// plainASCII reports whether c is an ASCII character that is neither white
// space nor a mark a passage can end at.
func plainASCII(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r', '.', '!', '?', ',', ';', ':':
		return false
	}
	return c < utf8.RuneSelf
}

// fit cuts a passage [start, end) of more than MaxRunes to MaxRunes
// around its matches [ms, me), as much before them as after, at word
// ends.
func (p *passages) fit(start, end, ms, me int) (int, int) {
	text := p.text
	if fitsRunes(text[start:end], MaxRunes) {
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

// sentenceMark is, when a full stop (or ! ?) is at byte at, how many bytes
// it and its closing quotes take, and whether they end a sentence; n is 0
// when no such mark is there. (A clause ends before its comma or
// semicolon: clauseEnd.)
func (p *passages) sentenceMark(at int) (n int, ends bool) {
	text := p.text
	if c := text[at]; c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
		return 0, false // most of a text, looked at without decoding
	}
	r, size := utf8.DecodeRuneInString(text[at:])
	if !strings.ContainsRune(".!?。！？", r) {
		return 0, false
	}
	n = size
	for at+n < len(text) { // closing quotes and brackets stay with it
		c, s := utf8.DecodeRuneInString(text[at+n:])
		if !strings.ContainsRune("\"'”’)]»", c) {
			break
		}
		n += s
	}
	return n, at+n == len(text) || p.sentenceEnd(at, at+n)
}

// endsBefore reports whether the text up to byte i, which white space
// follows, ends a sentence (or a clause).
func (p *passages) endsBefore(i int) bool {
	text := p.text
	if c := text[i-1]; c < utf8.RuneSelf && !strings.ContainsRune(".!?\"')]", rune(c)) {
		return p.unit == Clause && p.clauseEndBefore(i) // a word's end, most often
	}
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
	return p.unit == Clause && p.clauseEndBefore(i)
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
// space at byte i: the mark before it ends one.
func (p *passages) clauseEndBefore(i int) bool {
	_, size := utf8.DecodeLastRuneInString(p.text[:i])
	return p.clauseEnd(i - size)
}

var clauseConjunctions = []string{"and", "but", "while", "which", "whereas"}

// fitsRunes reports whether s has at most n code points, counting them
// only in a string short enough to have so few.
func fitsRunes(s string, n int) bool {
	return len(s) <= utf8.UTFMax*(n+1) && utf8.RuneCountInString(s) <= n
}
