package refiqda

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data"
)

func builtin(t testing.TB) *data.Corpus {
	t.Helper()
	c, ps, err := assets.LoadCorpus()
	if err != nil || c == nil || len(ps) != 0 {
		t.Fatalf("%v %s", err, ps)
	}
	return c
}

// readArchive opens an exported .qdpx: its entries by name.
func readArchive(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(r)
		r.Close()
		out[f.Name] = body
	}
	return out
}

// The built-in corpus exported: project.qde valid against the REFI-QDA
// schema (xmllint), a code per topic and one for excluded text, a
// selection per annotation whose positions cut its quote out of the
// exported text, every text file named by its source, and the same bytes
// on a second export.
func TestExportBuiltinCorpus(t *testing.T) {
	c := builtin(t)
	var buf bytes.Buffer
	rep, err := Write(&buf, c)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Codes != len(c.Topics)+1 || rep.Selections != len(c.Annotations) || rep.Sources != len(c.Sources) || rep.Cases != len(c.Meetings) {
		t.Errorf("report %+v for %d topics, %d annotations", rep, len(c.Topics), len(c.Annotations))
	}
	var again bytes.Buffer
	if _, err := Write(&again, c); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("a second export differs from the first")
	}
	files := readArchive(t, buf.Bytes())
	qde := files["project.qde"]
	if len(qde) == 0 {
		t.Fatal("no project.qde")
	}
	validate(t, qde)
	var p xProject
	if err := xml.Unmarshal(qde, &p); err != nil {
		t.Fatal(err)
	}
	codeOf := map[string]string{}
	for _, cd := range p.CodeBook.Codes.Code {
		codeOf[cd.GUID] = cd.Name
	}
	selections := 0
	for i, ts := range p.Sources.TextSource {
		s := c.Sources[i]
		text, ok := files["sources/"+ts.GUID+".txt"]
		if !ok || string(text) != s.Text || ts.PlainTextPath != "internal://"+ts.GUID+".txt" {
			t.Fatalf("source %s: text file missing or different", s.ID)
		}
		runes := []rune(string(text))
		for _, sel := range ts.PlainTextSelection {
			name := codeOf[sel.Coding[0].CodeRef.TargetGUID]
			if name == ExcludedCode {
				continue
			}
			selections++
			got := string(runes[sel.Start:sel.End])
			var a *data.Annotation
			for _, x := range s.Annotations {
				if x.Anchor.Start == sel.Start && x.Anchor.End == sel.End && x.Topic.Label == name {
					a = x
				}
			}
			if a == nil || got != a.Text() {
				t.Errorf("%s: selection %d–%d (%s) cuts %q, no annotation of it", s.ID, sel.Start, sel.End, name, got)
			}
		}
	}
	if selections != len(c.Annotations) {
		t.Errorf("%d selections of topics, %d annotations", selections, len(c.Annotations))
	}
}

// validate checks a project file against the schema with xmllint (the
// test set-up installs it: libxml2-utils).
func validate(t *testing.T, qde []byte) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatal("xmllint is not installed (scripts/install-deps.sh test installs libxml2-utils)")
	}
	path := filepath.Join(t.TempDir(), "project.qde")
	if err := os.WriteFile(path, qde, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("testdata", "Project.xsd"), path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "validates") {
		t.Fatalf("xmllint: %v\n%s", err, out)
	}
}

func TestGUIDsAreVersion5AndStable(t *testing.T) {
	g := GUID("topic", "space")
	if len(g) != 36 || g[14] != '5' || !strings.ContainsAny(g[19:20], "89AB") || g != GUID("topic", "space") || g == GUID("topic", "cyber") {
		t.Errorf("GUID %s", g)
	}
}
