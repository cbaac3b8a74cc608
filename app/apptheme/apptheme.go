// Package apptheme owns the window's look: Fyne's default theme with the
// light or dark variant the user chose (or the desktop's), Hangul drawn from
// the bundled font wherever the default font has none, and the one answer
// to "is the window dark?" that every raster and export asks. Fyne's
// Settings().ThemeVariant() reports the desktop's variant even when the
// app forces the other, so nothing else may ask it.
package apptheme

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/alliance-timeline/alliance-timeline/assets"
)

// Choice is the user's theme preference.
type Choice string

// The choices View > Theme offers.
const (
	System Choice = "system"
	Light  Choice = "light"
	Dark   Choice = "dark"
)

// Theme is the window's theme for a choice.
type Theme struct {
	fyne.Theme
	choice Choice
}

// New makes the theme for a choice; an unknown one follows the desktop.
func New(c Choice) *Theme {
	if c != Light && c != Dark {
		c = System
	}
	return &Theme{Theme: theme.DefaultTheme(), choice: c}
}

// Choice is the preference the theme was made for.
func (t *Theme) Choice() Choice { return t.choice }

// Color implements fyne.Theme, in the chosen variant.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant(v))
}

func (t *Theme) variant(desktop fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.choice {
	case Light:
		return theme.VariantLight
	case Dark:
		return theme.VariantDark
	}
	return desktop
}

// hangul is the bundled Hangul font (a subset of NanumGothic holding only
// Hangul, CJK punctuation and full-width forms).
var hangul = fyne.NewStaticResource("AllianceTimelineHangul-Regular.ttf", assets.HangulFallback)

// Font implements fyne.Theme. Fyne draws each character with the first
// font of its list that has it: the theme's font, then the default font
// of the style, emoji, then system fonts. The theme's font is the Hangul
// subset, which has no Latin letters, so Latin text keeps the default
// font of its style (bold, italic, monospace) and Hangul is drawn even on
// a machine with no Korean font installed.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Symbol {
		return t.Theme.Font(s)
	}
	return hangul
}

// Variant is the variant the window is drawn in: the one the user chose,
// else the desktop's.
func Variant(a fyne.App) fyne.ThemeVariant {
	desktop := a.Settings().ThemeVariant()
	if t, ok := a.Settings().Theme().(*Theme); ok {
		return t.variant(desktop)
	}
	return desktop
}

// IsDark reports whether the window is drawn dark.
func IsDark(a fyne.App) bool { return Variant(a) == theme.VariantDark }

// ReadFaces reads the font faces of the given text styles on a goroutine of
// its own, under the app's current theme, and closes the channel it returns
// when they are read. Fyne reads a style's faces the first time text in it
// is measured: its default font, the bundled Hangul and emoji fonts and a
// system font, 20–30 ms a style, on the UI goroutine. Read here while that
// goroutine makes the window (GLFW and OpenGL, 70–90 ms), they are read on
// another core.
//
// Fyne's faces are not safe for concurrent use: the caller must measure or
// draw no text until the channel is closed, and then uses faces this
// goroutine made, after it.
func ReadFaces(styles ...fyne.TextStyle) <-chan struct{} {
	read := make(chan struct{})
	go func() {
		defer close(read)
		size := theme.TextSize()
		for _, s := range styles {
			fyne.MeasureText("Ag 한", size, s) // Latin, then Hangul: both fonts of the style
		}
	}()
	return read
}
