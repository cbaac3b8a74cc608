package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
	"github.com/alliance-timeline/alliance-timeline/timeline"
)

// Every setter notifies once when it changes something and never when it
// does not, so a view that sets what the state holds echoes nothing.
func TestStateNotifiesOnlyChanges(t *testing.T) {
	c, _, err := assets.LoadCorpus()
	if err != nil {
		t.Fatal(err)
	}
	s := NewState()
	var got []Change
	s.Listen(func(ch Change) { got = append(got, ch) })
	for _, step := range []struct {
		name string
		do   func()
		want []Change
	}{
		{"hide a topic", func() { s.SetTopicShown("space", false) }, []Change{FiltersChanged}},
		{"hide it again", func() { s.SetTopicShown("space", false) }, nil},
		{"show only cyber", func() { s.ShowOnly(c, "cyber") }, []Change{FiltersChanged}},
		{"show only cyber again", func() { s.ShowOnly(c, "cyber") }, nil},
		{"show all", func() { s.ShowOnly(c, "") }, []Change{FiltersChanged}},
		{"show all again", func() { s.SetHiddenTopics(nil) }, nil},
		{"years", func() { s.SetYears(2020, 2012) }, []Change{FiltersChanged}},
		{"the same years", func() { s.SetYears(2012, 2020) }, nil},
		{"no kinds", func() { s.SetKinds([]string{}) }, []Change{FiltersChanged}},
		{"every kind", func() { s.SetKinds(nil) }, []Change{FiltersChanged}},
		{"every kind again", func() { s.SetKinds(nil) }, nil},
		{"unit", func() { s.SetUnit(data.UnitMeetings) }, []Change{FiltersChanged}},
		{"per 1,000 words", func() { s.SetPerThousandWords(true) }, []Change{FiltersChanged}},
		{"dark", func() { s.SetTheme(apptheme.Dark) }, []Change{ThemeChanged}},
		{"dark again", func() { s.SetTheme(apptheme.Dark) }, nil},
	} {
		got = nil
		step.do()
		if !slices.Equal(got, step.want) {
			t.Errorf("%s: notified %v, want %v", step.name, got, step.want)
		}
	}
	q := s.Query(c)
	if len(q.Topics) != len(c.Topics) || q.FromYear != 2012 || q.ToYear != 2020 || q.Kinds != nil || q.Unit != data.UnitMeetings || !q.PerThousandWords {
		t.Errorf("query %+v", q)
	}
	s.SetHiddenTopics([]string{"space"})
	s.SetKinds([]string{})
	if q := s.Query(c); len(q.Topics) != len(c.Topics)-1 || slices.Contains(q.Topics, "space") || q.Kinds == nil || len(q.Kinds) != 0 {
		t.Errorf("query %+v", q)
	}
	s.ShowOnly(c, "")
	s.SetHiddenTopics(func() (ids []string) {
		for _, t := range c.Topics {
			ids = append(ids, t.ID)
		}
		return
	}())
	if q := s.Query(c); q.Topics == nil || len(q.Topics) != 0 {
		t.Errorf("every topic hidden: %v, want none (not nil, which is all)", q.Topics)
	}
}

// The sidebar shows the state without sending it back: a change made
// elsewhere reaches its boxes, years and kinds, and notifies once.
func TestSidebarShowsTheStateWithoutEcho(t *testing.T) {
	test.NewTempApp(t)
	c, _, err := assets.LoadCorpus()
	if err != nil {
		t.Fatal(err)
	}
	s := NewState()
	sb := NewSidebar(s, nil, nil)
	sb.SetCorpus(c, c.Totals())
	n := 0
	s.Listen(func(Change) { n++ })
	s.ShowOnly(c, "japan-trilateral")
	s.SetYears(2020, 2022)
	s.SetKinds([]string{"SCM"})
	if n != 3 {
		t.Errorf("%d notifications for three changes", n)
	}
	for id, box := range sb.checks {
		if box.Checked != (id == "japan-trilateral") {
			t.Errorf("box %s = %v", id, box.Checked)
		}
	}
	if sb.from.Selected != "2020" || sb.to.Selected != "2022" || !sb.kindBox["SCM"].Checked || sb.kindBox["ministerial"].Checked {
		t.Errorf("years %s–%s, SCM ticked %v, ministerial ticked %v", sb.from.Selected, sb.to.Selected, sb.kindBox["SCM"].Checked, sb.kindBox["ministerial"].Checked)
	}
	// The user's change goes to the state.
	test.Tap(sb.checks["space"])
	if !s.TopicShown("space") || n != 4 {
		t.Errorf("ticking space: shown %v, %d notifications", s.TopicShown("space"), n)
	}
	sb.from.SetSelected("2012") // the corpus' first year: open
	if from, _ := s.Years(); from != 0 {
		t.Errorf("from = %d, want 0 (the corpus' first year)", from)
	}
}

