package charts

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"image"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

func builtin(t testing.TB) *data.Corpus {
	t.Helper()
	c, ps, err := assets.LoadCorpus()
	if err != nil || c == nil {
		t.Fatalf("%v\n%s", err, ps)
	}
	return c
}

// table makes a small table: columns with text unless listed in noText.
func table(labels []string, rows []string, values [][]float64, noText ...int) *Table {
	t := &Table{Unit: "Annotated spans", Values: values}
	for i, l := range labels {
		t.Columns = append(t.Columns, Column{Label: l, HasText: true, Sources: 1, Meetings: 1})
		for _, n := range noText {
			if n == i {
				t.Columns[i].HasText = false
			}
		}
	}
	for i, r := range rows {
		t.Rows = append(t.Rows, Row{ID: strconv.Itoa(i), Label: r, Color: data.DefaultTopicColor(i)})
	}
	return t
}

// checkXML fails unless the SVG is well-formed XML.
func checkXML(t *testing.T, svg []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("the SVG is not XML: %v", err)
		}
	}
}

// colours counts the distinct colours of an image, up to limit.
func colours(img *image.RGBA, limit int) int {
	seen := map[[3]uint8]bool{}
	for i := 0; i+3 < len(img.Pix) && len(seen) < limit; i += 4 {
		seen[[3]uint8{img.Pix[i], img.Pix[i+1], img.Pix[i+2]}] = true
	}
	return len(seen)
}

func TestGuards(t *testing.T) {
	long := strings.Repeat("Very long topic label ", 500) // 11,000 characters
	tests := []struct {
		name      string
		table     *Table
		wantError string
		message   bool
	}{
		{name: "empty", table: table(nil, nil, nil), message: true},
		{name: "no topics", table: table([]string{"2012"}, nil, [][]float64{{}}), message: true},
		{name: "no column with text", table: table([]string{"2013"}, []string{"Space"}, [][]float64{{math.NaN()}}, 0), message: true},
		{name: "one year", table: table([]string{"2012"}, []string{"Space", "Cyber"}, [][]float64{{3, 1}})},
		{name: "all zeros", table: table([]string{"2012", "2013"}, []string{"Space"}, [][]float64{{0}, {0}})},
		{name: "NaN in a year with text", table: table([]string{"2012"}, []string{"Space"}, [][]float64{{math.NaN()}}), wantError: "is not a count"},
		{name: "infinity", table: table([]string{"2012"}, []string{"Space"}, [][]float64{{math.Inf(1)}}), wantError: "is not a count"},
		{name: "negative", table: table([]string{"2012"}, []string{"Space"}, [][]float64{{-1}}), wantError: "is not a count"},
		{name: "fewer value rows than columns", table: table([]string{"2012", "2013"}, []string{"Space"}, [][]float64{{1}}), wantError: "2 columns but 1 rows"},
		{name: "fewer values than topics", table: table([]string{"2012"}, []string{"Space", "Cyber"}, [][]float64{{1}}), wantError: "1 values for 2 topics"},
		{name: "hostile labels", table: table([]string{"R&D <x>", `"</text><script>`}, []string{"R&D <x>", long, "한미 동맹"}, [][]float64{{1, 2, 3}, {0, 1, 0}})},
		{name: "ten thousand characters", table: table([]string{long}, []string{long}, [][]float64{{5}})},
	}
	for _, tt := range tests {
		for _, kind := range Kinds {
			for _, format := range []Format{PNG, SVG} {
				t.Run(tt.name+"/"+string(kind)+"/"+[]string{"png", "svg"}[format], func(t *testing.T) {
					res, err := Render(tt.table, Options{Kind: kind, Format: format})
					if tt.wantError != "" {
						if err == nil || !strings.Contains(err.Error(), tt.wantError) {
							t.Fatalf("err = %v, want %q", err, tt.wantError)
						}
						return
					}
					if err != nil {
						t.Fatal(err)
					}
					if (res.Message != "") != tt.message {
						t.Errorf("message %q", res.Message)
					}
					if format == SVG {
						checkXML(t, res.SVG)
						return
					}
					if res.Image == nil || res.Image.Bounds().Dx() != DefaultWidth || colours(res.Image, 10) < 3 {
						t.Fatal("no image, or a blank one")
					}
				})
			}
		}
	}
}

func TestOptionGuards(t *testing.T) {
	tb := table([]string{"2012"}, []string{"Space"}, [][]float64{{1}})
	for _, o := range []Options{
		{Kind: "pie"},
		{Kind: TopicsByYear, Width: 10, Height: 10},
		{Kind: TopicsByYear, Width: 9000},
		{Kind: TopicsByYear, Scale: 100},
		{Kind: TopicsByYear, Scale: math.NaN()},
		{Kind: TopicsByYear, Width: 8000, Height: 8000, Scale: 4},
		{Kind: TopicTrends, MovingAverage: -1},
	} {
		if _, err := Render(tb, o); err == nil {
			t.Errorf("%+v: want an error", o)
		}
	}
}

