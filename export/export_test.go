package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

func builtin(t *testing.T) *data.Corpus {
	t.Helper()
	c, ps, err := assets.LoadCorpus()
	if err != nil || c == nil {
		t.Fatalf("%v %s", err, ps)
	}
	return c
}

func TestFormatsByExtension(t *testing.T) {
	c := builtin(t)
	dir := t.TempDir()
	for _, name := range Names() {
		for _, ext := range []string{".png", ".svg", ".csv"} {
			if name == Keyness && ext != ".csv" {
				continue
			}
			path := filepath.Join(dir, name+ext)
			_, err := File(c, Request{Chart: name, Width: 800, Height: 500, Phrases: "space", Keyness: KeynessRequest{A: "2012"}}, path, false)
			if err != nil {
				t.Fatalf("%s%s: %v", name, ext, err)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			switch ext {
			case ".png":
				img, err := png.Decode(bytes.NewReader(b))
				if err != nil || img.Bounds().Dx() != 800 {
					t.Errorf("%s: %v %v", path, err, img.Bounds())
				}
			case ".svg":
				if err := parsesAsXML(b); err != nil || !bytes.Contains(b, []byte("<svg")) {
					t.Errorf("%s is not SVG: %v", path, err)
				}
			case ".csv":
				header := "column,has_text,sources,meetings,"
				switch name {
				case "phrase-trends":
					header = "year,space\n"
				case Keyness:
					header = "term,a,b,g2,log_ratio\n"
				case Timeline:
					header = "lane,topic,meeting,date,end,kind,title,has_text,spans,search_match\n"
				}
				if !bytes.HasPrefix(b, []byte(header)) {
					t.Errorf("%s header: %q", path, b[:40])
				}
			}
		}
	}
	if _, err := Render(c, Request{Chart: "topics-by-year"}, ".gif"); err == nil {
		t.Error(".gif: want an error")
	}
}

// TestFailedExportLeavesTheOldFile: a render that fails and a write that
// fails both leave an existing file as it was, and no temporary file.
func TestFailedExportLeavesTheOldFile(t *testing.T) {
	c := builtin(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "chart.png")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := File(c, Request{Chart: "topics-by-year", Width: 5}, path, true); err == nil {
		t.Fatal("a 5-point chart: want an error")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("the old file became %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}
}

func TestEmptySelectionWarns(t *testing.T) {
	c := builtin(t)
	res, err := Render(c, Request{Chart: "topics-by-year", Query: data.Query{FromYear: 2015, ToYear: 2016}}, ".png")
	if err != nil || res.Warning == "" || len(res.Bytes) == 0 {
		t.Fatalf("err %v, warning %q, %d bytes", err, res.Warning, len(res.Bytes))
	}
}

func TestTimelineTopicsAndYears(t *testing.T) {
	c := builtin(t)
	if _, err := Render(c, Request{Chart: Timeline, Query: data.Query{Topics: []string{"nope"}}}, ".png"); err == nil {
		t.Error("unknown topic: want an error")
	}
	res, err := Render(c, Request{Chart: Timeline, Query: data.Query{Topics: []string{"space"}, FromYear: 2020}}, ".png")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(res.Bytes))
	if err != nil || img.Bounds().Dy() > 220 {
		t.Errorf("one topic lane: %v high (%v)", img.Bounds().Dy(), err)
	}
}

// TestReloadRacingRendersAndExports: while the corpus is loaded again,
// the one already open is drawn, exported, searched and counted from other
// goroutines; -race checks that nothing is shared unsafely (a loaded
// corpus is never modified, its lazy caches are made once).
func TestReloadRacingRendersAndExports(t *testing.T) {
	c := builtin(t)
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i, name := range Names() {
		wg.Add(3)
		go func() {
			defer wg.Done()
			ext := ".png"
			if name == Keyness {
				ext = ".csv"
			}
			_, err := File(c, Request{Chart: name, Width: 600, Height: 400, Phrases: "space, cyber*", Keyness: KeynessRequest{A: "2012", B: "2020-2023"}},
				filepath.Join(dir, fmt.Sprintf("%d%s", i, ext)), false)
			errs <- err
		}()
		go func() {
			defer wg.Done()
			_, _, err := assets.LoadCorpus()
			errs <- err
		}()
		go func() {
			defer wg.Done()
			textmatch.NewSearcher(c).Search(context.Background(), "extended deterrence", 0)
			_, err := c.Count(data.Query{Unit: data.UnitMeetings, By: data.ByMeeting})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

// The headless timeline reads the query as the charts do: no topics means
// no topic lanes, not every one, and meeting kinds are honoured.
func TestTimelineExportHonoursTheQuery(t *testing.T) {
	c := builtin(t)
	render := func(q data.Query) []byte {
		res, err := Render(c, Request{Chart: Timeline, Width: 900, Height: 600, Query: q}, ".png")
		if err != nil {
			t.Fatal(err)
		}
		return res.Bytes
	}
	all := render(data.Query{})
	for name, q := range map[string]data.Query{
		"no topics": {Topics: []string{}},
		"no kinds":  {Kinds: []string{}},
		"one topic": {Topics: []string{"space"}},
	} {
		if bytes.Equal(render(q), all) {
			t.Errorf("%s: the same picture as every topic and kind", name)
		}
	}
	if !bytes.Equal(render(data.Query{Topics: nil, Kinds: nil}), all) {
		t.Error("nil topics and kinds: not the picture of every one")
	}
}

// parsesAsXML reads a document to its end as XML.
func parsesAsXML(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// The timeline as SVG draws what the PNG draws: every lane label and
// meeting label as text (Hangul included), in the dark palette when asked;
// as CSV it lists every mark shown, one line each.
func TestTimelineSVGAndCSV(t *testing.T) {
	c := builtin(t)
	res, err := Render(c, Request{Chart: Timeline, Width: 1400, Height: 700, Dark: true}, ".svg")
	if err != nil {
		t.Fatal(err)
	}
	svg := string(res.Bytes)
	if err := parsesAsXML(res.Bytes); err != nil {
		t.Fatalf("not XML: %v", err)
	}
	for _, want := range []string{">Meetings</text>", ">Extended deterrence</text>", ">44th SCM</text>", ">Barack Obama</text>"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the SVG lacks %s", want)
		}
	}
	if strings.Count(svg, "<rect") < 50 {
		t.Errorf("only %d shapes", strings.Count(svg, "<rect"))
	}
	res, err = Render(c, Request{Chart: Timeline, Query: data.Query{Topics: []string{"space"}}}, ".csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(res.Bytes)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	meetings, space := 0, 0
	for _, r := range rows[1:] {
		switch r[0] {
		case "Meetings":
			meetings++
		case "Space":
			space++
			if r[8] == "" || r[8] == "0" {
				t.Errorf("a space mark without spans: %q", r)
			}
		default:
			t.Errorf("a mark of a lane not shown: %q", r)
		}
	}
	if meetings != len(c.Meetings) || space == 0 {
		t.Errorf("%d meeting marks of %d, %d space marks", meetings, len(c.Meetings), space)
	}
}

// The span list exports as CSV, one line per span or match, with its
// citation; a formula in the text stays inert.
func TestListCSV(t *testing.T) {
	c := builtin(t)
	m := c.Meeting("scm-44")
	anns := m.Sources[0].Annotations[:3]
	res, err := textmatch.NewSearcher(c).Search(context.Background(), "Kim Kwan-jin", 0)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render(c, Request{Chart: List, Listing: Listing{Annotations: anns, Matches: res.Matches}}, ".csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(out.Bytes)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(anns)+len(res.Matches) || len(res.Matches) == 0 {
		t.Fatalf("%d rows for %d spans and %d matches", len(rows), len(anns), len(res.Matches))
	}
	for i, a := range anns {
		r := rows[1+i]
		if r[1] != "span" || r[2] != a.Topic.ID || r[3] != "scm-44" || r[10] != a.Text() || !strings.Contains(r[13], "“"+strings.Join(strings.Fields(a.Text()), " ")+"”") {
			t.Errorf("row %d: %q", i+1, r)
		}
		if !strings.Contains(r[13], a.Source.Details().Publisher) || !strings.Contains(r[13], "at the 44th") || !strings.Contains(r[13], "24 October 2012") {
			t.Errorf("citation %q", r[13])
		}
	}
	if _, err := Render(c, Request{Chart: List}, ".png"); err == nil {
		t.Error("a list as PNG: no error")
	}
}