// A selection made anywhere reaches the timeline through the state, and
// the timeline's own selection and clearing reach the state.
func TestSelectionGoesThroughTheState(t *testing.T) {
	w := openWindow(t, builtin)
	c := w.Corpus()
	a := c.Source("whitepaper-2020-p409").Annotations[0]
	w.spanTapped(a)
	if m, topic := w.state.Selected(); m == nil || m.ID != "scm-52" || topic != a.Topic {
		t.Fatalf("state selection %v %v", m, topic)
	}
	if sel, ok := w.timeline.Selected(); !ok || sel.Meeting.ID != "scm-52" || sel.Topic != a.Topic {
		t.Fatalf("timeline selection %+v", sel)
	}
	// The user walks the timeline: the state follows.
	w.timeline.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	sel, _ := w.timeline.Selected()
	if m, _ := w.state.Selected(); m != sel.Meeting || m == nil {
		t.Errorf("after ←: state %v, timeline %v", m, sel.Meeting)
	}
	// Esc clears both.
	w.timeline.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if m, _ := w.state.Selected(); m != nil {
		t.Errorf("after Esc the state holds %s", m.ID)
	}
	if _, ok := w.timeline.Selected(); ok {
		t.Error("after Esc the timeline holds a selection")
	}
	// A reload drops a selection of the corpus shown before.
	w.state.Select(timeline.Selection{Meeting: c.Meeting("scm-44")})
	w.Reload()
	w.waitLoads(t, 2)
	if m, _ := w.state.Selected(); m != nil {
		t.Errorf("after a reload the state holds %s", m.ID)
	}
}

// A topic hovered in the sidebar is highlighted on the timeline and in the
// charts, through the state, and hovering writes no preference.
func TestHoverGoesThroughTheState(t *testing.T) {
	w := openWindow(t, builtin)
	space := w.Corpus().Topic("space")
	saved := 0
	w.state.Listen(func(c Change) {
		if c&(FiltersChanged|ThemeChanged) != 0 {
			saved++
		}
	})
	w.state.SetHover(space)
	for _, l := range w.timeline.Model().Lanes[1:] {
		if l.Highlighted != (l.Topic == space) {
			t.Errorf("lane %s highlighted = %v", l.Topic.ID, l.Highlighted)
		}
	}
	for _, v := range w.charts {
		if v.topic != "space" {
			t.Errorf("chart %s highlights %q", v.Kind(), v.topic)
		}
	}
	w.state.SetHover(nil)
	if w.charts[0].topic != "" || saved != 0 {
		t.Errorf("after leaving: chart highlights %q; %d saving changes", w.charts[0].topic, saved)
	}
}

// The selection, the listing, what is open and the search change together
// as one change each, and a stale search result is dropped.
func TestStateSelectionListingFocusAndSearch(t *testing.T) {
	c, _, err := assets.LoadCorpus()
	if err != nil {
		t.Fatal(err)
	}
	s := NewState()
	var got []Change
	s.Listen(func(ch Change) { got = append(got, ch) })
	m := c.Meeting("scm-44")
	spans := m.Sources[0].Annotations
	other := c.Meeting("scm-52").Sources[0].Annotations[0]
	match := textmatch.Match{Source: m.Sources[0], Field: textmatch.InText, Start: 3, End: 9}
	sel := timeline.Selection{Meeting: m, Annotations: spans}
	for _, step := range []struct {
		name  string
		do    func()
		want  []Change
		check func() bool
	}{
		{"select a meeting", func() { s.Select(sel) }, []Change{SelectionChanged | ListingChanged},
			func() bool { return s.Listing().Len() == len(spans) && s.Focus().IsZero() }},
		{"select it again", func() { s.Select(sel) }, nil, nil},
		{"open its second span", func() { s.OpenRow(1) }, []Change{FocusChanged | SelectionChanged},
			func() bool {
				mt, topic := s.Selected()
				return s.Focus().Index == 1 && mt == m && topic == spans[1].Topic
			}},
		{"open it again", func() { s.Open(Focus{Annotation: spans[1]}) }, nil, nil},
		{"a chart cell lists other spans", func() {
			s.SetListing(Listing{Title: "cell", Annotations: []*data.Annotation{other, spans[1]}, Cell: true})
		}, []Change{ListingChanged}, func() bool { return s.Focus().Annotation == spans[1] && s.Focus().Index == 1 }},
		{"a span not listed", func() { s.Open(Focus{Annotation: spans[0]}) }, []Change{FocusChanged | SelectionChanged},
			func() bool { return s.Focus().Index == -1 }},
		{"search starts", func() { s.StartSearch("allies") }, []Change{SearchChanged},
			func() bool { return s.Search().Pending }},
		{"an older search ends", func() { s.FinishSearch("old", textmatch.Result{}) }, nil, nil},
		{"the search ends", func() { s.FinishSearch("allies", textmatch.Result{Matches: []textmatch.Match{match}, Total: 1}) }, []Change{SearchChanged | ListingChanged},
			func() bool { return s.Listing().Search == "allies" && s.Listing().Len() == 1 && !s.Search().Pending }},
		{"open the match", func() { s.OpenRow(0) }, []Change{FocusChanged | SelectionChanged},
			func() bool { return s.Focus().Match == match && s.Focus().Index == 0 }},
		{"select a meeting closes it", func() { s.Select(sel) }, []Change{FocusChanged | SelectionChanged | ListingChanged},
			func() bool { return s.Focus().IsZero() }},
		{"clear", func() { s.Clear("hint") }, []Change{SelectionChanged | ListingChanged | FocusChanged | SearchChanged},
			func() bool {
				mt, _ := s.Selected()
				return mt == nil && s.Listing().Title == "hint" && s.Search().Query == ""
			}},
	} {
		got = nil
		step.do()
		if !slices.Equal(got, step.want) {
			t.Errorf("%s: notified %v, want %v", step.name, got, step.want)
		}
		if step.check != nil && !step.check() {
			t.Errorf("%s: state %+v %+v %+v", step.name, s.Selection(), s.Focus(), s.Search())
		}
	}
}