func TestSVGEscapesLabels(t *testing.T) {
	tb := table([]string{"2012"}, []string{"R&D <x>"}, [][]float64{{2}})
	res, err := Render(tb, Options{Kind: TopicsByYear, Format: SVG})
	if err != nil {
		t.Fatal(err)
	}
	checkXML(t, res.SVG)
	if !bytes.Contains(res.SVG, []byte("R&amp;D &lt;x&gt;")) {
		t.Error("the label is not in the SVG, escaped")
	}
}

// TestHitsFindEveryDrawnSegment: for the built-in corpus, the hit geometry
// of topics-by-year holds exactly the non-zero cells, and the pixel at the
// middle of each hit has its topic's colour.
func TestHitsFindEveryDrawnSegment(t *testing.T) {
	c := builtin(t)
	for _, kind := range Kinds {
		tb, err := tableFor(c, kind, data.Query{Unit: data.UnitSpans})
		if err != nil {
			t.Fatal(err)
		}
		res, err := Render(tb, Options{Kind: kind, Width: 1600, Height: 900})
		if err != nil {
			t.Fatal(err)
		}
		nonZero := map[[2]int]bool{}
		for ci, col := range tb.Columns {
			for ri := range tb.Rows {
				if col.HasText && tb.Values[ci][ri] > 0 {
					nonZero[[2]int{ci, ri}] = true
				}
			}
		}
		got := map[[2]int]bool{}
		for _, h := range res.Hits {
			key := [2]int{h.Column, h.Row}
			for _, ri := range h.Rows() {
				k := [2]int{h.Column, ri}
				if !nonZero[k] || got[k] {
					t.Errorf("%s: a hit on a cell with nothing, or a second hit: %v", kind, k)
				}
				got[k] = true
			}
			cx, cy := (h.X0+h.X1)/2, (h.Y0+h.Y1)/2
			if back, ok := res.HitAt(cx, cy); !ok || back.Column != h.Column || back.Row != h.Row {
				t.Errorf("%s: HitAt the middle of %v finds %v", kind, key, back)
			}
			if kind == TopicsByYear || kind == TopicTotals {
				want := tb.Rows[h.Row].Color
				p := res.Image.RGBAAt(int(cx), int(cy))
				if !near(p, want) {
					t.Errorf("%s: pixel at the middle of %v is %v, want %v", kind, key, p, want)
				}
			}
			if kind == PhraseTrends {
				if n := len(tb.Matches(h.Column, h.Row)); n == 0 || float64(n) < tb.Values[h.Column][h.Row] {
					t.Errorf("%s: cell %v shows %v but has %d matches behind it", kind, key, tb.Values[h.Column][h.Row], n)
				}
			} else if len(tb.Annotations(h.Column, h.Row)) == 0 {
				t.Errorf("%s: cell %v has no annotations behind it", kind, key)
			}
		}
		if len(got) != len(nonZero) {
			t.Errorf("%s: %d cells hit, %d non-zero cells", kind, len(got), len(nonZero))
		}
	}
}

func near(p color.RGBA, c color.NRGBA) bool {
	d := func(a, b uint8) int { return int(a) - int(b) }
	return d(p.R, c.R)*d(p.R, c.R)+d(p.G, c.G)*d(p.G, c.G)+d(p.B, c.B)*d(p.B, c.B) < 3*12*12
}

// TestCSVAgreesWithStats: the CSV of topics-by-year is, cell by cell, what
// "stats --format json" reports.
func TestCSVAgreesWithStats(t *testing.T) {
	c := builtin(t)
	stats := c.Stats()
	tb, err := TableFor(c, TopicsByYear, data.Query{Unit: data.UnitSpans})
	if err != nil {
		t.Fatal(err)
	}
	b, err := CSV(tb, Options{Kind: TopicsByYear})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := rows[0]
	checked := 0
	for _, row := range rows[1:] {
		year := row[0]
		perTopic := stats.PerYearTopic[year]
		hasText := perTopic != nil
		if strconv.FormatBool(hasText) != row[1] {
			t.Errorf("%s: has_text %s", year, row[1])
		}
		for i := 4; i < len(row); i++ {
			if !hasText {
				if row[i] != "" {
					t.Errorf("%s %s: %q for a year without text", year, header[i], row[i])
				}
				continue
			}
			if row[i] != strconv.Itoa(perTopic[header[i]]) {
				t.Errorf("%s %s: CSV %s, stats %d", year, header[i], row[i], perTopic[header[i]])
			}
			checked++
		}
	}
	if checked != 4*len(c.Topics) {
		t.Errorf("checked %d cells", checked)
	}
}

func TestTrendValues(t *testing.T) {
	tb := table([]string{"2010", "2011", "2012", "2013"}, []string{"A", "B"},
		[][]float64{{1, 3}, {math.NaN(), math.NaN()}, {2, 2}, {4, 0}}, 1)
	f := &frame{o: Options{Kind: TopicTrends, Share: true}, t: tb}
	v := f.trendValues()
	if v[0][0] != 0.25 || v[0][1] != 0.75 || !math.IsNaN(v[1][0]) || v[3][0] != 1 {
		t.Errorf("shares: %v", v)
	}
	f.o = Options{Kind: TopicTrends, MovingAverage: 3}
	v = f.trendValues()
	// 2012: the mean of 2011 (no text, skipped), 2012 and 2013.
	if v[2][0] != 3 || !math.IsNaN(v[1][0]) || v[0][0] != 1 {
		t.Errorf("moving average: %v", v)
	}
}

