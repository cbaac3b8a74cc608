package export

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
)

// labelCorpus is a small corpus whose title, topic label, meeting title
// and short label, era and era group are the fuzzer's.
func labelCorpus(title, topic, short, era, group string) (*data.Corpus, error) {
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) } // JSON strings are YAML double-quoted scalars
	yaml := fmt.Sprintf(`corpus: {title: %s, format: 1}
topics:
  - {id: space, label: %s, color: "#AA4499"}
  - {id: cyber, label: Cyber, color: "#0077BB"}
meetings:
  - {id: m1, title: %s, short: %s, kind: SCM, date: 2012-10-24, sources: [s1]}
  - {id: m2, title: Second, short: %s, kind: SCM, date: 2014-10-24}
sources:
  - {id: s1, title: One, kind: news, language: en, text: "They agreed to cooperate in space and on cyber defense."}
annotations:
  - {source: s1, topic: space, quote: cooperate in space}
  - {source: s1, topic: cyber, quote: cyber defense}
eras:
  - {group: %s, label: %s, start: 2010, end: 2013}
  - {group: %s, label: Other, start: 2013, end: 2015}
`, q(title), q(topic), q(short), q(short), q(short), q(group), q(era), q(group))
	c, ps, err := load.FS(fstest.MapFS{"c.yaml": {Data: []byte(yaml)}}, "c.yaml", "c.yaml")
	if err == nil && c == nil {
		err = errors.New(ps.String())
	}
	return c, err
}

// FuzzExportLabels exports the timeline and every chart, in every format,
// from a corpus whose labels are the fuzzer's (long, control characters,
// bidi, markup, formulas, Hangul): none may panic or hang, an SVG must be
// well-formed XML, and no CSV cell may start a formula.
func FuzzExportLabels(f *testing.F) {
	for _, s := range []string{"Space", "=HYPERLINK(\"x\")", "<svg>&amp;</svg>", "\x1b[2J\u202e", "우주 협력", "-2+3", "\u0301\u0301\u0301", "a\x00b"} {
		f.Add(s, s, s, uint8(1))
	}
	f.Add("T", "W", "M", uint8(200))
	f.Fuzz(func(t *testing.T, title, label, short string, repeat uint8) {
		long := strings.Repeat(label, int(repeat)%64+1)
		c, err := labelCorpus(title, long, short, long, short)
		if err != nil {
			return // a label the loader refuses (empty, say) is the loader's business
		}
		for _, name := range append(Names(), List, Segments, W3C, Project) {
			for _, ext := range []string{".png", ".svg", ".csv", ".jsonld", ".qdpx"} {
				only := map[string]string{List: ".csv", Keyness: ".csv", Segments: ".csv", W3C: ".jsonld", Project: ".qdpx"}[name]
				if only != "" && ext != only || only == "" && (ext == ".jsonld" || ext == ".qdpx") {
					continue
				}
				// The phrases are the fuzzer's too: they head the phrase
				// trends' columns.
				res, err := Render(c, Request{Chart: name, Width: 480, Height: 320, Listing: Listing{Annotations: c.Annotations},
					Phrases: label + ",space", Keyness: KeynessRequest{A: "2010-2012", MinFreq: 1}}, ext)
				if err != nil {
					t.Fatalf("%s%s: %v", name, ext, err)
				}
				switch ext {
				case ".jsonld":
					if !json.Valid(res.Bytes) {
						t.Fatalf("%s.jsonld is not JSON", name)
					}
				case ".qdpx":
					z, err := zip.NewReader(bytes.NewReader(res.Bytes), int64(len(res.Bytes)))
					if err != nil || len(z.File) == 0 || z.File[0].Name != "project.qde" {
						t.Fatalf("%s.qdpx: %v", name, err)
					}
					r, _ := z.File[0].Open()
					d := xml.NewDecoder(r)
					for {
						if _, err := d.Token(); err == io.EOF {
							break
						} else if err != nil {
							t.Fatalf("project.qde is not XML: %v", err)
						}
					}
					r.Close()
				case ".svg":
					d := xml.NewDecoder(bytes.NewReader(res.Bytes))
					for {
						if _, err := d.Token(); err == io.EOF {
							break
						} else if err != nil {
							t.Fatalf("%s.svg is not XML: %v", name, err)
						}
					}
				case ".csv":
					rows, err := csv.NewReader(bytes.NewReader(res.Bytes)).ReadAll()
					if err != nil {
						t.Fatalf("%s.csv: %v", name, err)
					}
					for _, row := range rows {
						for _, cell := range row {
							if tr := strings.TrimLeft(cell, " "); tr != "" && strings.ContainsRune("=+@\t\r＝＋＠", []rune(tr)[0]) {
								t.Fatalf("%s.csv: the cell %q starts a formula", name, cell)
							}
						}
					}
				}
			}
		}
	})
}
