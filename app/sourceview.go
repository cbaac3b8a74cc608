package app

import (
	"fmt"
	"image/color"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// SourceView shows a source's full text with every annotated span
// highlighted by a background in its topic's colour, excluded ranges
// dimmed, one span (the focus) outlined, and every match of the current
// search boxed, the one open filled. widget.RichText cannot paint
// behind text, so the view wraps and draws the text itself.
type SourceView struct {
	widget.BaseWidget

	// OnTapSpan is called when the user taps a highlighted span.
	OnTapSpan func(*data.Annotation)
	// OnReflow is called when wrapping changed the view's height, so a
	// scroller around it can take the new size.
	OnReflow func()
	// OnSelect is called when the user has selected text (bytes
	// [start, end) of the source), by dragging or double-clicking a word.
	OnSelect func(s *data.Source, start, end int)
	// OnKeyEvent is offered every key but Shift with an arrow first, and
	// reports whether it took it: the window's keys (F1, the review's).
	OnKeyEvent func(*fyne.KeyEvent) bool
	// OnKey is called with the runes typed while the view has the focus
	// (a topic's number codes the selection).
	OnKey func(r rune)
	// OnPick is called when the user asks to choose a topic for the
	// selection (Enter), with where the selection ends in the window.
	OnPick func(at fyne.Position)
	// OnResize is called when the user dragged an end of the outlined
	// span, with the extent it now has (bytes [start, end)).
	OnResize func(a *data.Annotation, start, end int)
	// OnMenu is called on a right-click with the spans under the pointer
	// (several where they overlap; none outside spans) and where it was.
	OnMenu func(s *data.Source, spans []*data.Annotation, at fyne.Position)

	source *data.Source
	focus  *data.Annotation
	dimTo  *data.Topic // when set, spans of other topics are drawn fainter

	matches []textmatch.Match // of the current search, in this text
	current int               // the match open in the detail pane; -1 for none
	raw     bool              // keep every line break of the file (no re-flowing)

	selFrom, selTo int              // the selection, bytes of the text in either order; equal for none
	dragging       bool             // a drag is selecting
	moving         *data.Annotation // the span whose end the drag moves
	overEnd        bool             // the pointer is over an end of the outlined span
	focused        bool
	shift          bool // Shift is held (desktop.Keyable)

	// The part of the view a scroller shows, in the view's coordinates:
	// only its lines get canvas objects (a 16 MiB text has about 200,000
	// lines). Until a scroller says, the top of the text.
	viewTop, viewHeight float32

	width  float32
	frags  []fragment
	height float32

	// Do runs a function on the UI goroutine (fyne.Do when nil): a long
	// text is wrapped in the background.
	Do      func(func())
	layouts atomic.Int64 // layouts started; a background one stops when it is not the last
	laying  bool         // a background layout is under way
	laidOut *data.Source // the source the fragments are of
	// afterLayout runs once the background layout is ready (WhenLaidOut).
	afterLayout []func()
}

// fragment is a run of text of one style on one line.
type fragment struct {
	x, y, w  float32
	start    int // byte offset of the text in the source
	text     string
	anns     []*data.Annotation // the spans covering it, the one shown first; nil outside spans
	excluded bool
	match    int // the search match covering it; -1 for none
}

// styled is a range of the text [start, end) in bytes with the spans that
// cover it, whether it is excluded and the search match over it.
type styled struct {
	start, end int
	anns       []*data.Annotation
	excluded   bool
	match      int
}

// NewSourceView makes an empty view.
func NewSourceView() *SourceView {
	v := &SourceView{current: -1, viewHeight: 1200}
	v.ExtendBaseWidget(v)
	return v
}

// SetSource shows a source; focus (may be nil) is outlined, and with topic
// set, the spans of other topics are fainter. Another source drops the
// selection.
func (v *SourceView) SetSource(s *data.Source, focus *data.Annotation, topic *data.Topic) {
	if s != v.source {
		v.selFrom, v.selTo = 0, 0
	}
	// The focus is drawn, not laid out: another span of the same text
	// needs no new layout (a long one takes a moment).
	again := s != v.source || topic != v.dimTo
	v.source, v.focus, v.dimTo = s, focus, topic
	if again {
		v.relayout(v.Size().Width)
	}
	v.Refresh()
}

// WhenLaidOut runs f once the text is laid out: now, or when a long
// text's background layout is ready.
func (v *SourceView) WhenLaidOut(f func()) {
	if !v.laying {
		f()
		return
	}
	v.afterLayout = append(v.afterLayout, f)
}

// SetMatches boxes the matches of a search in the text, the current one
// (an index into matches; -1 for none) filled.
func (v *SourceView) SetMatches(matches []textmatch.Match, current int) {
	if slices.Equal(matches, v.matches) && current == v.current {
		return
	}
	v.matches, v.current = matches, current
	v.relayout(v.Size().Width)
	v.Refresh()
}

// SetViewport tells the view which part of it a scroller shows (top and
// height in the view's coordinates), so it draws only the lines there,
// and a screen of margin on each side.
func (v *SourceView) SetViewport(top, height float32) {
	if top == v.viewTop && height == v.viewHeight {
		return
	}
	v.viewTop, v.viewHeight = top, height
	v.Refresh()
}

// inView reports whether a line at y is drawn.
func (v *SourceView) inView(y float32) bool {
	return y >= v.viewTop-v.viewHeight && y <= v.viewTop+2*v.viewHeight
}

// Selection returns the selected bytes [start, end) of the text, in
// order; start == end for none.
func (v *SourceView) Selection() (start, end int) {
	return min(v.selFrom, v.selTo), max(v.selFrom, v.selTo)
}

// SetSelection selects bytes [start, end) of the text.
func (v *SourceView) SetSelection(start, end int) {
	if v.source == nil {
		return
	}
	start, end = max(0, min(start, len(v.source.Text))), max(0, min(end, len(v.source.Text)))
	v.selFrom, v.selTo = start, end
	v.Refresh()
}

// byteAt is the byte offset of the text nearest a point: the fragment on
// its line, and the character boundary nearest in it.
func (v *SourceView) byteAt(p fyne.Position) int {
	lineH := v.lineHeight()
	best, bestD := 0, float32(-1)
	// The fragments are in reading order: the line's are found by halving.
	first := sort.Search(len(v.frags), func(i int) bool { return v.frags[i].y+lineH > p.Y })
	for _, f := range v.frags[first:] {
		if p.Y < f.y {
			break
		}
		var d float32
		switch {
		case p.X < f.x:
			d = f.x - p.X
		case p.X > f.x+f.w:
			d = p.X - f.x - f.w
		}
		if bestD >= 0 && d >= bestD {
			continue
		}
		bestD = d
		best = f.start
		size := v.textSize()
		prev := float32(0)
		for i := range f.text {
			w := fyne.MeasureText(f.text[:i], size, fyne.TextStyle{}).Width
			if f.x+w >= p.X {
				if f.x+w-p.X < p.X-(f.x+prev) {
					best = f.start + i
				}
				break
			}
			best, prev = f.start+i, w
		}
		if p.X >= f.x+f.w {
			best = f.start + len(strings.TrimRight(f.text, " "))
		}
	}
	return best
}

// Dragged implements fyne.Draggable: a drag selects text.
func (v *SourceView) Dragged(e *fyne.DragEvent) {
	if v.source == nil {
		return
	}
	if !v.dragging {
		v.dragging = true
		v.requestFocus()
		at := v.byteAt(e.Position.Subtract(e.Dragged))
		v.selFrom, v.moving = at, nil
		// A drag that starts at an end of the outlined span moves that
		// end: the other end stays where it is.
		if a := v.focus; a != nil && a.Source == v.source {
			switch {
			case v.nearByte(at, a.Anchor.ByteStart):
				v.selFrom, v.moving = a.Anchor.ByteEnd, a
			case v.nearByte(at, a.Anchor.ByteEnd):
				v.selFrom, v.moving = a.Anchor.ByteStart, a
			}
		}
	}
	v.selTo = v.byteAt(e.Position)
	v.Refresh()
}

// Cursor implements desktop.Cursorable: a text cursor, and a resize
// cursor over an end of the outlined span, which a drag moves.
func (v *SourceView) Cursor() desktop.Cursor {
	if v.overEnd {
		return desktop.HResizeCursor
	}
	return desktop.TextCursor
}

// MouseIn implements desktop.Hoverable.
func (v *SourceView) MouseIn(e *desktop.MouseEvent) { v.MouseMoved(e) }

// MouseMoved implements desktop.Hoverable: it notes whether the pointer
// is over an end of the outlined span.
func (v *SourceView) MouseMoved(e *desktop.MouseEvent) {
	a := v.focus
	v.overEnd = false
	if a != nil && v.source != nil && a.Source == v.source {
		at := v.byteAt(e.Position)
		v.overEnd = v.nearByte(at, a.Anchor.ByteStart) || v.nearByte(at, a.Anchor.ByteEnd)
	}
}

// MouseOut implements desktop.Hoverable.
func (v *SourceView) MouseOut() { v.overEnd = false }

// nearByte reports whether byte at is b or a character either side of
// it: where a press on the edge of a span lands.
func (v *SourceView) nearByte(at, b int) bool {
	text := v.source.Text
	if at == b {
		return true
	}
	_, after := utf8.DecodeRuneInString(text[min(b, len(text)):])
	_, before := utf8.DecodeLastRuneInString(text[:min(b, len(text))])
	return at == b+after || at == b-before
}

// DragEnd implements fyne.Draggable: the selection made, or the span
// whose end was dragged given the new extent (OnResize).
func (v *SourceView) DragEnd() {
	v.dragging = false
	moved := v.moving
	v.moving = nil
	start, end := v.Selection()
	if end <= start {
		return
	}
	if moved != nil && v.OnResize != nil {
		v.OnResize(moved, start, end)
		return
	}
	if v.OnSelect != nil {
		v.OnSelect(v.source, start, end)
	}
}

// DoubleTapped implements fyne.DoubleTappable: it selects the word.
func (v *SourceView) DoubleTapped(e *fyne.PointEvent) {
	if v.source == nil {
		return
	}
	at := v.byteAt(e.Position)
	start, end := wordAround(v.source.Text, at)
	v.requestFocus()
	v.SetSelection(start, end)
	if end > start && v.OnSelect != nil {
		v.OnSelect(v.source, start, end)
	}
}

// wordAround is the word (letters, digits, marks, inner apostrophes and
// hyphens) at byte at of text.
func wordAround(text string, at int) (start, end int) {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
	start, end = at, at
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if !isWord(r) && !(strings.ContainsRune("'’-", r) && start-n > 0 && isWordBefore(text[:start-n])) {
			break
		}
		start -= n
	}
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if !isWord(r) && !(strings.ContainsRune("'’-", r) && end+n < len(text) && isWordAfter(text[end+n:])) {
			break
		}
		end += n
	}
	return start, end
}

func isWordBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isWordAfter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// SnapToWords widens bytes [start, end) of text to whole words, and trims
// the spaces at its ends.
func SnapToWords(text string, start, end int) (int, int) {
	for start < end && unicode.IsSpace(rune(text[start])) {
		start++
	}
	for end > start && unicode.IsSpace(rune(text[end-1])) {
		end--
	}
	if start == end {
		return start, end
	}
	s, _ := wordAround(text, start)
	_, e := wordAround(text, end)
	r, n := utf8.DecodeLastRuneInString(text[:end])
	inner := strings.ContainsRune("'’-", r) && isWordBefore(text[:end-n]) && end < len(text) && isWordAfter(text[end:]) // alliance'|s
	if !(unicode.IsLetter(r) || unicode.IsDigit(r)) && !inner {
		e = end // the selection ends on punctuation: keep it
	}
	return min(s, start), max(e, end)
}

func (v *SourceView) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		c.Focus(v)
	}
}

// FocusGained implements fyne.Focusable.
func (v *SourceView) FocusGained() { v.focused = true }

// FocusLost implements fyne.Focusable.
func (v *SourceView) FocusLost() { v.focused = false }

// TypedRune implements fyne.Focusable: it hands runes to OnKey.
func (v *SourceView) TypedRune(r rune) {
	if v.OnKey != nil {
		v.OnKey(r)
	}
}

