package timeline

import (
	"bytes"
	"fmt"
	"image"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
)

// longLabelCorpus is a corpus whose topic, era, era group and meeting
// labels are each n code points long.
func longLabelCorpus(t testing.TB, n int, unit string) *data.Corpus {
	t.Helper()
	long := strings.Repeat(unit, n)
	yaml := fmt.Sprintf(`corpus: {title: Long labels, format: 1}
topics:
  - {id: space, label: %q, color: "#AA4499"}
meetings:
  - {id: m1, title: %q, short: %q, kind: SCM, date: 2012-10-24, sources: [s1]}
  - {id: m2, title: Two, short: Two, kind: SCM, date: 2014-10-24}
sources:
  - {id: s1, title: One, kind: news, language: en, text: "They agreed to cooperate in space."}
annotations:
  - {source: s1, topic: space, quote: cooperate in space}
eras:
  - {group: %q, label: %q, start: 2010, end: 2015}
`, long, long, long, long, long)
	c, ps, err := load.FS(fstest.MapFS{"c.yaml": {Data: []byte(yaml)}}, "c.yaml", "c.yaml")
	if err != nil || c == nil {
		t.Fatalf("%v\n%s", err, ps)
	}
	return c
}

// A label's cost is bounded by what can be drawn, not by its length: the
// glyphs looked up to render the timeline are the same for a label of 200
// code points and one of a million (a 64,000-character label used to take
// 17 s, a megabyte more than ten minutes).
func TestLongLabelsCostWhatShortOnesDo(t *testing.T) {
	lookups := func(n int, unit string) int {
		c := longLabelCorpus(t, n, unit)
		txt, err := TextAt(12)
		if err != nil {
			t.Fatal(err)
		}
		before := txt.Regular.Lookups() + txt.Bold.Lookups()
		m := NewModel(c)
		if _, err := Render(m, RenderOptions{Width: 1600, Height: NaturalHeight(m), Scale: 1, Palette: LightPalette}); err != nil {
			t.Fatal(err)
		}
		for _, mk := range m.NewFrame(FitScale(m.First, m.Last, 1000), 1200, 400, DefaultStyle(1), fixedWidth).Marks {
			for _, line := range m.Describe(mk) {
				if len([]rune(line)) > MaxLabel {
					t.Errorf("a tooltip line has %d code points", len([]rune(line)))
				}
			}
		}
		return txt.Regular.Lookups() + txt.Bold.Lookups() - before
	}
	for _, unit := range []string{"W", "가", "\u0301", "a "} {
		base := lookups(MaxLabel, unit)
		for _, n := range []int{64000, 1 << 20} {
			if got := lookups(n, unit); got > base+MaxLabel {
				t.Errorf("labels of %d × %q: %d glyph look-ups, %d for labels of %d", n, unit, got, base, MaxLabel)
			}
		}
	}
}

func TestFitShortensWithAnEllipsis(t *testing.T) {
	txt, err := TextAt(12)
	if err != nil {
		t.Fatal(err)
	}
	f := txt.Regular
	for _, tc := range []struct {
		s     string
		width float64
	}{
		{"Extended deterrence", 1000}, {"Extended deterrence", 60}, {"확장억제 강화", 30}, {"W", 1}, {"", 10},
	} {
		got := f.Fit(tc.s, tc.width)
		switch {
		case f.Measure(tc.s) <= tc.width:
			if got != tc.s {
				t.Errorf("Fit(%q, %v) = %q, but it fits whole", tc.s, tc.width, got)
			}
		case got == "":
			if f.Measure(string([]rune(tc.s)[:1])+"…") <= tc.width {
				t.Errorf("Fit(%q, %v) gave nothing, but one letter fits", tc.s, tc.width)
			}
		default:
			if !strings.HasSuffix(got, "…") || f.Measure(got) > tc.width || !strings.HasPrefix(tc.s, strings.TrimSuffix(got, "…")) {
				t.Errorf("Fit(%q, %v) = %q (%v px)", tc.s, tc.width, got, f.Measure(got))
			}
			longer := []rune(strings.TrimSuffix(got, "…"))
			longer = []rune(tc.s)[:len(longer)+1]
			if f.Measure(string(longer)+"…") <= tc.width {
				t.Errorf("Fit(%q, %v) = %q, but %q fits", tc.s, tc.width, got, string(longer)+"…")
			}
		}
	}
}

// BenchmarkLongLabels renders the timeline of a corpus whose labels have
// MaxLabel code points (the baseline) and of ones whose labels are 64,000
// and a million long: the same work, since only what can be drawn is
// measured.
func BenchmarkLongLabels(b *testing.B) {
	for _, n := range []int{MaxLabel, 64000, 1 << 20} {
		c := longLabelCorpus(b, n, "W")
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for range b.N {
				m := NewModel(c)
				if _, err := Render(m, RenderOptions{Width: 1600, Height: NaturalHeight(m), Scale: 1, Palette: LightPalette}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Korean labels are drawn, not left as gaps or boxes: two labels of as
// many syllables give different pixels (the theme's font has no Hangul;
// each missing glyph would be the same box, or nothing).
func TestHangulLabelsAreDrawn(t *testing.T) {
	render := func(label string) *image.RGBA {
		m := NewModel(longLabelCorpus(t, 1, label))
		img, err := Render(m, RenderOptions{Width: 1200, Height: NaturalHeight(m), Scale: 1, Palette: LightPalette})
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
	a, b := render("우주협력"), render("사이버전")
	if bytes.Equal(a.Pix, b.Pix) {
		t.Fatal("two different Korean labels drew the same pixels")
	}
	// And a Hangul glyph has ink: not a blank advance.
	txt, _ := TextAt(12)
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	txt.Regular.Draw(img, "김", 2, 2, LightPalette.Foreground, img.Bounds())
	ink := 0
	for i := 3; i < len(img.Pix); i += 4 {
		if img.Pix[i] > 0 {
			ink++
		}
	}
	if ink < 20 {
		t.Errorf("김 drew %d pixels", ink)
	}
}
