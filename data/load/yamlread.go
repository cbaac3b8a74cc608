package load

import (
	"github.com/alliance-timeline/alliance-timeline/data"

	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// reader walks a yaml.Node tree strictly and records every problem with its
// position; it never stops at the first one.
type reader struct {
	file     string
	problems *data.Problems
}

// pos is a place in the corpus file: what the later steps of a load keep
// of a node, so the node tree can go once its records are read.
type pos struct{ line, col int }

// posOf is where n stands; the zero pos (no place) for nil.
func posOf(n *yaml.Node) pos {
	if n == nil {
		return pos{}
	}
	return pos{n.Line, n.Column}
}

// in is the reader that reports into the same problems as r, placed in
// file ("": r's own file): a coder's annotation file.
func (r *reader) in(file string) *reader {
	if file == "" || file == r.file {
		return r
	}
	return &reader{file: file, problems: r.problems}
}

func (r *reader) report(sev data.Severity, at pos, format string, args ...any) {
	*r.problems = append(*r.problems, data.Problem{File: r.file, Line: at.line, Col: at.col, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

func (r *reader) errorf(n *yaml.Node, format string, args ...any) {
	r.report(data.Error, posOf(n), format, args...)
}

func (r *reader) warnf(n *yaml.Node, format string, args ...any) {
	r.report(data.Warning, posOf(n), format, args...)
}

func (r *reader) errorAt(at pos, format string, args ...any) {
	r.report(data.Error, at, format, args...)
}

func (r *reader) warnAt(at pos, format string, args ...any) {
	r.report(data.Warning, at, format, args...)
}

// itemName names the i-th (1-based) item of a list for messages: by its id
// (or, failing that, its label) when it has one, else by its position.
func itemName(n *yaml.Node, kind string, i int) string {
	// Every item of a corpus is named: in one allocation, of the name's
	// size (fmt.Sprintf took 8% of a load of 100,000 meetings).
	var buf [64]byte
	name := append(append(buf[:0], kind...), ' ')
	if n.Kind == yaml.MappingNode {
		for _, key := range []string{"id", "label"} {
			for j := 0; j+1 < len(n.Content); j += 2 {
				k, v := n.Content[j], n.Content[j+1]
				if k.Value == key && v.Kind == yaml.ScalarNode && v.Value != "" {
					return string(strconv.AppendQuote(name, safetext.Clip(v.Value, 40))) // as %q
				}
			}
		}
	}
	return string(strconv.AppendInt(name, int64(i), 10))
}

// fields is a mapping node read against a list of known keys. It keeps
// nothing of its own: a corpus has hundreds of thousands of mappings, and
// a dozen keys at most in each, so a key is found by walking the node.
type fields struct {
	r     *reader
	node  *yaml.Node
	what  string   // "topic", "meeting 'scm-44'", ... for messages
	known []string // the keys that may be read; nil when node is no mapping
}

// get returns the value of key and whether the key is present: its first
// occurrence, as a later one is reported as a duplicate.
func (f fields) get(key string) (*yaml.Node, bool) {
	if !contains(f.known, key) {
		return nil, false
	}
	n := f.node
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.Value == key {
			return n.Content[i+1], true
		}
	}
	return nil, false
}

// plain reports aliases, which a corpus does not use: they make positions
// ambiguous and can multiply a small file into a huge one.
func (r *reader) plain(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode {
		r.errorf(n, "YAML aliases (*%s) are not allowed in a corpus; write the value out", n.Value)
		return false
	}
	return true
}

// mapping reads n as a mapping with the given known keys, reporting
// unknown keys (with a suggestion), duplicate keys, merge keys and a node
// that is not a mapping. ok is false when n is not a mapping.
func (r *reader) mapping(n *yaml.Node, what string, known ...string) (fields, bool) {
	f := fields{r: r, node: n, what: what}
	if !r.plain(n) {
		return f, false
	}
	if n.Kind != yaml.MappingNode {
		r.errorf(n, "%s must be a mapping of keys to values, not %s", what, kindName(n))
		return f, false
	}
	f.known = known
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode {
			r.errorf(k, "%s: keys must be plain words, not %s", what, kindName(k))
			continue
		}
		if k.Value == "<<" {
			r.errorf(k, "%s: merge keys (<<) are not allowed in a corpus; write the keys out", what)
			continue
		}
		if first := firstKey(n, i); first != nil {
			r.errorf(k, "%s: duplicate key %q (first at line %d)", what, k.Value, first.Line)
			continue
		}
		if !contains(known, k.Value) {
			msg := fmt.Sprintf("%s: unknown key %q", what, k.Value)
			if s := textmatch.Suggest(k.Value, known); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += fmt.Sprintf(" (known keys: %s)", strings.Join(known, ", "))
			}
			r.errorf(k, "%s", msg)
		}
	}
	return f, true
}

// firstKey is the key before Content[i] of mapping n with the same text,
// nil when Content[i] is the first.
func firstKey(n *yaml.Node, i int) *yaml.Node {
	k := n.Content[i]
	for j := 0; j < i; j += 2 {
		if first := n.Content[j]; first.Kind == yaml.ScalarNode && first.Value == k.Value {
			return first
		}
	}
	return nil
}

// node returns the value of key, or nil when it is absent or null.
func (f fields) value(key string) *yaml.Node {
	v, _ := f.get(key)
	if v == nil || (v.Kind == yaml.ScalarNode && v.Tag == "!!null") {
		return nil
	}
	return v
}

// at returns the best node to point at for key: its value, else the mapping.
func (f fields) at(key string) *yaml.Node {
	if v, _ := f.get(key); v != nil {
		return v
	}
	return f.node
}

// str reads a scalar as text. A required key that is absent or empty is an
// error.
func (f fields) str(key string, required bool) string {
	v := f.value(key)
	if v == nil {
		if required {
			f.missing(key)
		}
		return ""
	}
	if !f.r.plain(v) {
		return ""
	}
	if v.Kind != yaml.ScalarNode {
		f.r.errorf(v, "%s: %s must be text, not %s", f.what, key, kindName(v))
		return ""
	}
	if required && strings.TrimSpace(v.Value) == "" {
		f.r.errorf(v, "%s: %s must not be empty", f.what, key)
	}
	return v.Value
}

func (f fields) missing(key string) {
	if v, present := f.get(key); present {
		f.r.errorf(v, "%s: %s must not be empty", f.what, key)
		return
	}
	f.r.errorf(f.node, "%s: missing required key %q", f.what, key)
}

// integer reads a whole number; ok is false when absent or invalid.
func (f fields) integer(key string, required bool) (int, bool) {
	v := f.value(key)
	if v == nil {
		if required {
			f.missing(key)
		}
		return 0, false
	}
	if !f.r.plain(v) {
		return 0, false
	}
	n, err := strconv.Atoi(v.Value)
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || err != nil {
		f.r.errorf(v, "%s: %s must be a whole number, not %s", f.what, key, describe(v))
		return 0, false
	}
	return n, true
}

// strList reads a sequence of texts (a single text is accepted too).
func (f fields) strList(key string) []string {
	v := f.value(key)
	if v == nil || !f.r.plain(v) {
		return nil
	}
	if v.Kind == yaml.ScalarNode {
		return []string{v.Value}
	}
	var out []string
	for _, item := range f.r.sequence(v, f.what+": "+key) {
		if !f.r.plain(item) {
			continue
		}
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			f.r.errorf(item, "%s: every entry of %s must be text, not %s", f.what, key, kindName(item))
			continue
		}
		out = append(out, item.Value)
	}
	return out
}

// sequence reads n as a list; a non-list is an error.
func (r *reader) sequence(n *yaml.Node, what string) []*yaml.Node {
	if n == nil || !r.plain(n) {
		return nil
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		r.errorf(n, "%s must be a list, not %s", what, kindName(n))
		return nil
	}
	return n.Content
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.DocumentNode:
		return "a document"
	}
	if n.Tag == "!!null" {
		return "empty"
	}
	return "a single value"
}

func describe(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return strconv.Quote(safetext.Clip(n.Value, 40))
	}
	return kindName(n)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
