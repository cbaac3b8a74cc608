package app

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
)

// run is a piece of text in one style.
type run struct {
	text string
	bold bool
}

// wrapText draws runs of plain and bold text wrapped at word ends on at
// most a number of lines, the last cut with an ellipsis. widget.RichText
// breaks a word in two where a bold run begins near a line's end; this
// wraps the runs as one text.
type wrapText struct {
	widget.BaseWidget
	runs  []run
	lines int
}

func newWrapText(lines int) *wrapText {
	t := &wrapText{lines: lines}
	t.ExtendBaseWidget(t)
	return t
}

// SetRuns shows new text.
func (t *wrapText) SetRuns(runs []run) {
	t.runs = runs
	t.Refresh()
}

// Text is the text shown, runs joined.
func (t *wrapText) Text() string {
	var b strings.Builder
	for _, r := range t.runs {
		b.WriteString(r.text)
	}
	return b.String()
}

func (t *wrapText) lineHeight() float32 {
	return fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height + theme.LineSpacing()
}

// MinSize is the height of every line; any width.
func (t *wrapText) MinSize() fyne.Size {
	return fyne.NewSize(40, float32(t.lines)*t.lineHeight()+2*theme.InnerPadding())
}

func (t *wrapText) CreateRenderer() fyne.WidgetRenderer { return &wrapRenderer{t: t} }

type wrapRenderer struct {
	t       *wrapText
	objects []fyne.CanvasObject
	size    fyne.Size
}

// placed is a run's text on one line (words with the spaces after them).
type placed struct {
	text string
	bold bool
	x    float32
	line int
}

// wrap places the words of the runs on lines of a width, at most n lines;
// the words that do not fit are dropped and the last line ends in "…".
func wrap(runs []run, width float32, n int, size float32) []placed {
	style := func(bold bool) fyne.TextStyle { return fyne.TextStyle{Bold: bold} }
	space := fyne.MeasureText("a a", size, style(false)).Width - fyne.MeasureText("aa", size, style(false)).Width
	// measure counts trailing spaces apart: a text's own measure may not.
	measure := func(s string, bold bool) float32 {
		t := strings.TrimRight(s, " ")
		return fyne.MeasureText(t, size, style(bold)).Width + float32(len(s)-len(t))*space
	}
	// Positions are measured over the text of one style on a line so far,
	// not word by word, so kerning comes out as drawn.
	var out []placed
	line := 0
	segX, seg, segBold := float32(0), "", false // where this style's text on the line starts, the text, its style
	for _, r := range runs {
		segX, seg, segBold = segX+measure(seg, segBold), "", r.bold
		if len(out) == 0 || out[len(out)-1].line != line {
			segX = 0
		}
		for _, word := range strings.SplitAfter(r.text, " ") {
			trimmed := strings.TrimRight(word, " ")
			atStart := segX == 0 && seg == ""
			if word == "" || (atStart && trimmed == "") {
				continue // nothing, or a space at a line's start
			}
			if !atStart && segX+measure(seg+trimmed, r.bold) > width {
				line, segX, seg = line+1, 0, ""
			}
			if line == n { // no room: an ellipsis ends the last line, words dropped for it
				for len(out) > 0 {
					last := &out[len(out)-1]
					text := strings.TrimRight(last.text, " ")
					for {
						if last.x+measure(text+"…", last.bold) <= width {
							last.text = text + "…"
							return out
						}
						i := strings.LastIndex(text, " ")
						if i < 0 {
							break
						}
						text = strings.TrimRight(text[:i], " ")
					}
					if len(out) == 1 || out[len(out)-2].line != last.line {
						last.text = "…"
						return out
					}
					out = out[:len(out)-1]
				}
				return out
			}
			if trimmed == "" && seg == "" {
				segX += measure(word, r.bold) // a space between runs: the run starts after it
				continue
			}
			if seg == "" {
				out = append(out, placed{text: word, bold: r.bold, x: segX, line: line})
			} else {
				out[len(out)-1].text += word // one text per style and line: drawn as the font spaces it
			}
			seg += word
		}
	}
	return out
}

func (r *wrapRenderer) Layout(size fyne.Size) {
	if size != r.size {
		r.size = size
		r.Refresh()
	}
}

func (r *wrapRenderer) MinSize() fyne.Size { return r.t.MinSize() }

func (r *wrapRenderer) Refresh() {
	t := r.t
	variant := apptheme.Variant(fyne.CurrentApp())
	fg := t.Theme().Color(theme.ColorNameForeground, variant)
	pad, lineH := theme.InnerPadding(), t.lineHeight()
	r.objects = r.objects[:0]
	for _, p := range wrap(t.runs, r.size.Width-2*pad, t.lines, theme.TextSize()) {
		c := canvas.NewText(strings.TrimRight(p.text, " "), color.NRGBA{})
		c.Color = fg
		c.TextStyle = fyne.TextStyle{Bold: p.bold}
		c.TextSize = theme.TextSize()
		c.Move(fyne.NewPos(pad+p.x, pad+float32(p.line)*lineH))
		r.objects = append(r.objects, c)
	}
	canvas.Refresh(t)
}

func (r *wrapRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *wrapRenderer) Destroy()                     {}
