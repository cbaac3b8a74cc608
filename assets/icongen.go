//go:build ignore

// icongen draws assets/icon.png: `go run assets/icongen.go`. The icon is a
// small stacked chart in topic colours rising from a timeline axis with
// three meeting dots (one hollow, as meetings without text are), on a navy
// rounded square. Shapes are few and large so it reads at 32 px.
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"

	xdraw "golang.org/x/image/draw"
)

const (
	size       = 1024 // the app's icon, which packaging scales for each platform
	windowSize = 256
	ss         = 4 // supersampling
)

func main() {
	big := image.NewRGBA(image.Rect(0, 0, size*ss, size*ss))
	s := float64(size * ss)
	roundRect(big, 0.02*s, 0.02*s, 0.98*s, 0.98*s, 0.2*s, color.RGBA{0x14, 0x21, 0x3d, 255})
	// Stacked columns: four years, segments in the corpus' topic colours.
	cols := [][]struct {
		h float64
		c color.RGBA
	}{
		{{0.10, rgb(0x33, 0x22, 0x88)}, {0.08, rgb(0xcc, 0x33, 0x11)}},
		{{0.12, rgb(0x33, 0x22, 0x88)}, {0.10, rgb(0xaa, 0x44, 0x99)}, {0.06, rgb(0x00, 0x77, 0xbb)}},
		{{0.09, rgb(0x33, 0x22, 0x88)}, {0.07, rgb(0xcc, 0x33, 0x11)}, {0.12, rgb(0xdd, 0xcc, 0x77)}},
		{{0.13, rgb(0x33, 0x22, 0x88)}, {0.11, rgb(0xaa, 0x44, 0x99)}, {0.08, rgb(0x00, 0x77, 0xbb)}, {0.07, rgb(0x44, 0xaa, 0x99)}},
	}
	base := 0.64 // the columns stand above the timeline, apart from it
	for i, col := range cols {
		x0 := (0.18 + float64(i)*0.17) * s
		x1 := x0 + 0.13*s
		y := base * s
		for _, seg := range col {
			h := seg.h * s
			roundRect(big, x0, y-h+0.006*s, x1, y, 0.012*s, seg.c)
			y -= h
		}
	}
	// The timeline: an axis with three meetings on it, the middle one hollow.
	axis := 0.79
	roundRect(big, 0.1*s, (axis-0.016)*s, 0.9*s, (axis+0.016)*s, 0.016*s, color.RGBA{0xe8, 0xe8, 0xe8, 255})
	for i, x := range []float64{0.245, 0.5, 0.755} {
		circle(big, x*s, axis*s, 0.06*s, color.RGBA{0xf3, 0xf3, 0xf3, 255})
		if i == 1 {
			circle(big, x*s, axis*s, 0.034*s, color.RGBA{0x14, 0x21, 0x3d, 255})
		}
	}
	write("assets/icon.png", big, size)
	// The window's own icon: a window manager draws it at 16–64 px, and
	// GLFW hands X the whole image as a property of 8 bytes a pixel (8 MB
	// at 1024 px, sent at every start).
	write("assets/icon-window.png", big, windowSize)
}

// write scales the supersampled drawing down to a side of px and writes it
// as a PNG.
func write(path string, big *image.RGBA, px int) {
	out := image.NewRGBA(image.Rect(0, 0, px, px))
	xdraw.CatmullRom.Scale(out, out.Bounds(), big, big.Bounds(), xdraw.Src, nil)
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, out); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 255} }

func roundRect(img *image.RGBA, x0, y0, x1, y1, r float64, c color.RGBA) {
	for y := int(y0); y < int(math.Ceil(y1)); y++ {
		for x := int(x0); x < int(math.Ceil(x1)); x++ {
			px, py := float64(x)+0.5, float64(y)+0.5
			dx := math.Max(0, math.Max(x0+r-px, px-(x1-r)))
			dy := math.Max(0, math.Max(y0+r-py, py-(y1-r)))
			if dx*dx+dy*dy <= r*r {
				img.SetRGBA(x, y, c)
			}
		}
	}
}

func circle(img *image.RGBA, cx, cy, r float64, c color.RGBA) {
	for y := int(cy - r); y <= int(cy+r); y++ {
		for x := int(cx - r); x <= int(cx+r); x++ {
			dx, dy := float64(x)+0.5-cx, float64(y)+0.5-cy
			if dx*dx+dy*dy <= r*r {
				img.SetRGBA(x, y, c)
			}
		}
	}
}
