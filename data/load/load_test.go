package load

import (
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/internal/corpustest"

	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// baseCorpus is a small valid corpus; the validation cases edit it.
const baseCorpus = `corpus:
  title: Test corpus
  format: 1
topics:
  - id: space
    label: Space
    color: "#AA4499"
  - id: cyber
    label: Cyber
meetings:
  - id: m1
    title: Meeting one
    kind: SCM
    date: 2020-10-14
    sources: [s1]
  - id: m2
    title: Meeting two
    kind: SCM
    date: 2021-12
sources:
  - id: s1
    title: Source one
    file: s1.txt
annotations:
  - source: s1
    topic: space
    quote: space cooperation
  - source: s1
    topic: cyber
    quote: cyber defense
eras:
  - group: President
    label: Someone
    start: 2020-01-20
    end: 2021-01-20
`

const baseText = "They agreed on space cooperation and cyber defense.\n"

func loadMap(t *testing.T, yaml string, files map[string]string) (*data.Corpus, data.Problems) {
	t.Helper()
	fsys := fstest.MapFS{"c.yaml": {Data: []byte(yaml)}}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	c, ps, err := FS(fsys, "c.yaml", "c.yaml")
	if err != nil {
		t.Fatalf("FS: %v", err)
	}
	return c, ps
}

func TestBaseCorpusIsValid(t *testing.T) {
	c, ps := loadMap(t, baseCorpus, map[string]string{"s1.txt": baseText})
	if len(ps) != 0 || c == nil {
		t.Fatalf("problems:\n%s", ps)
	}
	if got := c.Meeting("m2").Date; got.Precision != data.PrecisionMonth {
		t.Errorf("m2 precision = %v", got.Precision)
	}
	for _, a := range c.Annotations {
		if a.Anchor.Status != data.Exact || a.Text() != a.Quote {
			t.Errorf("annotation %q: %v %q", a.Quote, a.Anchor.Status, a.Text())
		}
	}
}

// expect is one problem a case must produce: at the line holding marker
// (in the file named, c.yaml by default), with the severity and a message
// containing substring.
type expect struct {
	marker   string
	severity data.Severity
	substr   string
	file     string
	line     int // used instead of marker when set
}

func lineOf(text, marker string) int {
	i := strings.Index(text, marker)
	if i < 0 {
		return -1
	}
	return strings.Count(text[:i], "\n") + 1
}

func TestValidationRules(t *testing.T) {
	type edit struct{ old, new string }
	tests := []struct {
		name  string
		edits []edit
		files map[string]string // replaces the default s1.txt when set
		want  []expect
	}{
		{name: "unknown key with suggestion",
			edits: []edit{{"    label: Cyber\n", "    label: Cyber\n    colour: \"#000000\"\n"}},
			want:  []expect{{marker: "colour:", severity: data.Error, substr: `unknown key "colour"; did you mean "color"?`}}},
		{name: "unknown top-level key",
			edits: []edit{{"eras:\n", "era:\n"}},
			want:  []expect{{marker: "era:", severity: data.Error, substr: `did you mean "eras"?`}}},
		{name: "duplicate key",
			edits: []edit{{"    label: Cyber\n", "    label: Cyber\n    label: Cyber again\n"}},
			want:  []expect{{marker: "label: Cyber again", severity: data.Error, substr: `duplicate key "label" (first at line 9)`}}},
		{name: "missing required key",
			edits: []edit{{"    label: Cyber\n", ""}},
			want:  []expect{{marker: "  - id: cyber", severity: data.Error, substr: `topic "cyber": missing required key "label"`}}},
		{name: "empty required value",
			edits: []edit{{"    title: Meeting one\n", "    title: \"\"\n"}},
			want:  []expect{{marker: `title: ""`, severity: data.Error, substr: "title must not be empty"}}},
		{name: "wrong type",
			edits: []edit{{"    title: Meeting one\n", "    title: [a, b]\n"}},
			want:  []expect{{marker: "title: [a, b]", severity: data.Error, substr: "title must be text, not a list"}}},
		{name: "section that is not a list",
			edits: []edit{{"eras:\n  - group: President\n    label: Someone\n    start: 2020-01-20\n    end: 2021-01-20\n", "eras: none\n"}},
			want:  []expect{{marker: "eras: none", severity: data.Error, substr: "eras must be a list"}}},
		{name: "bad id syntax",
			edits: []edit{{"id: cyber", "id: Cyber Stuff"}},
			want: []expect{
				{marker: "id: Cyber Stuff", severity: data.Error, substr: "must be lower-case letters and digits"},
				{marker: "topic: cyber", severity: data.Error, substr: `there is no topic "cyber"`},
			}},
		{name: "duplicate meeting id",
			edits: []edit{{"  - id: m2\n", "  - id: m1\n"}},
			want:  []expect{{marker: "  - id: m1\n    title: Meeting two", severity: data.Error, substr: `meeting "m1": id "m1" is already used at line 11`}}},
		{name: "duplicate source id",
			edits: []edit{{"    file: s1.txt\n", "    file: s1.txt\n  - id: s1\n    title: Source again\n    text: x\n"}},
			want: []expect{
				{marker: "  - id: s1\n    title: Source again", severity: data.Error, substr: `source "s1": id "s1" is already used at line 21`},
				{marker: "  - id: s1\n    title: Source again", severity: data.Warning, substr: `source "s1" reports no meeting`},
			}},
		{name: "duplicate id",
			edits: []edit{{"id: cyber", "id: space"}},
			want: []expect{
				{marker: "  - id: space\n    label: Cyber", severity: data.Error, substr: `id "space" is already used at line 5`},
				{marker: "topic: cyber", severity: data.Error, substr: `there is no topic "cyber"`},
			}},
		{name: "missing topic with suggestion",
			edits: []edit{{"topic: cyber", "topic: cyberr"}},
			want:  []expect{{marker: "topic: cyberr", severity: data.Error, substr: `there is no topic "cyberr"; did you mean "cyber"?`}}},
		{name: "missing source of an annotation",
			edits: []edit{{"  - source: s1\n    topic: cyber", "  - source: s9\n    topic: cyber"}},
			want:  []expect{{marker: "source: s9", severity: data.Error, substr: `there is no source "s9"`}}},
		{name: "missing source of a meeting",
			edits: []edit{{"sources: [s1]", "sources: [s1, s2]"}},
			want:  []expect{{marker: "sources: [s1, s2]", severity: data.Error, substr: `meeting "m1": there is no source "s2"`}}},
		{name: "impossible date",
			edits: []edit{{"date: 2020-10-14", "date: 2023-02-30"}},
			want:  []expect{{marker: "date: 2023-02-30", severity: data.Error, substr: "February 2023 has 28 days"}}},
		{name: "year zero",
			edits: []edit{{"date: 2020-10-14", "date: 0000-10-14"}},
			want:  []expect{{marker: "date: 0000", severity: data.Error, substr: "out of range"}}},
		{name: "malformed date",
			edits: []edit{{"date: 2020-10-14", "date: 14/10/2020"}},
			want:  []expect{{marker: "date: 14/10/2020", severity: data.Error, substr: "not of the form"}}},
		{name: "meeting end before start",
			edits: []edit{{"date: 2020-10-14\n", "date: 2020-10-14\n    end: 2020-10-13\n"}},
			want:  []expect{{marker: "end: 2020-10-13", severity: data.Error, substr: "end 2020-10-13 is before the start 2020-10-14"}}},
		{name: "era end before start",
			edits: []edit{{"end: 2021-01-20", "end: 2019-01-20"}},
			want:  []expect{{marker: "end: 2019-01-20", severity: data.Error, substr: "is before the start"}}},
		{name: "bad colour",
			edits: []edit{{`color: "#AA4499"`, `color: "#AA44ZZ"`}},
			want:  []expect{{marker: `color: "#AA44ZZ"`, severity: data.Error, substr: "hexadecimal"}}},
		{name: "colour without hash",
			edits: []edit{{`color: "#AA4499"`, `color: red`}},
			want:  []expect{{marker: `color: red`, severity: data.Error, substr: "must be #RRGGBB"}}},
		{name: "format missing",
			edits: []edit{{"  format: 1\n", ""}},
			want:  []expect{{marker: "  title: Test corpus", severity: data.Error, substr: `missing required key "format"`}}},
		{name: "format too new",
			edits: []edit{{"format: 1", "format: 2"}},
			want:  []expect{{marker: "format: 2", severity: data.Error, substr: "format 2 is not one this version reads"}}},
		{name: "format not a number",
			edits: []edit{{"format: 1", "format: one"}},
			want:  []expect{{marker: "format: one", severity: data.Error, substr: "must be a whole number"}}},
		{name: "both file and text",
			edits: []edit{{"    file: s1.txt\n", "    file: s1.txt\n    text: inline\n"}},
			want: []expect{
				{marker: "quote: space cooperation", severity: data.Error, substr: "orphaned: the source has no text"},
				{marker: "quote: cyber defense", severity: data.Error, substr: "orphaned: the source has no text"}, {marker: "text: inline", severity: data.Error, substr: "either file or text, not both"}}},
		{name: "neither file nor text",
			edits: []edit{{"    file: s1.txt\n", ""}},
			want: []expect{
				{marker: "quote: space cooperation", severity: data.Error, substr: "orphaned: the source has no text"},
				{marker: "quote: cyber defense", severity: data.Error, substr: "orphaned: the source has no text"},
				{marker: "  - id: s1", severity: data.Error, substr: "missing the text"},
			}},
		{name: "absolute path",
			edits: []edit{{"file: s1.txt", "file: /etc/passwd"}},
			want: []expect{
				{marker: "quote: space cooperation", severity: data.Error, substr: "orphaned: the source has no text"},
				{marker: "quote: cyber defense", severity: data.Error, substr: "orphaned: the source has no text"},
				{marker: "file: /etc/passwd", severity: data.Error, substr: "is an absolute path"},
			}},
		{name: "escape with ..",
			edits: []edit{{"file: s1.txt", "file: texts/../../etc/passwd"}},
			want: []expect{
				{marker: "quote: space cooperation", severity: data.Error, substr: "orphaned: the source has no text"},
				{marker: "quote: cyber defense", severity: data.Error, substr: "orphaned: the source has no text"},
				{marker: "file: texts/../../etc/passwd", severity: data.Error, substr: "leads out of the corpus folder"},
			}},
		{name: "missing text file",
			edits: []edit{{"file: s1.txt", "file: s2.txt"}},
			want: []expect{
				{marker: "quote: space cooperation", severity: data.Error, substr: "orphaned: the source has no text"},
				{marker: "quote: cyber defense", severity: data.Error, substr: "orphaned: the source has no text"},
				{marker: "file: s2.txt", severity: data.Error, substr: "file s2.txt does not exist"},
			}},
		{name: "invalid UTF-8 in text",
			files: map[string]string{"s1.txt": "line one\nbad \xff byte\n"},
			want: []expect{
				{marker: "quote: space cooperation", severity: data.Error, substr: "orphaned: the source has no text"},
				{marker: "quote: cyber defense", severity: data.Error, substr: "orphaned: the source has no text"},
				{file: "s1.txt", line: 2, severity: data.Error, substr: "not valid UTF-8"},
			}},
		{name: "binary text file",
			files: map[string]string{"s1.txt": "PK\x03\x04\x00\x00binary"},
			want: []expect{
				{marker: "quote: space cooperation", severity: data.Error, substr: "orphaned: the source has no text"},
				{marker: "quote: cyber defense", severity: data.Error, substr: "orphaned: the source has no text"},
				{file: "s1.txt", line: 1, severity: data.Error, substr: "not a text file"},
			}},
		{name: "byte-order mark in text is dropped",
			files: map[string]string{"s1.txt": "\uFEFF" + baseText},
			want:  nil},
		{name: "alias",
			edits: []edit{{"    label: Space\n", "    label: &l Space\n"}, {"    label: Cyber\n", "    label: *l\n"}},
			want:  []expect{{marker: "label: *l", severity: data.Error, substr: "aliases (*l) are not allowed"}}},
		{name: "merge key",
			edits: []edit{{"    label: Cyber\n", "    label: Cyber\n    <<: {color: \"#000000\"}\n"}},
			want:  []expect{{marker: "<<:", severity: data.Error, substr: "merge keys"}}},
		{name: "quote not in text",
			edits: []edit{{"quote: cyber defense", "quote: missile defense cooperation"}},
			want:  []expect{{marker: "quote: missile defense cooperation", severity: data.Error, substr: "orphaned: the quote is not in the text"}}},
		{name: "ambiguous quote warns",
			files: map[string]string{"s1.txt": "space cooperation and cyber defense, then more space cooperation.\n"},
			want:  []expect{{marker: "quote: space cooperation", severity: data.Warning, substr: "ambiguous: the quote fits 2 places (offsets 0, 47)"}}},
		{name: "relocated quote warns",
			edits: []edit{{"quote: space cooperation\n", "quote: space cooperation\n    start: 2\n"}},
			want:  []expect{{marker: "quote: space cooperation", severity: data.Warning, substr: "relocated: the quote is at offset 15, not 2"}}},
		{name: "fuzzy quote warns",
			edits: []edit{{"quote: cyber defense", "quote: agreed on spaec cooperation"}},
			want:  []expect{{marker: "quote: agreed on spaec", severity: data.Warning, substr: "fuzzy: only an approximate match"}}},
		{name: "start past the end",
			edits: []edit{{"quote: space cooperation\n", "quote: space cooperation\n    start: 500\n"}},
			want: []expect{
				{marker: "quote: space cooperation", severity: data.Warning, substr: "relocated: the quote is at offset 15, not 500"},
				{marker: "start: 500", severity: data.Error, substr: "start 500 is past the end of the text (52 code points)"},
			}},
		{name: "negative start",
			edits: []edit{{"quote: space cooperation\n", "quote: space cooperation\n    start: -4\n"}},
			want:  []expect{{marker: "start: -4", severity: data.Error, substr: "start must not be negative"}}},
		{name: "exclusion and annotation inside it",
			edits: []edit{{"    file: s1.txt\n", "    file: s1.txt\n    exclude:\n      - {from: cyber, to: defense, reason: furniture}\n"}},
			want:  []expect{{marker: "quote: cyber defense", severity: data.Error, substr: "lies in an excluded range (furniture)"}}},
		{name: "exclusion marker not in text",
			edits: []edit{{"    file: s1.txt\n", "    file: s1.txt\n    exclude:\n      - {from: sidebar}\n"}},
			want:  []expect{{marker: "from: sidebar", severity: data.Error, substr: `"sidebar" is not in the text`}}},
		{name: "exclusion marker ambiguous",
			edits: []edit{{"    file: s1.txt\n", "    file: s1.txt\n    exclude:\n      - {from: e}\n"}},
			want:  []expect{{marker: "from: e}", severity: data.Error, substr: "occurs"}}},
		{name: "source reporting no meeting warns",
			edits: []edit{{"    sources: [s1]\n", ""}},
			want:  []expect{{marker: "  - id: s1", severity: data.Warning, substr: `source "s1" reports no meeting`}}},
		{name: "meeting listing a source twice warns",
			edits: []edit{{"sources: [s1]", "sources: [s1, s1]"}},
			want:  []expect{{marker: "sources: [s1, s1]", severity: data.Warning, substr: `lists source "s1" twice`}}},
		{name: "duplicate annotation warns",
			edits: []edit{{"eras:\n", "  - {source: s1, topic: space, quote: space cooperation}\neras:\n"}},
			want:  []expect{{marker: "  - {source: s1, topic: space", severity: data.Warning, substr: "repeats the annotation at line 25"}}},
		{name: "id too long",
			edits: []edit{{"id: cyber", "id: " + strings.Repeat("c", 65)}},
			want: []expect{
				{marker: "id: ccc", severity: data.Error, substr: "id is 65 characters long; the limit is 64"},
				{marker: "topic: cyber", severity: data.Error, substr: `there is no topic "cyber"`},
			}},
		{name: "url without scheme warns",
			edits: []edit{{"    file: s1.txt\n", "    file: s1.txt\n    url: www.example.org\n"}},
			want:  []expect{{marker: "url: www.example.org", severity: data.Warning, substr: "does not start with http"}}},
		{name: "text file too large",
			files: map[string]string{"s1.txt": strings.Repeat("a", MaxTextBytes+1)},
			want: []expect{
				{marker: "quote: space cooperation", severity: data.Error, substr: "orphaned: the source has no text"},
				{marker: "quote: cyber defense", severity: data.Error, substr: "orphaned: the source has no text"}, {marker: "file: s1.txt", severity: data.Error, substr: "is too large: the file has 16777217 bytes (16.0 MiB); the limit is 16 MiB"}}},
		{name: "source file is a folder",
			files: map[string]string{"s1.txt/inner.txt": "x"},
			want: []expect{
				{marker: "quote: space cooperation", severity: data.Error, substr: "orphaned: the source has no text"},
				{marker: "quote: cyber defense", severity: data.Error, substr: "orphaned: the source has no text"}, {marker: "file: s1.txt", severity: data.Error, substr: "is a folder"}}},
		{name: "YAML syntax error",
			edits: []edit{{"    label: Cyber\n", "    label: Cyber\n   bad: [\n"}},
			want:  []expect{{marker: "   bad: [", severity: data.Error, substr: "YAML syntax"}}},
		{name: "tab indentation",
			edits: []edit{{"    label: Cyber\n", "\tlabel: Cyber\n"}},
			want:  []expect{{marker: "\tlabel", severity: data.Error, substr: "YAML syntax"}}},
		{name: "created is a day",
			edits: []edit{{"    quote: cyber defense\n", "    quote: cyber defense\n    coder: Kim\n    created: 2026-11\n"}},
			want:  []expect{{marker: "2026-11", severity: data.Error, substr: "created must be a day, YYYY-MM-DD"}}},
		{name: "two documents",
			edits: []edit{{"eras:\n", "---\neras:\n"}},
			want:  []expect{{marker: "---", severity: data.Error, substr: "more than one YAML document"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			yaml := baseCorpus
			for _, e := range tt.edits {
				if !strings.Contains(yaml, e.old) {
					t.Fatalf("edit %q does not apply", e.old)
				}
				yaml = strings.Replace(yaml, e.old, e.new, 1)
			}
			files := tt.files
			if files == nil {
				files = map[string]string{"s1.txt": baseText}
			}
			c, ps := loadMap(t, yaml, files)
			checkProblems(t, yaml, ps, tt.want)
			if ps.HasErrors() != (c == nil) {
				t.Errorf("corpus returned = %v with errors = %v", c != nil, ps.HasErrors())
			}
		})
	}
}

// checkProblems requires exactly the expected problems, in any order.
func checkProblems(t *testing.T, yaml string, got data.Problems, want []expect) {
	t.Helper()
	used := make([]bool, len(got))
	for _, w := range want {
		file, line := w.file, w.line
		if file == "" {
			file = "c.yaml"
		}
		if line == 0 {
			line = lineOf(yaml, w.marker)
		}
		found := false
		for i, p := range got {
			if !used[i] && p.File == file && p.Line == line && p.Severity == w.severity && strings.Contains(p.Message, w.substr) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			t.Errorf("missing %s:%d: %v: …%s…\ngot:\n%s", file, line, w.severity, w.substr, got)
		}
	}
	for i, p := range got {
		if !used[i] {
			t.Errorf("unexpected problem: %s", p)
		}
	}
}

func TestEmptyCorpusFile(t *testing.T) {
	for _, content := range []string{"", "   \n\n", "# only a comment\n"} {
		_, ps := loadMap(t, content, nil)
		if len(ps) != 1 || !ps.HasErrors() || !strings.Contains(ps[0].Message, "empty") {
			t.Errorf("%q: %s", content, ps)
		}
	}
}

func TestInvalidUTF8InCorpusFile(t *testing.T) {
	_, ps := loadMap(t, "corpus:\n  title: bad \xfe\n", nil)
	if len(ps) != 1 || ps[0].Line != 2 || ps[0].Col != 14 {
		t.Fatalf("got %s", ps)
	}
}

// hugeFile says it is larger than it is: the loader must refuse it from
// its size, before reading.
type hugeFile struct{ fstest.MapFS }

func (h hugeFile) Open(name string) (fs.File, error) {
	f, err := h.MapFS.Open(name)
	return hugeOpen{f}, err
}

type hugeOpen struct{ fs.File }

func (h hugeOpen) Stat() (fs.FileInfo, error) {
	info, err := h.File.Stat()
	return hugeInfo{info}, err
}

type hugeInfo struct{ fs.FileInfo }

func (hugeInfo) Size() int64 { return MaxCorpusBytes + 1 }

func TestCorpusFileTooLarge(t *testing.T) {
	fsys := hugeFile{fstest.MapFS{"c.yaml": {Data: []byte(baseCorpus)}}}
	_, ps, err := FS(fsys, "c.yaml", "c.yaml")
	if err != nil || len(ps) != 1 || !strings.Contains(ps[0].Message, "the limit is 256 MiB") {
		t.Fatalf("got %v %s", err, ps)
	}
}

// TestLargeFilesAreDecodedOnlyInPieces: over the whole-file limit (lowered
// here), a file that can be cut loads, and one that cannot is refused with
// the line that prevents it; a syntax error in a piece is placed exactly.
func TestLargeFilesAreDecodedOnlyInPieces(t *testing.T) {
	cases := []struct {
		name, yaml string
		want       string // "" for a good load
		line       int
	}{
		{"cut", trickyCorpus, "", 0},
		{"a quote over two lines", strings.Replace(trickyCorpus, "quote: space cooperation", "quote: \"space\n      cooperation\"", 1),
			"files over 0 MiB are decoded in pieces, which this line prevents: a quoted text that goes on to the next line", 40},
		{"a tab", strings.Replace(trickyCorpus, "    topic: space\n", "\ttopic: space\n", 1),
			"which this line prevents: a tab in the indentation", 39},
		{"a syntax error in a piece", strings.Replace(trickyCorpus, "    quote: \"cyber defense\"\n", "    quote: \"cyber defense\"\n   - oops\n", 1),
			"YAML syntax: did not find expected '-' indicator", 46},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"c.yaml": {Data: []byte(tc.yaml)}, "s1.txt": {Data: []byte(baseText)}}
			l, err := Read(fsys, "c.yaml", "c.yaml", Options{pieceMinBytes: 1, pieceBytes: 100, maxWholeBytes: 100})
			if err != nil {
				t.Fatal(err)
			}
			c, ps := l.Corpus, l.Problems
			if tc.want == "" {
				if c == nil || !l.InPieces {
					t.Fatalf("not loaded in pieces:\n%s", ps)
				}
				return
			}
			if c != nil || len(ps) != 1 || !strings.Contains(ps[0].Message, tc.want) || ps[0].Line != tc.line {
				t.Fatalf("got\n%s\nwant one error at line %d with %q", ps, tc.line, tc.want)
			}
		})
	}
}

