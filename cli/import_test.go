package cli

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"golang.org/x/text/encoding/korean"
)

func eucKR(t *testing.T, s string) []byte {
	t.Helper()
	out, err := korean.EUCKR.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func zipOf(t *testing.T, parts map[string][]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for name, body := range parts {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	z.Close()
	return b.Bytes()
}

// pdfOf writes a PDF of one page with the lines (none: a page without
// text, as a scan's is), after set changes the writer.
func pdfOf(t *testing.T, set func(*fpdf.Fpdf), lines ...string) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.SetFont("Helvetica", "", 12)
	if set != nil {
		set(p)
	}
	p.AddPage()
	for _, l := range lines {
		p.Cell(0, 8, l)
		p.Ln(8)
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// From an empty folder: new, then import of an EUC-KR page, a text file
// and a Word file, attached to no meeting; the corpus validates, each
// text file is new under sources/, a name taken there is not reused, and
// a second new in the folder is refused.
func TestNewThenImport(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "corpus")
	if code, out, errs, _ := run(t, "new", folder, "--title", "From documents"); code != 0 {
		t.Fatalf("new: %d %s %s", code, out, errs)
	}
	if code, _, errs, _ := run(t, "new", folder, "--title", "Again"); code != ExitUsage || !strings.Contains(errs, "holds a corpus already") {
		t.Errorf("a second new: %d %s", code, errs)
	}
	path := filepath.Join(folder, "corpus.yaml")
	docs := map[string][]byte{
		"scm54.html": eucKR(t, `<html><head><meta charset="euc-kr"><title>제54차 SCM 공동성명</title></head><body><nav>홈 | 뉴스</nav><p>양국 국방장관은 확장억제 공약을 재확인하였다.</p><footer>Copyright 국방부</footer></body></html>`),
		"note.txt":   []byte("Austin visited Seoul on 31 January 2023.\n"),
		"memo.docx":  zipOf(t, map[string][]byte{"word/document.xml": []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>The alliance is ironclad.</w:t></w:r></w:p></w:body></w:document>`)}),
	}
	var files []string
	for name, raw := range docs {
		p := filepath.Join(dir, name)
		os.WriteFile(p, raw, 0o644)
		files = append(files, p)
	}
	os.MkdirAll(filepath.Join(folder, "sources"), 0o755)
	os.WriteFile(filepath.Join(folder, "sources", "note.txt"), []byte("someone else's file\n"), 0o644)
	code, out, errs, _ := run(t, append([]string{"import", path}, files...)...)
	if code != 0 || strings.Count(out, "Imported ") != 3 {
		t.Fatalf("import: %d\n%s\n%s", code, out, errs)
	}
	if got, _ := os.ReadFile(filepath.Join(folder, "sources", "note.txt")); string(got) != "someone else's file\n" {
		t.Error("import wrote over a file in sources/")
	}
	if code, out, errs, _ := run(t, "validate", path); code != 0 || !strings.Contains(out+errs, "0 errors") || !strings.Contains(out+errs, "3 sources") {
		t.Errorf("validate: %d %s %s", code, out, errs)
	}
	raw, _ := os.ReadFile(path)
	for _, want := range []string{"imported_from: 'scm54.html'", "file: 'sources/note-2.txt'", "extractor: 'alliance-timeline docx 1", "reason: 'the page''s navigation (proposed on import)'"} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("the corpus lacks %q:\n%s", want, raw)
		}
	}
}

// Bad documents are refused, each with its reason, exit 1, and leave the
// corpus file and its folder as they were.
func TestImportRefusesBadDocuments(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "corpus")
	if code, _, errs, _ := run(t, "new", folder, "--title", "Bad input"); code != 0 {
		t.Fatal(errs)
	}
	path := filepath.Join(folder, "corpus.yaml")
	bomb := func() []byte {
		var b bytes.Buffer
		z := zip.NewWriter(&b)
		w, _ := z.Create("word/document.xml")
		zeros := make([]byte, 1<<20)
		for range 80 {
			w.Write(zeros)
		}
		z.Close()
		return b.Bytes()
	}()
	huge := filepath.Join(dir, "huge.txt")
	f, _ := os.Create(huge)
	f.Truncate(65 << 20) // sparse: 65 MiB of nothing
	f.Close()
	bad := map[string][]byte{
		"locked.pdf":  pdfOf(t, func(p *fpdf.Fpdf) { p.SetProtection(0, "user", "owner") }, "secret"),
		"scan.pdf":    pdfOf(t, nil),
		"damaged.pdf": append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte{0x13}, 300)...),
		"escape.docx": zipOf(t, map[string][]byte{"word/document.xml": []byte("<w:document/>"), "../../evil": []byte("x")}),
		"bomb.docx":   bomb,
		"fake.pdf":    []byte("<html>not a PDF</html>"),
		"deep.html":   []byte(strings.Repeat("<div>", 100000) + "x"),
		"empty.txt":   []byte("  \n\n"),
		"tool.txt":    []byte("\x7fELF\x00\x00binary"),
	}
	files := []string{huge, filepath.Join(dir, "missing.txt"), dir}
	for name, raw := range bad {
		p := filepath.Join(dir, name)
		os.WriteFile(p, raw, 0o644)
		files = append(files, p)
	}
	reasons := map[string]string{
		"locked.pdf": "password", "scan.pdf": "no text layer", "damaged.pdf": "cannot be read", "escape.docx": "points outside",
		"bomb.docx": "zip bomb", "fake.pdf": "not what its name says", "deep.html": "nests its elements", "empty.txt": "holds no text",
		"tool.txt": "binary data", "huge.txt": "up to 64 MiB", "missing.txt": "no such file", filepath.Base(dir): "not a regular file",
	}
	before, _ := os.ReadFile(path)
	for _, file := range files {
		code, out, errs, _ := run(t, "import", path, file)
		if code != ExitProblems || !strings.Contains(errs, "not imported") || !strings.Contains(errs, reasons[filepath.Base(file)]) {
			t.Errorf("%s: exit %d, want the reason %q\n%s%s", filepath.Base(file), code, reasons[filepath.Base(file)], out, errs)
		}
		if now, _ := os.ReadFile(path); sha256.Sum256(now) != sha256.Sum256(before) {
			t.Fatalf("%s: the corpus file changed", filepath.Base(file))
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(folder, "sources")); len(entries) != 0 {
		t.Errorf("refused imports left %d files in sources/", len(entries))
	}
	if code, _, errs, _ := run(t, "import", path, "--meeting", "nope", filepath.Join(dir, "empty.txt")); code != ExitProblems || !strings.Contains(errs, "no meeting") {
		t.Errorf("an unknown meeting: %d %s", code, errs)
	}
	if code, _, _, _ := run(t, "import", path); code != ExitUsage {
		t.Errorf("no document: exit %d", code)
	}
}

// open --import hands the documents to the window, and needs a corpus to
// import into.
func TestOpenWithImports(t *testing.T) {
	var gotPath string
	var gotFiles []string
	var out, errs bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errs, OpenWindow: func(p string, files []string) error { gotPath, gotFiles = p, files; return nil }}
	if code := Run([]string{"open", "c.yaml", "--import", "a.pdf", "--import", "b.html"}, env); code != ExitOK || gotPath != "c.yaml" || strings.Join(gotFiles, ",") != "a.pdf,b.html" {
		t.Errorf("exit %d, window on %q with %v", code, gotPath, gotFiles)
	}
	if code := Run([]string{"open", "--import", "a.pdf"}, env); code != ExitUsage || !strings.Contains(errs.String(), "needs a corpus file") {
		t.Errorf("--import without a corpus: exit %d, %s", code, errs.String())
	}
}

// A sources folder that is a symbolic link out of the corpus folder is not
// written through: the import is refused and nothing lands outside.
func TestImportNeverWritesOutsideTheCorpusFolder(t *testing.T) {
	dir := t.TempDir()
	folder, outside := filepath.Join(dir, "corpus"), filepath.Join(dir, "outside")
	os.MkdirAll(outside, 0o755)
	if code, _, errs, _ := run(t, "new", folder, "--title", "T"); code != 0 {
		t.Fatal(errs)
	}
	if err := os.Symlink(outside, filepath.Join(folder, "sources")); err != nil {
		t.Skip(err)
	}
	doc := filepath.Join(dir, "note.txt")
	os.WriteFile(doc, []byte("a note\n"), 0o644)
	before, _ := os.ReadFile(filepath.Join(folder, "corpus.yaml"))
	if code, _, errs, _ := run(t, "import", filepath.Join(folder, "corpus.yaml"), doc); code != ExitProblems || !strings.Contains(errs, "leads out of the corpus folder") {
		t.Errorf("exit %d: %s", code, errs)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("%d files written outside the corpus folder", len(entries))
	}
	if now, _ := os.ReadFile(filepath.Join(folder, "corpus.yaml")); string(now) != string(before) {
		t.Error("the corpus file changed")
	}
	// A corpus file that is a link is refused before anything is written.
	linked := filepath.Join(dir, "linked")
	os.MkdirAll(linked, 0o755)
	os.Symlink(filepath.Join(folder, "corpus.yaml"), filepath.Join(linked, "corpus.yaml"))
	if code, _, errs, _ := run(t, "import", filepath.Join(linked, "corpus.yaml"), doc); code != ExitProblems || !strings.Contains(errs, "symbolic link") {
		t.Errorf("a linked corpus: exit %d: %s", code, errs)
	}
	if entries, _ := os.ReadDir(linked); len(entries) != 1 {
		t.Errorf("the linked corpus' folder holds %d entries", len(entries))
	}
}
