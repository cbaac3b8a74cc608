package app

import (
	"slices"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
	"github.com/alliance-timeline/alliance-timeline/data"
)

// State is what the window shows: the filters (topics, years, meeting
// kinds, what is counted), the theme choice, the selection (a meeting, or
// a meeting's mentions of a topic) and the topic highlighted under the
// pointer. It has one owner; views
// read it, change it only through its setters, and hear every change
// through Listen, so no view pushes into another and no push can echo: a
// setter that changes nothing notifies no one. Preferences are one more
// listener (persistState), as is everything that draws from the filters.
type State struct {
	hidden           map[string]bool // topic ids not shown
	fromYear, toYear int             // 0: the corpus' first or last year
	kinds            []string        // meeting kinds shown; nil: every kind
	unit             data.Unit
	perThousandWords bool
	theme            apptheme.Choice
	meeting          *data.Meeting // the selection: a meeting, or its mentions of a topic
	topic            *data.Topic
	hover            *data.Topic // the topic under the pointer anywhere, highlighted everywhere
	listeners        []func(Change)
}

// Change says what a change of the State touched.
type Change int

// What a change touches.
const (
	FiltersChanged Change = 1 << iota // topics, years, kinds, unit, per 1,000 words
	ThemeChanged
	SelectionChanged
	HoverChanged
)

// NewState makes the state with every topic and kind shown, spans counted,
// and the desktop's theme.
func NewState() *State {
	return &State{hidden: map[string]bool{}, theme: apptheme.System}
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

// Selected returns the selection: nil meeting for none.
func (s *State) Selected() (*data.Meeting, *data.Topic) { return s.meeting, s.topic }

// Select selects a meeting (nil: nothing) or, with topic, its mentions of
// the topic.
func (s *State) Select(m *data.Meeting, topic *data.Topic) {
	if m == nil {
		topic = nil
	}
	if m == s.meeting && topic == s.topic {
		return
	}
	s.meeting, s.topic = m, topic
	s.notify(SelectionChanged)
}

// Hovered returns the highlighted topic (nil: none).
func (s *State) Hovered() *data.Topic { return s.hover }

// SetHover highlights a topic everywhere (nil: none).
func (s *State) SetHover(t *data.Topic) { set(s, &s.hover, t, HoverChanged) }

// Query is the filters as a count query of a corpus: its topics in order
// (none, not all, when every one is hidden), the years, the kinds.
func (s *State) Query(c *data.Corpus) data.Query {
	q := data.Query{Unit: s.unit, PerThousandWords: s.perThousandWords, FromYear: s.fromYear, ToYear: s.toYear, Topics: []string{}}
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
