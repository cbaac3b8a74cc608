package data

import (
	"image/color"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"
	"weak"
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
	// Rejections are suggestions the user turned down: a passage that is
	// not about a topic although its terms occur there, so it is not
	// suggested again. They are written and anchored as annotations are,
	// and never counted. Their Line is where a load found them; a corpus
	// that follows edits in memory does not move it, so edits of
	// rejections read their lines from the file.
	Rejections []*Annotation
	// AnnotationFiles are the coders' own files of annotations that the
	// corpus file lists (annotation_files), in its order: each coder's
	// work apart, so coders never edit one file and their merges never
	// conflict.
	AnnotationFiles []AnnotationFile

	// Made by Derive from the lists above. The lookups give positions,
	// not records, so a Clone (same ids at the same positions) shares them.
	topicAt   map[string]int
	meetingAt map[string]int
	sourceAt  map[string]int
	byDate    []*Meeting

	// What edits of a Clone changed, for views that follow an edit
	// without counting everything again (AnnotationsChangedSince); nil for
	// a corpus that is not a Clone.
	edits *editTrace
}

// editTrace is what changed in a Clone since it was made.
type editTrace struct {
	from    weak.Pointer[Corpus] // the original, not kept alive by its copies
	changed []int                // sources whose annotations changed
	whole   bool                 // more changed than those annotations
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
	Index       int // position in Corpus.Sources
	ID          string
	Title       string
	Kind        string
	Language    string
	File        string // path relative to the corpus file; empty for inline text
	Text        string
	Excluded    []Range // sorted, not overlapping
	Words       int     // words outside the excluded ranges
	Meetings    []*Meeting
	Annotations []*Annotation

	// details are nil when there are none (SetDetails): most sources of a
	// large corpus have none, and in each record they were 150 bytes of
	// its 360 (BENCHMARKS.md, issue 19).
	details *SourceDetails
	// pageStarts are the bytes where the pages after the first start (a
	// form feed ends a page), made by Derive; nil for a text of one page.
	pageStarts []int
}

// SourceDetails is what a corpus may say of a source besides its title,
// kind, language and text: who published it and when, where it is found,
// and where its text was imported from.
type SourceDetails struct {
	Publisher     string
	Author        string
	Published     string // the publication date as printed
	PublishedNote string // why the printed date is not the event date, and the like
	URL           string
	Origin        Origin // the document the text was imported from, when it was
	FirstPage     int    // the number its first page bears (a PDF's page label); 0: 1
}

// Details are the source's details; the zero value when it has none.
func (s *Source) Details() SourceDetails {
	if s.details == nil {
		return SourceDetails{}
	}
	return *s.details
}

// SetDetails gives the source its details (none, for the zero value).
func (s *Source) SetDetails(d SourceDetails) {
	if d == (SourceDetails{}) {
		s.details = nil
		return
	}
	// A copy into new memory, not &d: that would move d to the heap on
	// every call, the many with no details included.
	s.details = new(SourceDetails)
	*s.details = d
}

// Page is the number of the page of the text that byte at lies on, from
// FirstPage (1 when not given); 0 for a text without pages (no form feed,
// and no first page given: not a paged document).
func (s *Source) Page(at int) int {
	firstPage := s.Details().FirstPage
	if len(s.pageStarts) == 0 && firstPage == 0 {
		return 0
	}
	return max(firstPage, 1) + sort.SearchInts(s.pageStarts, at+1)
}

// SetText gives s its text and notes where its pages start: for a
// source whose text comes after its corpus was derived (a cache entry's).
func (s *Source) SetText(text string) {
	s.Text = text
	s.findPages()
}

// findPages notes where the text's pages start.
func (s *Source) findPages() {
	s.pageStarts = nil
	for at := 0; ; {
		i := strings.IndexByte(s.Text[at:], '\f')
		if i < 0 {
			return
		}
		at += i + 1
		s.pageStarts = append(s.pageStarts, at)
	}
}

