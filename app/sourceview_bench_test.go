package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// BenchmarkSourceViewOpen16MiB opens a 16 MiB source in the view: the
// text wrapped at 500 points (every token measured once; above
// asyncLayoutBytes in the background, measured on the UI goroutine in
// batches), then the objects of the lines in view made. ui-ms/op is the
// part of it the UI goroutine spends. Baseline: the same text of 16 KiB,
// wrapped on the spot.
func BenchmarkSourceViewOpen16MiB(b *testing.B) {
	for _, size := range []int{16 << 10, 16 << 20} {
		line := "The allies reaffirmed their commitment to extended deterrence and to the alliance.\n"
		s := &data.Source{ID: "big", Text: strings.Repeat(line, size/len(line))}
		b.Run(map[int]string{16 << 10: "16KiB", 16 << 20: "16MiB"}[size], func(b *testing.B) {
			test.NewTempApp(b)
			var onUI time.Duration // what the UI goroutine spends: the work outside Do, and in it
			for b.Loop() {
				t0 := time.Now()
				v := NewSourceView()
				var inDo time.Duration
				v.Do = func(f func()) {
					t := time.Now()
					f()
					inDo += time.Since(t)
				}
				v.SetSource(s, nil, nil)
				v.Resize(fyne.NewSize(500, 800))
				onUI += time.Since(t0)
				for v.Laying() {
					time.Sleep(time.Millisecond)
				}
				t1 := time.Now()
				test.WidgetRenderer(v).Refresh()
				onUI += time.Since(t1) + inDo
			}
			b.ReportMetric(float64(onUI.Microseconds())/1000/float64(b.N), "ui-ms/op")
		})
	}
}
