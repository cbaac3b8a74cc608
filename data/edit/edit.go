// Package edit changes a corpus file where, and only where, the corpus
// changed: an annotation added, removed or given another topic. Every other
// byte of the file stays as it was (comments, blank lines, key order,
// quoting, flow or block style, line ends), so a reviewer's diff shows the
// edit alone, and removing an annotation that was added gives back the
// original file byte for byte. It works on the file's bytes and a YAML
// node tree of them; it never writes a file (the caller checks the result
// by loading it again, and writes it atomically).
package edit

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Annotation is a new annotation as it is written: the W3C selectors
// (quote, prefix, suffix, start) and the optional fields.
type Annotation struct {
	Source, Topic         string
	Quote, Prefix, Suffix string
	Start                 int // code points; -1: not written
	Note                  string
	Coder                 string
	Created               string // a date, YYYY-MM-DD
	// File is the file it is written in: "" for the corpus file, else a
	// coder's annotation file (data.AnnotationFile's Path). It is not
	// written: the file is where the item is.
	File string
}

// file is a corpus file cut into lines, with its annotations list found.
type file struct {
	raw   []byte
	lines [][]byte // each with its line end: all of them, or an item's (see base)
	base  int      // the line number of lines[0] (1 for the whole file)
	off   int      // the byte offset of lines[0] in raw
	eol   string   // the file's line end, for lines written anew
	list  *yaml.Node
	key   *yaml.Node // the list's key
	top   *yaml.Node // the document's mapping
	name  string     // the list's key as written: "annotations", "topics"
	// emptyFlow is the end of an empty flow list ("[]") that ends its
	// line, as a new coder's file holds it: the first item replaces it.
	emptyFlow int
}

// ErrNoList says the file has no annotations list in a form the editor
// keeps exactly (a block list); a flow list ([…]) is not edited.
var ErrNoList = errors.New("the annotations list is written in flow style ([…]); write it as a block list (one \"- \" item per line) to edit it here")

func parse(raw []byte) (*file, error) { return parseList(raw, "annotations") }

// parseList reads a corpus file and finds its top-level list under key.
func parseList(raw []byte, key string) (*file, error) {
	if err := CheckLineBreaks(raw); err != nil {
		return nil, err
	}
	f := &file{raw: raw, eol: "\n", name: key, base: 1}
	if bytes.Contains(raw, []byte("\r\n")) {
		f.eol = "\r\n"
	}
	f.lines = bytes.SplitAfter(raw, []byte("\n"))
	if len(f.lines) > 0 && len(f.lines[len(f.lines)-1]) == 0 {
		f.lines = f.lines[:len(f.lines)-1]
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("the corpus file does not parse: %w", err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("the corpus file is not a mapping")
	}
	top := doc.Content[0]
	f.top = top
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value == key {
			f.key, f.list = top.Content[i], top.Content[i+1]
		}
	}
	if f.list != nil && f.list.Kind == yaml.SequenceNode && f.list.Style&yaml.FlowStyle != 0 {
		if end, ok := f.emptyFlowEnd(); ok {
			f.emptyFlow = end
			return f, nil
		}
		if key != "annotations" {
			return nil, fmt.Errorf("the %s list is written in flow style ([…]); write it as a block list to edit it here", key)
		}
		return nil, ErrNoList
	}
	return f, nil
}

// indent is a line's leading spaces.
func indent(line []byte) int { return len(line) - len(bytes.TrimLeft(line, " ")) }

// blankOrComment reports whether a line holds no YAML.
func blankOrComment(line []byte) bool {
	t := bytes.TrimSpace(line)
	return len(t) == 0 || t[0] == '#'
}

// itemLines is where item i of the list stands: its first and last line
// (1-based, inclusive). An item runs to the line before the next item, or
// for the last one, while lines are indented past its dash; blank and
// comment lines at its end belong to what follows.
func (f *file) itemLines(i int) (first, last int) {
	items := f.list.Content
	first = items[i].Line
	dash := indent(f.lines[first-1])
	if i+1 < len(items) {
		last = items[i+1].Line - 1
	} else {
		last = first
		for n := first + 1; n <= len(f.lines); n++ {
			line := f.lines[n-1]
			if blankOrComment(line) {
				continue
			}
			if indent(line) <= dash {
				break
			}
			last = n
		}
	}
	for last > first && blankOrComment(f.lines[last-1]) {
		last--
	}
	return first, last
}

