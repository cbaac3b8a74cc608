package export

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alliance-timeline/alliance-timeline/data/load"
)

// Coded segments: one row per annotation, and no cell that a spreadsheet
// would run as a formula, though the labels and quotes start with = + -
// and @.
func TestSegmentsAreInert(t *testing.T) {
	yaml := `corpus: {title: "=HYPERLINK(\"x\")", format: 1}
topics:
  - {id: t1, label: "=1+1"}
  - {id: t2, label: "@SUM(A1)"}
meetings:
  - {id: m1, title: "+evil", kind: SCM, date: 2020-10, sources: [s1]}
sources:
  - {id: s1, title: "-2+3", text: "=cmd|' /C calc'!A0 and -1+1 then @x here"}
annotations:
  - {source: s1, topic: t1, quote: "=cmd|' /C calc'!A0", note: "+note"}
  - {source: s1, topic: t2, quote: "@x", coder: "-me"}
`
	c, ps, err := load.FS(fstest.MapFS{"c.yaml": {Data: []byte(yaml)}}, "c.yaml", "c.yaml")
	if err != nil || c == nil {
		t.Fatalf("%v %s", err, ps)
	}
	out, err := SegmentsCSV(c)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	if rows[1][2] != "2020-10" || rows[1][3] != "month" || rows[1][15] != "exact" {
		t.Errorf("row 1: %q", rows[1])
	}
	for _, r := range rows {
		for _, cell := range r {
			if t0 := strings.TrimLeft(cell, " "); t0 != "" && strings.ContainsRune("=+-@\t\r", rune(t0[0])) {
				t.Errorf("cell %q would run as a formula", cell)
			}
		}
	}
	if !strings.Contains(string(out), "'=cmd|") || !strings.Contains(string(out), "'@x") {
		t.Errorf("the quotes are not kept, made inert: %s", out)
	}
}

// LibreOffice opens the segments, as CSV and as XLSX, with no cell
// evaluated as a formula: every cell reads back as the text written. The
// test needs soffice (libreoffice-calc-nogui), which the CI set-up does not
// install (it is large); it runs where it is installed.
func TestSegmentsInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice is not installed")
	}
	c, ps, err := load.FS(fstest.MapFS{"c.yaml": {Data: []byte(`corpus: {title: T, format: 1}
topics:
  - {id: t1, label: "=1+1"}
  - {id: t2, label: "@SUM(1,2)"}
meetings:
  - {id: m1, title: "-4+5", kind: SCM, date: 2020-10, sources: [s1]}
sources:
  - {id: s1, title: S, text: "=cmd|' /C calc'!A0 and +7+8 done"}
annotations:
  - {source: s1, topic: t1, quote: "=cmd|' /C calc'!A0", note: "+9+1"}
  - {source: s1, topic: t2, quote: "+7+8", note: "=2*3"}
`)}}, "c.yaml", "c.yaml")
	if err != nil || c == nil {
		t.Fatal(err, ps)
	}
	dir := t.TempDir()
	xlsx, _ := SegmentsXLSX(c)
	csvBytes, _ := SegmentsCSV(c)
	os.WriteFile(filepath.Join(dir, "seg.xlsx"), xlsx, 0o644)
	os.WriteFile(filepath.Join(dir, "seg.csv"), csvBytes, 0o644)
	home := t.TempDir() // LibreOffice's profile
	for _, in := range []string{"seg.xlsx", "seg.csv"} {
		out := filepath.Join(dir, strings.TrimSuffix(in, filepath.Ext(in))+"-"+filepath.Ext(in)[1:])
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+home, "--convert-to", `csv:Text - txt - csv (StarCalc):44,34,76`, "--outdir", out, filepath.Join(dir, in))
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice %s: %v\n%s", in, err, b)
		}
		b, err := os.ReadFile(filepath.Join(out, "seg.csv"))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil || len(rows) != 3 {
			t.Fatalf("%s: %d rows, %v", in, len(rows), err)
		}
		for _, want := range []struct{ row, col int }{{1, 1}, {1, 6}, {1, 9}, {1, 12}, {2, 6}, {2, 9}, {2, 12}} {
			got := strings.TrimPrefix(rows[want.row][want.col], "'")
			if got == "" || !strings.ContainsAny(got[:1], "=+-@") {
				t.Errorf("%s: cell %v reads %q: evaluated", in, want, got)
			}
		}
	}
}

// The workbook: its parts, one sheet whose cells are inline strings (or
// numbers), XML 1.0 that a control character cannot break.
func TestXLSXParts(t *testing.T) {
	b, err := XLSX("Coded: segments / all [1]", [][]string{{"a", "b"}, {"=1+1", "12"}, {"x\x01y", "007"}})
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		r, _ := f.Open()
		body, _ := io.ReadAll(r)
		r.Close()
		parts[f.Name] = string(body)
		if err := xml.Unmarshal(body, new(struct{})); err != nil {
			t.Errorf("%s is not XML: %v", f.Name, err)
		}
	}
	sheet := parts["xl/worksheets/sheet1.xml"]
	for _, want := range []string{`<c r="A2" t="inlineStr"><is><t xml:space="preserve">=1+1</t>`, `<c r="B2"><v>12</v></c>`, `<t xml:space="preserve">xy</t>`, `<c r="B3" t="inlineStr"><is><t xml:space="preserve">007</t>`} {
		if !strings.Contains(sheet, want) {
			t.Errorf("the sheet lacks %s", want)
		}
	}
	if !strings.Contains(parts["xl/workbook.xml"], `name="Coded  segments   all  1 "`) || parts["[Content_Types].xml"] == "" {
		t.Errorf("workbook: %s", parts["xl/workbook.xml"])
	}
	if column(0) != "A" || column(25) != "Z" || column(26) != "AA" || column(701) != "ZZ" || column(702) != "AAA" {
		t.Error("column letters")
	}
}