func TestLoadMissingCorpusIsAnError(t *testing.T) {
	_, _, err := File(filepath.Join(t.TempDir(), "nope.yaml"))
	if err == nil {
		t.Fatal("want an error for a missing corpus file")
	}
}

// writeCorpus writes files under a fresh folder and returns the path of
// corpus/c.yaml there.
func writeCorpus(t *testing.T, files map[string]string) string {
	t.Helper()
	return filepath.Join(corpustest.WriteFolder(t, files), "corpus", "c.yaml")
}

func TestSymlinkLeadingOutIsRefused(t *testing.T) {
	path := writeCorpus(t, map[string]string{
		"corpus/c.yaml": strings.Replace(baseCorpus, "file: s1.txt", "file: texts/s1.txt", 1),
		"secret.txt":    baseText,
	})
	dir := filepath.Dir(path)
	if err := os.Symlink(filepath.Join(dir, "..", "secret.txt"), filepath.Join(dir, "texts")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	// texts -> ../secret.txt as a folder link is broken; link the folder instead.
	os.Remove(filepath.Join(dir, "texts"))
	if err := os.Symlink(filepath.Join(dir, ".."), filepath.Join(dir, "texts")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "..", "secret.txt"), filepath.Join(dir, "..", "s1.txt")); err != nil {
		t.Fatal(err)
	}
	_, ps, err := File(path)
	if err != nil {
		t.Fatal(err)
	}
	if !ps.HasErrors() || !strings.Contains(ps.String(), "leads out of the corpus folder through the symbolic link") {
		t.Fatalf("got:\n%s", ps)
	}
}

