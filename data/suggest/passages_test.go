package suggest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// walkAround is how around found a passage before the sweep: walking out
// from the match, asking at each step whether a passage starts or ends
// there. It is kept as the reference the sweep must agree with wherever
// neither reaches its bound (scanBytes, and the walk's 2,400 steps).
func walkAround(p *passages, bs, be int) (start, end int) {
	text := p.text
	lo, hi := p.between(bs, be)
	startsAt := func(at int) bool {
		if at == 0 || text[at-1] == '\n' && p.breaks[at-1] {
			return true
		}
		if prev, _ := utf8.DecodeLastRuneInString(text[:at]); !unicode.IsSpace(prev) {
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
		return i > 0 && p.endsBefore(i)
	}
	start = bs
	for start > lo && !startsAt(start) {
		_, size := utf8.DecodeLastRuneInString(text[:start])
		start -= size
	}
	end = be
	for end < hi {
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

// boundaryAfter is, when a sentence ends with the mark at byte at, how
// many bytes the walk's passage keeps (the full stop and closing quotes);
// 0 when none ends there.
func (p *passages) boundaryAfter(at int) int {
	if n, ends := p.sentenceMark(at); ends {
		return n
	}
	return 0
}

// agreesWithTheWalk checks around against walkAround at every character
// of a text shorter than scanBytes, in both units.
func agreesWithTheWalk(t *testing.T, text string, excluded []data.Range) {
	t.Helper()
	for _, unit := range []Unit{Sentence, Clause} {
		p := newPassages(&data.Source{Text: text, Excluded: excluded}, unit)
		for at, r := range text {
			be := at + utf8.RuneLen(r)
			if r == utf8.RuneError {
				be = at + 1
			}
			gs, ge := p.around(at, be)
			ws, we := walkAround(p, at, be)
			if gs != ws || ge != we {
				t.Fatalf("%v at byte %d of %q: the sweep cut %d–%d %q, the walk %d–%d %q", unit, at, text, gs, ge, text[gs:ge], ws, we, text[ws:we])
			}
		}
	}
}

// The sweep cuts the passages the walk did, on real text (the built-in
// corpus' five documents, in pieces shorter than the bound) and on the
// cases the rules are about.
func TestTheSweepAgreesWithTheWalk(t *testing.T) {
	for _, text := range []string{
		"The U.S. and the ROK met. They agreed to deepen cooperation in space; they also discussed cyberspace, and cyber threats.\n\nGen. Kim spoke about outer space and space situational awareness! 양국은 우주를 논의했다. 항공우주 산업.",
		"He said: \"It ends here.\" Then (quietly) it did.)  Next one… and — a dash — then, but not. Mr. Smith met Dr. J. Lee at 3 p.m. Jan. 5.",
		"   leading space. \n\n\n  Paragraphs   spaced.\t\tTabs.  ",
		"no stops at all, just a clause, and another; and more: yes",
		"一。二！三？「四」。終わり",
		"",
		".",
		"\n\n",
	} {
		agreesWithTheWalk(t, text, nil)
	}
	text := "Menu Home News\nThe forces met. Cooperation grew.\n\nFooter text here."
	agreesWithTheWalk(t, text, []data.Range{{Start: 0, End: 14}, {Start: 50, End: 62}})
	seeds, _ := filepath.Glob("../../assets/corpus/sources/*.txt")
	if len(seeds) == 0 {
		t.Fatal("no built-in source texts")
	}
	for _, path := range seeds {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc := string(raw)
		for from := 0; from < len(doc); from += scanBytes / 2 {
			piece := doc[from:min(len(doc), from+scanBytes/2)]
			agreesWithTheWalk(t, strings.ToValidUTF8(piece, ""), nil)
		}
	}
}

// Any text of up to 256 bytes (the walk takes the cube of a text's length
// where it is all white space): the sweep and the walk cut the same.
func FuzzTheSweepAgreesWithTheWalk(f *testing.F) {
	f.Add("They met. Cooperation in space grew; cyber too.", 0, 0)
	f.Add("U.S. forces — in space, and more.\n\nNext: 우주를 지키다.", 3, 9)
	f.Add("A.  B.\n\n C.'\" D", 1, 2)
	f.Fuzz(func(t *testing.T, text string, exFrom, exLen int) {
		if len(text) > 1<<8 {
			return
		}
		var excluded []data.Range
		if n := utf8.RuneCountInString(text); exLen > 0 && exFrom >= 0 && exFrom < n {
			excluded = []data.Range{{Start: exFrom, End: min(n, exFrom+exLen)}}
		}
		agreesWithTheWalk(t, text, excluded)
	})
}
