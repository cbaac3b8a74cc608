package data

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// readTexts reads every source's text (a file beside the corpus or inline),
// checks it and finds its excluded ranges. Each source's text index lives
// only until its annotations are anchored.
func (l *loader) readTexts() {
	for i, s := range l.corpus.Sources {
		f := l.sourceFields[i]
		file := f.str("file", false)
		_, hasInline := f.values["text"]
		switch {
		case file != "" && hasInline:
			l.r.errorf(f.at("text"), "%s: give either file or text, not both", f.what)
			continue
		case file == "" && !hasInline:
			l.r.errorf(f.node, "%s: missing the text: give file (a path relative to the corpus file) or text", f.what)
			continue
		case hasInline:
			s.Text = f.str("text", true)
		default:
			s.File = file
			text, ok := l.readTextFile(f, file)
			if !ok {
				continue
			}
			s.Text = text
		}
		l.readExclusions(f, s)
		s.Words = countWords(s.Text, s.Excluded)
	}
}

// readTextFile reads one source file, which must stay inside the corpus
// folder. Problems inside the text are placed in the text file itself.
func (l *loader) readTextFile(f fields, file string) (string, bool) {
	at := f.at("file")
	slashed := filepath.ToSlash(file)
	if filepath.IsAbs(file) || strings.HasPrefix(slashed, "/") || filepath.VolumeName(file) != "" {
		l.r.errorf(at, "%s: file %q is an absolute path; give a path relative to the corpus file", f.what, clip(file, 80))
		return "", false
	}
	clean := path.Clean(slashed)
	if clean == ".." || strings.HasPrefix(clean, "../") {
		l.r.errorf(at, "%s: file %q leads out of the corpus folder; source files must lie in it or below it", f.what, clip(file, 80))
		return "", false
	}
	name := path.Join(l.dir, clean)
	display := filepath.Join(l.displayDir, filepath.FromSlash(clean))
	if !fs.ValidPath(name) {
		l.r.errorf(at, "%s: file %q is not a valid path", f.what, clip(file, 80))
		return "", false
	}
	raw, err := readLimited(l.fsys, name, MaxTextBytes)
	var tooBig *tooBigError
	switch {
	case errors.As(err, &tooBig):
		l.r.errorf(at, "%s: file %s is too large: %v", f.what, display, err)
		return "", false
	case errors.Is(err, fs.ErrNotExist):
		if link := l.symlinkIn(name); link != "" {
			l.r.errorf(at, "%s: file %s leads out of the corpus folder through the symbolic link %s", f.what, display, link)
		} else {
			l.r.errorf(at, "%s: file %s does not exist", f.what, display)
		}
		return "", false
	case err != nil:
		if link := l.symlinkIn(name); link != "" {
			l.r.errorf(at, "%s: file %s leads out of the corpus folder through the symbolic link %s", f.what, display, link)
		} else {
			l.r.errorf(at, "%s: cannot read file %s: %v", f.what, display, unwrapPath(err))
		}
		return "", false
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		line, col := position(string(raw[:i]), -1)
		l.problems = append(l.problems, Problem{File: display, Line: line, Col: col, Severity: Error,
			Message: "this is not a text file (it contains NUL bytes)"})
		return "", false
	}
	if line, col, ok := invalidUTF8(raw); !ok {
		l.problems = append(l.problems, Problem{File: display, Line: line, Col: col, Severity: Error,
			Message: "the text is not valid UTF-8 here; save it as UTF-8"})
		return "", false
	}
	// A byte-order mark is an encoding signature, not part of the text.
	return strings.TrimPrefix(string(raw), "\uFEFF"), true
}

// unwrapPath drops the path from an fs.PathError, which messages already name.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// symlinkIn returns the first symbolic link on the way to name, if the file
// system can tell; the corpus folder's root refuses links that lead out of
// it, and this names the culprit.
func (l *loader) symlinkIn(name string) string {
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
		if info.Mode()&fs.ModeSymlink != 0 {
			return filepath.Join(l.displayDir, filepath.FromSlash(strings.TrimPrefix(p, l.dir+"/")))
		}
	}
	return ""
}

