package app

import (
	"image/color"

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
	root *fyne.Container
	bg   *canvas.Rectangle
	text *canvas.Text
}

func newTipLayer() *tipLayer {
	l := &tipLayer{bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", color.Black)}
	l.bg.CornerRadius = 4
	l.bg.StrokeWidth = 1
	l.root = container.NewWithoutLayout(l.bg, l.text)
	l.hide()
	return l
}

// show writes text in a box under the object (above it when the window
// ends there), kept inside the window.
func (l *tipLayer) show(text string, under fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(under)
	if c == nil {
		return
	}
	th, variant := fyne.CurrentApp().Settings().Theme(), apptheme.Variant(fyne.CurrentApp())
	l.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, variant)
	l.bg.StrokeColor = th.Color(theme.ColorNameForeground, variant)
	l.text.Color = th.Color(theme.ColorNameForeground, variant)
	l.text.TextSize = th.Size(theme.SizeNameCaptionText) + 1
	l.text.Text = text
	pad := theme.Padding()
	size := l.text.MinSize().Add(fyne.NewSize(2*pad, pad))
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
	l.text.Move(fyne.NewPos(x+pad, y+pad/2))
	l.text.Resize(l.text.MinSize())
	l.bg.Show()
	l.text.Show()
	l.root.Refresh()
}

func (l *tipLayer) hide() {
	l.bg.Hide()
	l.text.Hide()
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
