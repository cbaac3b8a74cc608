package edit

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// When the corpus file changed on disk while it was being edited (another
// editor, a git pull), the edits are made again on the file as it is now:
// what the edits changed is read off the corpus as read and the corpus as
// edited (Changes), and each change is made on the new file where it
// still finds its place (Reapply); those that do not are reported, never
// forced.

// Change is one thing the edits changed, found by comparing the corpus as
// read with the corpus as edited.
type Change struct {
	Kind    ChangeKind
	Topic   *data.Topic      // a topic added; the new topic of a retopic
	Was     *data.Annotation // the annotation as read (remove, retopic, note)
	Now     *data.Annotation // the annotation as edited (add, note)
	Source  *data.Source     // where a range was excluded
	Range   data.Range       // the range excluded
	Excerpt string           // the excluded text
}

// ChangeKind says what a Change does.
type ChangeKind int

// The kinds of change, in the order Reapply makes them.
const (
	TopicAdd ChangeKind = iota
	ExclusionAdd
	AnnotationRemove
	AnnotationRetopic
	AnnotationNote
	AnnotationAdd
)

// String describes the change for a report.
func (c Change) String() string {
	switch c.Kind {
	case TopicAdd:
		return fmt.Sprintf("the new topic %q", c.Topic.ID)
	case ExclusionAdd:
		return fmt.Sprintf("the exclusion of %q in %s", safetext.Clip(c.Excerpt, 40), c.Source.ID)
	case AnnotationRemove:
		return fmt.Sprintf("the removal of %q (%s) in %s", safetext.Clip(c.Was.Quote, 40), c.Was.Topic.ID, c.Was.Source.ID)
	case AnnotationRetopic:
		return fmt.Sprintf("%q in %s as %s (was %s)", safetext.Clip(c.Was.Quote, 40), c.Was.Source.ID, c.Topic.ID, c.Was.Topic.ID)
	case AnnotationNote:
		return fmt.Sprintf("the note of %q in %s", safetext.Clip(c.Was.Quote, 40), c.Was.Source.ID)
	default:
		return fmt.Sprintf("%q (%s) in %s", safetext.Clip(c.Now.Quote, 40), c.Now.Topic.ID, c.Now.Source.ID)
	}
}

// spanKey tells annotations apart: the same source, span and quote.
type spanKey struct {
	source     string
	start, end int
	quote      string
}

func keyOf(a *data.Annotation) spanKey {
	return spanKey{a.Source.ID, a.Anchor.Start, a.Anchor.End, a.Quote}
}

// ErrNotReapplied is Changes' error for edits it cannot make again on
// another version of the file (a new source, a meeting's date changed):
// the user saves them as a new file instead.
var ErrNotReapplied = errors.New("some edits cannot be made again on the changed file")

// Changes lists what turns read into now: topics and excluded ranges
// added, and annotations added, removed, given another topic or another
// note, in the order Reapply makes them. Other edits (sources or meetings
// added, a record's fields changed) are ErrNotReapplied, with what they
// are: none is dropped in silence.
func Changes(read, now *data.Corpus) ([]Change, error) {
	if what := otherEdits(read, now); len(what) > 0 {
		return nil, fmt.Errorf("%w: %s", ErrNotReapplied, strings.Join(what, "; "))
	}
	var out []Change
	for _, t := range now.Topics {
		if read.Topic(t.ID) == nil {
			out = append(out, Change{Kind: TopicAdd, Topic: t})
		}
	}
	for _, s := range now.Sources {
		was := read.Source(s.ID)
		if was == nil {
			continue
		}
		for _, r := range s.Excluded {
			if !covered(was.Excluded, r) {
				out = append(out, Change{Kind: ExclusionAdd, Source: s, Range: r, Excerpt: runeSlice(s.Text, r.Start, r.End)})
			}
		}
	}
	// Annotations by span: what is left over on either side was removed
	// or added; one left over on both sides at one span changed topic.
	before := map[spanKey][]*data.Annotation{}
	// The coders' annotation files are not re-applied, they are kept
	// whole: each is the coder's alone, and changes on disk only with
	// the corpus file's edits.
	for _, a := range read.Annotations {
		if a.Source != nil && a.Topic != nil && a.File == "" {
			before[keyOf(a)] = append(before[keyOf(a)], a)
		}
	}
	var added []*data.Annotation
	for _, a := range now.Annotations {
		if a.Source == nil || a.Topic == nil || a.File != "" {
			continue
		}
		k := keyOf(a)
		list := before[k]
		i := -1
		for j, b := range list {
			if b.Topic.ID == a.Topic.ID {
				i = j
				break
			}
		}
		if i < 0 {
			added = append(added, a)
			continue
		}
		if b := list[i]; b.Details().Note != a.Details().Note {
			out = append(out, Change{Kind: AnnotationNote, Was: b, Now: a})
		}
		before[k] = append(list[:i:i], list[i+1:]...)
	}
	var adds []Change
	for _, a := range added {
		if list := before[keyOf(a)]; len(list) > 0 {
			out = append(out, Change{Kind: AnnotationRetopic, Was: list[0], Topic: a.Topic})
			before[keyOf(a)] = list[1:]
			continue
		}
		adds = append(adds, Change{Kind: AnnotationAdd, Now: a})
	}
	for _, a := range read.Annotations {
		if list := before[keyOf(a)]; len(list) > 0 && list[0] == a {
			out = append(out, Change{Kind: AnnotationRemove, Was: a})
			before[keyOf(a)] = list[1:]
		}
	}
	out = append(out, adds...)
	// Stable by kind, so topics come before the annotations that use them.
	var sorted []Change
	for k := TopicAdd; k <= AnnotationAdd; k++ {
		for _, c := range out {
			if c.Kind == k {
				sorted = append(sorted, c)
			}
		}
	}
	return sorted, nil
}

