package app

import (
	"slices"

	"github.com/alliance-timeline/alliance-timeline/charts"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
	"github.com/alliance-timeline/alliance-timeline/timeline"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
	"github.com/alliance-timeline/alliance-timeline/data"
)

// State is what the window shows: the filters (topics, years, meeting
// kinds, what is counted), the theme choice, the selection (a meeting, or
// a meeting's mentions of a topic), the listing of spans or matches, the
// span or match open in the detail pane, the search and the topic
// highlighted under the pointer. It has one owner; views
// read it, change it only through its setters, and hear every change
// through Listen, so no view pushes into another and no push can echo: a
// setter that changes nothing notifies no one. Preferences are one more
// listener (persistState), as is everything that draws from the filters.
type State struct {
	hidden           map[string]bool // topic ids not shown
	fromYear, toYear int             // 0: the corpus' first or last year
	kinds            []string        // meeting kinds shown; nil: every kind
	coders           data.Coders     // whose annotations count; nil: everyone's
	unit             data.Unit
	perThousandWords bool
	theme            apptheme.Choice
	selection        timeline.Selection // a meeting, or its mentions of a topic, with their spans
	listing          Listing
	focus            Focus
	search           Search
	hover            *data.Topic // the topic under the pointer anywhere, highlighted everywhere
	listeners        []func(Change)
}

// Change says what a change of the State touched.
type Change int

// What a change touches.
const (
	FiltersChanged Change = 1 << iota // topics, years, kinds, coders, unit, per 1,000 words
	ThemeChanged
	SelectionChanged
	HoverChanged
	ListingChanged // the spans or matches listed
	FocusChanged   // the span or match open in the detail pane
	SearchChanged
)

// Listing is what the span list shows: the spans of a selection or of a
// chart cell, or the matches of a search.
type Listing struct {
	Title       string
	Annotations []*data.Annotation
	Matches     []textmatch.Match // a search's; Annotations is then nil
	Search      string            // the query the matches are of
	Total       int               // the search's matches, listed or not
	Chart       charts.Kind       // the chart of a cell's spans, when Cell
	Cell        bool
}

// Len is the number of rows.
func (l Listing) Len() int { return len(l.Annotations) + len(l.Matches) }

// Count is the number of spans or matches the listing is of: its rows, or
// every match of its search.
func (l Listing) Count() int { return max(l.Len(), l.Total) }

// Focus is the span or the search match open in the detail pane.
type Focus struct {
	Annotation *data.Annotation // nil for a match
	Match      textmatch.Match
	Index      int // its row in the listing; -1 when it is not listed
}

// IsZero reports whether nothing is open.
func (f Focus) IsZero() bool {
	return f.Annotation == nil && f.Match.Source == nil && f.Match.Meeting == nil
}

// Source returns the source of what is open: nil for nothing, or for a
// match in a meeting's fields.
func (f Focus) Source() *data.Source {
	if f.Annotation != nil {
		return f.Annotation.Source
	}
	return f.Match.Source
}

// meeting is the meeting of what is open (the first its source reports).
func (f Focus) meeting() *data.Meeting {
	var ms []*data.Meeting
	switch {
	case f.Annotation != nil:
		ms = f.Annotation.Source.Meetings
	case f.Match.Meeting != nil || f.Match.Source != nil:
		ms = f.Match.Meetings()
	}
	if len(ms) == 0 {
		return nil
	}
	return ms[0]
}

// Search is the search box's query and what it found.
type Search struct {
	Query   string
	Pending bool // the search runs
	Result  textmatch.Result
}

// NewState makes the state with every topic and kind shown, spans counted,
// and the desktop's theme.
func NewState() *State {
	return &State{hidden: map[string]bool{}, theme: apptheme.System, focus: Focus{Index: -1}}
}

// Listen adds a function called after every change, on the UI goroutine.
func (s *State) Listen(f func(Change)) { s.listeners = append(s.listeners, f) }

func (s *State) notify(c Change) {
	for _, f := range s.listeners {
		f(c)
	}
}

// TopicShown reports whether a topic is shown.
func (s *State) TopicShown(id string) bool { return !s.hidden[id] }

