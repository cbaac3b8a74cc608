package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/alliance-timeline/alliance-timeline/data"
)

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestSourceViewHighlightsEverySpan: every annotation of every built-in
// source is highlighted over exactly its text, overlapping and multi-coded
// spans included.
func TestSourceViewHighlightsEverySpan(t *testing.T) {
	test.NewTempApp(t)
	c, _, _ := builtin("", nil)
	for _, s := range c.Sources {
		v := NewSourceView()
		w := test.NewWindow(v)
		w.Resize(fyne.NewSize(500, 400))
		v.SetSource(s, nil, nil)
		v.Resize(fyne.NewSize(480, 2000))
		got := v.HighlightedText()
		for _, a := range s.Annotations {
			h := squash(got[a])
			if h == "" {
				t.Errorf("%s line %d: %q is not highlighted", s.ID, a.Line, a.Quote)
				continue
			}
			if h != squash(a.Text()) {
				t.Errorf("%s line %d: highlighted %q, want %q", s.ID, a.Line, h, squash(a.Text()))
			}
		}
		w.Close()
	}
}

// showSource lays out a built-in source in a view of its own.
func showSource(t *testing.T, id string) (*data.Source, *SourceView) {
	t.Helper()
	test.NewTempApp(t)
	c, _, _ := builtin("", nil)
	s := c.Source(id)
	v := NewSourceView()
	w := test.NewWindow(v)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(600, 900))
	v.SetSource(s, nil, nil)
	v.Resize(fyne.NewSize(580, 3000))
	return s, v
}

func TestSourceViewTapReportsTheSpan(t *testing.T) {
	s, v := showSource(t, "afps-2012-10-24")
	var tapped *data.Annotation
	v.OnTapSpan = func(a *data.Annotation) { tapped = a }
	target := s.Annotations[3]
	var at fyne.Position
	for _, f := range v.frags {
		if len(f.anns) > 0 && f.anns[0] == target {
			at = fyne.NewPos(f.x+2, f.y+3)
			break
		}
	}
	test.TapAt(v, at)
	if tapped != target || v.Focus() != target {
		t.Fatalf("tapped %v, want %q", tapped, target.Quote)
	}
	if v.SpanY(target) < 0 {
		t.Error("no position for the span")
	}
}

func TestSourceViewDimsExcludedText(t *testing.T) {
	_, v := showSource(t, "xinhua-2012-10-25")
	var excluded, plain string
	for _, f := range v.frags {
		if f.excluded {
			excluded += f.text
		} else {
			plain += f.text
		}
	}
	if !strings.Contains(excluded, "Bird flu death toll") || strings.Contains(plain, "Bird flu") {
		t.Error("the sidebar is not marked as excluded")
	}
	if !strings.Contains(plain, "Panetta reaffirmed") {
		t.Error("the article body is marked as excluded")
	}
}

// A hard-wrapped source is shown as paragraphs re-flowed at the view's
// width, with fewer lines than the file has; the raw view keeps every line
// break; both highlight the same spans.
func TestSourceViewReflowsParagraphs(t *testing.T) {
	s, v := showSource(t, "whitepaper-2020-p409")
	lines := func() int {
		ys := map[float32]bool{}
		for _, f := range v.frags {
			ys[f.y] = true
		}
		return len(ys)
	}
	reflowed, spans := lines(), v.HighlightedText()
	v.SetRawLines(true)
	raw := lines()
	if breaks := strings.Count(s.Text, "\n"); raw < breaks/2 || reflowed >= raw {
		t.Errorf("%d lines re-flowed, %d raw, for %d line breaks in the file", reflowed, raw, breaks)
	}
	for a, text := range v.HighlightedText() {
		if squash(text) != squash(spans[a]) {
			t.Errorf("line %d: raw %q, re-flowed %q", a.Line, squash(text), squash(spans[a]))
		}
	}
}

