// Package export owns the files the app writes for its users: a chart or
// the timeline as PNG, SVG or CSV, chosen by the file's extension, drawn
// with the same code as the window and written atomically (a temporary
// file beside the target, then a rename), so a failed export never leaves
// a half-written file or damages the one it replaces. It never writes over
// the corpus' own files.
package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"

	"github.com/alliance-timeline/alliance-timeline/atomicfile"
	"github.com/alliance-timeline/alliance-timeline/charts"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/refiqda"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
	"github.com/alliance-timeline/alliance-timeline/data/webanno"
	"github.com/alliance-timeline/alliance-timeline/timeline"
)

// Timeline is the name of the timeline among the charts.
const Timeline = "timeline"

// Project is the name of a REFI-QDA project (.qdpx) among what can be
// exported: the whole corpus, for MAXQDA, ATLAS.ti, NVivo or QualCoder.
const Project = "qdpx"

// W3C is the name of the annotations as W3C Web Annotations (JSON-LD).
const W3C = "w3c"

// Names lists what can be exported: the timeline and every chart.
func Names() []string {
	out := []string{Timeline}
	for _, k := range charts.Kinds {
		out = append(out, string(k))
	}
	return append(out, Keyness)
}

// Request says what to export.
type Request struct {
	Chart         string     // Timeline or a chart kind
	Query         data.Query // unit, normalisation, years, topics
	Width, Height int        // in points; 0 for the defaults
	Scale         float64    // pixels per point; 0 means 1
	Dark          bool
	Share         bool    // topic-trends
	MovingAverage int     // topic-trends
	Listing       Listing // for List
	// Phrases are phrase-trends' phrases, comma-separated; ByMeeting
	// counts them per meeting instead of per year.
	Phrases   string
	ByMeeting bool
	Keyness   KeynessRequest   // for Keyness
	Agreement AgreementRequest // for Agreement
}

// Result is an export's content, and a warning for the user when the
// selection left nothing to draw.
type Result struct {
	Bytes   []byte
	Warning string
}

// Render draws the request in the format of the extension (.png, .svg or
// .csv: for the timeline, a CSV of its marks).
func Render(c *data.Corpus, r Request, ext string) (Result, error) {
	ext = strings.ToLower(ext)
	switch r.Chart {
	case Timeline:
		return renderTimeline(c, r, ext)
	case List:
		if ext != ".csv" {
			return Result{}, fmt.Errorf("the span list is exported as .csv, not %q", ext)
		}
		b, err := ListCSV(r.Listing)
		return Result{Bytes: b}, err
	case Project:
		if ext != ".qdpx" {
			return Result{}, fmt.Errorf("a REFI-QDA project is written as .qdpx, not %q", ext)
		}
		var buf bytes.Buffer
		_, err := refiqda.Write(&buf, c)
		return Result{Bytes: buf.Bytes()}, err
	case W3C:
		if ext != ".jsonld" && ext != ".json" {
			return Result{}, fmt.Errorf("W3C Web Annotations are written as .jsonld (or .json), not %q", ext)
		}
		b, err := webanno.Write(c)
		return Result{Bytes: b}, err
	case Segments:
		switch ext {
		case ".csv":
			b, err := SegmentsCSV(c)
			return Result{Bytes: b}, err
		case ".xlsx":
			b, err := SegmentsXLSX(c)
			return Result{Bytes: b}, err
		}
		return Result{}, fmt.Errorf("the coded segments are written as .csv or .xlsx, not %q", ext)
	case Keyness:
		if ext != ".csv" {
			return Result{}, fmt.Errorf("keyness is exported as a .csv table, not %q", ext)
		}
		b, err := KeynessCSV(c, r.Keyness)
		return Result{Bytes: b}, err
	case Agreement:
		if ext != ".csv" {
			return Result{}, fmt.Errorf("the agreement table is exported as .csv, not %q", ext)
		}
		b, err := AgreementReportCSV(c, r.Agreement)
		return Result{Bytes: b}, err
	}
	kind, err := charts.ParseKind(r.Chart)
	if err != nil {
		return Result{}, err
	}
	var table *charts.Table
	if kind == charts.PhraseTrends {
		table, err = charts.PhraseTableFor(context.Background(), c, textmatch.ParseTerms(r.Phrases), r.Query, r.ByMeeting)
	} else {
		table, err = charts.TableFor(c, kind, r.Query)
	}
	if err != nil {
		return Result{}, err
	}
	opts := charts.Options{Kind: kind, Width: r.Width, Height: r.Height, Scale: r.Scale, Dark: r.Dark, Share: r.Share, MovingAverage: r.MovingAverage}
	var res Result
	if table.Empty() {
		res.Warning = "the selection leaves no column with source text: the chart says \"No data\""
	}
	switch ext {
	case ".csv":
		res.Bytes, err = charts.CSV(table, opts)
	case ".svg":
		opts.Format = charts.SVG
		var out *charts.Result
		if out, err = charts.Render(table, opts); err == nil {
			res.Bytes = out.SVG
		}
	case ".png":
		var out *charts.Result
		if out, err = charts.Render(table, opts); err == nil {
			res.Bytes, err = encodePNG(out.Image)
		}
	default:
		return Result{}, fmt.Errorf("unknown format %q: use .png, .svg or .csv", ext)
	}
	return res, err
}