// Origin is where an imported source's text came from: the document's
// file name, its SHA-256, the extractor (name and version) and the day.
type Origin struct {
	File, SHA256, Extractor, Date string
}

// AnnotationFile is one coder's file of annotations (and rejections).
type AnnotationFile struct {
	Path  string // relative to the corpus file, with slashes, as listed
	Coder string // whose file it is: every annotation in it is theirs
}

// Annotation ties a topic to an exact span of a source text.
type Annotation struct {
	Index  int // position in Corpus.Annotations
	Source *Source
	Topic  *Topic
	Quote  string
	Start  int    // the start offset the file gives, -1 when none
	Coder  string // who made the annotation; optional
	Anchor Anchor
	Line   int    // where the annotation stands in its file
	File   string // that file: "" for the corpus file, else an AnnotationFile's Path

	// details are nil when there are none (SetDetails): most annotations
	// of a large corpus have none, and in each record they were 64 bytes
	// of its 224 (BENCHMARKS.md, issue 19).
	details *AnnotationDetails
}

// AnnotationDetails is what an annotation may say besides its source,
// topic, quote, start and coder: the text around the quote that tells
// its place, and the coder's note and day.
type AnnotationDetails struct {
	Prefix, Suffix string // the text just before and after the quote, as the file gives it
	Note           string
	Created        string // the day the coder made it (YYYY-MM-DD)
}

// Details are the annotation's details; the zero value when it has none.
func (a *Annotation) Details() AnnotationDetails {
	if a.details == nil {
		return AnnotationDetails{}
	}
	return *a.details
}

// SetDetails gives the annotation its details (none, for the zero value).
// A copy of an annotation shares them until either is given others.
func (a *Annotation) SetDetails(d AnnotationDetails) {
	if d == (AnnotationDetails{}) {
		a.details = nil
		return
	}
	a.details = new(AnnotationDetails) // not &d: see Source.SetDetails
	*a.details = d
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
// corpus file first, then the coders' annotation files, then each source
// file once. It is empty for a corpus not read from disk (the built-in
// one).
func (c *Corpus) Files() []string {
	abs, ok := c.absPath()
	if !ok {
		return nil
	}
	files := []string{abs}
	dir := filepath.Dir(abs) // once: Abs asks the system for the working folder
	seen := map[string]bool{abs: true}
	add := func(rel string) {
		if f := filepath.Join(dir, filepath.FromSlash(rel)); !seen[f] {
			seen[f] = true
			files = append(files, f)
		}
	}
	c.eachListedFile(add)
	return files
}

// Folders lists the folders that hold the corpus' files (Files), each
// once, without making each file's path: where its files are watched. (At
// 30,000 source files, Files takes 14 ms.)
func (c *Corpus) Folders() []string {
	abs, ok := c.absPath()
	if !ok {
		return nil
	}
	dir := filepath.Dir(abs)
	folders := []string{dir}
	seenRel, seen := map[string]bool{".": true}, map[string]bool{dir: true}
	add := func(rel string) {
		if d := path.Dir(rel); !seenRel[d] {
			seenRel[d] = true
			if f := filepath.Join(dir, filepath.FromSlash(d)); !seen[f] {
				seen[f] = true
				folders = append(folders, f)
			}
		}
	}
	c.eachListedFile(add)
	return folders
}

// eachListedFile calls f with the path of each file the corpus lists,
// relative to the corpus file, with slashes: the coders' annotation files,
// then the sources' files.
func (c *Corpus) eachListedFile(f func(rel string)) {
	for _, af := range c.AnnotationFiles {
		f(af.Path)
	}
	for _, s := range c.Sources {
		if s.File != "" {
			f(s.File)
		}
	}
}

// absPath is the corpus file's absolute path; false for a corpus not read
// from disk.
func (c *Corpus) absPath() (string, bool) {
	if c.Path == "" {
		return "", false
	}
	abs, err := filepath.Abs(c.Path)
	return abs, err == nil
}

// Topic returns the topic with the given id, or nil.
func (c *Corpus) Topic(id string) *Topic { return lookup(c.Topics, c.topicAt, id) }

// Meeting returns the meeting with the given id, or nil.
func (c *Corpus) Meeting(id string) *Meeting { return lookup(c.Meetings, c.meetingAt, id) }

// Source returns the source with the given id, or nil.
func (c *Corpus) Source(id string) *Source { return lookup(c.Sources, c.sourceAt, id) }

func lookup[T any](list []*T, at map[string]int, id string) *T {
	if i, ok := at[id]; ok && i < len(list) {
		return list[i]
	}
	return nil
}

// positions maps each id to the position of its first record.
func positions[T any](list []*T, id func(*T) string) map[string]int {
	at := make(map[string]int, len(list))
	for i, r := range list {
		if _, dup := at[id(r)]; !dup {
			at[id(r)] = i
		}
	}
	return at
}

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
	var firstDay, lastDay int // of first and last, not counted again for each meeting
	for i, m := range c.Meetings {
		if day := m.Date.FirstDay(); i == 0 || day < firstDay {
			first, firstDay = m.Date, day
		}
		end := m.Date
		if !m.End.IsZero() {
			end = m.End
		}
		if day := end.LastDay(); i == 0 || day > lastDay {
			last, lastDay = end, day
		}
	}
	return first, last, len(c.Meetings) > 0
}