// described is what the sources editor shows of a source, to tell
// whether it changed.
func described(s *data.Source) string {
	d := s.Details()
	return fmt.Sprint(s.Title, d.Publisher, d.Author, d.Published, d.PublishedNote, d.URL, s.Kind, s.Language, s.File)
}

// otherEdits names the edits between read and now that Changes cannot
// express: records added or removed, and fields of topics, meetings and
// sources changed.
func otherEdits(read, now *data.Corpus) []string {
	var out []string
	if len(read.Sources) != len(now.Sources) {
		out = append(out, fmt.Sprintf("%d sources added or removed", abs(len(now.Sources)-len(read.Sources))))
	}
	if len(read.Meetings) != len(now.Meetings) {
		out = append(out, fmt.Sprintf("%d meetings added or removed", abs(len(now.Meetings)-len(read.Meetings))))
	}
	if len(now.Topics) < len(read.Topics) {
		out = append(out, "topics removed or merged")
	}
	for _, t := range now.Topics {
		if was := read.Topic(t.ID); was != nil && fmt.Sprint(was.Label, was.Color, was.Description, was.Terms) != fmt.Sprint(t.Label, t.Color, t.Description, t.Terms) {
			out = append(out, "the topic "+t.ID+" changed")
		}
	}
	for _, m := range now.Meetings {
		if was := read.Meeting(m.ID); was == nil {
			out = append(out, "the meeting "+m.ID+" is new")
		} else if meetingFields(was) != meetingFields(m) {
			out = append(out, "the meeting "+m.ID+" changed")
		}
	}
	for _, s := range now.Sources {
		if was := read.Source(s.ID); was == nil {
			out = append(out, "the source "+s.ID+" is new")
		} else if described(was) != described(s) {
			out = append(out, "the source "+s.ID+" changed")
		}
	}
	return out
}