// Add returns the file with a new annotation after the last one, written
// in the style of the list's last item (one-line flow "- {…}" or block),
// at its indentation, with the file's line ends. A file without an
// annotations list gets one at its end.
func Add(raw []byte, a Annotation) ([]byte, error) {
	out, _, err := AddAt(raw, a)
	return out, err
}

// AddAt is Add that also gives the line the new annotation starts at.
func AddAt(raw []byte, a Annotation) ([]byte, int, error) {
	return appendItem(raw, "annotations", fields(a), annotationWant(a))
}

// AddAfter is AddAt for a file whose last annotation starts at line last
// (the last Annotation.Line of the corpus it stands for): only the lines
// of that annotation are read, not the whole file.
func AddAfter(raw []byte, a Annotation, last int) ([]byte, int, error) {
	it, err := readItem(raw, last)
	if err != nil {
		return nil, 0, err
	}
	if it.next() != 0 {
		return nil, 0, fmt.Errorf("line %d: not the last annotation", last)
	}
	return it.append(raw, fields(a), annotationWant(a))
}

func annotationWant(a Annotation) map[string]string {
	return map[string]string{"source": a.Source, "topic": a.Topic, "quote": a.Quote}
}

// AddRejection returns the file with a rejected suggestion a (written as
// an annotation is) after the last one of the rejections list, which is
// made at the file's end when there is none, and the line it starts at.
func AddRejection(raw []byte, a Annotation) ([]byte, int, error) {
	return appendItem(raw, "rejections", fields(a), annotationWant(a))
}

// Topic is a new topic as it is written.
type Topic struct {
	ID, Label string
	Color     string // #RRGGBB
}

// AddTopicAt returns the file with a new topic after the last one, in the
// style of the topics list, and the line it starts at, and how many lines
// it takes.
func AddTopicAt(raw []byte, t Topic) ([]byte, int, int, error) {
	if !plainID(t.ID) {
		return nil, 0, 0, fmt.Errorf("%q is not a topic id", t.ID)
	}
	kv := [][2]string{{"id", t.ID}, {"label", quoted(t.Label)}}
	if t.Color != "" {
		kv = append(kv, [2]string{"color", quoted(t.Color)})
	}
	out, line, err := appendItem(raw, "topics", kv, map[string]string{"id": t.ID, "label": t.Label})
	if err != nil {
		return nil, 0, 0, err
	}
	return out, line, bytes.Count(out, []byte("\n")) - bytes.Count(raw, []byte("\n")), nil
}

// appendItem adds an item of fields to the list under key, and checks it
// reads back with the plain values want.
func appendItem(raw []byte, key string, kv [][2]string, want map[string]string) ([]byte, int, error) {
	f, err := parseList(raw, key)
	if err != nil {
		return nil, 0, err
	}
	if f.list != nil && f.list.Kind == yaml.SequenceNode && len(f.list.Content) > 0 {
		last := f.list.Content[len(f.list.Content)-1]
		if last.Kind != yaml.MappingNode {
			return nil, 0, fmt.Errorf("line %d: the last item of the %s list is not a mapping", last.Line, key)
		}
		it, err := readItem(raw, last.Line)
		if err != nil {
			return nil, 0, err
		}
		return it.append(raw, kv, want)
	}
	out, err := f.add(raw, kv)
	if err != nil {
		return nil, 0, err
	}
	// The layout of some files (a top mapping indented oddly, complex
	// keys) would take the new lines differently: the result must read as
	// the old file with one more item, or nothing is returned.
	line, err := f.checkAdded(out, want)
	if err != nil {
		return nil, 0, fmt.Errorf("the file's layout is not one the editor can add to safely: %w", err)
	}
	return out, line, nil
}

// checkAdded parses the added file: the same top keys (and the list's,
// when it was new), the same items before a last one that holds want,
// whose line it gives.
func (f *file) checkAdded(out []byte, want map[string]string) (int, error) {
	g, err := parseList(out, f.name)
	if err != nil {
		return 0, err
	}
	keys := len(f.top.Content)
	if f.key == nil {
		keys += 2
	}
	old := 0
	if f.list != nil {
		old = len(f.list.Content)
	}
	if len(g.top.Content) != keys || g.list == nil || g.list.Kind != yaml.SequenceNode || len(g.list.Content) != old+1 {
		return 0, fmt.Errorf("the new lines do not read as one more item of %s", f.name)
	}
	last := g.list.Content[old]
	got := map[string]string{}
	for i := 0; i+1 < len(last.Content); i += 2 {
		if v := last.Content[i+1]; v.Kind == yaml.ScalarNode {
			got[last.Content[i].Value] = v.Value // as the loader reads scalars
		}
	}
	for k, v := range want {
		if got[k] != v {
			return 0, errors.New("the new item does not read back as written")
		}
	}
	return last.Line, nil
}

