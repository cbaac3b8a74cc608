package load

import (
	"github.com/alliance-timeline/alliance-timeline/data"

	"reflect"
	"slices"
	"testing"
	"testing/fstest"
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
		c, ps, err := FS(fsys, "c.yaml", "c.yaml")
		if err != nil {
			t.Fatalf("FS on a readable file: %v", err)
		}
		if (c == nil) != ps.HasErrors() {
			t.Fatalf("corpus %v with errors %v", c != nil, ps.HasErrors())
		}
		for _, p := range ps {
			if p.Message == "" || p.File == "" {
				t.Fatalf("an empty problem: %+v", p)
			}
		}
		res, err := Read(fsys, "c.yaml", "c.yaml", Options{pieceMinBytes: 1, pieceBytes: 1})
		if err != nil {
			t.Fatal(err)
		}
		pc, pps := res.Corpus, res.Problems
		if !slices.Equal(pps, ps) || !reflect.DeepEqual(pc, c) {
			t.Fatalf("in pieces (used: %v): problems\n%s\nwhole:\n%s", res.InPieces, pps, ps)
		}
		if c == nil {
			return
		}
		for _, a := range c.Annotations {
			if a.Anchor.Status == data.Orphaned {
				continue
			}
			if a.Anchor.ByteStart < 0 || a.Anchor.ByteEnd > len(a.Source.Text) || a.Anchor.ByteStart > a.Anchor.ByteEnd {
				t.Fatalf("span %d–%d outside a text of %d bytes", a.Anchor.ByteStart, a.Anchor.ByteEnd, len(a.Source.Text))
			}
		}
	})
}
