package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// BenchmarkSourceViewOpen16MiB opens a 16 MiB source in the view: the
// text wrapped at 500 points (every line measured), then the objects of
// the lines in view made. Baseline: the same text of 16 KiB.
func BenchmarkSourceViewOpen16MiB(b *testing.B) {
	for _, size := range []int{16 << 10, 16 << 20} {
		line := "The allies reaffirmed their commitment to extended deterrence and to the alliance.\n"
		s := &data.Source{ID: "big", Text: strings.Repeat(line, size/len(line))}
		b.Run(map[int]string{16 << 10: "16KiB", 16 << 20: "16MiB"}[size], func(b *testing.B) {
			test.NewTempApp(b)
			for b.Loop() {
				v := NewSourceView()
				v.SetSource(s, nil, nil)
				v.Resize(fyne.NewSize(500, 800))
				test.WidgetRenderer(v).Refresh()
			}
		})
	}
}
