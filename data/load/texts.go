package load

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"go.yaml.in/yaml/v3"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// loadSources reads, checks and anchors every source, on all cores: a
// corpus may have tens of thousands of text files. Each worker reports
// into a list of its own; the loader sorts all problems at the end.
func (l *loader) loadSources() {
	sources := l.corpus.Sources
	if l.inputs != nil {
		l.inputs.sources, l.inputs.read = make([]Input, len(sources)), make([][]byte, len(sources))
	}
	bySource := make([][]int, len(sources))
	for i, a := range l.corpus.Annotations {
		if a.Source != nil && a.Quote != "" {
			bySource[a.Source.Index] = append(bySource[a.Source.Index], i)
		}
	}
	for i, a := range l.corpus.Rejections { // after the annotations' indexes
		if a.Source != nil && a.Quote != "" {
			bySource[a.Source.Index] = append(bySource[a.Source.Index], len(l.corpus.Annotations)+i)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(sources)/16))
	found := make([]data.Problems, workers)
	var done atomic.Int64
	jobs := make(chan int, 64)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &reader{file: l.r.file, problems: &found[w]}
			var text textmatch.Text // each source's in turn, in the same memory
			for i := range jobs {
				l.loadSource(i, bySource[i], r, &text)
				l.opts.Progress.Stage(stageCorpusFile, stageSources, int(done.Add(1)), len(sources))
			}
		}()
	}
	for i := range sources {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, ps := range found {
		l.problems = append(l.problems, ps...)
	}
}

// loadSource reads one source's text (a file beside the corpus or inline),
// finds its excluded ranges and anchors its annotations, reporting to r;
// text is the worker's, for the anchoring.
func (l *loader) loadSource(i int, anns []int, r *reader, text *textmatch.Text) {
	s := l.corpus.Sources[i]
	spec := l.sourceSpecs[i]
	unread := false // the text could not be had, for a reason reported
	switch {
	case spec.file != "" && spec.inline:
		r.errorAt(spec.textAt, "%s: give either file or text, not both", spec.what)
		unread = true
	case spec.file == "" && !spec.inline:
		r.errorAt(spec.at, "%s: missing the text: give file (a path relative to the corpus file) or text", spec.what)
		unread = true
	case spec.inline:
		s.Text = spec.text
	default:
		s.File = spec.file
		text, ok := l.readTextFile(i, spec, r)
		s.Text = text
		switch {
		case !ok:
			unread = true
		case text == "":
			r.warnAt(spec.fileAt, "%s: file %s is empty (no text after any byte-order mark); its annotations cannot anchor", spec.what, safetext.Quote(spec.file, 80))
		case strings.TrimSpace(text) == "":
			r.warnAt(spec.fileAt, "%s: file %s holds only white space", spec.what, safetext.Quote(spec.file, 80))
		}
	}
	if s.Text != "" && spec.exclude != nil {
		l.readExclusions(r, spec.what, spec.exclude, s)
	}
	if s.Text != "" {
		s.Words = data.CountWords(s.Text, s.Excluded)
	}
	l.anchorSource(s, anns, unread, r, text)
}

// readTextFile reads one source file, which must stay inside the corpus
// folder. Problems inside the text are placed in the text file itself.
func (l *loader) readTextFile(i int, spec sourceSpec, r *reader) (string, bool) {
	at, what := spec.fileAt, spec.what
	raw, stamp, name, display, ok := l.readRelative(at, spec.file, what, MaxTextBytes, r)
	if !ok {
		return "", false
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		line, col := position(string(raw[:i]), -1)
		*r.problems = append(*r.problems, data.Problem{File: display, Line: line, Col: col, Severity: data.Error,
			Message: "this is not a text file (it contains NUL bytes)"})
		return "", false
	}
	if line, col, ok := invalidUTF8(raw); !ok {
		*r.problems = append(*r.problems, data.Problem{File: display, Line: line, Col: col, Severity: data.Error,
			Message: "the text is not valid UTF-8 here; save it as UTF-8"})
		return "", false
	}
	if l.inputs != nil {
		l.inputs.sourceRead(i, name, raw, stamp)
	}
	return SourceText(raw), true
}