func meetingFields(m *data.Meeting) string {
	var sources []string
	for _, s := range m.Sources {
		sources = append(sources, s.ID)
	}
	return fmt.Sprint(m.Title, m.Short, m.Kind, m.Date, m.End, m.Place, m.Participants, m.Summary, m.Notes, sources)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func covered(rs []data.Range, r data.Range) bool {
	for _, x := range rs {
		if x.Start <= r.Start && r.End <= x.End {
			return true
		}
	}
	return false
}

func runeSlice(s string, start, end int) string {
	i, n := 0, 0
	from, to := len(s), len(s)
	for i < len(s) {
		if n == start {
			from = i
		}
		if n == end {
			to = i
			break
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	if from > to {
		return ""
	}
	return s[from:to]
}

// Failure is a change Reapply could not make, and why.
type Failure struct {
	Change Change
	Reason string
}

// Reapply makes changes on disk, the corpus file at path as it is now,
// each where it still finds its place: an annotation by its quote and
// context, an excluded range by its text. It gives the new bytes, the
// changes made and those that could not be, with why. Each change is made
// on the corpus the one before left (loaded again), so its lines are
// right.
func Reapply(path string, disk []byte, changes []Change) ([]byte, []Change, []Failure, error) {
	return ReapplyEdited(path, disk, nil, changes)
}

// ReapplyEdited is Reapply on a corpus whose coders' annotation files
// named in edited (by the path the corpus lists) hold the bytes given
// there: the edits kept of those files.
func ReapplyEdited(path string, disk []byte, edited map[string][]byte, changes []Change) ([]byte, []Change, []Failure, error) {
	c, err := LoadEdited(path, disk, edited)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("the file on disk does not load: %w", err)
	}
	raw := disk
	var done []Change
	var failed []Failure
	for _, ch := range changes {
		out, err := apply(c, raw, ch)
		if err == nil {
			var next *data.Corpus
			if next, err = LoadEdited(path, out, edited); err == nil {
				raw, c = out, next
				done = append(done, ch)
				continue
			}
		}
		failed = append(failed, Failure{ch, err.Error()})
	}
	return raw, done, failed, nil
}

// apply makes one change on raw, which loads as c.
func apply(c *data.Corpus, raw []byte, ch Change) ([]byte, error) {
	switch ch.Kind {
	case TopicAdd:
		if c.Topic(ch.Topic.ID) != nil {
			return nil, fmt.Errorf("the file has a topic %q already", ch.Topic.ID)
		}
		col := ch.Topic.Color
		out, _, _, err := AddTopicAt(raw, Topic{ID: ch.Topic.ID, Label: ch.Topic.Label, Color: fmt.Sprintf("#%02X%02X%02X", col.R, col.G, col.B)})
		return out, err
	case ExclusionAdd:
		s := c.Source(ch.Source.ID)
		if s == nil {
			return nil, fmt.Errorf("the file has no source %q now", ch.Source.ID)
		}
		start, end := ch.Range.Start, ch.Range.End
		if runeSlice(s.Text, start, end) != ch.Excerpt {
			at := strings.Index(s.Text, ch.Excerpt)
			if at < 0 || strings.Count(s.Text, ch.Excerpt) != 1 {
				return nil, fmt.Errorf("the excluded text is not once in %s now", s.ID)
			}
			start = utf8.RuneCountInString(s.Text[:at])
			end = start + utf8.RuneCountInString(ch.Excerpt)
		}
		ex, _, err := Markers(s, start, end)
		if err != nil {
			return nil, err
		}
		ex.Reason = ch.Range.Reason
		out, _, _, err := AddExclusion(raw, ex)
		return out, err
	case AnnotationAdd:
		a, d := ch.Now, ch.Now.Details()
		want := Annotation{Source: a.Source.ID, Topic: a.Topic.ID, Quote: a.Quote, Prefix: d.Prefix, Suffix: d.Suffix, Start: -1, Note: d.Note, Coder: a.Coder, Created: d.Created}
		placed, _, err := Place(c, want)
		if err != nil {
			return nil, err
		}
		out, _, err := AddAt(raw, placed)
		return out, err
	}
	was := find(c, ch.Was)
	if was == nil {
		return nil, fmt.Errorf("the file has no annotation %q (%s) in %s now", safetext.Clip(ch.Was.Quote, 40), ch.Was.Topic.ID, ch.Was.Source.ID)
	}
	switch ch.Kind {
	case AnnotationRemove:
		out, _, err := RemoveAt(raw, was.Line)
		return out, err
	case AnnotationRetopic:
		if c.Topic(ch.Topic.ID) == nil {
			return nil, fmt.Errorf("the file has no topic %q", ch.Topic.ID)
		}
		return Retopic(raw, was.Line, ch.Topic.ID)
	default:
		return SetNote(raw, was.Line, ch.Now.Details().Note)
	}
}

// find is the annotation of c that a is: the same source, topic and quote,
// at the same span, or, when the text moved, the only one with them.
func find(c *data.Corpus, a *data.Annotation) *data.Annotation {
	var same []*data.Annotation
	for _, b := range c.Annotations {
		if b.Source != nil && b.Topic != nil && b.Source.ID == a.Source.ID && b.Topic.ID == a.Topic.ID && b.Quote == a.Quote {
			if b.Anchor.Start == a.Anchor.Start {
				return b
			}
			same = append(same, b)
		}
	}
	if len(same) == 1 {
		return same[0]
	}
	return nil
}