func renderTimeline(c *data.Corpus, r Request, ext string) (Result, error) {
	if ext != ".png" && ext != ".svg" && ext != ".csv" {
		return Result{}, fmt.Errorf("unknown format %q: use .png, .svg or .csv", ext)
	}
	for _, id := range r.Query.Topics {
		if c.Topic(id) == nil {
			return Result{}, fmt.Errorf("there is no topic %q", id)
		}
	}
	m := timeline.NewModel(c)
	m.Show(r.Query) // topics, meeting kinds and years as the charts count them
	if ext == ".csv" {
		b, err := m.CSV()
		return Result{Bytes: b}, err
	}
	scale := r.Scale
	if scale == 0 {
		scale = 1
	}
	w, h := r.Width, r.Height
	if w == 0 {
		w = 1600
	}
	if h == 0 {
		h = timeline.NaturalHeight(m)
	}
	opts := timeline.RenderOptions{Width: int(float64(w) * scale), Height: int(float64(h) * scale), Scale: scale, Palette: timeline.LightPalette}
	if r.Dark {
		opts.Palette = timeline.DarkPalette
	}
	if r.Query.FromYear != 0 || r.Query.ToYear != 0 {
		from, to := r.Query.FromYear, r.Query.ToYear
		first, last, ok := c.DateRange()
		if from == 0 && ok {
			from = first.Year
		}
		if to == 0 && ok {
			to = last.Year
		}
		opts.From, opts.To = float64(data.DayNumber(from, 1, 1)), float64(data.DayNumber(to+1, 1, 1))
	}
	if ext == ".svg" {
		b, err := timeline.RenderSVG(m, opts)
		return Result{Bytes: b}, err
	}
	img, err := timeline.Render(m, opts)
	if err != nil {
		return Result{}, err
	}
	b, err := encodePNG(img)
	return Result{Bytes: b}, err
}

func encodePNG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("encode PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// ErrExists is File's error for a path that exists when it may not be
// replaced.
var ErrExists = errors.New("the file exists")

// File renders the request into path, in the format of its extension. It
// refuses a path that is one of the corpus' own files (CheckTarget), and,
// unless replace is set, a path where anything exists (ErrExists).
func File(c *data.Corpus, r Request, path string, replace bool) (Result, error) {
	if err := CheckTarget(c, path); err != nil {
		return Result{}, err
	}
	res, err := Render(c, r, filepath.Ext(path))
	if err != nil {
		return res, err
	}
	if _, err := os.Lstat(path); err == nil && !replace {
		return res, fmt.Errorf("%s: %w", path, ErrExists)
	}
	return res, atomicfile.Write(path, res.Bytes)
}

// CheckTarget refuses to export onto the corpus file or one of its source
// files. Files are compared by identity, not by name, so another name for
// one (a relative path, a symbolic link, a hard link) is refused too.
func CheckTarget(c *data.Corpus, path string) error {
	target, err := os.Stat(path)
	if err != nil {
		return nil // nothing there, or nothing readable: no corpus file to damage
	}
	for i, f := range c.Files() {
		info, err := os.Stat(f)
		if err != nil || !os.SameFile(info, target) {
			continue
		}
		what := "a source file"
		if i == 0 {
			what = "the corpus file"
		}
		return fmt.Errorf("%s is %s of the open corpus (%s); an export never replaces the corpus' own files: choose another name", path, what, f)
	}
	return nil
}