func TestNiceTicks(t *testing.T) {
	for _, tt := range []struct {
		max   float64
		whole bool
		want  string
	}{
		{39 * 1.06, false, "0 10 20 30 40 50"}, {0, false, "0 0.2 0.4 0.6 0.8 1"}, {1, false, "0 0.2 0.4 0.6 0.8 1"}, {7, false, "0 2 4 6 8"}, {math.NaN(), false, "0 0.2 0.4 0.6 0.8 1"},
		{1.06, true, "0 1 2"}, {3, true, "0 1 2 3"}, {39 * 1.06, true, "0 10 20 30 40 50"},
	} {
		var got []string
		for _, v := range niceTicks(tt.max, 6, tt.whole) {
			got = append(got, formatValue(v, false))
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("niceTicks(%v) = %v, want %s", tt.max, got, tt.want)
		}
	}
}

// TestConcurrentRenders draws every chart in both formats at once; -race
// checks that nothing is shared unsafely (go-chart's default font is never
// used).
func TestConcurrentRenders(t *testing.T) {
	c := builtin(t)
	var wg sync.WaitGroup
	errs := make(chan error, 32)
	for i := 0; i < 2; i++ {
		for _, kind := range Kinds {
			for _, format := range []Format{PNG, SVG} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					tb, err := tableFor(c, kind, data.Query{Unit: data.UnitSources})
					if err == nil {
						_, err = Render(tb, Options{Kind: kind, Format: format, Dark: i == 1})
					}
					errs <- err
				}()
			}
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

// TestHangulLabelsAreDrawn: two Korean topic labels give different
// pixels; with no font for them both would draw the same empty boxes.
func TestHangulLabelsAreDrawn(t *testing.T) {
	render := func(label string) *image.RGBA {
		res, err := Render(table([]string{"2012"}, []string{label}, [][]float64{{2}}), Options{Kind: TopicTotals})
		if err != nil {
			t.Fatal(err)
		}
		return res.Image
	}
	a, b := render("확장억제"), render("한미동맹")
	if colours(a, 10) < 3 {
		t.Fatal("blank")
	}
	if bytes.Equal(a.Pix, b.Pix) {
		t.Error("two Korean labels drew the same pixels: the glyphs are missing")
	}
}

func TestHighlightFadesTheOtherTopics(t *testing.T) {
	c := builtin(t)
	tb, _ := TableFor(c, TopicsByYear, data.Query{Unit: data.UnitSpans})
	res, err := Render(tb, Options{Kind: TopicsByYear, Width: 1200, Height: 700, Highlight: "space"})
	if err != nil {
		t.Fatal(err)
	}
	sawSpace, sawFaded := false, false
	for _, h := range res.Hits {
		p := res.Image.RGBAAt(int((h.X0+h.X1)/2), int((h.Y0+h.Y1)/2))
		want := tb.Rows[h.Row].Color
		if tb.Rows[h.Row].ID == "space" {
			sawSpace = true
			if !near(p, want) {
				t.Errorf("the highlighted topic is drawn %v, want %v", p, want)
			}
		} else if !near(p, want) {
			sawFaded = true
		}
	}
	if !sawSpace || !sawFaded {
		t.Errorf("space drawn: %v, others faded: %v", sawSpace, sawFaded)
	}
}

// One table names every chart: each kind parses back from its name, and
// its heading and tab are set and say the same chart.
func TestKindTable(t *testing.T) {
	seen := map[string]bool{}
	for _, info := range KindInfos {
		if k, err := ParseKind(string(info.Kind)); err != nil || k != info.Kind {
			t.Errorf("%s does not parse back: %v", info.Kind, err)
		}
		if info.Title == "" || info.Tab == "" || info.Counts == "" || seen[info.Title] {
			t.Errorf("%s: %+v", info.Kind, info)
		}
		seen[info.Title] = true
		if info.Kind.Info() != info {
			t.Errorf("%s: Info() = %+v", info.Kind, info.Kind.Info())
		}
	}
	if len(Kinds) != len(KindInfos) {
		t.Errorf("%d kinds, %d rows", len(Kinds), len(KindInfos))
	}
	if MeetingMatrix.Info().Title != MeetingMatrix.Info().Tab {
		t.Errorf("the matrix is named %q on its tab and %q in its heading", MeetingMatrix.Info().Tab, MeetingMatrix.Info().Title)
	}
}

// tableFor is TableFor, with phrases for the phrase trends.
func tableFor(c *data.Corpus, kind Kind, q data.Query) (*Table, error) {
	if kind == PhraseTrends {
		return PhraseTableFor(context.Background(), c, textmatch.ParseTerms("space, cyber*, extended deterrence"), q, false)
	}
	return TableFor(c, kind, q)
}