// KeyDown implements desktop.Keyable: it follows Shift.
func (v *SourceView) KeyDown(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		v.shift = true
	}
}

// KeyUp implements desktop.Keyable.
func (v *SourceView) KeyUp(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		v.shift = false
	}
}

// extend moves the selection's moving end by one character, or (words)
// to the next word's end or the previous word's start.
func (v *SourceView) extend(forward, words bool) {
	if v.source == nil {
		return
	}
	text, at := v.source.Text, v.selTo
	step := func() bool {
		if forward && at < len(text) {
			_, n := utf8.DecodeRuneInString(text[at:])
			at += n
			return true
		}
		if !forward && at > 0 {
			_, n := utf8.DecodeLastRuneInString(text[:at])
			at -= n
			return true
		}
		return false
	}
	step()
	if words {
		inWord := func() bool {
			var r rune
			if forward {
				r, _ = utf8.DecodeRuneInString(text[at:])
			} else {
				r, _ = utf8.DecodeLastRuneInString(text[:at])
			}
			return unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		for !inWord() && step() {
		}
		for inWord() && step() {
		}
	}
	v.selTo = at
	v.Refresh()
	if start, end := v.Selection(); end > start && v.OnSelect != nil {
		v.OnSelect(v.source, start, end)
	}
}

// TypedKey implements fyne.Focusable: Shift with the arrows widens or
// narrows the selection (by a character; Up and Down by a word), Escape
// drops it, Enter asks for a topic to code it with.
func (v *SourceView) TypedKey(e *fyne.KeyEvent) {
	if !v.shift && v.OnKeyEvent != nil && v.OnKeyEvent(e) {
		return
	}
	if v.shift {
		switch e.Name {
		case fyne.KeyRight, fyne.KeyLeft:
			v.extend(e.Name == fyne.KeyRight, false)
			return
		case fyne.KeyDown, fyne.KeyUp:
			v.extend(e.Name == fyne.KeyDown, true)
			return
		}
	}
	switch e.Name {
	case fyne.KeyEscape:
		v.SetSelection(0, 0)
	case fyne.KeyReturn, fyne.KeyEnter:
		if start, end := v.Selection(); end > start && v.OnPick != nil {
			v.OnPick(v.selectionEnd())
		}
	}
}

// selectionEnd is where the selection ends, in the window.
func (v *SourceView) selectionEnd() fyne.Position {
	_, end := v.Selection()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(v)
	for _, f := range v.frags {
		if f.start <= end && end <= f.start+len(f.text) {
			x := fyne.MeasureText(f.text[:end-f.start], v.textSize(), fyne.TextStyle{}).Width
			return at.Add(fyne.NewPos(f.x+x, f.y+v.lineHeight()))
		}
	}
	return at
}

// TypedShortcut implements fyne.Shortcutable: Ctrl+C copies the selected
// text, Ctrl+A selects it all.
func (v *SourceView) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutCopy:
		if start, end := v.Selection(); end > start {
			fyne.CurrentApp().Clipboard().SetContent(v.source.Text[start:end])
		}
	case *fyne.ShortcutSelectAll:
		if v.source != nil {
			v.SetSelection(0, len(v.source.Text))
			if v.OnSelect != nil {
				v.OnSelect(v.source, 0, len(v.source.Text))
			}
		}
	default: // the window's own (undo, save, …)
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(v).(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
		}
	}
}