// readRelative reads a file that the corpus file names by a path relative
// to itself (a source's text, a coder's annotation file), which must stay
// inside the corpus folder, reporting at at what keeps it from being
// read; name is the file in the folder's file system and display how
// messages name it.
func (l *loader) readRelative(at pos, file, what string, limit int64, r *reader) (raw []byte, stamp Stamp, name, display string, ok bool) {
	slashed := filepath.ToSlash(file)
	name, valid := l.textPath(file)
	clean := path.Clean(slashed)
	display = filepath.Join(l.displayDir, filepath.FromSlash(clean))
	switch {
	case filepath.IsAbs(file) || strings.HasPrefix(slashed, "/") || filepath.VolumeName(file) != "":
		r.errorAt(at, "%s: file %q is an absolute path; give a path relative to the corpus file", what, safetext.Clip(file, 80))
		return nil, Stamp{}, name, display, false
	case clean == ".." || strings.HasPrefix(clean, "../"):
		r.errorAt(at, "%s: file %q leads out of the corpus folder; the corpus' files must lie in it or below it", what, safetext.Clip(file, 80))
		return nil, Stamp{}, name, display, false
	case !valid:
		r.errorAt(at, "%s: file %q is not a valid path", what, safetext.Clip(file, 80))
		return nil, Stamp{}, name, display, false
	}
	var err error
	if e := l.prefetch.take(name); e != nil {
		raw, stamp, err = e.data, e.stamp, e.err
	} else {
		raw, stamp, err = ReadLimited(l.fsys, name, limit)
	}
	if err == nil && stamp.ModTime().After(l.started) {
		// Changed after the corpus file was read: the two may not match
		// (an edit in progress). The window reloads once changes settle.
		r.warnAt(at, "%s: file %s changed while the corpus was loading; its annotations were anchored in the text as it is now", what, display)
		if l.inputs != nil {
			l.inputs.unsettled.Store(true)
		}
	}
	var tooBig *tooBigError
	var notFile *notFileError
	switch {
	case errors.As(err, &tooBig):
		r.errorAt(at, "%s: file %s is too large: %v", what, display, err)
		return nil, Stamp{}, name, display, false
	case errors.As(err, &notFile):
		notFile.name = display
		r.errorAt(at, "%s: file %v", what, notFile)
		return nil, Stamp{}, name, display, false
	case errors.Is(err, fs.ErrNotExist):
		if why := l.linkProblem(name); why != "" {
			r.errorAt(at, "%s: file %s %s", what, display, why)
		} else {
			r.errorAt(at, "%s: file %s does not exist", what, display)
		}
		return nil, Stamp{}, name, display, false
	case err != nil:
		if why := l.linkProblem(name); why != "" {
			r.errorAt(at, "%s: file %s %s", what, display, why)
		} else {
			r.errorAt(at, "%s: cannot read file %s: %v", what, display, unwrapPath(err))
		}
		return nil, Stamp{}, name, display, false
	}
	return raw, stamp, name, display, true
}

// SourceText is a source file's text: a byte-order mark is an encoding
// signature, not part of it. raw becomes the text's, not copied (30,000
// copies at the scale corpus): the caller must not change it after.
func SourceText(raw []byte) string {
	return strings.TrimPrefix(unsafe.String(unsafe.SliceData(raw), len(raw)), "\uFEFF")
}

