package textmatch

import (
	"context"
	"sort"
	"strings"
	"sync"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// Field is where in a corpus a match was found.
type Field string

// The fields search looks in.
const (
	InText        Field = "text"        // a source's text, outside its excluded ranges
	InTitle       Field = "title"       // a meeting's or a source's title
	InLabel       Field = "label"       // a meeting's short label
	InPlace       Field = "place"       // a meeting's place
	InParticipant Field = "participant" // a meeting's participant: name, Hangul name, role
	InSummary     Field = "summary"     // a meeting's summary
	InNotes       Field = "notes"       // a meeting's notes
	InPublisher   Field = "publisher"   // a source's publisher
	InAuthor      Field = "author"      // a source's author
)

// Match is a place where a search phrase occurs: in a source's text or one
// of its fields, or in a field of a meeting.
type Match struct {
	Source  *data.Source  // the source, for InText, InTitle, InPublisher, InAuthor
	Meeting *data.Meeting // the meeting, for its fields
	Field   Field
	// Participant is the participant's index, for InParticipant.
	Participant        int
	Start, End         int // code points of the field's text
	ByteStart, ByteEnd int
}

// Text is the text the match was found in: the source text, or the field.
func (m Match) Text() string {
	switch m.Field {
	case InText:
		return m.Source.Text
	case InTitle:
		if m.Meeting != nil {
			return m.Meeting.Title
		}
		return m.Source.Title
	case InLabel:
		return m.Meeting.Short
	case InPlace:
		return m.Meeting.Place
	case InParticipant:
		return ParticipantText(m.Meeting.Participants[m.Participant])
	case InSummary:
		return m.Meeting.Summary
	case InNotes:
		return m.Meeting.Notes
	case InPublisher:
		return m.Source.Details().Publisher
	case InAuthor:
		return m.Source.Details().Author
	}
	return ""
}

// Meetings are the meetings the match belongs to: its meeting, or the
// meetings its source reports.
func (m Match) Meetings() []*data.Meeting {
	if m.Meeting != nil {
		return []*data.Meeting{m.Meeting}
	}
	return m.Source.Meetings
}

// ParticipantText is how a participant reads, and is searched: "Kim
// Kwan-jin (김관진), Minister of National Defense".
func ParticipantText(p data.Participant) string {
	s := p.Name
	if p.Hangul != "" {
		s += " (" + p.Hangul + ")"
	}
	if p.Role != "" {
		s += ", " + p.Role
	}
	return s
}

// Result is what a search found.
type Result struct {
	// Matches are the first matches, at most the number asked for: the
	// source texts first (in source order, then text order), then the
	// meetings' fields in date order, then the sources' fields.
	Matches []Match
	// Total counts every match.
	Total int
	// Meetings are the meetings with any match, in date order.
	Meetings []*data.Meeting
}

// Searcher searches one corpus: the source texts and the fields of its
// meetings and sources. It folds every text once, on the first search, and
// keeps the folded strings, which cost about as much memory as the texts.
// It is safe for use by several goroutines.
type Searcher struct {
	corpus     *data.Corpus
	once       sync.Once
	folded     []string
	fieldsOnce sync.Once
	fields     []field
}

// field is a meeting's or a source's field as search sees it: where a
// match in it stands, its text and the text folded.
type field struct {
	at           Match // Source or Meeting, Field, Participant
	text, folded string
}

// NewSearcher prepares to search the corpus; it folds nothing yet.
func NewSearcher(c *data.Corpus) *Searcher { return &Searcher{corpus: c} }

// Search finds a phrase everywhere as a term (ParseTerm): whole words, a
// trailing "*" for any ending, ignoring case, treating white space, dashes
// and quotes as matching folds them, and skipping excluded ranges. It
// counts every match and keeps the first keep of them (keep <= 0: all). It
// stops early, with ctx's error, when ctx is done.
func (sr *Searcher) Search(ctx context.Context, phrase string, keep int) (Result, error) {
	var res Result
	term := ParseTerm(phrase)
	needle := term.needle
	if term.Empty() {
		return res, nil
	}
	hit := map[*data.Meeting]bool{}
	add := func(m Match) {
		res.Total++
		if keep <= 0 || len(res.Matches) < keep {
			res.Matches = append(res.Matches, m)
		}
		for _, mt := range m.Meetings() {
			hit[mt] = true
		}
	}
	folded := sr.texts()
	for i, s := range sr.corpus.Sources {
		if ctx.Err() != nil {
			return Result{}, ctx.Err()
		}
		if !strings.Contains(folded[i], needle) {
			continue // most sources: one scan of a cached string
		}
		for _, m := range term.matchesIn(s.Text, s.Excluded) {
			m.Source, m.Field = s, InText
			add(m)
		}
	}
	for i, f := range sr.fieldTexts() {
		if i%4096 == 0 && ctx.Err() != nil {
			return Result{}, ctx.Err()
		}
		if !strings.Contains(f.folded, needle) {
			continue
		}
		for _, found := range term.matchesIn(f.text, nil) {
			found.Source, found.Meeting, found.Field, found.Participant = f.at.Source, f.at.Meeting, f.at.Field, f.at.Participant
			add(found)
		}
	}
	for _, mt := range sr.corpus.MeetingsByDate() {
		if hit[mt] {
			res.Meetings = append(res.Meetings, mt)
		}
	}
	return res, nil
}

// InSource finds a phrase in one source's text, as Search does: every
// match, for marking them where the text is shown.
func InSource(phrase string, s *data.Source) []Match {
	term := ParseTerm(phrase)
	if term.Empty() {
		return nil
	}
	out := term.matchesIn(s.Text, s.Excluded)
	for i := range out {
		out[i].Source, out[i].Field = s, InText
	}
	return out
}

// matchesIn finds the term in text, outside the excluded ranges, as
// search finds it: the folded needle, where it stands as the term asks.
func (t Term) matchesIn(text string, excluded []data.Range) []Match {
	found := matchesIn(text, excluded, t.needle)
	kept := found[:0]
	for _, m := range found {
		if t.standsAlone(text, m.ByteStart, m.ByteEnd) {
			kept = append(kept, m)
		}
	}
	return kept
}

// matchesIn finds the folded needle in text, outside the excluded ranges,
// with code point and byte offsets.
func matchesIn(text string, excluded []data.Range, needle string) []Match {
	f := foldText(text, true)
	var out []Match
	var runeByte []int
	for _, b := range f.matches(needle, 0) {
		start, end := f.span(b, b+len(needle))
		if inExcluded(excluded, start, end) {
			continue
		}
		if runeByte == nil {
			runeByte = make([]int, 0, len(text)+1)
			for i := range text {
				runeByte = append(runeByte, i)
			}
			runeByte = append(runeByte, len(text))
		}
		out = append(out, Match{Start: start, End: end, ByteStart: runeByte[start], ByteEnd: runeByte[end]})
	}
	return out
}

// fieldTexts lists, once, every field search looks in besides the texts:
// the meetings' in date order, then the sources'.
func (sr *Searcher) fieldTexts() []field {
	sr.fieldsOnce.Do(func() {
		put := func(at Match, text string) {
			if text != "" {
				sr.fields = append(sr.fields, field{at: at, text: text, folded: foldString(text, true)})
			}
		}
		for _, mt := range sr.corpus.MeetingsByDate() {
			put(Match{Meeting: mt, Field: InTitle}, mt.Title)
			if mt.Short != mt.Title {
				put(Match{Meeting: mt, Field: InLabel}, mt.Short)
			}
			put(Match{Meeting: mt, Field: InPlace}, mt.Place)
			for pi, p := range mt.Participants {
				put(Match{Meeting: mt, Field: InParticipant, Participant: pi}, ParticipantText(p))
			}
			put(Match{Meeting: mt, Field: InSummary}, mt.Summary)
			put(Match{Meeting: mt, Field: InNotes}, mt.Notes)
		}
		for _, s := range sr.corpus.Sources {
			put(Match{Source: s, Field: InTitle}, s.Title)
			d := s.Details()
			put(Match{Source: s, Field: InPublisher}, d.Publisher)
			put(Match{Source: s, Field: InAuthor}, d.Author)
		}
	})
	return sr.fields
}

// texts folds every source text for search, once.
func (sr *Searcher) texts() []string {
	sr.once.Do(func() {
		sr.folded = make([]string, len(sr.corpus.Sources))
		for i, s := range sr.corpus.Sources {
			sr.folded[i] = foldString(s.Text, true)
		}
	})
	return sr.folded
}

func inExcluded(ex []data.Range, start, end int) bool {
	i := sort.Search(len(ex), func(i int) bool { return ex[i].End > start })
	return i < len(ex) && ex[i].Start < end
}