// SetRawLines shows the file's lines as they are (on), or its paragraphs
// re-flowed at the view's width (off, the default).
func (v *SourceView) SetRawLines(on bool) {
	if on != v.raw {
		v.raw = on
		v.relayout(v.Size().Width)
		v.Refresh()
	}
}

// Matches returns the matches boxed and the current one.
func (v *SourceView) Matches() ([]textmatch.Match, int) { return v.matches, v.current }

// Resize implements fyne.Widget: a new width wraps the text again here,
// not in the renderer, which only draws.
func (v *SourceView) Resize(size fyne.Size) {
	rewrap := size.Width != v.width
	if rewrap {
		v.relayout(size.Width)
	}
	v.BaseWidget.Resize(size)
	if rewrap {
		v.Refresh()
	}
}

// relayout wraps the text at width and tells OnReflow when the height
// changed.
func (v *SourceView) relayout(width float32) {
	before := v.height
	v.reflow(width)
	if v.height != before && v.OnReflow != nil {
		v.OnReflow()
	}
}

// SetFocus outlines another span of the same source.
func (v *SourceView) SetFocus(a *data.Annotation) {
	v.focus = a
	v.Refresh()
}

// Focus returns the outlined span.
func (v *SourceView) Focus() *data.Annotation { return v.focus }

// SpanY returns the top of an annotation's first line, or -1.
func (v *SourceView) SpanY(a *data.Annotation) float32 {
	for _, f := range v.frags {
		if slices.Contains(f.anns, a) {
			return f.y
		}
	}
	return -1
}

// ByteY returns the top of the line holding a byte offset of the text.
func (v *SourceView) ByteY(b int) float32 {
	y := float32(-1)
	for _, f := range v.frags {
		if f.start > b {
			break
		}
		y = f.y
	}
	return y
}

// HighlightedText lists the highlighted fragments' text per annotation,
// in reading order, for tests.
func (v *SourceView) HighlightedText() map[*data.Annotation]string {
	out := map[*data.Annotation]string{}
	end := map[*data.Annotation]int{} // where each span's text shown so far ends
	for _, f := range v.frags {
		for _, a := range f.anns {
			if e, ok := end[a]; ok && e < f.start {
				out[a] += v.source.Text[e:f.start] // a line break re-flowed away, say
			}
			out[a] += f.text
			end[a] = f.start + len(f.text)
		}
	}
	return out
}

func (v *SourceView) textSize() float32 { return theme.Size(theme.SizeNameText) }

