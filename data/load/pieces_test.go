package load

import (
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alliance-timeline/alliance-timeline/gen"
	"github.com/alliance-timeline/alliance-timeline/internal/corpustest"
)

// loadWays loads a corpus file whole and in pieces of each size, and fails
// the test when any way gives another corpus or other problems. It returns
// whether the smallest pieces were used (or the plan fell back).
func loadWays(t *testing.T, fsys fs.FS, name string) (inPieces bool) {
	t.Helper()
	whole, err := Read(fsys, name, name, Options{pieceMinBytes: math.MaxInt, pieceBytes: 1})
	if err != nil {
		t.Fatal(err)
	}
	wantCorpus, wantProblems := whole.Corpus, whole.Problems
	for _, size := range []int{1, 100, 5000} {
		l, err := Read(fsys, name, name, Options{pieceMinBytes: 1, pieceBytes: size})
		if err != nil {
			t.Fatal(err)
		}
		c, ps := l.Corpus, l.Problems
		if !slices.Equal(ps, wantProblems) {
			t.Errorf("%s, pieces of %d bytes (used: %v): problems\n%s\nwant\n%s", name, size, l.InPieces, ps, wantProblems)
		}
		if !reflect.DeepEqual(c, wantCorpus) {
			t.Errorf("%s, pieces of %d bytes (used: %v): the corpus differs", name, size, l.InPieces)
		}
		if size == 1 {
			inPieces = l.InPieces
		}
	}
	return inPieces
}

// trickyCorpus has what the cutting must step around: block scalars,
// multi-line plain text, quotes with colons and hashes, flow mappings,
// comments between items, and a list at column 0.
const trickyCorpus = `# a corpus with every shape of list
corpus:
  title: Tricky
  format: 1
topics:
  - {id: space, label: Space}
  - id: cyber
    label: "Cyber: a #hashtag"
sources:
  # the first source
  - id: s1
    title: 'It''s one: "quoted"'
    file: s1.txt
  - id: s2
    title: Two
    text: |
      They agreed on space cooperation.
      - not an item
      # not a comment either
      and cyber defense.
  - {id: s3, title: "Three, in flow", text: "space cooperation and cyber defense"}
meetings:
- id: m1
  title: A title that goes
    on to a second line
  kind: SCM
  date: 2020-10-14
  summary: >-
    Folded text
    - still text
  sources: [s1, s2, s3]
# a comment at column 0 between items
- id: m2
  title: Two   # a comment
  kind: SCM
  date: "2021-12"
annotations:
  - source: s1
    topic: space
    quote: space cooperation
  - {source: s2, topic: cyber, quote: cyber defense}

  - source: s3
    topic: cyber
    quote: "cyber defense"
    note: |2
         indented by an indicator
eras:
  - {group: President, label: Someone, start: 2020-01-20, end: 2021-01-20}
`

func TestPiecesGiveWhatTheWholeFileGives(t *testing.T) {
	mapFS := func(yaml string) fs.FS {
		return fstest.MapFS{"c.yaml": {Data: []byte(yaml)}, "s1.txt": {Data: []byte(baseText)}}
	}
	cases := []struct {
		name       string
		yaml       string
		wantPieces bool // the plan holds, so the pieces are really used
	}{
		{"base", baseCorpus, true},
		{"rich", corpustest.Rich["c.yaml"], true},
		{"tricky", trickyCorpus, true},
		{"tricky with CRLF", strings.ReplaceAll(trickyCorpus, "\n", "\r\n"), true},
		{"a broken record in a late piece", strings.Replace(trickyCorpus, "quote: \"cyber defense\"", "quote: [cyber", 1), false},
		{"an unknown key in a piece", strings.Replace(trickyCorpus, "topic: space\n", "topic: space\n    colour: red\n", 1), true},
		{"a quote open across lines", strings.Replace(trickyCorpus, "quote: space cooperation", "quote: \"space\n      cooperation\"", 1), false},
		{"a flow list across lines", strings.Replace(trickyCorpus, "sources: [s1, s2, s3]", "sources: [s1,\n    s2, s3]", 1), false},
		{"a duplicate list", trickyCorpus + "annotations:\n  - {source: s1, topic: space, quote: space}\n", false},
		{"a list in flow style", strings.Replace(baseCorpus, "sources:\n  - id: s1\n    title: Source one\n    file: s1.txt\n", "sources: [{id: s1, title: Source one, file: s1.txt}]\n", 1), true},
		{"a document marker", "---\n" + baseCorpus, false},
		{"a lone CR", "meetings:\n - 0\r0", false},
		{"a line separator", strings.Replace(baseCorpus, "quote: space cooperation", "quote: space\u2028cooperation", 1), false},
		{"an indented first key", " file: s1.txt\nannotations:\n  - source: s1\n    quote: space cooperation\n", false},
		{"a quoted text over a list", "corpus:\n  title: \"Test\n  format: 1\nannotations:\n  - source: s1\n    topic: space\n    quote: space cooperation\neras: x\"\n", false},
		{"an anchor", strings.Replace(baseCorpus, "topic: space\n", "topic: &t space\n", 1), false},
		{"a tab", strings.Replace(baseCorpus, "    topic: space\n", "\ttopic: space\n", 1), false},
		{"items less indented than the first", strings.Replace(baseCorpus, "  - source: s1\n    topic: cyber", " - source: s1\n   topic: cyber", 1), false},
		{"a key among the items", strings.Replace(baseCorpus, "  - source: s1\n    topic: cyber", "  oops: 1\n  - source: s1\n    topic: cyber", 1), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := loadWays(t, mapFS(tc.yaml), "c.yaml"); got != tc.wantPieces {
				t.Errorf("decoded in pieces: %v, want %v", got, tc.wantPieces)
			}
		})
	}
}

