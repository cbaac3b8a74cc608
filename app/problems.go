package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// ProblemsPanel lists a load's problems as FILE:LINE:COL messages in a
// selectable label, so they read at full contrast and can be copied.
type ProblemsPanel struct {
	widget.BaseWidget
	title *widget.Label
	text  *widget.Label
	close *keyButton
	list  data.Problems
}

// NewProblemsPanel makes an empty panel; its close button calls close.
func NewProblemsPanel(close func(), keys windowKeys) *ProblemsPanel {
	p := &ProblemsPanel{
		title: widget.NewLabelWithStyle("Problems", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		text:  widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}),
	}
	p.close = newKeyButton("", theme.WindowCloseIcon(), close, keys)
	p.close.Importance = widget.LowImportance
	p.text.Selectable = true
	p.ExtendBaseWidget(p)
	return p
}

// SetProblems shows a load's problems.
func (p *ProblemsPanel) SetProblems(list data.Problems) {
	p.list = list
	p.title.SetText("Problems: " + list.Summary() + " (select to copy)")
	p.text.SetText(list.String())
}

// Problems returns what the panel shows.
func (p *ProblemsPanel) Problems() data.Problems { return p.list }

// CreateRenderer implements fyne.Widget.
func (p *ProblemsPanel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(container.NewBorder(nil, nil, nil, p.close, p.title), nil, nil, nil, container.NewScroll(p.text)))
}