func (v *SourceView) lineHeight() float32 {
	return fyne.MeasureText("Mg", v.textSize(), fyne.TextStyle{}).Height + 2
}

// styledRanges cuts the text where spans and excluded ranges begin and
// end, and lists the spans over each piece: the innermost (shortest) first,
// or the one of the preferred topic when it covers the piece, so
// multi-coded passages show every topic.
func styledRanges(s *data.Source, prefer *data.Topic, matches []textmatch.Match) []styled {
	cuts := []int{0, len(s.Text)}
	for _, a := range s.Annotations {
		cuts = append(cuts, a.Anchor.ByteStart, a.Anchor.ByteEnd)
	}
	for _, m := range matches {
		cuts = append(cuts, m.ByteStart, m.ByteEnd)
	}
	runeByte := make([]int, 0, len(s.Text)+1)
	for b := range s.Text {
		runeByte = append(runeByte, b)
	}
	runeByte = append(runeByte, len(s.Text))
	var excluded [][2]int
	for _, r := range s.Excluded {
		ex := [2]int{runeByte[min(r.Start, len(runeByte)-1)], runeByte[min(r.End, len(runeByte)-1)]}
		excluded = append(excluded, ex)
		cuts = append(cuts, ex[0], ex[1])
	}
	sort.Ints(cuts)
	cuts = slices.Compact(cuts)
	var out []styled
	next := 0 // matches are in text order and apart
	for i := 1; i < len(cuts); i++ {
		st := styled{start: cuts[i-1], end: cuts[i], match: -1}
		if st.start >= st.end {
			continue
		}
		for next < len(matches) && matches[next].ByteEnd <= st.start {
			next++
		}
		if next < len(matches) && matches[next].ByteStart <= st.start && st.end <= matches[next].ByteEnd {
			st.match = next
		}
		for _, a := range s.Annotations {
			if a.Anchor.ByteStart <= st.start && st.end <= a.Anchor.ByteEnd {
				st.anns = append(st.anns, a)
			}
		}
		sort.SliceStable(st.anns, func(i, j int) bool {
			a, b := st.anns[i], st.anns[j]
			if (a.Topic == prefer) != (b.Topic == prefer) {
				return a.Topic == prefer
			}
			return a.Anchor.ByteEnd-a.Anchor.ByteStart < b.Anchor.ByteEnd-b.Anchor.ByteStart
		})
		for _, ex := range excluded {
			st.excluded = st.excluded || (ex[0] <= st.start && st.end <= ex[1])
		}
		out = append(out, st)
	}
	return out
}

// reflow wraps the text at width: words (with their trailing spaces) go on
// a line until it is full; runs of one style on a line become one fragment.
// A long text is wrapped off the UI goroutine (layOutLater), and shown when
// it is ready.
func (v *SourceView) reflow(width float32) {
	v.width = width
	v.layouts.Add(1) // a layout under way for an older state stops
	v.laying = false
	if v.source == nil || width <= 0 {
		v.frags, v.height = v.frags[:0], 0
		return
	}
	p := v.layoutParams(width)
	if len(v.source.Text) > asyncLayoutBytes {
		v.layOutLater(p)
		return
	}
	widths := map[string]float32{}
	l, _ := layOut(p, func(s string) float32 {
		w, ok := widths[s]
		if !ok {
			w = fyne.MeasureText(s, p.size, fyne.TextStyle{}).Width
			widths[s] = w
		}
		return w
	}, func() bool { return false })
	v.frags, v.height, v.laidOut = l.frags, l.height, p.source
}

// asyncLayoutBytes is the size of text above which the view wraps it off
// the UI goroutine: a 16 MiB source takes a third of a second.
const asyncLayoutBytes = 256 << 10

// layoutParams is what a layout of the text depends on, taken at once on
// the UI goroutine.
type layoutParams struct {
	source           *data.Source
	dimTo            *data.Topic
	matches          []textmatch.Match
	raw              bool
	width            float32
	size, lineH, pad float32
}

func (v *SourceView) layoutParams(width float32) layoutParams {
	return layoutParams{source: v.source, dimTo: v.dimTo, matches: v.matches, raw: v.raw, width: width,
		size: v.textSize(), lineH: v.lineHeight(), pad: theme.Padding()}
}

// textLayout is a wrapped text: its fragments in reading order and its
// height.
type textLayout struct {
	frags  []fragment
	height float32
}

