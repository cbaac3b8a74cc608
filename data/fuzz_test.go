package data

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// FuzzLoad loads arbitrary corpus files with one arbitrary source text: no
// panic, no hang, a corpus that loads keeps its promises (every span
// inside its text, on character boundaries), and decoding the file in
// pieces gives exactly what decoding it whole gives.
func FuzzLoad(f *testing.F) {
	f.Add(baseCorpus, baseText)
	f.Add("corpus: {title: T, format: 1}\nsources: [{id: s, title: S, file: s1.txt}]\nmeetings: [{id: m, title: M, kind: K, date: 2020, sources: [s]}]\nannotations: [{source: s, topic: t, quote: x}]\n", "x y z")
	f.Add("a: &a [*a, *a]\n", "")
	f.Add("corpus:\n  title: \"unterminated\n", "")
	f.Add("corpus: {title: T, format: 1}\ntopics: [{id: t, label: T}]\nmeetings: [{id: m, title: M, kind: K, date: 2023-02-30}]\n", "")
	f.Add("\ufeffcorpus: {title: T, format: 1}\r\n", "\x00\xff")
	// A quoted text that runs on over a list: YAML lets its lines start at
	// column 0, so the list is text and must not be cut into pieces.
	f.Add("corpus:\n  title: \"Test\n  format: 1\nannotations:\n  - source: s1\n    topic: space\n    quote: x\neras: x\"\n", "x")
	f.Fuzz(func(t *testing.T, yaml, text string) {
		fsys := fstest.MapFS{"c.yaml": {Data: []byte(yaml)}, "s1.txt": {Data: []byte(text)}}
		c, ps, err := LoadFS(fsys, "c.yaml", "c.yaml")
		if err != nil {
			t.Fatalf("LoadFS on a readable file: %v", err)
		}
		if (c == nil) != ps.HasErrors() {
			t.Fatalf("corpus %v with errors %v", c != nil, ps.HasErrors())
		}
		for _, p := range ps {
			if p.Message == "" || p.File == "" {
				t.Fatalf("an empty problem: %+v", p)
			}
		}
		l, err := loadFS(fsys, "c.yaml", "c.yaml", loadOptions{pieceMinBytes: 1, pieceBytes: 1})
		if err != nil {
			t.Fatal(err)
		}
		pc, pps, _ := l.result()
		if !slices.Equal(pps, ps) || !reflect.DeepEqual(pc, c) {
			t.Fatalf("in pieces (used: %v): problems\n%s\nwhole:\n%s", l.inPieces, pps, ps)
		}
		if c == nil {
			return
		}
		for _, a := range c.Annotations {
			if a.Anchor.Status == Orphaned {
				continue
			}
			if a.Anchor.ByteStart < 0 || a.Anchor.ByteEnd > len(a.Source.Text) || a.Anchor.ByteStart > a.Anchor.ByteEnd {
				t.Fatalf("span %d–%d outside a text of %d bytes", a.Anchor.ByteStart, a.Anchor.ByteEnd, len(a.Source.Text))
			}
		}
	})
}

// FuzzAnchor anchors arbitrary quotes in arbitrary texts: no panic, spans
// within the text and on character boundaries, and an exact span reads as
// its quote once folded.
func FuzzAnchor(f *testing.F) {
	f.Add("The allies agreed on space cooperation.", "space cooperation", "", "", 21)
	f.Add("space and space", "space", "and ", "", -1)
	f.Add("the cafe\u0301 meeting", "café", "", "", -1)
	f.Add("a\r\nb\r\nspace", "b space", "", "", 3)
	f.Add("한미 국방장관", "국방장", "", "", -1)
	f.Add("strengthen their cooperation in space and cyberspace", "strenghten their cooperation in space", "", "", 0)
	f.Add("x", "\u0301", "", "", 0)
	f.Fuzz(func(t *testing.T, text, quote, prefix, suffix string, start int) {
		if !utf8.ValidString(text) || len(text) > 1<<16 || len(quote) > 1<<12 {
			return // the loader never anchors in invalid or oversized text
		}
		if start < -1 {
			start = -1
		}
		ix := newTextIndex(text)
		a := ix.anchor(selector{quote: quote, prefix: prefix, suffix: suffix, start: start})
		if a.Status == Orphaned {
			return
		}
		if a.ByteStart < 0 || a.ByteEnd > len(text) || a.ByteStart > a.ByteEnd {
			t.Fatalf("span %d–%d outside %d bytes", a.ByteStart, a.ByteEnd, len(text))
		}
		if !utf8.RuneStart(text[a.ByteStart]) || (a.ByteEnd < len(text) && !utf8.RuneStart(text[a.ByteEnd])) {
			t.Fatalf("span %d–%d cuts a character", a.ByteStart, a.ByteEnd)
		}
		if got := utf8.RuneCountInString(text[:a.ByteStart]); got != a.Start {
			t.Fatalf("start %d is byte %d, which is code point %d", a.Start, a.ByteStart, got)
		}
		if a.Status != Fuzzy && foldString(text[a.ByteStart:a.ByteEnd], false) != foldString(quote, false) {
			t.Fatalf("%v span %q does not read as %q", a.Status, text[a.ByteStart:a.ByteEnd], quote)
		}
	})
}

// FuzzParseDate parses arbitrary dates: no panic, and a date that parses
// writes back to the same form.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2012-10-24", "2013-10", "2013", "2023-02-30", "0000", "9999-12-31", "2020-02-29", "-001", "2020-1-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
		if d.LastDay() < d.FirstDay() {
			t.Fatalf("%q ends before it starts", s)
		}
		if back, err := ParseDate(d.String()); err != nil || back != d {
			t.Fatalf("round trip of %q: %v %v", s, back, err)
		}
		if strings.ContainsAny(s, " T:") {
			t.Fatalf("%q parsed with a time or spaces", s)
		}
	})
}