// unwrapPath drops the path from an fs.PathError, which messages already name.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// linkProblem says why a file that the corpus folder's root refused lies
// behind a symbolic link: the first link on the way to name, and what is
// wrong with it (a loop, an absolute target, a way out of the folder). It
// is "" when the file system cannot tell or there is no link on the way.
func (l *loader) linkProblem(name string) string {
	lfs, ok := l.fsys.(fs.ReadLinkFS)
	if !ok {
		return ""
	}
	parts := strings.Split(name, "/")
	for i := range parts {
		p := path.Join(parts[:i+1]...)
		info, err := lfs.Lstat(p)
		if err != nil {
			return ""
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		link := safetext.Quote(filepath.Join(l.displayDir, filepath.FromSlash(strings.TrimPrefix(p, l.dir+"/"))), 120)
		target, err := lfs.ReadLink(p)
		switch {
		case err != nil:
		case l.linkLoops(lfs, p):
			return "goes through the symbolic link " + link + ", which is part of a loop of links"
		case filepath.IsAbs(target) && l.insideFolder(target):
			return "goes through the symbolic link " + link + " to the absolute path " + safetext.Quote(target, 120) +
				"; links in the corpus folder are followed only when they are relative and stay in it"
		}
		return "leads out of the corpus folder through the symbolic link " + link
	}
	return ""
}

// insideFolder reports whether an absolute path lies in the corpus folder.
func (l *loader) insideFolder(target string) bool {
	folder, err := filepath.Abs(l.displayDir)
	return err == nil && Inside(folder, target)
}

// Inside reports whether the path target lies in the folder (or is it),
// both after their symbolic links as far as they exist.
func Inside(folder, target string) bool {
	if real, err := filepath.EvalSymlinks(folder); err == nil {
		folder = real
	}
	target = filepath.Clean(target)
	if real, err := filepath.EvalSymlinks(target); err == nil {
		target = real
	}
	rel, err := filepath.Rel(folder, target)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// linkLoops follows the chain of relative links from p, reporting whether
// it comes back to a link already passed.
func (l *loader) linkLoops(lfs fs.ReadLinkFS, p string) bool {
	seen := map[string]bool{}
	for range 40 {
		if seen[p] {
			return true
		}
		seen[p] = true
		target, err := lfs.ReadLink(p)
		if err != nil || path.IsAbs(target) {
			return false
		}
		p = path.Join(path.Dir(p), target)
		if info, err := lfs.Lstat(p); err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return false
		}
	}
	return true
}

// readExclusions finds each excluded range by its from and to markers.
func (l *loader) readExclusions(r *reader, what string, exclude *yaml.Node, s *data.Source) {
	list := r.sequence(exclude, what+": exclude")
	if len(list) == 0 {
		return
	}
	t := textmatch.NewText(s.Text, nil)
	for j, item := range list {
		ef, ok := r.mapping(item, fmt.Sprintf("%s: exclude %d", what, j+1), Keys["exclude"]...)
		if !ok {
			continue
		}
		from := ef.str("from", true)
		to := ef.str("to", false)
		reason := ef.str("reason", false)
		if from == "" {
			continue
		}
		start, end, count := t.Find(from, 0)
		switch {
		case count == 0:
			ef.r.errorf(ef.at("from"), "%s: %q is not in the text", ef.what, safetext.Clip(from, 60))
			continue
		case count > 1:
			ef.r.errorf(ef.at("from"), "%s: %q occurs %d times in the text; quote more of it so it is unique", ef.what, safetext.Clip(from, 60), count)
			continue
		}
		if to != "" {
			_, toEnd, n := t.Find(to, start)
			if n == 0 {
				ef.r.errorf(ef.at("to"), "%s: %q does not occur after %q in the text", ef.what, safetext.Clip(to, 60), safetext.Clip(from, 30))
				continue
			}
			end = toEnd
		}
		s.Excluded = append(s.Excluded, data.Range{Start: start, End: end, Reason: reason})
	}
	s.Excluded = data.MergeRanges(s.Excluded)
}

// anchorSource anchors a source's annotations. An annotation that gives a
// start offset and no prefix or suffix is first compared byte for byte at
// that offset: the exact match the offset promises needs no folded index.
// The index is built only for the annotations that need a search. Every
// annotation of a source without text is orphaned, and reported so, with
// why (unread: its text could not be had, for a reason reported too).
func (l *loader) anchorSource(s *data.Source, anns []int, unread bool, r *reader, t *textmatch.Text) {
	if len(anns) == 0 {
		return
	}
	if s.Text == "" {
		detail := "the source's text is empty"
		if unread {
			detail = "the source has no text (see the problem with the source)"
		}
		for _, i := range anns {
			a, spec := l.selection(i)
			a.Anchor = data.Anchor{Status: data.Orphaned, Detail: detail}
			l.checkAnchor(a, spec, r)
		}
		return
	}
	prepared := false
	offsets := newOffsetMap(s.Text)
	for _, i := range anns {
		a, spec := l.selection(i)
		if anchor, ok := exactAtOffset(s.Text, offsets, a); ok {
			a.Anchor = anchor
		} else {
			if !prepared {
				t.Reset(s.Text, &l.fuzzyWork)
				prepared = true
			}
			d := a.Details()
			a.Anchor = t.Anchor(textmatch.Selector{Quote: a.Quote, Prefix: d.Prefix, Suffix: d.Suffix, Start: a.Start})
		}
		l.checkAnchor(a, spec, r)
	}
}

// selection is the annotation, or after them the rejection, that anchoring
// numbers i, with its spec.
func (l *loader) selection(i int) (*data.Annotation, annSpec) {
	if n := len(l.corpus.Annotations); i >= n {
		return l.corpus.Rejections[i-n], l.rejSpecs[i-n]
	}
	return l.corpus.Annotations[i], l.annSpecs[i]
}

// offsetMap converts code point offsets to byte offsets; for ASCII text
// they are the same and no table is made.
type offsetMap struct {
	ascii    bool
	runeByte []int32
	n        int // code points
}

func newOffsetMap(text string) offsetMap {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return offsetMap{ascii: true, n: len(text)}
	}
	m := offsetMap{runeByte: make([]int32, 0, len(text)+1)}
	for b := range text {
		m.runeByte = append(m.runeByte, int32(b))
	}
	m.runeByte = append(m.runeByte, int32(len(text)))
	m.n = len(m.runeByte) - 1
	return m
}