// HiddenTopics lists the ids of the topics not shown, sorted.
func (s *State) HiddenTopics() []string {
	out := make([]string, 0, len(s.hidden))
	for id := range s.hidden {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// SetTopicShown shows or hides one topic.
func (s *State) SetTopicShown(id string, on bool) {
	if s.TopicShown(id) == on {
		return
	}
	if on {
		delete(s.hidden, id)
	} else {
		s.hidden[id] = true
	}
	s.notify(FiltersChanged)
}

// ShowOnly shows one topic of a corpus alone, or (id "") every topic.
func (s *State) ShowOnly(c *data.Corpus, id string) {
	hidden := map[string]bool{}
	if id != "" {
		for _, t := range c.Topics {
			if t.ID != id {
				hidden[t.ID] = true
			}
		}
	}
	s.setHidden(hidden)
}

// SetHiddenTopics hides exactly the topics listed.
func (s *State) SetHiddenTopics(ids []string) {
	hidden := map[string]bool{}
	for _, id := range ids {
		hidden[id] = true
	}
	s.setHidden(hidden)
}

func (s *State) setHidden(hidden map[string]bool) {
	if len(hidden) == len(s.hidden) {
		same := true
		for id := range hidden {
			same = same && s.hidden[id]
		}
		if same {
			return
		}
	}
	s.hidden = hidden
	s.notify(FiltersChanged)
}

// Years returns the years shown (0: open at that end).
func (s *State) Years() (from, to int) { return s.fromYear, s.toYear }

// SetYears sets the years shown, in either order (0: open at that end).
func (s *State) SetYears(from, to int) {
	if from != 0 && to != 0 && to < from {
		from, to = to, from
	}
	if from == s.fromYear && to == s.toYear {
		return
	}
	s.fromYear, s.toYear = from, to
	s.notify(FiltersChanged)
}

// KindShown reports whether meetings of a kind are shown.
func (s *State) KindShown(kind string) bool { return s.kinds == nil || slices.Contains(s.kinds, kind) }

// SetKinds sets the meeting kinds shown (nil: every kind).
func (s *State) SetKinds(kinds []string) {
	if (kinds == nil) == (s.kinds == nil) && slices.Equal(kinds, s.kinds) {
		return
	}
	s.kinds = slices.Clone(kinds)
	if kinds != nil && s.kinds == nil {
		s.kinds = []string{}
	}
	s.notify(FiltersChanged)
}

// Coders returns whose annotations count and show (nil: everyone's).
func (s *State) Coders() data.Coders { return s.coders }

// SetCoders chooses whose annotations count and show (nil: everyone's).
func (s *State) SetCoders(cs data.Coders) {
	if cs.Same(s.coders) {
		return
	}
	s.coders = cs.Clone()
	s.notify(FiltersChanged)
}

// FitCoders keeps, of the coders chosen, those a corpus newly shown has;
// when it has none of them, everyone's annotations show.
func (s *State) FitCoders(known []string) {
	if s.coders == nil {
		return
	}
	var kept data.Coders
	for _, name := range s.coders {
		if slices.Contains(known, name) {
			kept = append(kept, name)
		}
	}
	s.SetCoders(kept)
}

// Unit returns what is counted.
func (s *State) Unit() data.Unit { return s.unit }

// SetUnit sets what is counted.
func (s *State) SetUnit(u data.Unit) { set(s, &s.unit, u, FiltersChanged) }

// PerThousandWords reports whether counts are divided by words.
func (s *State) PerThousandWords() bool { return s.perThousandWords }

// SetPerThousandWords sets whether counts are divided by words.
func (s *State) SetPerThousandWords(on bool) { set(s, &s.perThousandWords, on, FiltersChanged) }

// Theme returns the theme choice.
func (s *State) Theme() apptheme.Choice { return s.theme }

// SetTheme sets the theme choice.
func (s *State) SetTheme(c apptheme.Choice) { set(s, &s.theme, c, ThemeChanged) }

// set changes one field of the state and notifies, unless it holds v.
func set[T comparable](s *State, field *T, v T, c Change) {
	if *field != v {
		*field = v
		s.notify(c)
	}
}

// Selected returns the selected meeting (nil for none) and topic.
func (s *State) Selected() (*data.Meeting, *data.Topic) {
	return s.selection.Meeting, s.selection.Topic
}

// Selection returns the selection with its spans.
func (s *State) Selection() timeline.Selection { return s.selection }

// Select selects a meeting (nil: nothing) or, with a topic, its mentions
// of the topic; its spans become the listing and the detail pane shows the
// meeting.
func (s *State) Select(sel timeline.Selection) {
	if sel.Meeting == nil {
		sel = timeline.Selection{}
	}
	c := s.setFocus(Focus{Index: -1})
	if !sameSelection(sel, s.selection) {
		s.selection = sel
		c |= SelectionChanged
		if sel.Meeting != nil {
			s.listing = Listing{Title: selectionTitle(sel), Annotations: sel.Annotations}
			c |= ListingChanged
		}
	}
	s.notifyIf(c)
}

func sameSelection(a, b timeline.Selection) bool {
	return a.Meeting == b.Meeting && a.Topic == b.Topic && slices.Equal(a.Annotations, b.Annotations)
}

// selectionTitle names a selection's listing: its topic and meeting.
func selectionTitle(sel timeline.Selection) string {
	title := safetext.Clip(sel.Meeting.Short, maxShown)
	if sel.Topic != nil {
		title = safetext.Clip(sel.Topic.Label, maxShown) + " · " + title
	}
	return title
}

// Listing returns what the span list shows.
func (s *State) Listing() Listing { return s.listing }

// SetListing lists spans or matches (a chart cell's, say). A new listing is
// always a change; what is open stays open, at its row if listed.
func (s *State) SetListing(l Listing) {
	s.listing = l
	s.focus.Index = s.rowOf(s.focus)
	s.notify(ListingChanged)
}

// rowOf finds what is open in the listing, or -1.
func (s *State) rowOf(f Focus) int {
	if f.Annotation != nil {
		return slices.Index(s.listing.Annotations, f.Annotation)
	}
	if !f.IsZero() {
		return slices.Index(s.listing.Matches, f.Match)
	}
	return -1
}

// Focus returns the span or match open in the detail pane.
func (s *State) Focus() Focus { return s.focus }

// Open opens a span or a search match in the detail pane (its Index is
// found in the listing); the selection follows to its meeting and topic.
func (s *State) Open(f Focus) {
	f.Index = s.rowOf(f)
	c := s.setFocus(f)
	if m := f.meeting(); m != nil {
		sel := timeline.Selection{Meeting: m}
		if f.Annotation != nil {
			sel.Topic = f.Annotation.Topic
		}
		if sel.Meeting != s.selection.Meeting || sel.Topic != s.selection.Topic {
			s.selection = sel
			c |= SelectionChanged
		}
	}
	s.notifyIf(c)
}

// OpenRow opens row i of the listing.
func (s *State) OpenRow(i int) {
	switch n := len(s.listing.Annotations); {
	case i >= 0 && i < n:
		s.Open(Focus{Annotation: s.listing.Annotations[i]})
	case i >= n && i < n+len(s.listing.Matches):
		s.Open(Focus{Match: s.listing.Matches[i-n]})
	}
}

func (s *State) setFocus(f Focus) Change {
	if f == s.focus {
		return 0
	}
	s.focus = f
	return FocusChanged
}

// Search returns the search and what it found.
func (s *State) Search() Search { return s.search }

// StartSearch records a new query, whose search is running.
func (s *State) StartSearch(query string) {
	s.search = Search{Query: query, Pending: true}
	s.notify(SearchChanged)
}

// FinishSearch records what the search for query found, and lists it;
// nothing happens when the query is no longer the current one.
func (s *State) FinishSearch(query string, res textmatch.Result) {
	if query != s.search.Query || !s.search.Pending {
		return
	}
	s.search = Search{Query: query, Result: res}
	s.listing = Listing{Title: "“" + safetext.Clip(query, maxShown) + "”", Matches: res.Matches, Search: query, Total: res.Total}
	s.focus.Index = s.rowOf(s.focus)
	s.notify(SearchChanged | ListingChanged)
}

// StopSearch ends a search that runs without a result: the listing stays
// what it was.
func (s *State) StopSearch() {
	if s.search.Pending {
		s.search = Search{}
		s.notify(SearchChanged)
	}
}

// Clear forgets the selection, the listing, what is open and the search,
// for a corpus newly shown; hint titles the empty listing.
func (s *State) Clear(hint string) {
	s.selection, s.focus, s.search = timeline.Selection{}, Focus{Index: -1}, Search{}
	s.listing = Listing{Title: hint}
	s.notify(SelectionChanged | ListingChanged | FocusChanged | SearchChanged)
}

func (s *State) notifyIf(c Change) {
	if c != 0 {
		s.notify(c)
	}
}

// Hovered returns the highlighted topic (nil: none).
func (s *State) Hovered() *data.Topic { return s.hover }

// SetHover highlights a topic everywhere (nil: none).
func (s *State) SetHover(t *data.Topic) { set(s, &s.hover, t, HoverChanged) }

// Query is the filters as a count query of a corpus: its topics in order
// (none, not all, when every one is hidden), the years, the kinds.
func (s *State) Query(c *data.Corpus) data.Query {
	q := data.Query{Unit: s.unit, PerThousandWords: s.perThousandWords, FromYear: s.fromYear, ToYear: s.toYear, Topics: []string{}, Coders: s.coders.Clone()}
	if c != nil {
		for _, t := range c.Topics {
			if !s.hidden[t.ID] {
				q.Topics = append(q.Topics, t.ID)
			}
		}
	}
	if s.kinds != nil {
		q.Kinds = slices.Clone(s.kinds)
		if q.Kinds == nil {
			q.Kinds = []string{}
		}
	}
	return q
}