func TestSymlinkInsideIsFollowed(t *testing.T) {
	path := writeCorpus(t, map[string]string{
		"corpus/c.yaml":       strings.Replace(baseCorpus, "file: s1.txt", "file: link.txt", 1),
		"corpus/texts/s1.txt": baseText,
	})
	dir := filepath.Dir(path)
	if err := os.Symlink(filepath.Join("texts", "s1.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	c, ps, err := File(path)
	if err != nil || c == nil {
		t.Fatalf("%v\n%s", err, ps)
	}
}

// TestFiveProblemsAtOnce is the acceptance case: one corpus with an unknown
// key, a missing topic, an impossible date, a quote not in its text and a
// source file outside the corpus folder gets all five, each on its line.
func TestFiveProblemsAtOnce(t *testing.T) {
	path := filepath.Join("testdata", "five-problems", "c.yaml")
	_, ps, err := File(path)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{
		5:  `unknown key "subtitle"`,
		9:  "February 2023 has 28 days",
		12: "leads out of the corpus folder",
		14: `there is no topic "spaec"; did you mean "space"?`,
		15: "orphaned: the quote is not in the text",
	}
	for line, substr := range want {
		found := false
		for _, p := range ps {
			if p.Line == line && p.Severity == data.Error && strings.Contains(p.Message, substr) {
				found = true
			}
		}
		if !found {
			t.Errorf("line %d: no error containing %q", line, substr)
		}
	}
	if len(ps) != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", len(ps), len(want), ps)
	}
	for _, p := range ps {
		if !strings.HasPrefix(p.String(), fmt.Sprintf("%s:%d:", path, p.Line)) {
			t.Errorf("problem not in FILE:LINE:COL form: %s", p)
		}
	}
}

// recordingFS records every name opened through it.
type recordingFS struct {
	fstest.MapFS
	opened []string
}

func (r *recordingFS) Open(name string) (fs.File, error) {
	r.opened = append(r.opened, name)
	return r.MapFS.Open(name)
}

// TestNothingOutsideTheCorpusFolderIsOpened: for every way a source path
// can point out of the corpus folder, the loader (prefetcher included)
// opens nothing but the corpus file. The corpus lives in a subfolder of
// the file system, so "outside" files exist to be opened by mistake.
func TestNothingOutsideTheCorpusFolderIsOpened(t *testing.T) {
	for _, file := range []string{"/etc/passwd", "../secret.txt", "texts/../../secret.txt", "..", "./../secret.txt", "texts/../../../etc/passwd"} {
		t.Run(file, func(t *testing.T) {
			// Enough sources that the prefetcher runs too.
			var b strings.Builder
			b.WriteString("corpus: {title: T, format: 1}\nsources:\n")
			for i := 0; i < 40; i++ {
				fmt.Fprintf(&b, "  - {id: s%d, title: S, file: %q}\n", i, file)
			}
			rfs := &recordingFS{MapFS: fstest.MapFS{
				"corpus/c.yaml": {Data: []byte(b.String())},
				"secret.txt":    {Data: []byte("secret")},
			}}
			_, ps, err := FS(rfs, "corpus/c.yaml", "c.yaml")
			if err != nil || !ps.HasErrors() {
				t.Fatalf("err %v, problems %s", err, ps)
			}
			for _, name := range rfs.opened {
				if name != "corpus/c.yaml" {
					t.Errorf("opened %q", name)
				}
			}
		})
	}
}

// TestSourceChangedWhileLoading: a text file modified after the corpus
// file was read gets a warning (an edit may be in progress).
func TestSourceChangedWhileLoading(t *testing.T) {
	fsys := fstest.MapFS{
		"c.yaml": {Data: []byte(baseCorpus)},
		"s1.txt": {Data: []byte(baseText), ModTime: time.Now().Add(time.Hour)},
	}
	c, ps, err := FS(fsys, "c.yaml", "c.yaml")
	if err != nil || c == nil {
		t.Fatal(err, ps)
	}
	if len(ps) != 1 || ps[0].Severity != data.Warning || !strings.Contains(ps[0].Message, "changed while the corpus was loading") || ps[0].Line != lineOf(baseCorpus, "file: s1.txt") {
		t.Errorf("problems:\n%s", ps)
	}
}

// faultyFS fails one file of a MapFS: when it is opened, or when it is
// read. Running as root, a test cannot make a real file unreadable.
type faultyFS struct {
	fstest.MapFS
	name   string
	onRead bool
	err    error
}

type faultyFile struct {
	fs.File
	err error
}

func (f faultyFile) Read([]byte) (int, error) { return 0, f.err }

func (f faultyFS) Open(name string) (fs.File, error) {
	if name != f.name {
		return f.MapFS.Open(name)
	}
	if !f.onRead {
		return nil, &fs.PathError{Op: "open", Path: name, Err: f.err}
	}
	file, err := f.MapFS.Open(name)
	if err != nil {
		return nil, err
	}
	return faultyFile{file, f.err}, nil
}

// TestUnreadableSourceFile: a text file that cannot be opened (permission
// denied) or fails while it is read (an I/O error) is an error at its
// file: line, with the reason, and nothing is counted from it.
func TestUnreadableSourceFile(t *testing.T) {
	for _, tc := range []struct {
		name   string
		onRead bool
		err    error
		want   string
	}{
		{"permission denied", false, fs.ErrPermission, "cannot read file s1.txt: permission denied"},
		{"I/O error mid-read", true, syscall.EIO, "cannot read file s1.txt: input/output error"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := faultyFS{MapFS: fstest.MapFS{
				"c.yaml": {Data: []byte(baseCorpus)},
				"s1.txt": {Data: []byte(baseText)},
			}, name: "s1.txt", onRead: tc.onRead, err: tc.err}
			c, ps, err := FS(fsys, "c.yaml", "c.yaml")
			if err != nil || c != nil {
				t.Fatalf("err %v, corpus %v", err, c != nil)
			}
			want := fmt.Sprintf("c.yaml:%d:", lineOf(baseCorpus, "file: s1.txt"))
			found := false
			for _, p := range ps {
				if p.Severity == data.Error && strings.HasPrefix(p.String(), want) && strings.Contains(p.Message, tc.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("want an error at %s with %q; got:\n%s", want, tc.want, ps)
			}
		})
	}
}

// TestProgressReachesTheEnd: a load reports its progress up to 1, whole
// and in pieces, and the fraction never goes back.
func TestProgressReachesTheEnd(t *testing.T) {
	dir := corpustest.WriteFolder(t, corpustest.Rich)
	folder, err := OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	for _, opts := range []Options{{}, {pieceMinBytes: 1, pieceBytes: 1}} {
		var p Progress
		opts.Progress = &p
		res, err := Read(folder, "c.yaml", "c.yaml", opts)
		if err != nil || res.Corpus == nil {
			t.Fatalf("%+v: %v", opts, err)
		}
		if res.InPieces != (opts.pieceBytes == 1) {
			t.Errorf("%+v: in pieces %v", opts, res.InPieces)
		}
		if p.Fraction() != 1 {
			t.Errorf("in pieces %v: progress ends at %v", res.InPieces, p.Fraction())
		}
	}
	var p Progress
	p.Report(0.7)
	p.Report(0.3)
	if p.Fraction() != 0.7 {
		t.Errorf("progress went back to %v", p.Fraction())
	}
}

// Rejected suggestions are read and anchored as annotations are, kept
// apart from them (never counted), and one whose passage is gone is a
// warning, not an error: it only stops rejecting.
func TestRejections(t *testing.T) {
	yaml := baseCorpus + `rejections:
  - {source: s1, topic: space, quote: "They agreed on", start: 0, coder: ann, created: 2026-12-02}
  - {source: s1, topic: cyber, quote: "no such passage"}
`
	c, ps := loadMap(t, yaml, map[string]string{"s1.txt": baseText})
	if c == nil {
		t.Fatalf("no corpus: %s", ps)
	}
	if len(c.Annotations) != 2 || len(c.Rejections) != 2 {
		t.Fatalf("%d annotations, %d rejections", len(c.Annotations), len(c.Rejections))
	}
	r := c.Rejections[0]
	if r.Anchor.Status != data.Exact || r.Text() != "They agreed on" || r.Coder != "ann" || r.Topic.ID != "space" || r.Index != 0 {
		t.Errorf("rejection 1: %v %q %q", r.Anchor.Status, r.Text(), r.Coder)
	}
	if got := c.Source("s1").Annotations; len(got) != 2 {
		t.Errorf("the source lists %d annotations; rejections are not among them", len(got))
	}
	if len(ps) != 1 || ps[0].Severity != data.Warning || ps[0].Line != lineOf(yaml, "no such passage") || !strings.Contains(ps[0].Message, "rejects nothing") {
		t.Errorf("problems:\n%s", ps)
	}
	bad := yaml + "  - {source: s1, topic: nothing, quote: They}\n"
	if _, ps := loadMap(t, bad, map[string]string{"s1.txt": baseText}); ps.Count(data.Error) != 1 || !strings.Contains(ps.String(), `no topic "nothing"`) {
		t.Errorf("an unknown topic in a rejection: problems:\n%s", ps)
	}
}
