package data

import (
	"image/color"
	"path/filepath"
	"slices"
	"unicode"
)

// FormatVersion is the corpus format this code reads.
const FormatVersion = 1

// Corpus is a loaded, validated corpus. Its slices keep the order of the
// file; the lookups by id are built once at load time.
type Corpus struct {
	Path        string // the corpus file as named in messages
	Title       string
	Description string
	Format      int

	Topics      []*Topic
	Meetings    []*Meeting
	Sources     []*Source
	Annotations []*Annotation
	Eras        []*Era

	// Made by Derive from the lists above.
	topicByID   map[string]*Topic
	meetingByID map[string]*Meeting
	sourceByID  map[string]*Source
	byDate      []*Meeting
}

// Topic is one entry of the corpus' vocabulary.
type Topic struct {
	Index       int // position in Corpus.Topics
	ID          string
	Label       string
	Color       color.NRGBA
	Description string
	Terms       []string
}

// Participant is a person at a meeting.
type Participant struct {
	Name    string
	Hangul  string // the name in Hangul, when given
	Role    string
	Country string
}

// Meeting is an event on the timeline.
type Meeting struct {
	Index        int // position in Corpus.Meetings
	ID           string
	Title        string
	Short        string // label for the timeline
	Kind         string
	Date         Date
	End          Date // zero for a one-day event
	Place        string
	Participants []Participant
	Summary      string
	Notes        string
	Sources      []*Source
}

// LastDay is the last calendar day the meeting may cover, as a day number.
func (m *Meeting) LastDay() int {
	if !m.End.IsZero() {
		return m.End.LastDay()
	}
	return m.Date.LastDay()
}

// HasText reports whether any source text in the corpus reports the meeting.
func (m *Meeting) HasText() bool { return len(m.Sources) > 0 }

// Range is a half-open span [Start, End) of a source text in code points.
type Range struct {
	Start, End int
	Reason     string
}

// Source is a document that reports one or more meetings.
type Source struct {
	Index         int // position in Corpus.Sources
	ID            string
	Title         string
	Publisher     string
	Author        string
	Published     string // the publication date as printed
	PublishedNote string // why the printed date is not the event date, and the like
	URL           string
	Kind          string
	Language      string
	File          string // path relative to the corpus file; empty for inline text
	Text          string
	Excluded      []Range // sorted, not overlapping
	Words         int     // words outside the excluded ranges
	Meetings      []*Meeting
	Annotations   []*Annotation
}

// Annotation ties a topic to an exact span of a source text.
type Annotation struct {
	Index  int // position in Corpus.Annotations
	Source *Source
	Topic  *Topic
	Quote  string
	Prefix string
	Suffix string
	Start  int // the start offset the file gives, -1 when none
	Note   string
	// Coder is who made the annotation, and Created the day they did
	// (YYYY-MM-DD); both optional.
	Coder, Created string
	Anchor         Anchor
	Line           int // where the annotation stands in the corpus file
}

// Text returns the span of the source text the annotation landed on.
func (a *Annotation) Text() string {
	return a.Source.Text[a.Anchor.ByteStart:a.Anchor.ByteEnd]
}

// Counted reports whether the annotation takes part in counts: it must be
// anchored somewhere and its source must report a meeting.
func (a *Annotation) Counted() bool {
	return a.Anchor.Status != Orphaned && len(a.Source.Meetings) > 0
}

// Era is a background band: a term of office or any other period.
type Era struct {
	Group string
	Label string
	Start Date
	End   Date
}

// Files lists the files the corpus was read from, as absolute paths: the
// corpus file first, then each source file once. It is empty for a corpus
// not read from disk (the built-in one).
func (c *Corpus) Files() []string {
	if c.Path == "" {
		return nil
	}
	abs, err := filepath.Abs(c.Path)
	if err != nil {
		return nil
	}
	files := []string{abs}
	dir := filepath.Dir(abs) // once: Abs asks the system for the working folder
	seen := map[string]bool{abs: true}
	for _, s := range c.Sources {
		if s.File == "" {
			continue
		}
		if f := filepath.Join(dir, filepath.FromSlash(s.File)); !seen[f] {
			seen[f] = true
			files = append(files, f)
		}
	}
	return files
}

// Topic returns the topic with the given id, or nil.
func (c *Corpus) Topic(id string) *Topic { return c.topicByID[id] }

// Meeting returns the meeting with the given id, or nil.
func (c *Corpus) Meeting(id string) *Meeting { return c.meetingByID[id] }

// Source returns the source with the given id, or nil.
func (c *Corpus) Source(id string) *Source { return c.sourceByID[id] }

// EraGroups lists the era groups in the order they first appear.
func (c *Corpus) EraGroups() []string {
	var groups []string
	seen := map[string]bool{}
	for _, e := range c.Eras {
		if !seen[e.Group] {
			seen[e.Group] = true
			groups = append(groups, e.Group)
		}
	}
	return groups
}