// emptyFlowEnd finds an empty flow list written "[]" on its key's line,
// with nothing after it but a comment: the byte after its "]".
func (f *file) emptyFlowEnd() (int, bool) {
	if len(f.list.Content) != 0 || f.list.Line != f.key.Line || f.list.Line < 1 || f.list.Line > len(f.lines) {
		return 0, false
	}
	line := f.lines[f.list.Line-1]
	at := f.list.Column - 1
	if at < 0 || at+2 > len(line) || string(line[at:at+2]) != "[]" {
		return 0, false
	}
	if rest := bytes.TrimSpace(line[at+2:]); len(rest) > 0 && rest[0] != '#' {
		return 0, false
	}
	return f.offset(f.list.Line) + at + 2, true
}

func (f *file) add(raw []byte, kv [][2]string) ([]byte, error) {
	if f.emptyFlow > 0 {
		// "key: []" becomes "key:" with the item on the next line.
		item := f.firstItem(kv, f.key.Column-1)
		lineEnd := f.offset(f.list.Line) + len(f.lines[f.list.Line-1])
		out := append([]byte(nil), raw[:f.emptyFlow-2]...)
		out = bytes.TrimRight(out, " ")
		out = append(out, raw[f.emptyFlow:lineEnd]...)
		if !bytes.HasSuffix(out, []byte("\n")) {
			out = append(out, f.eol...)
		}
		out = append(out, item...)
		return append(out, raw[lineEnd:]...), nil
	}
	if f.key != nil && f.list.Kind == yaml.ScalarNode && f.list.Tag == "!!null" && f.list.Value == "" && f.key.Line >= 1 && f.key.Line <= len(f.lines) {
		// "key:" with nothing after it yet: the item goes on the next line.
		lineEnd := f.offset(f.key.Line) + len(f.lines[f.key.Line-1])
		out := append([]byte(nil), raw[:lineEnd]...)
		if !bytes.HasSuffix(out, []byte("\n")) {
			out = append(out, f.eol...)
		}
		out = append(out, f.firstItem(kv, f.key.Column-1)...)
		return append(out, raw[lineEnd:]...), nil
	}
	if f.list == nil || f.list.Kind != yaml.SequenceNode || len(f.list.Content) == 0 {
		if f.key != nil {
			return nil, fmt.Errorf("the %s key holds no list to add to; write \"%s:\" with its items, or remove it", f.name, f.name)
		}
		if f.top.Style&yaml.FlowStyle != 0 {
			return nil, errors.New("the corpus file is one flow mapping ({…}); write it in block style to edit it here")
		}
		at := 0 // the top keys' indentation
		if len(f.top.Content) > 0 {
			at = f.top.Content[0].Column - 1
		}
		out := append([]byte(nil), raw...)
		if len(out) > 0 && out[len(out)-1] != '\n' {
			out = append(out, f.eol...)
		}
		out = append(out, strings.Repeat(" ", at)+f.name+":"+f.eol...)
		return append(out, f.firstItem(kv, at)...), nil
	}
	return nil, errors.New("the list has items: add after its last item")
}

// firstItem is the text of a list's first item, under a key at column at:
// annotations and rejections one line each, as the built-in corpus writes
// them; other records in block style.
func (f *file) firstItem(kv [][2]string, at int) string {
	if f.name == "annotations" || f.name == "rejections" {
		return flowItem(kv, at+2, f.eol)
	}
	return blockItem(kv, at+2, at+4, f.eol)
}

// append returns the file with a new item of fields after this one, in
// its style (one-line flow "- {…}" or block), at its indentation, with
// the file's line ends, and the line the new item starts at; the new item
// must read back with the plain values want.
func (it *item) append(raw []byte, kv [][2]string, want map[string]string) ([]byte, int, error) {
	f := it.f
	var text string
	if it.node.Style&yaml.FlowStyle != 0 {
		text = flowItem(kv, it.dash, f.eol)
	} else {
		keyIndent := it.dash + 2
		line := bytes.TrimRight(f.line(it.first), "\r\n")
		if rest := bytes.TrimLeft(line[it.dash+1:], " "); len(rest) > 0 {
			keyIndent = len(line) - len(rest)
		}
		text = blockItem(kv, it.dash, keyIndent, f.eol)
	}
	at := it.end // where the new item's line starts
	if !bytes.HasSuffix(f.line(it.last), []byte("\n")) {
		// The last line has no line end: the item goes on a line of its own.
		text = f.eol + strings.TrimSuffix(text, f.eol)
		at += len(f.eol)
	}
	out := make([]byte, 0, len(raw)+len(text))
	out = append(append(append(out, raw[:it.end]...), text...), raw[it.end:]...)
	added, err := readItemAt(out, it.last+1, at)
	if err == nil {
		for k, v := range want {
			if value(added.node, k) != v {
				err = errors.New("the new item does not read back as written")
			}
		}
	}
	if err == nil && added.dash != it.dash {
		err = errors.New("the new item is not an item of the same list")
	}
	if err != nil {
		return nil, 0, fmt.Errorf("the file's layout is not one the editor can add to safely: %w", err)
	}
	return out, added.first, nil
}

