package timeline

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// tooltip is what the hover box says; lines[0] is its title.
type tooltip struct {
	lines []string
}

func (t *Timeline) tooltipFor(mk Mark) *tooltip {
	return &tooltip{lines: t.model.Describe(mk)}
}

// tooltipBox draws a tooltip inside the widget. A widget.PopUp would put an
// overlay over the whole window and take the hover events away from the
// timeline, so the box is part of the widget's own objects.
type tooltipBox struct {
	box   *fyne.Container
	bg    *canvas.Rectangle
	texts []*canvas.Text
}

const tooltipLines = maxListed + 6

func newTooltipBox() *tooltipBox {
	b := &tooltipBox{bg: canvas.NewRectangle(nil)}
	b.bg.CornerRadius = 4
	b.bg.StrokeWidth = 1
	objects := []fyne.CanvasObject{b.bg}
	for i := 0; i < tooltipLines; i++ {
		tx := canvas.NewText("", nil)
		tx.TextStyle.Bold = i == 0
		b.texts = append(b.texts, tx)
		objects = append(objects, tx)
	}
	b.box = container.NewWithoutLayout(objects...)
	b.box.Hide()
	return b
}

func (b *tooltipBox) style(th fyne.Theme, v fyne.ThemeVariant) {
	b.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	b.bg.StrokeColor = th.Color(theme.ColorNameShadow, v)
	for _, tx := range b.texts {
		tx.Color = th.Color(theme.ColorNameForeground, v)
		tx.TextSize = th.Size(theme.SizeNameText)
	}
}

// show places the box near the pointer, inside the widget.
func (b *tooltipBox) show(tip *tooltip, at fyne.Position, bounds fyne.Size) {
	if tip == nil {
		b.box.Hide()
		return
	}
	const pad, offset = 8, 16
	w, y := float32(0), float32(pad)
	for i, tx := range b.texts {
		if i >= len(tip.lines) {
			tx.Text = ""
			tx.Hide()
			continue
		}
		tx.Text = tip.lines[i]
		tx.Show()
		size := tx.MinSize()
		tx.Move(fyne.NewPos(pad, y))
		tx.Resize(size)
		y += size.Height
		w = max(w, size.Width)
	}
	size := fyne.NewSize(w+2*pad, y+pad)
	pos := at.Add(fyne.NewPos(offset, offset))
	if pos.X+size.Width > bounds.Width {
		pos.X = max(0, at.X-offset-size.Width)
	}
	if pos.Y+size.Height > bounds.Height {
		pos.Y = max(0, at.Y-offset-size.Height)
	}
	b.bg.Resize(size)
	b.box.Move(pos)
	b.box.Resize(size)
	b.box.Show()
	b.box.Refresh()
}
