package apptheme

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// The faces ReadFaces made are measured here once its channel closes: under
// -race, a face its goroutine still used after closing would be reported.
func TestReadFacesHasReadThemWhenItSaysSo(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(New(Light))
	styles := []fyne.TextStyle{{}, {Bold: true}}
	<-ReadFaces(styles...)
	for _, s := range styles {
		latin := fyne.MeasureText("Ag", theme.TextSize(), s)
		withHangul := fyne.MeasureText("Ag 한", theme.TextSize(), s)
		if latin.Width <= 0 || withHangul.Width <= latin.Width {
			t.Errorf("style %+v: %q measures %v, %q %v: a font of the style is missing", s, "Ag", latin, "Ag 한", withHangul)
		}
	}
}