// readExclusions finds each excluded range by its from and to markers.
func (l *loader) readExclusions(f fields, s *Source) {
	list := l.r.sequence(f.value("exclude"), f.what+": exclude")
	if len(list) == 0 {
		return
	}
	t := newTextIndex(s.Text)
	for j, item := range list {
		ef, ok := l.r.mapping(item, fmt.Sprintf("%s: exclude %d", f.what, j+1), Keys["exclude"]...)
		if !ok {
			continue
		}
		from := ef.str("from", true)
		to := ef.str("to", false)
		reason := ef.str("reason", false)
		if from == "" {
			continue
		}
		start, end, count := t.find(from, 0)
		switch {
		case count == 0:
			l.r.errorf(ef.at("from"), "%s: %q is not in the text", ef.what, clip(from, 60))
			continue
		case count > 1:
			l.r.errorf(ef.at("from"), "%s: %q occurs %d times in the text; quote more of it so it is unique", ef.what, clip(from, 60), count)
			continue
		}
		if to != "" {
			_, toEnd, n := t.find(to, start)
			if n == 0 {
				l.r.errorf(ef.at("to"), "%s: %q does not occur after %q in the text", ef.what, clip(to, 60), clip(from, 30))
				continue
			}
			end = toEnd
		}
		s.Excluded = append(s.Excluded, Range{Start: start, End: end, Reason: reason})
	}
	s.Excluded = mergeRanges(s.Excluded)
}

// mergeRanges sorts ranges and joins those that overlap or touch.
func mergeRanges(rs []Range) []Range {
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

// anchorAnnotations anchors every annotation in its source, one text index
// per source.
func (l *loader) anchorAnnotations() {
	bySource := map[*Source][]int{}
	for i, a := range l.corpus.Annotations {
		if a.Source != nil && a.Quote != "" {
			bySource[a.Source] = append(bySource[a.Source], i)
		}
	}
	for _, s := range l.corpus.Sources {
		indices := bySource[s]
		if len(indices) == 0 {
			continue
		}
		if s.Text == "" {
			for _, i := range indices {
				l.corpus.Annotations[i].Anchor = Anchor{Status: Orphaned, Detail: "the source has no text"}
			}
			continue
		}
		t := newTextIndex(s.Text)
		for _, i := range indices {
			a := l.corpus.Annotations[i]
			a.Anchor = t.anchor(selector{quote: a.Quote, prefix: a.Prefix, suffix: a.Suffix, start: a.Start})
			l.checkAnchor(a, l.annFields[i])
		}
	}
}

func (l *loader) checkAnchor(a *Annotation, f fields) {
	at := f.at("quote")
	where := fmt.Sprintf("%s (topic %q in source %q)", f.what, topicID(a), a.Source.ID)
	switch a.Anchor.Status {
	case Exact:
	case Orphaned:
		l.r.errorf(at, "%s: orphaned: %s: %q", where, a.Anchor.Detail, clip(a.Quote, 60))
		return
	default:
		line, col := position(a.Source.Text, a.Anchor.Start)
		l.r.warnf(at, "%s: %s: %s (the match is at %s line %d, column %d)", where, a.Anchor.Status, a.Anchor.Detail, l.sourceName(a.Source), line, col)
	}
	if a.Start > len(a.Source.Text) {
		l.r.warnf(f.at("start"), "%s: start %d is past the end of the text", where, a.Start)
	}
	for _, r := range a.Source.Excluded {
		if a.Anchor.Start < r.End && r.Start < a.Anchor.End {
			l.r.errorf(at, "%s: the quote lies in an excluded range (%s); excluded text is not counted", where, reasonOr(r.Reason, "no reason given"))
			break
		}
	}
}

func (l *loader) sourceName(s *Source) string {
	if s.File == "" {
		return "the inline text of source " + s.ID
	}
	return filepath.Join(l.displayDir, filepath.FromSlash(path.Clean(filepath.ToSlash(s.File))))
}

func topicID(a *Annotation) string {
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
			s := c.Source(r.id)
			if s == nil {
				l.unknownRef(r.node, fmt.Sprintf("meeting %q", m.ID), "source", r.id, idsOf(c.sourceByID))
				continue
			}
			if listed[r.id] {
				l.r.warnf(r.node, "meeting %q lists source %q twice", m.ID, r.id)
				continue
			}
			listed[r.id] = true
			m.Sources = append(m.Sources, s)
			s.Meetings = append(s.Meetings, m)
		}
	}
	seenSpan := map[[4]int]int{}
	for i, a := range c.Annotations {
		if a.Source == nil || a.Topic == nil || a.Anchor.Status == Orphaned || a.Quote == "" {
			continue
		}
		a.Source.Annotations = append(a.Source.Annotations, a)
		key := [4]int{a.Source.Index, a.Topic.Index, a.Anchor.Start, a.Anchor.End}
		if first, dup := seenSpan[key]; dup {
			l.r.warnf(l.annFields[i].node, "annotation repeats the annotation at line %d (same source, topic and span); it is counted once per listing", first)
		} else {
			seenSpan[key] = a.Line
		}
	}
	for i, s := range c.Sources {
		if len(s.Meetings) == 0 {
			l.r.warnf(l.sourceFields[i].node, "source %q reports no meeting: list it under a meeting's sources, or its annotations cannot be placed in time", s.ID)
		}
	}
}