func (m offsetMap) byteOf(cp int) (int, bool) {
	if cp < 0 || cp > m.n {
		return 0, false
	}
	if m.ascii {
		return cp, true
	}
	return int(m.runeByte[cp]), true
}

// exactAtOffset anchors an annotation whose quote stands, byte for byte,
// at its start offset, and not cut off from a combining mark.
func exactAtOffset(text string, m offsetMap, a *data.Annotation) (data.Anchor, bool) {
	if d := a.Details(); a.Start < 0 || d.Prefix != "" || d.Suffix != "" {
		return data.Anchor{}, false
	}
	b, ok := m.byteOf(a.Start)
	if !ok || !strings.HasPrefix(text[b:], a.Quote) {
		return data.Anchor{}, false
	}
	e := b + len(a.Quote)
	if r, _ := utf8.DecodeRuneInString(text[b:]); unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) {
		return data.Anchor{}, false
	}
	if r, _ := utf8.DecodeRuneInString(text[e:]); e < len(text) && unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) {
		return data.Anchor{}, false
	}
	return data.Anchor{Status: data.Exact, Start: a.Start, End: a.Start + utf8.RuneCountInString(a.Quote),
		ByteStart: b, ByteEnd: e, Score: 1, Matches: 1}, true
}

func (l *loader) checkAnchor(a *data.Annotation, spec annSpec, r *reader) {
	r = r.in(spec.file)
	at := spec.quoteAt
	where := selectionName{spec.what, topicID(a), a.Source.ID}
	switch a.Anchor.Status {
	case data.Exact:
	case data.Orphaned:
		if spec.rejection {
			// Nothing is lost: the passage it turned down is gone, and the
			// suggestion may come back.
			r.warnAt(at, "%s: not in the text, so it rejects nothing: %s: %q", where, a.Anchor.Detail, safetext.Clip(a.Quote, 60))
			return
		}
		r.errorAt(at, "%s: orphaned: %s: %q", where, a.Anchor.Detail, safetext.Clip(a.Quote, 60))
		return
	default:
		line, col := position(a.Source.Text, a.Anchor.Start)
		r.warnAt(at, "%s: %s: %s (the match is at %s line %d, column %d)", where, a.Anchor.Status, a.Anchor.Detail, l.sourceName(a.Source), line, col)
	}
	// An offset past the end is broken data, even when the quote was found
	// elsewhere. (Code points are counted only when the offset was not
	// already confirmed by a match there.)
	if a.Start > 0 && a.Anchor.Start != a.Start {
		if n := utf8.RuneCountInString(a.Source.Text); a.Start > n {
			r.errorAt(spec.startAt, "%s: start %d is past the end of the text (%d code points)", where, a.Start, n)
		}
	}
	for _, ex := range a.Source.Excluded {
		if a.Anchor.Start < ex.End && ex.Start < a.Anchor.End {
			if spec.rejection { // nothing is suggested in excluded text anyway
				r.warnAt(at, "%s: the quote lies in an excluded range (%s), where nothing is suggested; the rejection can go", where, reasonOr(ex.Reason, "no reason given"))
				break
			}
			r.errorAt(at, "%s: the quote lies in an excluded range (%s); excluded text is not counted", where, reasonOr(ex.Reason, "no reason given"))
			break
		}
	}
}

