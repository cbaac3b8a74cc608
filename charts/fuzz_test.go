package charts

import (
	"math"
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// FuzzRender draws charts of arbitrary counts and labels: no panic, and an
// SVG that is XML whenever the render succeeds.
func FuzzRender(f *testing.F) {
	f.Add("2012,2013", "Space,R&D <x>", 3.0, 0.0, 1, true)
	f.Add("", "", math.NaN(), math.Inf(1), 0, false)
	f.Add(strings.Repeat("x", 10000), "한미", -1.0, 1e300, 3, true)
	f.Fuzz(func(t *testing.T, columns, rows string, v1, v2 float64, kind int, text bool) {
		var cols, rs []string
		if columns != "" {
			cols = strings.Split(columns, ",")
		}
		if rows != "" {
			rs = strings.Split(rows, ",")
		}
		if len(cols) > 60 || len(rs) > 30 {
			return
		}
		tb := &Table{Unit: "Annotated spans"}
		for i, c := range cols {
			tb.Columns = append(tb.Columns, Column{Label: c, HasText: text || i%2 == 0, Sources: i, Meetings: 1})
			vals := make([]float64, len(rs))
			for j := range vals {
				vals[j] = v1
				if (i+j)%2 == 1 {
					vals[j] = v2
				}
			}
			tb.Values = append(tb.Values, vals)
		}
		for i, r := range rs {
			tb.Rows = append(tb.Rows, Row{ID: r, Label: r, Color: data.DefaultTopicColor(i)})
		}
		k := Kinds[((kind%len(Kinds))+len(Kinds))%len(Kinds)]
		for _, format := range []Format{PNG, SVG} {
			res, err := Render(tb, Options{Kind: k, Width: 400, Height: 300, Format: format})
			if err != nil {
				continue
			}
			if format == SVG {
				checkXML(t, res.SVG)
			} else if res.Image == nil {
				t.Fatal("no image and no error")
			}
		}
	})
}
