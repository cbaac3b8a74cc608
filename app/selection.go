package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/timeline"
)

// SelectionPanel shows what is selected on the timeline: the meeting's
// facts and the annotated spans behind the selection, quoted.
type SelectionPanel struct {
	widget.BaseWidget
	text *widget.RichText
	sel  timeline.Selection
}

// NewSelectionPanel makes an empty panel with a hint.
func NewSelectionPanel() *SelectionPanel {
	p := &SelectionPanel{text: widget.NewRichText()}
	p.text.Wrapping = fyne.TextWrapWord
	p.Clear()
	p.ExtendBaseWidget(p)
	return p
}

// Clear shows the hint.
func (p *SelectionPanel) Clear() {
	p.sel = timeline.Selection{}
	p.text.Segments = []widget.RichTextSegment{&widget.TextSegment{
		Style: widget.RichTextStyleInline,
		Text:  "Click a meeting or a topic mark on the timeline, or use ← and → to walk the meetings. Hover for details; scroll to zoom; drag to pan; Home fits all.",
	}}
	p.text.Refresh()
}

// SetSelection presents a selection.
func (p *SelectionPanel) SetSelection(sel timeline.Selection) {
	p.sel = sel
	m := sel.Meeting
	if m == nil {
		p.Clear()
		return
	}
	var segs []widget.RichTextSegment
	add := func(style widget.RichTextStyle, text string) {
		segs = append(segs, &widget.TextSegment{Style: style, Text: text})
	}
	add(widget.RichTextStyleSubHeading, m.Title)
	facts := []string{m.Date.Human()}
	if m.Place != "" {
		facts = append(facts, m.Place)
	}
	var people []string
	for _, pt := range m.Participants {
		name := pt.Name
		if pt.Hangul != "" {
			name += " (" + pt.Hangul + ")"
		}
		people = append(people, name)
	}
	if len(people) > 0 {
		facts = append(facts, strings.Join(people, ", "))
	}
	add(widget.RichTextStyleParagraph, strings.Join(facts, " · "))
	if m.Summary != "" {
		add(widget.RichTextStyleParagraph, m.Summary)
	}
	if m.Notes != "" {
		add(widget.RichTextStyleParagraph, "Note: "+m.Notes)
	}
	switch {
	case !m.HasText():
		add(widget.RichTextStyleBlockquote, "No source text for this meeting is in the corpus.")
	case len(sel.Annotations) == 0:
		add(widget.RichTextStyleBlockquote, "No annotated spans.")
	default:
		what := "all topics"
		if sel.Topic != nil {
			what = sel.Topic.Label
		}
		add(widget.RichTextStyleSubHeading, fmt.Sprintf("%d annotated spans (%s)", len(sel.Annotations), what))
		for _, a := range sel.Annotations {
			add(widget.RichTextStyleParagraph, fmt.Sprintf("%s — “%s” (%s)", a.Topic.Label, a.Text(), a.Source.Title))
		}
	}
	p.text.Segments = segs
	p.text.Refresh()
}

// Selection returns what the panel shows.
func (p *SelectionPanel) Selection() timeline.Selection { return p.sel }

// CreateRenderer implements fyne.Widget.
func (p *SelectionPanel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVScroll(p.text))
}

// annotationsText is the panel's spans as plain lines, for tests.
func annotationsText(list []*data.Annotation) string {
	var lines []string
	for _, a := range list {
		lines = append(lines, a.Text())
	}
	return strings.Join(lines, "\n")
}