// selectionName names an annotation or rejection in the messages about
// its anchor, put into words only for a message: most anchors have none.
type selectionName struct{ what, topic, source string }

func (n selectionName) String() string {
	return fmt.Sprintf("%s (topic %q in source %q)", n.what, n.topic, n.source)
}

func (l *loader) sourceName(s *data.Source) string {
	if s.File == "" {
		return "the inline text of source " + s.ID
	}
	return filepath.Join(l.displayDir, filepath.FromSlash(path.Clean(filepath.ToSlash(s.File))))
}

func topicID(a *data.Annotation) string {
	if a.Topic == nil {
		return "?"
	}
	return a.Topic.ID
}

func reasonOr(reason, fallback string) string {
	if reason == "" {
		return fallback
	}
	return reason
}

// link resolves the meetings' source lists and fills the back-references.
func (l *loader) link() {
	c := l.corpus
	for i, m := range c.Meetings {
		listed := map[string]bool{}
		for _, r := range l.meetingRefs[i] {
			s := l.sources[r.id]
			if s == nil {
				l.unknownRef(r.at, fmt.Sprintf("meeting %q", m.ID), "source", r.id, idsOf(l.sources))
				continue
			}
			if listed[r.id] {
				l.r.warnAt(r.at, "meeting %q lists source %q twice", m.ID, r.id)
				continue
			}
			listed[r.id] = true
			m.Sources = append(m.Sources, s)
		}
	}
	c.Derive()
	// A span coded twice by one coder is a slip; by two coders, it is
	// their agreement, and counted once all the same.
	type span struct {
		at    [4]int
		coder string
	}
	seenSpan := make(map[span]int, len(c.Annotations))
	for i, a := range c.Annotations {
		if !a.Listed() {
			continue
		}
		key := span{[4]int{a.Source.Index, a.Topic.Index, a.Anchor.Start, a.Anchor.End}, a.Coder}
		if first, dup := seenSpan[key]; dup {
			where := fmt.Sprintf("line %d", c.Annotations[first].Line)
			if f := l.annSpecs[first].file; f != l.annSpecs[i].file {
				where += " of " + l.r.in(f).file
			}
			l.r.in(l.annSpecs[i].file).warnAt(l.annSpecs[i].at, "annotation repeats the annotation at %s (same source, topic and span); it is counted once per listing", where)
		} else {
			seenSpan[key] = i
		}
	}
	for i, s := range c.Sources {
		if len(s.Meetings) == 0 {
			l.r.warnAt(l.sourceSpecs[i].at, "source %q reports no meeting: list it under a meeting's sources, or its annotations cannot be placed in time", s.ID)
		}
	}
}
