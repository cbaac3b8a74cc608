package load

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// codersCorpus keeps its annotations in two coders' files besides its own.
const codersCorpus = baseCorpus + `annotation_files:
  - coding/alice.yaml
  - coding/bob.yaml
`

const aliceFile = `coder: alice
annotations:
  - {source: s1, topic: space, quote: space cooperation}
  - {source: s1, topic: cyber, quote: cyber defense, coder: alice}
rejections:
  - {source: s1, topic: cyber, quote: They agreed, note: not about cyber}
`

const bobFile = `coder: bob
annotations:
  - source: s1
    topic: space
    quote: agreed on space
`

// Each coder's annotations come from their file, after the corpus file's,
// tagged with the file and the coder; the corpus lists the files.
func TestAnnotationFiles(t *testing.T) {
	c, ps := loadMap(t, codersCorpus, map[string]string{"s1.txt": baseText, "coding/alice.yaml": aliceFile, "coding/bob.yaml": bobFile})
	if c == nil || len(ps) != 0 {
		t.Fatalf("problems:\n%s", ps)
	}
	want := []data.AnnotationFile{{Path: "coding/alice.yaml", Coder: "alice"}, {Path: "coding/bob.yaml", Coder: "bob"}}
	if !slices.Equal(c.AnnotationFiles, want) {
		t.Errorf("AnnotationFiles = %+v", c.AnnotationFiles)
	}
	type row struct {
		file, coder string
		line        int
		status      data.AnchorStatus
	}
	var got []row
	for _, a := range c.Annotations {
		got = append(got, row{a.File, a.Coder, a.Line, a.Anchor.Status})
	}
	if w := []row{{"", "", 25, data.Exact}, {"", "", 28, data.Exact}, {"coding/alice.yaml", "alice", 3, data.Exact},
		{"coding/alice.yaml", "alice", 4, data.Exact}, {"coding/bob.yaml", "bob", 3, data.Exact}}; !slices.Equal(got, w) {
		t.Errorf("annotations:\n%+v\nwant\n%+v", got, w)
	}
	if len(c.Rejections) != 1 || c.Rejections[0].File != "coding/alice.yaml" || c.Rejections[0].Coder != "alice" {
		t.Errorf("rejections %+v", c.Rejections)
	}
	if !slices.Equal(c.Coders(), []string{"", "alice", "bob"}) {
		t.Errorf("coders %q", c.Coders())
	}
}

// Every problem of the coders' files at once, each placed in its file.
func TestAnnotationFileProblems(t *testing.T) {
	corpus := baseCorpus + `annotation_files:
  - coding/alice.yaml
  - coding/alice.yaml
  - /etc/passwd
  - ../outside.yaml
  - coding/missing.yaml
  - coding/alice2.yaml
  - coding/broken.yaml
  - coding/keys.yaml
  - [not, a, path]
  - c.yaml
  - ./s1.txt
`
	files := map[string]string{
		"s1.txt": baseText,
		"coding/alice.yaml": `coder: alice
annotations:
  - {source: s1, topic: space, quote: space cooperation, coder: bob}
  - {source: s1, topic: space, quote: not in the text}
  - {source: s9, topic: space, quote: space}
`,
		"coding/alice2.yaml": "coder: alice\nannotations: []\n",
		"coding/broken.yaml": "coder: carol\nannotations:\n  - {source: s1\n",
		"coding/keys.yaml":   "coders: dan\nannotations: []\n",
	}
	at := strings.Count(baseCorpus, "\n") + 2 // the list's first entry
	c, ps := loadMap(t, corpus, files)
	if c != nil {
		t.Error("a corpus with errors was returned")
	}
	checkProblems(t, corpus, ps, []expect{
		{line: at + 1, severity: data.Error, substr: fmt.Sprintf(`"coding/alice.yaml" is listed twice (first at line %d)`, at)},
		{line: at + 2, severity: data.Error, substr: "is an absolute path"},
		{line: at + 3, severity: data.Error, substr: "leads out of the corpus folder"},
		{line: at + 4, severity: data.Error, substr: "coding/missing.yaml does not exist"},
		{line: at + 8, severity: data.Error, substr: "every entry must be a file's path"},
		{line: at + 9, severity: data.Error, substr: `"c.yaml" is the corpus file; a coder's annotations need a file of their own`},
		{line: at + 10, severity: data.Error, substr: `"./s1.txt" is the text of source "s1"`},
		{file: "coding/alice.yaml", line: 3, severity: data.Error, substr: `coder "bob" in the file of coder "alice"`},
		{file: "coding/alice.yaml", line: 4, severity: data.Error, substr: "orphaned"},
		{file: "coding/alice.yaml", line: 5, severity: data.Error, substr: `there is no source "s9"`},
		{file: "coding/alice2.yaml", line: 1, severity: data.Error, substr: `coder "alice" has a file already, coding/alice.yaml`},
		{file: "coding/broken.yaml", line: 3, severity: data.Error, substr: "YAML syntax"},
		{file: "coding/keys.yaml", line: 1, severity: data.Error, substr: `unknown key "coders"`},
		{file: "coding/keys.yaml", line: 1, severity: data.Error, substr: `missing required key "coder"`},
	})
}