// layOutLater wraps a long text in the background. Text can only be
// measured on the UI goroutine (Fyne's font faces are not safe for
// concurrent use), so the background first finds every token the text
// needs measured (a pass with no widths), has them measured on the UI
// goroutine in batches, then wraps with those widths; the view shows a
// note until the layout is ready, and a newer layout stops this one.
func (v *SourceView) layOutLater(p layoutParams) {
	generation := v.layouts.Load()
	v.laying = true
	if v.laidOut != p.source {
		// Another text's fragments go; the same text's stay until the new
		// layout is ready (a new width, say).
		v.frags, v.height, v.laidOut = nil, 0, nil
	}
	do := v.Do
	if do == nil {
		do = fyne.Do
	}
	stale := func() bool { return v.layouts.Load() != generation }
	go func() {
		widths := map[string]float32{}
		needed := map[string]bool{}
		if _, ok := layOut(p, func(s string) float32 {
			needed[s] = true
			return 0
		}, stale); !ok {
			return
		}
		measureOnUI := func(batch []string) bool {
			out := make([]float32, len(batch))
			done := make(chan struct{})
			do(func() {
				defer close(done)
				if stale() {
					return
				}
				for i, s := range batch {
					out[i] = fyne.MeasureText(s, p.size, fyne.TextStyle{}).Width
				}
			})
			<-done
			for i, s := range batch {
				widths[s] = out[i]
			}
			return !stale()
		}
		batch := make([]string, 0, 2048)
		for s := range needed {
			if batch = append(batch, s); len(batch) == cap(batch) {
				if !measureOnUI(batch) {
					return
				}
				batch = batch[:0]
			}
		}
		if len(batch) > 0 && !measureOnUI(batch) {
			return
		}
		l, ok := layOut(p, func(s string) float32 {
			if w, ok := widths[s]; ok {
				return w
			}
			measureOnUI([]string{s}) // a piece of a word wider than the view
			return widths[s]
		}, stale)
		if !ok {
			return
		}
		do(func() {
			if stale() {
				return
			}
			before := v.height
			v.frags, v.height, v.laying, v.laidOut = l.frags, l.height, false, p.source
			v.Refresh()
			if v.height != before && v.OnReflow != nil {
				v.OnReflow()
			}
			after := v.afterLayout
			v.afterLayout = nil
			for _, f := range after {
				f()
			}
		})
	}()
}

// Laying reports whether a long text is being wrapped in the background.
func (v *SourceView) Laying() bool { return v.laying }

// layOut wraps p's text: words (with their trailing spaces) go on a line
// until it is full; runs of one style on a line become one fragment. Each
// token is measured once (measure), and a fragment's width is the sum of
// its tokens' (words with their spaces, which do not kern with what
// follows). It gives up, false, when stop says so.
func layOut(p layoutParams, measure func(string) float32, stop func() bool) (textLayout, bool) {
	var frags []fragment
	// "\r\n" becomes "\n\x00": same length, so byte offsets still hold; the
	// NUL is skipped.
	text := strings.ReplaceAll(p.source.Text, "\r\n", "\n\x00")
	ranges := styledRanges(p.source, p.dimTo, p.matches)
	at := 0 // the range holding the current byte
	width, lineH, pad := p.width, p.lineH, p.pad
	x, y := pad, pad
	at0 := 0 // byte offset of the text being emitted
	emit := func(s string, st styled) {
		w := measure(s)
		if n := len(frags); n > 0 {
			last := &frags[n-1]
			if last.y == y && slices.Equal(last.anns, st.anns) && last.excluded == st.excluded && last.match == st.match && last.x+last.w >= x-0.5 {
				// The fragment grows in place: its text is a longer slice of
				// the same text (no copy), its width one token's more.
				last.text = text[last.start : at0+len(s)]
				last.w += w
				x = last.x + last.w
				return
			}
		}
		frags = append(frags, fragment{x: x, y: y, w: w, start: at0, text: s, anns: st.anns, excluded: st.excluded, match: st.match})
		x += w
	}
	// Tokens: a word with the spaces after it, split where the style
	// changes, or a line break: a paragraph's, or (re-flowing) one that
	// is a space.
	var paragraphs map[int]bool
	if !p.raw {
		paragraphs = textmatch.ParagraphBreaks(text)
	}
	space := measure(" ")
	b := 0
	for n := 0; b < len(text); n++ {
		if n%4096 == 0 && stop() {
			return textLayout{}, false
		}
		if text[b] == '\n' {
			b++
			if p.raw || paragraphs[b-1] {
				x, y = pad, y+lineH
				continue
			}
			if x > pad {
				x += space
			}
			for b < len(text) && (text[b] == ' ' || text[b] == '\t' || text[b] == 0 || text[b] == '\r') {
				b++ // the next line's indent is not a gap in the paragraph
			}
			continue
		}
		if text[b] == '\f' { // a page ends: the next starts a paragraph, a line apart
			b++
			x, y = pad, y+2*lineH
			continue
		}
		if text[b] == 0 || text[b] == '\r' {
			b++
			continue
		}
		end := b
		for end < len(text) && text[end] != ' ' && text[end] != '\n' && text[end] != 0 && text[end] != '\r' && text[end] != '\f' {
			end++
		}
		for end < len(text) && text[end] == ' ' {
			end++
		}
		word := text[b:end]
		ww := measure(strings.TrimRight(word, " "))
		if ww > width-2*pad {
			// A word wider than the view (a long URL, text without spaces:
			// Chinese, Japanese): it breaks at the character that fills
			// the line.
			whole := text[b:end]
			end = b + fitBytes(whole, width-pad-x, measure)
			if end == b {
				if x > pad {
					x, y = pad, y+lineH
				}
				end = b + max(fitBytes(whole, width-2*pad, measure), nextRune(whole))
			}
		} else if x > pad && x+ww > width-pad {
			x, y = pad, y+lineH
		}
		// Split the token where the style changes.
		for start := b; start < end; {
			for at < len(ranges)-1 && ranges[at].end <= start {
				at++
			}
			stop := min(end, ranges[at].end)
			at0 = start
			emit(text[start:stop], ranges[at])
			start = stop
		}
		b = end
	}
	return textLayout{frags: frags, height: y + lineH + pad}, true
}