// Remove returns the file without the annotation that starts at line, as
// Annotation.Line gives it: its lines go, every other line stays.
func Remove(raw []byte, line int) ([]byte, error) {
	out, _, err := RemoveAt(raw, line)
	return out, err
}

// RemoveAt is Remove that also gives how many lines went.
func RemoveAt(raw []byte, line int) ([]byte, int, error) {
	it, err := readAnnotation(raw, line)
	if err != nil {
		return nil, 0, err
	}
	if !it.neighbour() {
		return nil, 0, errors.New("this is the corpus' only annotation; remove the annotations list by hand")
	}
	out := append(append(make([]byte, 0, len(raw)-(it.end-it.start)), raw[:it.start]...), raw[it.end:]...)
	if it.end == len(raw) && !bytes.HasSuffix(raw, []byte("\n")) && len(out) > 0 {
		out = bytes.TrimSuffix(bytes.TrimSuffix(out, []byte("\n")), []byte("\r")) // the file ended without a line end
	}
	return out, it.last - it.first + 1, nil
}

// Retopic returns the file with the topic of the annotation at line
// replaced by id; only the id's bytes change.
func Retopic(raw []byte, line int, id string) ([]byte, error) {
	if !plainID(id) {
		return nil, fmt.Errorf("%q is not a topic id", id)
	}
	it, err := readAnnotation(raw, line)
	if err != nil {
		return nil, err
	}
	v := node(it.node, "topic")
	if v == nil {
		return nil, fmt.Errorf("line %d: the annotation has no topic", line)
	}
	start, end, err := it.f.scalarSpan(v)
	if err != nil {
		return nil, err
	}
	out := append([]byte(nil), raw[:start]...)
	out = append(out, id...)
	return append(out, raw[end:]...), nil
}

// SetNote returns the file with the note of the annotation at line set to
// note: the note's value replaced where it is written, or a note key added
// to the item (at the end of a one-line "{…}" item, or as the item's last
// line), every other byte kept.
func SetNote(raw []byte, line int, note string) ([]byte, error) {
	it, err := readAnnotation(raw, line)
	if err != nil {
		return nil, err
	}
	f := it.f
	var out []byte
	if v := node(it.node, "note"); v != nil {
		start, end, err := f.scalarSpan(v)
		if err != nil {
			return nil, errors.New("the note is written in a style this editor does not change (a block scalar); edit it in the file")
		}
		out = append(append(append([]byte(nil), raw[:start]...), quoted(note)...), raw[end:]...)
	} else if it.node.Style&yaml.FlowStyle != 0 {
		if it.first != it.last {
			return nil, errors.New("the annotation spans several lines in flow style; edit its note in the file")
		}
		lineText := f.line(it.last)
		brace := bytes.LastIndexByte(lineText, '}')
		if brace < 0 {
			return nil, errors.New("the annotation's closing brace is not on its line")
		}
		pos := f.offset(it.last) + brace
		out = append(append(append([]byte(nil), raw[:pos]...), ", note: "+quoted(note)...), raw[pos:]...)
	} else {
		at := it.end
		keyIndent := it.node.Content[0].Column - 1
		add := strings.Repeat(" ", keyIndent) + "note: " + quoted(note) + f.eol
		if !bytes.HasSuffix(f.line(it.last), []byte("\n")) {
			add = f.eol + strings.TrimSuffix(add, f.eol)
		}
		out = append(append(append([]byte(nil), raw[:at]...), add...), raw[at:]...)
	}
	// It must read back as the same item with that note.
	back, err := readAnnotation(out, line)
	if err != nil || value(back.node, "note") != note || value(back.node, "quote") != value(it.node, "quote") {
		return nil, errors.New("the note does not read back as written")
	}
	return out, nil
}

