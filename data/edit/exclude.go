package edit

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// Exclusion is a new excluded range of a source as it is written: the
// text it starts with, the text it ends with (empty when From is all of
// it) and why.
type Exclusion struct {
	Source   string
	From, To string
	Reason   string
}

// Markers finds the shortest From and To that the loader resolves to
// exactly the code points [start, end) of a source: From grows by words
// from start until it occurs once in the text, To by words back from end
// until its first occurrence after From's start ends at end. The range
// must hold no annotation: excluded text is never coded. It gives the
// range the markers resolve to, as the loader resolves them.
func Markers(s *data.Source, start, end int) (Exclusion, data.Range, error) {
	ex, err := markers(s, start, end)
	if err != nil {
		return ex, data.Range{}, err
	}
	t := textmatch.NewText(s.Text, nil)
	r0, r1, n := t.Find(ex.From, 0)
	if ex.To != "" {
		_, to, m := t.Find(ex.To, r0)
		r1, n = to, min(n, m)
	}
	if n == 0 || r0 != start || r1 != end {
		return ex, data.Range{}, fmt.Errorf("the markers %q … %q do not resolve to the selection", ex.From, ex.To)
	}
	return ex, data.Range{Start: r0, End: r1}, nil
}

func markers(s *data.Source, start, end int) (Exclusion, error) {
	ex := Exclusion{Source: s.ID}
	runes := []rune(s.Text)
	if start < 0 || end > len(runes) || start >= end {
		return ex, errors.New("select the text to exclude first")
	}
	var coded []*data.Annotation
	for _, a := range s.Annotations {
		if a.Anchor.Start < end && start < a.Anchor.End {
			coded = append(coded, a)
		}
	}
	if len(coded) > 0 {
		return ex, fmt.Errorf("%d annotation(s) lie in the selected text (the first: %s, %q); excluded text cannot be coded, so remove them first", len(coded), coded[0].Topic.ID, safetext.Clip(coded[0].Text(), 40))
	}
	t := textmatch.NewText(s.Text, nil)
	// From starts the range and must occur once: it grows by words, past
	// the selection's end when the selection alone is not unique (To then
	// marks the end).
	fromEnd := -1
	for i, words := start, 0; i < len(runes) && words < maxMarkerWords; i++ {
		if i+1 != end && (i+1 < len(runes) && !(isWord(runes[i]) && !isWord(runes[i+1]))) {
			continue
		}
		words++
		marker := strings.TrimSpace(string(runes[start : i+1]))
		if marker == "" {
			continue
		}
		if s0, _, n := t.Find(marker, 0); n == 1 && s0 == start {
			fromEnd, ex.From = i+1, marker
			break
		}
	}
	if fromEnd < 0 {
		return ex, fmt.Errorf("the text at the selection's start is not unique within %d words; select from elsewhere", maxMarkerWords)
	}
	if _, e, _ := t.Find(ex.From, 0); e == end {
		return ex, nil // From is the whole range
	}
	// To ends the range: its first occurrence from the range's start must
	// end where the selection does.
	for i := end - 1; i >= start; i-- {
		if i != start && !(isWord(runes[i]) && !isWord(runes[i-1])) {
			continue
		}
		marker := strings.TrimSpace(string(runes[i:end]))
		if marker == "" {
			continue
		}
		if _, e, n := t.Find(marker, start); n > 0 && e == end {
			ex.To = marker
			return ex, nil
		}
	}
	return ex, errors.New("no text at the selection's end marks it uniquely; select a little more")
}