// A long text gets canvas objects for the lines in view only, scrolling
// moves them, and a word wider than the view (text without spaces) wraps.
func TestSourceViewDrawsOnlyWhatIsInView(t *testing.T) {
	test.NewTempApp(t)
	text := strings.Repeat("A line of the long source text, with some words in it.\n", 20000) + strings.Repeat("長い文章には空白がない", 40)
	s := &data.Source{ID: "long", Text: text}
	v := NewSourceView()
	ui := make(uiQueue, 64)
	v.Do = ui.do // above asyncLayoutBytes: laid out in the background
	w := test.NewWindow(v)
	defer w.Close()
	v.SetSource(s, nil, nil)
	v.Resize(fyne.NewSize(400, 800))
	ui.pumpUntil(t, "the layout", func() bool { return !v.Laying() })
	v.Resize(fyne.NewSize(400, v.MinSize().Height))
	r := test.WidgetRenderer(v)
	if n := len(r.Objects()); n == 0 || n > 500 {
		t.Errorf("%d objects for the top of a 20,000-line text", n)
	}
	v.SetViewport(v.MinSize().Height-300, 300)
	r.Refresh()
	last := r.Objects()[len(r.Objects())-1]
	if last.Position().Y < v.MinSize().Height-1000 {
		t.Error("scrolled to the end, the objects are still at the top")
	}
	for _, f := range v.frags {
		if f.x+f.w > 400+1 {
			t.Fatalf("a fragment runs past the view's width: %q at %v+%v", f.text, f.x, f.w)
		}
	}
}

// A long source is wrapped in the background: the view says so until the
// layout is ready, the UI goroutine only measures, and the result is the
// layout made on the spot; a newer layout (another width) replaces an
// older one that is still under way.
func TestLongSourcesAreLaidOutInTheBackground(t *testing.T) {
	test.NewTempApp(t)
	line := "The allies reaffirmed 한미 동맹 and extended deterrence; http://example.org/a-very-long-address-without-spaces-that-must-break-somewhere-on-the-line\n"
	s := &data.Source{ID: "long", Text: strings.Repeat(line, asyncLayoutBytes/len(line)+10)}
	ui := make(uiQueue, 64)
	v := NewSourceView()
	v.Do = ui.do
	v.SetSource(s, nil, nil)
	v.Resize(fyne.NewSize(500, 800))
	v.Resize(fyne.NewSize(420, 800)) // stops the first
	if !v.Laying() {
		t.Fatal("a long source was laid out on the UI goroutine")
	}
	r := test.WidgetRenderer(v)
	r.Refresh()
	if objs := r.Objects(); len(objs) != 1 || !strings.Contains(objs[0].(*canvas.Text).Text, "Laying out the text") {
		t.Errorf("while laying out, the view shows %d objects", len(objs))
	}
	ui.pumpUntil(t, "the layout", func() bool { return !v.Laying() })
	widths := map[string]float32{}
	want, _ := layOut(v.layoutParams(420), func(s string) float32 {
		if w, ok := widths[s]; ok {
			return w
		}
		widths[s] = fyne.MeasureText(s, v.textSize(), fyne.TextStyle{}).Width
		return widths[s]
	}, func() bool { return false })
	if len(v.frags) != len(want.frags) || v.height != want.height {
		t.Fatalf("the background layout has %d fragments, %.0f high; on the spot %d, %.0f", len(v.frags), v.height, len(want.frags), want.height)
	}
	for i := range want.frags {
		if v.frags[i].start != want.frags[i].start || v.frags[i].text != want.frags[i].text || v.frags[i].x != want.frags[i].x || v.frags[i].y != want.frags[i].y {
			t.Fatalf("fragment %d: %+v, on the spot %+v", i, v.frags[i], want.frags[i])
		}
	}
	r.Refresh()
	if n := len(r.Objects()); n == 0 || n > 2000 {
		t.Errorf("%d objects drawn for the lines in view", n)
	}
}

// A selection widens to whole words: a word cut anywhere, an inner
// apostrophe or hyphen, Hangul; punctuation it ends on is kept.
func TestSnapToWords(t *testing.T) {
	text := "the alliance's ironclad, U.S.-ROK 한미동맹을 지킨다."
	for _, c := range []struct{ sel, want string }{
		{"lliance", "alliance's"},
		{"alliance'", "alliance's"},
		{"he allia", "the alliance's"},
		{"ironclad,", "ironclad,"},
		{"clad", "ironclad"},
		{"미동", "한미동맹을"},
		{"alliance's ", "alliance's"},
		{"ROK", "ROK"},
		{"ironcl", "ironclad"},
	} {
		at := strings.Index(text, c.sel)
		s, e := SnapToWords(text, at, at+len(c.sel))
		if got := text[s:e]; got != c.want {
			t.Errorf("%q widens to %q, want %q", c.sel, got, c.want)
		}
	}
}
