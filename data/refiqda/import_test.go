package refiqda

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
)

// The built-in corpus exported and imported back into a new folder: it
// loads without errors, with the same number of annotations, all exact,
// on the same text with the same topics; the same topics (labels, colours,
// terms), sources (titles, texts, excluded ranges) and meetings (titles,
// dates, their sources), ids aside.
func TestRoundTrip(t *testing.T) {
	c := builtin(t)
	dir := t.TempDir()
	qdpx := filepath.Join(dir, "built-in.qdpx")
	var buf bytes.Buffer
	if _, err := Write(&buf, c); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(qdpx, buf.Bytes(), 0o644)
	path, rep, err := Import(qdpx, filepath.Join(dir, "back"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Reanchored) != 0 || rep.Annotations != len(c.Annotations) || rep.Meetings != len(c.Meetings) {
		t.Errorf("report %+v", rep)
	}
	b, ps, err := load.File(path)
	if err != nil || b == nil || ps.HasErrors() {
		t.Fatalf("the import: %v\n%s", err, ps)
	}
	if len(b.Annotations) != len(c.Annotations) || len(b.Topics) != len(c.Topics) || len(b.Sources) != len(c.Sources) || len(b.Meetings) != len(c.Meetings) {
		t.Fatalf("%d annotations, %d topics, %d sources, %d meetings", len(b.Annotations), len(b.Topics), len(b.Sources), len(b.Meetings))
	}
	for i, tp := range c.Topics {
		got := b.Topics[i]
		if got.Label != tp.Label || got.Color != tp.Color || strings.Join(got.Terms, "|") != strings.Join(tp.Terms, "|") || got.Description != tp.Description {
			t.Errorf("topic %s came back as %+v", tp.ID, got)
		}
	}
	for i, s := range c.Sources {
		got := b.Sources[i]
		if got.Title != s.Title || got.Text != s.Text || fmt.Sprint(got.Excluded) != fmt.Sprint(s.Excluded) {
			t.Errorf("source %s came back as %q, excluded %v (was %v)", s.ID, got.Title, got.Excluded, s.Excluded)
		}
	}
	byTitle := map[string]*data.Meeting{}
	for _, m := range b.Meetings {
		byTitle[m.Title+m.Date.String()] = m
	}
	for _, m := range c.Meetings {
		got := byTitle[m.Title+m.Date.String()]
		if got == nil || got.Date != m.Date || got.Kind != m.Kind || got.Place != m.Place || len(got.Sources) != len(m.Sources) ||
			got.Short != m.Short || fmt.Sprint(got.Participants) != fmt.Sprint(m.Participants) || got.Summary != m.Summary || got.Notes != m.Notes {
			t.Errorf("meeting %s came back as %+v", m.ID, got)
		}
	}
	for i, a := range b.Annotations {
		want := c.Annotations[i]
		if a.Anchor.Status != data.Exact || a.Text() != want.Text() || a.Topic.Label != want.Topic.Label || a.Anchor.Start != want.Anchor.Start {
			t.Errorf("annotation %d: %v %q (%s), want %q (%s)", i, a.Anchor.Status, a.Text(), a.Topic.Label, want.Text(), want.Topic.Label)
		}
	}
}

// zipOf writes an archive of the named files.
func zipOf(t *testing.T, files map[string]string) string {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, body := range files {
		f, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(body))
	}
	z.Close()
	path := filepath.Join(t.TempDir(), "p.qdpx")
	os.WriteFile(path, buf.Bytes(), 0o644)
	return path
}