// maxMarkerWords bounds how far From grows to be unique.
const maxMarkerWords = 40

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// AddExclusion returns the file with a new excluded range in the source's
// exclude list: after its last item, in that item's style, or as a new
// list at the end of the source (a block list in a block item, a flow list
// in a one-line "{…}" item). It gives the line the range starts at and how
// many lines the file gained; every other byte stays.
func AddExclusion(raw []byte, ex Exclusion) ([]byte, int, int, error) {
	f, err := parseList(raw, "sources")
	if err != nil {
		return nil, 0, 0, err
	}
	if f.list == nil || f.list.Kind != yaml.SequenceNode {
		return nil, 0, 0, errors.New("the corpus has no sources list")
	}
	si := -1
	for i, it := range f.list.Content {
		if it.Kind == yaml.MappingNode && value(it, "id") == ex.Source {
			si = i
			break
		}
	}
	if si < 0 {
		return nil, 0, 0, fmt.Errorf("there is no source %q", ex.Source)
	}
	src := f.list.Content[si]
	kv := [][2]string{{"from", quoted(ex.From)}}
	if ex.To != "" {
		kv = append(kv, [2]string{"to", quoted(ex.To)})
	}
	if ex.Reason != "" {
		kv = append(kv, [2]string{"reason", quoted(ex.Reason)})
	}
	list := node(src, "exclude")
	var out []byte
	switch {
	case list != nil && list.Kind == yaml.SequenceNode && list.Style&yaml.FlowStyle == 0 && len(list.Content) > 0:
		var it *item
		if it, err = readItem(raw, list.Content[len(list.Content)-1].Line); err == nil {
			out, _, err = it.append(raw, kv, map[string]string{"from": ex.From})
		}
	case list != nil && list.Kind == yaml.SequenceNode && list.Style&yaml.FlowStyle != 0:
		out, err = f.insertBefore(raw, list, "]", flowMapping(kv), len(list.Content) > 0)
	case list != nil:
		return nil, 0, 0, fmt.Errorf("line %d: the source's exclude is not a list", list.Line)
	case src.Style&yaml.FlowStyle != 0:
		out, err = f.insertBefore(raw, src, "}", "exclude: ["+flowMapping(kv)+"]", true)
	default:
		_, last := f.itemLines(si)
		keyIndent := src.Content[0].Column - 1
		at := 0
		for _, l := range f.lines[:last] {
			at += len(l)
		}
		add := strings.Repeat(" ", keyIndent) + "exclude:" + f.eol + blockItem(kv, keyIndent+2, keyIndent+4, f.eol)
		if !bytes.HasSuffix(f.lines[last-1], []byte("\n")) {
			add = f.eol + strings.TrimSuffix(add, f.eol)
		}
		out = append(append(append([]byte(nil), raw[:at]...), add...), raw[at:]...)
	}
	if err != nil {
		return nil, 0, 0, err
	}
	line, err := checkExclusion(f, si, out, ex)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("the file's layout is not one the editor can add to safely: %w", err)
	}
	return out, line, bytes.Count(out, []byte("\n")) - bytes.Count(raw, []byte("\n")), nil
}

// insertBefore writes text before the closing bracket of a flow node that
// is all on one line (", " first when sep).
func (f *file) insertBefore(raw []byte, n *yaml.Node, closing, text string, sep bool) ([]byte, error) {
	line := f.lines[n.Line-1]
	at := 0
	for _, l := range f.lines[:n.Line-1] {
		at += len(l)
	}
	i := bytes.LastIndex(bytes.TrimRight(line, "\r\n #"), []byte(closing))
	if i < 0 || bytes.Count(line, []byte(closing)) < 1 {
		return nil, fmt.Errorf("line %d: the list or item spans several lines in flow style; add the excluded range in the file", n.Line)
	}
	if sep {
		text = ", " + text
	}
	pos := at + i
	return append(append(append([]byte(nil), raw[:pos]...), text...), raw[pos:]...), nil
}

func flowMapping(kv [][2]string) string {
	var parts []string
	for _, p := range kv {
		parts = append(parts, p[0]+": "+p[1])
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// checkExclusion parses the edited file: the same top keys and sources,
// and source si with one more excluded range, the last, reading back as
// written; it gives the line the new range starts at.
func checkExclusion(f *file, si int, out []byte, ex Exclusion) (int, error) {
	g, err := parseList(out, "sources")
	if err != nil {
		return 0, err
	}
	if len(g.top.Content) != len(f.top.Content) || g.list == nil || len(g.list.Content) != len(f.list.Content) {
		return 0, errors.New("the sources do not read back")
	}
	old := 0
	if l := node(f.list.Content[si], "exclude"); l != nil {
		old = len(l.Content)
	}
	l := node(g.list.Content[si], "exclude")
	if l == nil || l.Kind != yaml.SequenceNode || len(l.Content) != old+1 {
		return 0, errors.New("the source's exclude list does not read back with one more range")
	}
	last := l.Content[old]
	if value(last, "from") != ex.From || value(last, "to") != ex.To || value(last, "reason") != ex.Reason {
		return 0, errors.New("the new range does not read back as written")
	}
	for i, it := range f.list.Content {
		if i != si && value(it, "id") != value(g.list.Content[i], "id") {
			return 0, errors.New("another source changed")
		}
	}
	return last.Line, nil
}

// node is a mapping's value for key, or nil.
func node(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// value is a mapping's scalar value for key, or "".
func value(m *yaml.Node, key string) string {
	if v := node(m, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// Excluded is c with source id's text excluded over r (code points), as a
// load of the file AddExclusion wrote gives it: the source's ranges merged
// and its words counted again, and the annotations below the new lines
// moved down.
func Excluded(c *data.Corpus, id string, r data.Range, line, lines int) *data.Corpus {
	n := c.Clone()
	s := n.Source(id)
	s.Excluded = data.MergeRanges(append(append([]data.Range(nil), s.Excluded...), r))
	s.Words = data.CountWords(s.Text, s.Excluded)
	moveBelow(n.Annotations, "", line-1, lines) // the sources are in the corpus file
	return n
}