// TestPiecesOnEveryTestCorpus decodes every corpus under testdata and the
// built-in one both ways.
func TestPiecesOnEveryTestCorpus(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*", "*.yaml"))
	more, _ := filepath.Glob(filepath.Join("testdata", "*", "*", "*.yaml"))
	paths = append(append(paths, more...), filepath.Join("..", "..", "assets", "corpus", "scm.yaml"))
	used := 0
	for _, p := range paths {
		if loadWays(t, os.DirFS(filepath.Dir(p)), filepath.Base(p)) {
			used++
		}
	}
	t.Logf("%d of %d corpora decoded in pieces", used, len(paths))
	if used < len(paths)/2 {
		t.Errorf("only %d of %d corpora were decoded in pieces: the comparison tests too little", used, len(paths))
	}
}

// A syntax error in a file too large to locate by re-parsing prefixes
// (maxLocateBytes) is still placed on its line: by the piece that failed,
// or, when the file could not be cut, by the list item around the line
// yaml.v3 reports, re-parsed alone.
func TestSyntaxErrorsInALargeFileArePlaced(t *testing.T) {
	dir := t.TempDir()
	path, err := gen.WritePoints(dir, gen.Points{Items: 15000, Lanes: 5, From: 2012, To: 2023, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(raw) <= maxLocateBytes {
		t.Fatalf("the corpus has %d bytes, not more than %d", len(raw), maxLocateBytes)
	}
	lines := strings.SplitAfter(string(raw), "\n")
	for _, c := range []struct{ name, line, msg string }{
		{"a flow list left open: the file is not cut", "      title: [not closed\n", "did not find expected ',' or ']'"},
		{"a key inside a value: a piece fails", "      title: a: b\n", "mapping values are not allowed in this context"},
	} {
		t.Run(c.name, func(t *testing.T) {
			at := len(lines) / 2
			for !strings.HasPrefix(lines[at], "      title: ") {
				at++
			}
			broken := slices.Clone(lines)
			broken[at] = c.line
			fsys := fstest.MapFS{"c.yaml": {Data: []byte(strings.Join(broken, ""))}}
			_, ps, err := FS(fsys, "c.yaml", "c.yaml")
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != 1 || ps[0].Line != at+1 || !strings.Contains(ps[0].Message, c.msg) {
				t.Fatalf("problems %s; want one on line %d with %q", ps, at+1, c.msg)
			}
		})
	}
}

// TestSplitLines checks the lines a file is cut into: each with its line
// ending, the last with none when the file ends without one, and the
// lines joined giving the file again.
func TestSplitLines(t *testing.T) {
	tests := []struct {
		raw  string
		want []string
	}{
		{"", nil},
		{"\n", []string{"\n"}},
		{"a", []string{"a"}},
		{"a\n", []string{"a\n"}},
		{"a\nb", []string{"a\n", "b"}},
		{"a\r\nb\r\n", []string{"a\r\n", "b\r\n"}},
		{"\n\nx\n", []string{"\n", "\n", "x\n"}},
		{"한미\n국방", []string{"한미\n", "국방"}},
	}
	for _, tt := range tests {
		lines := splitLines([]byte(tt.raw))
		var got []string
		for i := 0; i < lines.len(); i++ {
			got = append(got, string(lines.line(i)))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("splitLines(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}