// ErasAt returns the eras that include the given day number.
func (c *Corpus) ErasAt(day int) []*Era {
	var out []*Era
	for _, e := range c.Eras {
		if e.Start.FirstDay() <= day && day <= e.End.LastDay() {
			out = append(out, e)
		}
	}
	return out
}

// DateRange returns the first and last meeting dates; ok is false when the
// corpus has no meetings.
func (c *Corpus) DateRange() (first, last Date, ok bool) {
	for i, m := range c.Meetings {
		if i == 0 || m.Date.FirstDay() < first.FirstDay() {
			first = m.Date
		}
		end := m.Date
		if !m.End.IsZero() {
			end = m.End
		}
		if i == 0 || end.LastDay() > last.LastDay() {
			last = end
		}
	}
	return first, last, len(c.Meetings) > 0
}

// Derive makes what the corpus derives from its lists, replacing what it
// made before: the lookups by id (the first of each id), the meetings by
// date, each source's meetings and each source's anchored annotations, all
// in file order. Whoever builds or changes a corpus calls it last: a load
// and a cache hit both end here, so the two cannot derive differently.
func (c *Corpus) Derive() {
	c.topicByID = make(map[string]*Topic, len(c.Topics))
	for _, t := range c.Topics {
		if _, dup := c.topicByID[t.ID]; !dup {
			c.topicByID[t.ID] = t
		}
	}
	c.sourceByID = make(map[string]*Source, len(c.Sources))
	for _, s := range c.Sources {
		if _, dup := c.sourceByID[s.ID]; !dup {
			c.sourceByID[s.ID] = s
		}
		s.Meetings, s.Annotations = nil, nil
	}
	c.meetingByID = make(map[string]*Meeting, len(c.Meetings))
	for _, m := range c.Meetings {
		if _, dup := c.meetingByID[m.ID]; !dup {
			c.meetingByID[m.ID] = m
		}
	}
	c.byDate = sortByDate(c.Meetings)
	for _, m := range c.Meetings {
		for _, s := range m.Sources {
			s.Meetings = append(s.Meetings, m)
		}
	}
	for _, a := range c.Annotations {
		if a.Listed() {
			a.Source.Annotations = append(a.Source.Annotations, a)
		}
	}
}

// Clone copies the corpus' records (topics, meetings, sources,
// annotations, eras), sharing their texts, and derives the copy: a changed
// copy can then be made while views still read the original. Topics and
// eras, which nothing derived changes, are shared.
func (c *Corpus) Clone() *Corpus {
	n := *c
	// One backing array per kind of record, and sources found by index:
	// a copy of 100,000 annotations is a handful of allocations.
	sources := make([]Source, len(c.Sources))
	n.Sources = make([]*Source, len(c.Sources))
	for i, s := range c.Sources {
		sources[i] = *s
		n.Sources[i] = &sources[i]
	}
	meetings := make([]Meeting, len(c.Meetings))
	n.Meetings = make([]*Meeting, len(c.Meetings))
	var refs int
	for _, m := range c.Meetings {
		refs += len(m.Sources)
	}
	links := make([]*Source, 0, refs)
	for i, m := range c.Meetings {
		meetings[i] = *m
		start := len(links)
		for _, s := range m.Sources {
			links = append(links, n.Sources[s.Index])
		}
		meetings[i].Sources = links[start:len(links):len(links)]
		n.Meetings[i] = &meetings[i]
	}
	annotations := make([]Annotation, len(c.Annotations))
	n.Annotations = make([]*Annotation, len(c.Annotations))
	for i, a := range c.Annotations {
		annotations[i] = *a
		annotations[i].Source = n.Sources[a.Source.Index]
		n.Annotations[i] = &annotations[i]
	}
	n.Topics = slices.Clone(c.Topics)
	n.Eras = slices.Clone(c.Eras)
	n.Derive()
	return &n
}

// Listed reports whether the annotation belongs in its source's list: it
// has a source, a topic and a place in the text.
func (a *Annotation) Listed() bool {
	return a.Source != nil && a.Topic != nil && a.Anchor.Status != Orphaned && a.Quote != ""
}

// CountWords counts runs of letters and digits outside the excluded ranges.
func CountWords(text string, excluded []Range) int {
	words, inWord, runeIndex, next := 0, false, 0, 0
	for _, r := range text {
		for next < len(excluded) && runeIndex >= excluded[next].End {
			next++
		}
		skip := next < len(excluded) && runeIndex >= excluded[next].Start
		letter := !skip && isWordRune(r)
		if letter && !inWord {
			words++
		}
		inWord = letter
		runeIndex++
	}
	return words
}

// isWordRune reports whether r belongs to a word; combining marks stay with
// their letter.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc)
}
