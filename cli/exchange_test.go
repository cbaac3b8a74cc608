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