// A project written the way another tool writes it: nested codes, a text
// with a byte-order mark and CR LF line ends under Sources/, positions
// that count CR LF as one character, no cases. The selections are
// re-anchored and reported, the source is left unattached with a warning,
// the nested code keeps its path.
func TestImportAnotherToolsProject(t *testing.T) {
	text := "\ufeffFirst line about space.\r\nSecond line: cyber defense matters.\r\nThird: space again.\r\n"
	// Counting CR LF as one character, "cyber defense" is at 23+1+13 = 37
	// and "space again" at 67; the file's code points put them at 38 and 69.
	qde := `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Other tool">
  <Users><User guid="11111111-1111-1111-1111-111111111111" name="ann"/></Users>
  <CodeBook><Codes>
    <Code guid="{AAAAAAAA-0000-0000-0000-000000000001}" name="Domains" isCodable="false">
      <Code guid="AAAAAAAA-0000-0000-0000-000000000002" name="Space" isCodable="true" color="#AA4499"/>
      <Code guid="AAAAAAAA-0000-0000-0000-000000000003" name="Cyber" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="BBBBBBBB-0000-0000-0000-000000000001" name="Report" plainTextPath="internal://BBBBBBBB-0000-0000-0000-000000000001.txt">
      <PlainTextSelection guid="CCCCCCCC-0000-0000-0000-000000000001" name="cyber defense" startPosition="37" endPosition="50" creatingUser="11111111-1111-1111-1111-111111111111" creationDateTime="2024-05-01T10:00:00Z">
        <Coding guid="DDDDDDDD-0000-0000-0000-000000000001"><CodeRef targetGUID="AAAAAAAA-0000-0000-0000-000000000003"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="CCCCCCCC-0000-0000-0000-000000000002" name="space again" startPosition="67" endPosition="78">
        <Coding guid="DDDDDDDD-0000-0000-0000-000000000002"><CodeRef targetGUID="AAAAAAAA-0000-0000-0000-000000000002"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PictureSource guid="EEEEEEEE-0000-0000-0000-000000000001" name="photo"><PictureSelection guid="EEEEEEEE-0000-0000-0000-000000000002" firstX="0" firstY="0" secondX="1" secondY="1"/></PictureSource>
  </Sources>
</Project>`
	qdpx := zipOf(t, map[string]string{"project.qde": qde, "Sources/BBBBBBBB-0000-0000-0000-000000000001.txt": text})
	path, rep, err := Import(qdpx, filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Reanchored) != 2 || !strings.Contains(rep.Reanchored[0], "CR LF") || rep.Skipped["picture sources"] != 1 || rep.Skipped["selections in picture sources"] != 1 {
		t.Errorf("report %+v", rep)
	}
	if !strings.Contains(strings.Join(rep.Warnings, "\n"), "unattached") {
		t.Errorf("no warning of the unattached source: %q", rep.Warnings)
	}
	c, ps, err := load.File(path)
	if err != nil || c == nil || ps.HasErrors() {
		t.Fatalf("%v %s", err, ps)
	}
	if len(c.Topics) != 3 || c.Topics[1].Label != "Domains / Space" || !strings.Contains(c.Topics[1].Description, "Domains") {
		t.Errorf("topics %+v", c.Topics)
	}
	want := []string{"cyber defense", "space again"}
	for i, a := range c.Annotations {
		if a.Text() != want[i] || a.Anchor.Status != data.Exact {
			t.Errorf("annotation %d: %q %v", i, a.Text(), a.Anchor.Status)
		}
	}
	if c.Annotations[0].Coder != "ann" || c.Annotations[0].Details().Created != "2024-05-01" {
		t.Errorf("coder %q, created %q", c.Annotations[0].Coder, c.Annotations[0].Details().Created)
	}
}

// Hostile archives are refused with the reason, before anything is
// written: no target folder is left, and nothing lands outside it.
func TestHostileArchivesAreRefused(t *testing.T) {
	good := func() map[string]string {
		return map[string]string{"project.qde": `<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>`}
	}
	with := func(name, body string) map[string]string {
		f := good()
		f[name] = body
		return f
	}
	bigQDE := `<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Description>` + strings.Repeat("a", MaxProjectBytes) + `</Description></Project>`
	cases := []struct {
		name  string
		path  func(t *testing.T) string
		wants string
	}{
		{"dot-dot", func(t *testing.T) string { return zipOf(t, with("../evil.txt", "x")) }, "climbs out"},
		{"absolute", func(t *testing.T) string { return zipOf(t, with("/etc/evil", "x")) }, "absolute"},
		{"drive letter", func(t *testing.T) string { return zipOf(t, with("C:evil", "x")) }, "drive letter"},
		{"NUL", func(t *testing.T) string { return zipOf(t, with("a\x00b", "x")) }, "NUL"},
		{"backslash", func(t *testing.T) string { return zipOf(t, with(`..\evil`, "x")) }, "backslash"},
		{"symbolic link", symlinkArchive, "symbolic link"},
		{"zip bomb", func(t *testing.T) string { return zipOf(t, with("sources/x.txt", strings.Repeat("\x00", 50<<20))) }, "zip bomb"},
		{"too many entries", manyEntries, "entries"},
		{"a project.qde over 64 MiB", func(t *testing.T) string { return storedArchive(t, "project.qde", bigQDE) }, "MiB"},
		{"entities", func(t *testing.T) string {
			return zipOf(t, map[string]string{"project.qde": `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&lol2;"/>`})
		}, "document type"},
		{"external entity", func(t *testing.T) string {
			return zipOf(t, map[string]string{"project.qde": `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>`})
		}, "document type"},
		{"not UTF-8", func(t *testing.T) string {
			return zipOf(t, map[string]string{"project.qde": "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"caf\xe9\"/>"})
		}, "not UTF-8"},
		{"another encoding declared", func(t *testing.T) string {
			return zipOf(t, map[string]string{"project.qde": `<?xml version="1.0" encoding="ISO-8859-1"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"/>`})
		}, "encoding"},
		{"no project.qde", func(t *testing.T) string { return zipOf(t, map[string]string{"other.txt": "x"}) }, "no project.qde"},
		{"not a zip", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "p.qdpx")
			os.WriteFile(p, []byte("not a zip"), 0o644)
			return p
		}, "not a zip"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			archive := tc.path(t)
			parent := t.TempDir()
			out := filepath.Join(parent, "out")
			_, _, err := Import(archive, out)
			if err == nil || !errors.Is(err, ErrHostile) || !strings.Contains(err.Error(), tc.wants) {
				t.Fatalf("error %v, want one about %q", err, tc.wants)
			}
			if entries, _ := os.ReadDir(parent); len(entries) != 0 {
				t.Errorf("left behind: %v", entries)
			}
		})
	}
}

