package export

import (
	"bytes"
	"encoding/csv"
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