// valueSpan is scalarSpan, or for a flow list written on one line ([a,
// b]), its bytes from "[" to "]".
func (f *file) valueSpan(v *yaml.Node) (start, end int, err error) {
	if v.Kind != yaml.SequenceNode {
		return f.scalarSpan(v)
	}
	if v.Style&yaml.FlowStyle == 0 || v.Line < f.base || v.Line >= f.base+len(f.lines) {
		return 0, 0, errors.New("the list is not written on one line")
	}
	line := f.line(v.Line)
	at := f.offset(v.Line)
	open := -1
	for b, n := 0, 1; b < len(line); n++ { // yaml columns count code points from 1
		if n == v.Column {
			open = b
			break
		}
		_, size := utf8.DecodeRune(line[b:])
		b += size
	}
	if open < 0 || line[open] != '[' {
		return 0, 0, errors.New("the list is not where the parser says")
	}
	depth, quote := 0, byte(0)
	for i := open; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			if depth--; depth == 0 {
				return at + open, at + i + 1, nil
			}
		}
	}
	return 0, 0, errors.New("the list does not end on its line")
}

// scalarSpan finds a one-line scalar's bytes in the file from its node's
// line and column.
func (f *file) scalarSpan(v *yaml.Node) (start, end int, err error) {
	if v.Kind != yaml.ScalarNode || v.Line < f.base || v.Line >= f.base+len(f.lines) {
		return 0, 0, errors.New("the topic is not a scalar")
	}
	at := f.offset(v.Line)
	line := f.line(v.Line)
	col := 0 // yaml columns count code points from 1
	for b, n := 0, 1; b < len(line); n++ {
		if n == v.Column {
			col = b
			break
		}
		_, size := utf8.DecodeRune(line[b:])
		b += size
	}
	rest := line[col:]
	switch v.Style {
	case 0:
		if !bytes.HasPrefix(rest, []byte(v.Value)) {
			return 0, 0, errors.New("the topic's text is not where the parser says")
		}
		return at + col, at + col + len(v.Value), nil
	case yaml.SingleQuotedStyle, yaml.DoubleQuotedStyle:
		q := rest[0]
		for i := 1; i < len(rest); i++ {
			switch {
			case rest[i] == '\\' && q == '"':
				i++
			case rest[i] == q && q == '\'' && i+1 < len(rest) && rest[i+1] == '\'':
				i++
			case rest[i] == q:
				return at + col, at + col + i + 1, nil
			}
		}
	}
	return 0, 0, errors.New("the topic is written in a style this editor does not change (a block or multi-line scalar)")
}

func plainID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// fields are an annotation's keys in the order they are written.
func fields(a Annotation) [][2]string {
	out := [][2]string{{"source", a.Source}, {"topic", a.Topic}, {"quote", quoted(a.Quote)}}
	if a.Prefix != "" {
		out = append(out, [2]string{"prefix", quoted(a.Prefix)})
	}
	if a.Suffix != "" {
		out = append(out, [2]string{"suffix", quoted(a.Suffix)})
	}
	if a.Start >= 0 {
		out = append(out, [2]string{"start", strconv.Itoa(a.Start)})
	}
	if a.Note != "" {
		out = append(out, [2]string{"note", quoted(a.Note)})
	}
	if a.Coder != "" {
		out = append(out, [2]string{"coder", quoted(a.Coder)})
	}
	if a.Created != "" {
		out = append(out, [2]string{"created", a.Created})
	}
	return out
}

func flowItem(fields [][2]string, dash int, eol string) string {
	var parts []string
	for _, kv := range fields {
		parts = append(parts, kv[0]+": "+kv[1])
	}
	return strings.Repeat(" ", dash) + "- {" + strings.Join(parts, ", ") + "}" + eol
}

func blockItem(fields [][2]string, dash, keyIndent int, eol string) string {
	var b strings.Builder
	for i, kv := range fields {
		if i == 0 {
			b.WriteString(strings.Repeat(" ", dash) + "-" + strings.Repeat(" ", keyIndent-dash-1))
		} else {
			b.WriteString(strings.Repeat(" ", keyIndent))
		}
		b.WriteString(kv[0] + ": " + kv[1] + eol)
	}
	return b.String()
}

// quoted writes a string as a YAML scalar that reads back as itself: in
// single quotes, or in double quotes with escapes when it holds a line
// break or another control character (which single quotes would fold).
func quoted(s string) string {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xfeff {
			return strconv.Quote(s) // JSON-like escapes are YAML double-quoted escapes too
		}
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
