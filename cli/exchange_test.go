package cli

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
)

// The built-in corpus out to a REFI-QDA project and back in through the
// command line: the new corpus validates, with every annotation exact; a
// hostile archive exits 1 with the reason and leaves nothing behind.
func TestQDPXRoundTripAndRefusals(t *testing.T) {
	dir := t.TempDir()
	qdpx := filepath.Join(dir, "p.qdpx")
	if code, _, stderr, _ := run(t, "export", "--format", "qdpx", "--out", qdpx); code != ExitOK {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "back")
	code, stdout, stderr, _ := run(t, "import-qdpx", qdpx, "--out", out)
	if code != ExitOK || !strings.Contains(stdout, "Wrote ") {
		t.Fatalf("import-qdpx: exit %d: %s%s", code, stdout, stderr)
	}
	c, _, _ := assets.LoadCorpus()
	back, ps, err := load.File(filepath.Join(out, "corpus.yaml"))
	if err != nil || ps.HasErrors() || len(back.Annotations) != len(c.Annotations) || back.Stats().Anchors[data.Exact.String()] != len(c.Annotations) {
		t.Fatalf("the imported corpus: %v %s, %d annotations", err, ps, len(back.Annotations))
	}
	if code, _, stderr, _ := run(t, "import-qdpx", qdpx, "--out", out); code != ExitProblems || !strings.Contains(stderr, "not empty") {
		t.Errorf("a second import into the same folder: exit %d, %s", code, stderr)
	}
	bad := filepath.Join(dir, "bad.qdpx")
	f, _ := os.Create(bad)
	z := zip.NewWriter(f)
	w, _ := z.Create("project.qde")
	w.Write([]byte(`<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>`))
	w, _ = z.Create("../outside.txt")
	w.Write([]byte("x"))
	z.Close()
	f.Close()
	target := filepath.Join(dir, "never")
	if code, _, stderr, _ := run(t, "import-qdpx", bad, "--out", target); code != ExitProblems || !strings.Contains(stderr, "climbs out") {
		t.Errorf("a hostile archive: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(target); err == nil {
		t.Error("the refused import left its folder")
	}
	if _, err := os.Stat(filepath.Join(dir, "outside.txt")); err == nil {
		t.Error("the refused import wrote outside its folder")
	}
	if code, _, _, _ := run(t, "import-qdpx", qdpx); code != ExitUsage {
		t.Errorf("no --out: exit %d", code)
	}
}

// Web Annotations out and back in: a copy of the built-in corpus without
// its annotations gets every one back, exact; a Hypothesis export adds its
// annotations by quote (its page positions are hints only) and names the
// one whose tag is no topic, exiting 1.
func TestWebAnnotationsRoundTripAndHypothesis(t *testing.T) {
	dir := t.TempDir()
	jsonld := filepath.Join(dir, "a.jsonld")
	if code, _, stderr, _ := run(t, "export", "--format", "w3c", "--out", jsonld); code != ExitOK {
		t.Fatalf("export: %d %s", code, stderr)
	}
	corpus, err := assets.WriteCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(corpus)
	var kept []string
	for _, line := range strings.SplitAfter(string(raw), "\n") {
		if line != "annotations:\n" && (!strings.HasPrefix(line, "  - {source: ") || strings.Contains(line, "note: ")) {
			kept = append(kept, line) // the annotations go, their key too (not the rejections, which have notes)
		}
	}
	os.WriteFile(corpus, []byte(strings.Join(kept, "")), 0o644)
	code, stdout, stderr, _ := run(t, "import-annotations", corpus, jsonld)
	if code != ExitOK || !strings.Contains(stdout, "added 102 of 102") {
		t.Fatalf("import-annotations: exit %d\n%s%s", code, stdout, stderr)
	}
	c, ps, err := load.File(corpus)
	if err != nil || ps.HasErrors() || len(c.Annotations) != 102 || c.Stats().Anchors["exact"] != 102 {
		t.Fatalf("%v %s: %d annotations", err, ps, len(c.Annotations))
	}
	hyp := filepath.Join(dir, "hypothesis.json")
	os.WriteFile(hyp, []byte(`{"total": 2, "rows": [
  {"id": "h1", "uri": "https://global.chinadaily.com.cn/usa/world/2012-10/25/content_15845361.htm", "user": "acct:ann@hypothes.is",
   "created": "2024-03-01T10:00:00.000000+00:00", "tags": ["Missile defense"], "text": "radar in Japan",
   "target": [{"source": "https://global.chinadaily.com.cn/usa/world/2012-10/25/content_15845361.htm",
     "selector": [{"type": "TextPositionSelector", "start": 9999, "end": 10020},
                  {"type": "TextQuoteSelector", "exact": "adding a new radar", "prefix": "in Japan, ", "suffix": ""}]}]},
  {"id": "h2", "uri": "https://global.chinadaily.com.cn/usa/world/2012-10/25/content_15845361.htm", "tags": ["no such topic"],
   "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "nuclear umbrella"}]}]}
]}`), 0o644)
	code, stdout, stderr, _ = run(t, "import-annotations", corpus, hyp)
	if code != ExitProblems || !strings.Contains(stdout, "h1: exact") || !strings.Contains(stderr, "h2 not imported: no topic") || !strings.Contains(stdout, "added 1 of 2") {
		t.Fatalf("hypothesis: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, _, _ = run(t, "import-annotations", corpus, jsonld) // again: nothing new
	if code != ExitOK || !strings.Contains(stdout, "no annotation added") || !strings.Contains(stdout, "has it already") {
		t.Errorf("a second import of the same annotations: exit %d\n%.300s", code, stdout)
	}
	c, _, _ = load.File(corpus)
	last := c.Annotations[len(c.Annotations)-1]
	if last.Text() != "adding a new radar" || last.Coder != "ann" || last.Details().Created != "2024-03-01" || last.Topic.ID != "missile-defense" {
		t.Errorf("the Hypothesis annotation: %q by %q on %q as %s", last.Text(), last.Coder, last.Details().Created, last.Topic.ID)
	}
}

// Hostile archives through the command line: exit 1, the reason on
// standard error, no target folder left, nothing written beside it.
func TestHostileArchivesExitOne(t *testing.T) {
	write := func(t *testing.T, add func(z *zip.Writer)) string {
		p := filepath.Join(t.TempDir(), "p.qdpx")
		f, _ := os.Create(p)
		z := zip.NewWriter(f)
		add(z)
		z.Close()
		f.Close()
		return p
	}
	entry := func(z *zip.Writer, name, body string) {
		w, _ := z.Create(name)
		w.Write([]byte(body))
	}
	project := `<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>`
	for _, tc := range []struct {
		name, wants string
		add         func(z *zip.Writer)
	}{
		{"absolute", "absolute", func(z *zip.Writer) { entry(z, "project.qde", project); entry(z, "/etc/x", "x") }},
		{"drive", "drive letter", func(z *zip.Writer) { entry(z, "project.qde", project); entry(z, "C:x", "x") }},
		{"NUL", "NUL", func(z *zip.Writer) { entry(z, "project.qde", project); entry(z, "a\x00b", "x") }},
		{"symlink", "symbolic link", func(z *zip.Writer) {
			entry(z, "project.qde", project)
			h := &zip.FileHeader{Name: "sources/l.txt"}
			h.SetMode(os.ModeSymlink | 0o777)
			w, _ := z.CreateHeader(h)
			w.Write([]byte("/etc/passwd"))
		}},
		{"bomb", "zip bomb", func(z *zip.Writer) {
			entry(z, "project.qde", project)
			entry(z, "sources/x.txt", strings.Repeat("\x00", 40<<20))
		}},
		{"entities", "document type", func(z *zip.Writer) {
			entry(z, "project.qde", `<!DOCTYPE p [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>`)
		}},
		{"encoding", "not UTF-8", func(z *zip.Writer) { entry(z, "project.qde", "<Project name=\"\xff\"/>") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			archive := write(t, tc.add)
			parent := t.TempDir()
			code, _, stderr, _ := run(t, "import-qdpx", archive, "--out", filepath.Join(parent, "out"))
			if code != ExitProblems || !strings.Contains(stderr, tc.wants) {
				t.Errorf("exit %d, %q", code, stderr)
			}
			if entries, _ := os.ReadDir(parent); len(entries) != 0 {
				t.Errorf("left behind: %v", entries)
			}
		})
	}
}