// fitBytes is how many bytes of s, whole characters, fit in width.
func fitBytes(s string, width float32, measure func(string) float32) int {
	fit := 0
	for i := range s {
		if i > 0 && measure(s[:i]) > width {
			return fit
		}
		fit = i
	}
	if measure(s) <= width {
		return len(s)
	}
	return fit
}

func nextRune(s string) int {
	_, n := utf8.DecodeRuneInString(s)
	return max(n, 1)
}

// MinSize is the wrapped text's height at the current width (a line's,
// for the note, while a long text is laid out).
func (v *SourceView) MinSize() fyne.Size {
	return fyne.NewSize(160, max(v.height, v.lineHeight()+2*theme.Padding()))
}

// Tapped reports the span under the pointer.
func (v *SourceView) Tapped(e *fyne.PointEvent) {
	v.requestFocus()
	if start, end := v.Selection(); end > start {
		v.SetSelection(0, 0)
	}
	lineH := v.lineHeight()
	for _, f := range v.frags {
		if len(f.anns) > 0 && e.Position.X >= f.x && e.Position.X < f.x+f.w && e.Position.Y >= f.y && e.Position.Y < f.y+lineH {
			v.focus = f.anns[0]
			v.Refresh()
			if v.OnTapSpan != nil {
				v.OnTapSpan(f.anns[0])
			}
			return
		}
	}
}

// TappedSecondary implements fyne.SecondaryTappable: the menu of what is
// under the pointer.
func (v *SourceView) TappedSecondary(e *fyne.PointEvent) {
	if v.source == nil || v.OnMenu == nil {
		return
	}
	lineH := v.lineHeight()
	var spans []*data.Annotation
	for _, f := range v.frags {
		if e.Position.X >= f.x && e.Position.X < f.x+f.w && e.Position.Y >= f.y && e.Position.Y < f.y+lineH {
			spans = f.anns
		}
	}
	v.OnMenu(v.source, spans, e.AbsolutePosition)
}

// CreateRenderer implements fyne.Widget.
func (v *SourceView) CreateRenderer() fyne.WidgetRenderer {
	return &sourceRenderer{v: v}
}

type sourceRenderer struct {
	v       *SourceView
	objects []fyne.CanvasObject
}

func (r *sourceRenderer) Layout(fyne.Size) {}

func (r *sourceRenderer) MinSize() fyne.Size { return r.v.MinSize() }

func (r *sourceRenderer) Refresh() {
	r.build()
	canvas.Refresh(r.v)
}

