package app

import (
	"image"
	"image/color"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"golang.org/x/image/font/sfnt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
)

// luma of the pixel at the top left of an image, where the chart's
// background is.
func backgroundLuma(img image.Image) int {
	r, g, b, _ := img.At(2, 2).RGBA()
	return int((299*r + 587*g + 114*b) / 1000 >> 8)
}

// With the desktop light and the app set to dark, the charts are dark too,
// and an export made from the window asks for dark; back to the desktop's
// choice, they are light again. The settings change alone redraws them.
func TestChosenThemeReachesTheCharts(t *testing.T) {
	w := openWindow(t, builtin)
	// The test app's desktop is neither dark nor light: "system" draws light.
	w.app.Settings().SetTheme(apptheme.New(apptheme.System))
	v := w.drawChart(t, 0)
	if l := backgroundLuma(v.Result().Image); l < 160 {
		t.Fatalf("a light desktop draws a chart of background luma %d", l)
	}
	for _, tc := range []struct {
		choice string
		dark   bool
	}{{"dark", true}, {"light", false}, {"dark", true}, {"system", false}} {
		drawn := false
		logged := v.OnDrawn
		// A render may be under way with the old colours; wait for one
		// made after the change reached the chart.
		v.OnDrawn = func() { logged(); drawn = v.dark == tc.dark }
		w.setTheme(tc.choice)
		w.ui.pumpUntil(t, "the chart redrawn for "+tc.choice, func() bool { return drawn })
		v.OnDrawn = logged
		l := backgroundLuma(v.Result().Image)
		if tc.dark != (l < 100) {
			t.Errorf("theme %s: the chart's background has luma %d", tc.choice, l)
		}
		if apptheme.IsDark(w.app) != tc.dark {
			t.Errorf("theme %s: IsDark = %v", tc.choice, !tc.dark)
		}
		if got := w.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight); tc.dark != (lumaOf(got) < 100) {
			t.Errorf("theme %s: the window's background is %v", tc.choice, got)
		}
	}
}

func lumaOf(c color.Color) int {
	r, g, b, _ := c.RGBA()
	return int((299*r + 587*g + 114*b) / 1000 >> 8)
}

// The theme's font holds Hangul and no Latin letters, so Fyne takes Latin
// text from the default font and Hangul from the bundled one.
func TestThemeFontFallsBackToHangul(t *testing.T) {
	th := apptheme.New(apptheme.System)
	for _, s := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Monospace: true}} {
		if th.Font(s) == theme.DefaultTheme().Font(s) {
			t.Errorf("style %+v: the default font, which has no Hangul", s)
		}
	}
	if th.Font(fyne.TextStyle{Symbol: true}) != theme.DefaultTheme().Font(fyne.TextStyle{Symbol: true}) {
		t.Error("symbols should keep the default symbol font")
	}
}

// The bundled Hangul font draws the spaces between Korean words: the
// shaper keeps the font of the text before a space, so a space after
// Hangul is drawn with it (it was a missing glyph, a box, before). It
// still has no Latin letters.
func TestHangulFontHasTheSpacesBetweenWords(t *testing.T) {
	f, err := sfnt.Parse(assets.HangulFallback)
	if err != nil {
		t.Fatal(err)
	}
	var b sfnt.Buffer
	for _, r := range []rune{' ', '\u00a0', '\u3000', '한', '미', '동', '맹'} {
		if g, err := f.GlyphIndex(&b, r); err != nil || g == 0 {
			t.Errorf("no glyph for %U", r)
		}
	}
	for _, r := range "AZaz09" {
		if g, _ := f.GlyphIndex(&b, r); g != 0 {
			t.Errorf("a glyph for %q: Latin text would leave the default font", r)
		}
	}
}