// A coder's file that a symbolic link takes out of the corpus folder is
// refused, as a source's text is.
func TestAnnotationFileLinkLeadingOut(t *testing.T) {
	path := writeCorpus(t, map[string]string{
		"corpus/c.yaml":          codersCorpus,
		"corpus/s1.txt":          baseText,
		"corpus/coding/bob.yaml": bobFile,
		"alice.yaml":             aliceFile,
	})
	dir := filepath.Dir(path)
	if err := os.Symlink(filepath.Join(dir, "..", "alice.yaml"), filepath.Join(dir, "coding", "alice.yaml")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	_, ps, err := File(path)
	if err != nil {
		t.Fatal(err)
	}
	if !ps.HasErrors() || !strings.Contains(ps.String(), "coding/alice.yaml leads out of the corpus folder") {
		t.Fatalf("got:\n%s", ps)
	}
	if c := (&data.Corpus{Path: path, AnnotationFiles: []data.AnnotationFile{{Path: "coding/bob.yaml"}}}); !slices.Contains(c.Files(), filepath.Join(dir, "coding", "bob.yaml")) {
		t.Errorf("Files() = %q", c.Files())
	}
}

// FuzzAnnotationFile loads a corpus whose coder's file is arbitrary: no
// panic, no hang; every problem is placed in one of the two files; a
// corpus that loads holds only the coder's annotations from that file,
// each inside its text, and the corpus edited with that file as it is
// (LoadEdited's path) loads the same.
func FuzzAnnotationFile(f *testing.F) {
	f.Add(aliceFile)
	f.Add(bobFile)
	f.Add("coder: x\nannotations: []\n")
	f.Add("coder: [a]\nannotations: {a: 1}\n")
	f.Add("coder: x\nannotations:\n  - {source: s1, topic: space, quote: space cooperation, coder: y}\n")
	f.Add("a: &a [*a, *a]\n")
	f.Add("---\ncoder: x\n---\ncoder: y\n")
	corpus := baseCorpus + "annotation_files: [coding/x.yaml]\n"
	f.Fuzz(func(t *testing.T, file string) {
		fsys := fstest.MapFS{"c.yaml": {Data: []byte(corpus)}, "s1.txt": {Data: []byte(baseText)}, "coding/x.yaml": {Data: []byte(file)}}
		c, ps, err := FS(fsys, "c.yaml", "c.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if (c == nil) != ps.HasErrors() {
			t.Fatalf("corpus %v with errors %v", c != nil, ps.HasErrors())
		}
		for _, p := range ps {
			if p.Message == "" || (p.File != "c.yaml" && p.File != "coding/x.yaml") {
				t.Fatalf("a problem out of place: %+v", p)
			}
		}
		res, err := Read(fsys, "c.yaml", "c.yaml", Options{AnnotationFiles: map[string][]byte{"coding/x.yaml": []byte(file)}})
		if err != nil || !slices.Equal(res.Problems, ps) {
			t.Fatalf("the edited path: %v\n%s\nwant\n%s", err, res.Problems, ps)
		}
		if c == nil {
			return
		}
		for _, a := range c.Annotations {
			if a.File == "" {
				continue
			}
			if a.File != "coding/x.yaml" || len(c.AnnotationFiles) != 1 || a.Coder != c.AnnotationFiles[0].Coder {
				t.Fatalf("annotation of %q in %q", a.Coder, a.File)
			}
			if a.Anchor.ByteStart < 0 || a.Anchor.ByteEnd > len(a.Source.Text) || a.Anchor.ByteStart > a.Anchor.ByteEnd {
				t.Fatalf("span %d–%d outside a text of %d bytes", a.Anchor.ByteStart, a.Anchor.ByteEnd, len(a.Source.Text))
			}
		}
	})
}