// build makes the canvas objects: backgrounds first, then the text.
func (r *sourceRenderer) build() {
	v := r.v
	th := v.Theme()
	variant := apptheme.Variant(fyne.CurrentApp())
	fg := th.Color(theme.ColorNameForeground, variant)
	dim := th.Color(theme.ColorNamePlaceHolder, variant)
	focusColor := th.Color(theme.ColorNameFocus, variant)
	lineH := v.lineHeight()
	alpha := uint8(90)
	if variant == theme.VariantDark {
		alpha = 120
	}
	var bgs, texts []fyne.CanvasObject
	if v.laying && len(v.frags) == 0 {
		note := canvas.NewText(fmt.Sprintf("Laying out the text (%.1f MB)…", float64(len(v.source.Text))/1e6), dim)
		note.TextSize = v.textSize()
		note.Move(fyne.NewPos(theme.Padding(), theme.Padding()))
		r.objects = []fyne.CanvasObject{note}
		return
	}
	// The fragments are in reading order, so by line: the first one in
	// view is found by halving, and the loop stops past the view.
	first := sort.Search(len(v.frags), func(i int) bool { return v.frags[i].y >= v.viewTop-v.viewHeight })
	for _, f := range v.frags[first:] {
		if !v.inView(f.y) {
			break
		}
		if len(f.anns) > 0 && strings.TrimSpace(f.text) != "" {
			primary := f.anns[0]
			focused := slices.Contains(f.anns, v.focus)
			c := primary.Topic.Color
			a := alpha
			switch {
			case focused:
				a = 200
			case v.dimTo != nil && primary.Topic != v.dimTo:
				a = alpha / 3
			}
			rect := canvas.NewRectangle(color.NRGBA{c.R, c.G, c.B, a})
			w := fyne.MeasureText(strings.TrimRight(f.text, " "), v.textSize(), fyne.TextStyle{}).Width
			rect.Move(fyne.NewPos(f.x-1, f.y))
			rect.Resize(fyne.NewSize(w+2, lineH))
			if focused {
				rect.StrokeColor = focusColor
				rect.StrokeWidth = 1.5
			}
			bgs = append(bgs, rect)
			// Every other topic on the same text: a stripe along the bottom.
			stripe := float32(3)
			for i, other := range f.anns[1:] {
				oc := other.Topic.Color
				bar := canvas.NewRectangle(color.NRGBA{oc.R, oc.G, oc.B, 255})
				bar.Move(fyne.NewPos(f.x-1, f.y+lineH-stripe*float32(i+1)))
				bar.Resize(fyne.NewSize(w+2, stripe))
				bgs = append(bgs, bar)
			}
		}
		if s, e := v.Selection(); e > s && f.start < e && s < f.start+len(f.text) {
			bgs = append(bgs, r.selectionBox(f, s, e, lineH))
		}
		if f.match >= 0 && strings.TrimSpace(f.text) != "" {
			bgs = append(bgs, r.matchBox(f, f.match == v.current, lineH))
		}
		t := canvas.NewText(f.text, fg)
		t.TextSize = v.textSize()
		if f.excluded { // page furniture and sidebars: there, but out of the way
			t.Color = dim
		}
		t.Move(fyne.NewPos(f.x, f.y))
		texts = append(texts, t)
	}
	r.objects = append(bgs, texts...)
}

// selectionBox paints the selected part of a fragment in the theme's
// selection colour.
func (r *sourceRenderer) selectionBox(f fragment, start, end int, lineH float32) fyne.CanvasObject {
	v := r.v
	size := v.textSize()
	from, to := max(start, f.start)-f.start, min(end, f.start+len(f.text))-f.start
	x0 := fyne.MeasureText(f.text[:from], size, fyne.TextStyle{}).Width
	x1 := fyne.MeasureText(f.text[:to], size, fyne.TextStyle{}).Width
	box := canvas.NewRectangle(v.Theme().Color(theme.ColorNameSelection, apptheme.Variant(fyne.CurrentApp())))
	box.Move(fyne.NewPos(f.x+x0, f.y))
	box.Resize(fyne.NewSize(max(2, x1-x0), lineH))
	return box
}

// matchBox marks a search match: a box in the foreground colour over any
// topic background, so it reads on every topic colour and in both
// variants; the match open is filled with the theme's selection colour
// and boxed thicker.
func (r *sourceRenderer) matchBox(f fragment, current bool, lineH float32) fyne.CanvasObject {
	v := r.v
	th, variant := v.Theme(), apptheme.Variant(fyne.CurrentApp())
	w := fyne.MeasureText(strings.TrimRight(f.text, " "), v.textSize(), fyne.TextStyle{}).Width
	box := canvas.NewRectangle(color.Transparent)
	box.StrokeColor = th.Color(theme.ColorNameForeground, variant)
	box.StrokeWidth = 1
	if current {
		box.FillColor = th.Color(theme.ColorNameSelection, variant)
		box.StrokeColor = th.Color(theme.ColorNamePrimary, variant)
		box.StrokeWidth = 2.5
	}
	box.Move(fyne.NewPos(f.x-2, f.y-1))
	box.Resize(fyne.NewSize(w+4, lineH+2))
	return box
}

func (r *sourceRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *sourceRenderer) Destroy()                     {}