func symlinkArchive(t *testing.T) string {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	f, _ := z.Create("project.qde")
	f.Write([]byte(`<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>`))
	h := &zip.FileHeader{Name: "sources/link.txt"}
	h.SetMode(os.ModeSymlink | 0o777)
	w, _ := z.CreateHeader(h)
	w.Write([]byte("/etc/passwd"))
	z.Close()
	p := filepath.Join(t.TempDir(), "p.qdpx")
	os.WriteFile(p, buf.Bytes(), 0o644)
	return p
}

func manyEntries(t *testing.T) string {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for i := 0; i <= MaxEntries; i++ {
		f, _ := z.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("sources/%d.txt", i), Method: zip.Store})
		f.Write(nil)
	}
	z.Close()
	p := filepath.Join(t.TempDir(), "p.qdpx")
	os.WriteFile(p, buf.Bytes(), 0o644)
	return p
}

// storedArchive holds one entry without compression (so no ratio trips).
func storedArchive(t *testing.T, name, body string) string {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	f, _ := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
	f.Write([]byte(body))
	z.Close()
	p := filepath.Join(t.TempDir(), "p.qdpx")
	os.WriteFile(p, buf.Bytes(), 0o644)
	return p
}

// memArchive is an archive of files in memory, for the fuzzer.
type memArchive map[string][]byte

func (m memArchive) read(name string, max int64) ([]byte, error) {
	b, ok := m[name]
	if !ok {
		return nil, os.ErrNotExist
	}
	if int64(len(b)) > max {
		return nil, ErrHostile
	}
	return b, nil
}

func (m memArchive) names() []string {
	var out []string
	for n := range m {
		out = append(out, n)
	}
	return out
}

func (m memArchive) Close() error { return nil }

// Any project.qde with any text beside it: parsed and converted without a
// panic, and every annotation it makes is its text at its start.
func FuzzImportProject(f *testing.F) {
	f.Add(`<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes><Code guid="A" name="c" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="S" name="s" plainTextPath="internal://S.txt"><PlainTextSelection guid="P" name="ab" startPosition="0" endPosition="2"><Coding guid="C"><CodeRef targetGUID="A"/></Coding></PlainTextSelection></TextSource></Sources></Project>`, "ab\r\ncd")
	f.Add(`<Project name="y"><Cases><Case guid="K" name="k"><VariableValue><VariableRef targetGUID="V"/><TextValue>2020-02</TextValue></VariableValue></Case></Cases><Variables><Variable guid="V" name="date" typeOfVariable="Text"/></Variables></Project>`, "\ufeff우주")
	f.Fuzz(func(t *testing.T, qde, text string) {
		if len(qde)+len(text) > 1<<14 {
			return
		}
		p, err := parseProject([]byte(qde))
		if err != nil {
			return
		}
		c, _, _, err := convert(p, memArchive{"sources/S.txt": []byte(text)})
		if err != nil {
			return
		}
		for _, a := range c.Annotations {
			if a.Quote == "" || a.Start < 0 {
				t.Fatalf("annotation %+v", a)
			}
		}
	})
}

// A bare project.qde beside its sources folder imports as its .qdpx does;
// a path in it that leads out of its folder is refused.
func TestImportBareProjectFile(t *testing.T) {
	c := builtin(t)
	var buf bytes.Buffer
	if _, err := Write(&buf, c); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, body := range readArchive(t, buf.Bytes()) {
		p := filepath.Join(dir, "project", filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, body, 0o644)
	}
	path, rep, err := Import(filepath.Join(dir, "project", "project.qde"), filepath.Join(dir, "out"))
	if err != nil || rep.Annotations != len(c.Annotations) {
		t.Fatalf("%v: %+v", err, rep)
	}
	if back, ps, err := load.File(path); err != nil || ps.HasErrors() || len(back.Annotations) != len(c.Annotations) {
		t.Fatalf("%v %s", err, ps)
	}
	evil := filepath.Join(dir, "evil")
	os.MkdirAll(evil, 0o755)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("secret"), 0o644)
	os.WriteFile(filepath.Join(evil, "project.qde"), []byte(`<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes><Code guid="A" name="c" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="S" name="s" plainTextPath="internal://../../secret.txt"/></Sources></Project>`), 0o644)
	os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(evil, "sources"))
	if _, rep, err := Import(filepath.Join(evil, "project.qde"), filepath.Join(dir, "out2")); err == nil && rep.Sources != 0 {
		t.Errorf("a text outside the project's folder was read: %+v", rep)
	}
}