// Derive makes what the corpus derives from its lists, replacing what it
// made before: the records' positions (Index), the lookups by id (the
// first of each id), the meetings by date, each source's meetings and each
// source's anchored annotations, all in file order. Whoever builds or changes a corpus calls it last: a load
// and a cache hit both end here, so the two cannot derive differently.
func (c *Corpus) Derive() {
	if c.edits != nil {
		c.edits.whole = true
	}
	c.deriveTopics()
	// The lookups by id, half of the work at 100,000 meetings and sources
	// (15 of 31 ms), are made beside the rest, which reads no id and
	// writes no record's id.
	lookups := make(chan struct{})
	go func() {
		defer close(lookups)
		c.sourceAt = positions(c.Sources, func(s *Source) string { return s.ID })
		c.meetingAt = positions(c.Meetings, func(m *Meeting) string { return m.ID })
	}()
	defer func() { <-lookups }()
	for i, s := range c.Sources {
		s.Index, s.Meetings, s.Annotations = i, nil, nil
		s.findPages()
	}
	for i, m := range c.Meetings {
		m.Index = i
	}
	for i, a := range c.Annotations {
		a.Index = i
	}
	for i, r := range c.Rejections {
		r.Index = i
	}
	c.byDate = sortByDate(c.Meetings)
	// Each source's meetings and annotations are carved from one array
	// each rather than grown one by one: 200,000 small allocations at
	// 100,000 sources. Each is capped, so that a later append copies.
	meetings := make([]int, len(c.Sources))
	annotations := make([]int, len(c.Sources))
	var nm, na int
	ours := func(s *Source) bool { return s.Index < len(c.Sources) && c.Sources[s.Index] == s }
	for _, m := range c.Meetings {
		for _, s := range m.Sources {
			if ours(s) {
				meetings[s.Index]++
				nm++
			}
		}
	}
	for _, a := range c.Annotations {
		if a.Listed() && ours(a.Source) {
			annotations[a.Source.Index]++
			na++
		}
	}
	meetingsOf, annotationsOf := make([]*Meeting, nm), make([]*Annotation, na)
	for i, s := range c.Sources {
		if n := meetings[i]; n > 0 {
			s.Meetings, meetingsOf = meetingsOf[:0:n], meetingsOf[n:]
		}
		if n := annotations[i]; n > 0 {
			s.Annotations, annotationsOf = annotationsOf[:0:n], annotationsOf[n:]
		}
	}
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

// deriveTopics makes the topics' lookup, after a topic is added.
func (c *Corpus) deriveTopics() {
	c.topicAt = positions(c.Topics, func(t *Topic) string { return t.ID })
}

// Clone copies the corpus' records (meetings, sources, annotations),
// sharing their texts, with what Derive made translated to the copies: a
// changed copy can then be made (AddAnnotation, RemoveAnnotation) while
// views still read the original. Topics and eras, which no edit of an
// annotation changes, are shared; so are the lookups by id.
func (c *Corpus) Clone() *Corpus {
	n := *c
	n.edits = &editTrace{from: weak.Make(c)}
	// One backing array per kind of record, and records found by index:
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
	n.Annotations = cloneAnnotations(c.Annotations, n.Sources)
	n.Topics = slices.Clone(c.Topics)
	n.Eras = slices.Clone(c.Eras)
	if len(c.Rejections) > 0 {
		n.Rejections = cloneAnnotations(c.Rejections, n.Sources)
	}
	if c.byDate != nil {
		n.byDate = make([]*Meeting, len(c.byDate))
		for i, m := range c.byDate {
			n.byDate[i] = n.Meetings[m.Index]
		}
	}
	// Each source's meetings and annotations, translated, in one array
	// of each for all sources.
	var inSource, ofSource int
	for _, s := range c.Sources {
		inSource += len(s.Meetings)
		ofSource += len(s.Annotations)
	}
	ms := make([]*Meeting, 0, inSource)
	as := make([]*Annotation, 0, ofSource)
	for _, s := range n.Sources {
		start := len(ms)
		for _, m := range s.Meetings {
			ms = append(ms, n.Meetings[m.Index])
		}
		s.Meetings = ms[start:len(ms):len(ms)]
		if len(s.Meetings) == 0 {
			s.Meetings = nil
		}
		start = len(as)
		for _, a := range s.Annotations {
			as = append(as, n.Annotations[a.Index])
		}
		s.Annotations = as[start:len(as):len(as)]
		if len(s.Annotations) == 0 {
			s.Annotations = nil
		}
	}
	return &n
}

// cloneAnnotations copies a list of annotations (or rejections) into one
// backing array, each pointing at the copy of its source.
func cloneAnnotations(list []*Annotation, sources []*Source) []*Annotation {
	copies := make([]Annotation, len(list))
	out := make([]*Annotation, len(list))
	for i, a := range list {
		copies[i] = *a
		if a.Source != nil {
			copies[i].Source = sources[a.Source.Index]
		}
		out[i] = &copies[i]
	}
	return out
}

// AddAnnotation adds an annotation to the corpus where a load of its
// files would place it (its Index set, the later ones' moved), and to its
// source's list when it is listed there. The corpus must not be
// one that views read: add to a Clone.
func (c *Corpus) AddAnnotation(a *Annotation) {
	// Where a load of the files would put it: after the last annotation
	// of its file, the corpus file's first, then each coder's file in the
	// order the corpus lists them.
	rank := c.fileRank(a.File)
	at := len(c.Annotations)
	for at > 0 && c.fileRank(c.Annotations[at-1].File) > rank {
		at--
	}
	c.Annotations = slices.Insert(slices.Clip(c.Annotations), at, a)
	for j := at; j < len(c.Annotations); j++ {
		c.Annotations[j].Index = j
	}
	c.changedSource(a.Source)
	if a.Listed() {
		// The list shares its array with the next source's: append to a copy.
		a.Source.Annotations = append(slices.Clip(a.Source.Annotations), a)
	}
}

// fileRank is the place of an annotation's file in the order a load reads
// them: the corpus file (0), then the annotation files as listed.
func (c *Corpus) fileRank(file string) int {
	if file == "" {
		return 0
	}
	for i, af := range c.AnnotationFiles {
		if af.Path == file {
			return i + 1
		}
	}
	return len(c.AnnotationFiles) + 1
}

// AddRejection appends a rejection (its Index set). Rejections are never
// counted, so views need not follow it; the corpus must not be one that
// views read: add to a Clone.
func (c *Corpus) AddRejection(r *Annotation) {
	r.Index = len(c.Rejections)
	c.Rejections = append(slices.Clip(c.Rejections), r)
}

// RemoveAnnotation takes annotation i out of the corpus (and its source's
// list); the annotations after it move up one position. The corpus must
// not be one that views read: remove from a Clone.
func (c *Corpus) RemoveAnnotation(i int) {
	gone := c.Annotations[i]
	c.Annotations = append(c.Annotations[:i:i], c.Annotations[i+1:]...)
	for j := i; j < len(c.Annotations); j++ {
		c.Annotations[j].Index = j
	}
	c.changedSource(gone.Source)
	if s := gone.Source; s != nil {
		s.Annotations = slices.DeleteFunc(slices.Clone(s.Annotations), func(a *Annotation) bool { return a == gone })
		if len(s.Annotations) == 0 {
			s.Annotations = nil
		}
	}
}

// SetTopic gives annotation i another topic, keeping the source's list.
func (c *Corpus) SetTopic(i int, t *Topic) {
	a := c.Annotations[i]
	was := a.Listed()
	a.Topic = t
	c.changedSource(a.Source)
	if was != a.Listed() {
		c.Derive() // a topic of nil takes it out of its source's list: rare
	}
}

// AnnotationChanged notes that annotation i of a Clone changed in place
// (its span), so views that follow the edit count its source again.
func (c *Corpus) AnnotationChanged(i int) { c.changedSource(c.Annotations[i].Source) }

// AddTopic appends a topic (its Index set) and makes its id known.
func (c *Corpus) AddTopic(t *Topic) {
	t.Index = len(c.Topics)
	c.Topics = append(c.Topics, t)
	c.deriveTopics()
	if c.edits != nil {
		c.edits.whole = true
	}
}

// changedSource notes that a source's annotations changed in a Clone.
func (c *Corpus) changedSource(s *Source) {
	switch {
	case c.edits == nil:
	case s == nil:
		c.edits.whole = true
	default:
		c.edits.changed = append(c.edits.changed, s.Index)
	}
}

// AnnotationsChangedSince reports how c differs from old, when c is a
// Clone of old changed by AddAnnotation, RemoveAnnotation and SetTopic
// alone: the sources whose annotations changed, each once. ok is false
// when c is not such a copy of old (or more changed), and a view must
// then be made anew.
func (c *Corpus) AnnotationsChangedSince(old *Corpus) (sources []*Source, ok bool) {
	if old == nil || c.edits == nil || c.edits.whole || c.edits.from.Value() != old {
		return nil, false
	}
	seen := map[int]bool{}
	for _, i := range c.edits.changed {
		if !seen[i] {
			seen[i] = true
			sources = append(sources, c.Sources[i])
		}
	}
	return sources, true
}

// Listed reports whether the annotation belongs in its source's list: it
// has a source, a topic and a place in the text.
func (a *Annotation) Listed() bool {
	return a.Source != nil && a.Topic != nil && a.Anchor.Status != Orphaned && a.Quote != ""
}

// MergeRanges sorts ranges and joins those that overlap or touch (the
// first reason given is kept): a source's Excluded.
func MergeRanges(rs []Range) []Range {
	sort.Slice(rs, func(i, j int) bool { return rs[i].Start < rs[j].Start })
	var out []Range
	for _, r := range rs {
		if n := len(out); n > 0 && r.Start <= out[n-1].End {
			if r.End > out[n-1].End {
				out[n-1].End = r.End
			}
			if out[n-1].Reason == "" {
				out[n-1].Reason = r.Reason
			}
			continue
		}
		out = append(out, r)
	}
	return out
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
