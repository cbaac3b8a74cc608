package app

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
)

// tipLayer draws tooltips over the whole window. It holds canvas objects
// only, which take no events, so the pointer still reaches what lies
// under a tip (Fyne has no tooltip widget, and a pop-up would catch every
// click).
type tipLayer struct {
	root  *fyne.Container
	bg    *canvas.Rectangle
	text  *canvas.Text   // the first line
	lines []*canvas.Text // every line shown
}

// maxTipLines bounds a wrapped tip; maxTipWidth is its widest line.
const (
	maxTipLines = 12
	maxTipWidth = 460
)

func newTipLayer() *tipLayer {
	l := &tipLayer{bg: canvas.NewRectangle(color.Transparent)}
	l.bg.CornerRadius = 4
	l.bg.StrokeWidth = 1
	l.root = container.NewWithoutLayout(l.bg)
	for range maxTipLines {
		t := canvas.NewText("", color.Black)
		l.lines = append(l.lines, t)
		l.root.Add(t)
	}
	l.text = l.lines[0]
	l.hide()
	return l
}

// show writes text on one line in a box under the object (above it when
// the window ends there), kept inside the window.
func (l *tipLayer) show(text string, under fyne.CanvasObject) { l.place([]string{text}, under) }

// showWrapped writes text wrapped at word ends, up to maxTipLines lines.
func (l *tipLayer) showWrapped(text string, under fyne.CanvasObject) {
	size := l.textSize()
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		next := strings.TrimSpace(line + " " + word)
		if line != "" && fyne.MeasureText(next, size, fyne.TextStyle{}).Width > maxTipWidth {
			lines = append(lines, line)
			next = word
		}
		line = next
	}
	if line != "" {
		lines = append(lines, line)
	}
	if len(lines) > maxTipLines {
		lines = append(lines[:maxTipLines-1], lines[maxTipLines-1]+" …")
	}
	l.place(lines, under)
}

func (l *tipLayer) textSize() float32 {
	return fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameCaptionText) + 1
}

func (l *tipLayer) place(lines []string, under fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(under)
	if c == nil || len(lines) == 0 {
		return
	}
	th, variant := fyne.CurrentApp().Settings().Theme(), apptheme.Variant(fyne.CurrentApp())
	l.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, variant)
	l.bg.StrokeColor = th.Color(theme.ColorNameForeground, variant)
	pad := theme.Padding()
	var width, lineH float32
	for i, t := range l.lines {
		t.Hide()
		if i < len(lines) {
			t.Text, t.TextSize = lines[i], l.textSize()
			t.Color = th.Color(theme.ColorNameForeground, variant)
			m := t.MinSize()
			width, lineH = max(width, m.Width), m.Height
		}
	}
	size := fyne.NewSize(width+2*pad, float32(len(lines))*lineH+pad)
	at := d.AbsolutePositionForObject(under)
	x, y := at.X, at.Y+under.Size().Height+2
	room := c.Size()
	if x+size.Width > room.Width {
		x = max(0, room.Width-size.Width)
	}
	if y+size.Height > room.Height {
		y = max(0, at.Y-size.Height-2)
	}
	l.bg.Move(fyne.NewPos(x, y))
	l.bg.Resize(size)
	l.bg.Show()
	for i := range lines {
		t := l.lines[i]
		t.Move(fyne.NewPos(x+pad, y+pad/2+float32(i)*lineH))
		t.Resize(t.MinSize())
		t.Show()
	}
	l.root.Refresh()
}

func (l *tipLayer) hide() {
	l.bg.Hide()
	for _, t := range l.lines {
		t.Hide()
	}
}

// tipButton is an icon button of the toolbar that names its action, and
// its shortcut, while the pointer is over it.
type tipButton struct {
	widget.Button
	tip   string
	layer *tipLayer
}

func newTipButton(icon fyne.Resource, tip string, tapped func(), layer *tipLayer) *tipButton {
	b := &tipButton{tip: tip, layer: layer}
	b.Icon, b.OnTapped, b.Importance = icon, tapped, widget.LowImportance
	b.ExtendBaseWidget(b)
	return b
}

// MouseIn implements desktop.Hoverable.
func (b *tipButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	b.layer.show(b.tip, b)
}

// MouseOut implements desktop.Hoverable.
func (b *tipButton) MouseOut() {
	b.Button.MouseOut()
	b.layer.hide()
}

// Tapped implements fyne.Tappable: the tip goes with the click.
func (b *tipButton) Tapped(e *fyne.PointEvent) {
	b.layer.hide()
	b.Button.Tapped(e)
}

// ToolbarObject implements widget.ToolbarItem.
func (b *tipButton) ToolbarObject() fyne.CanvasObject { return b }
