package edit

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// Respan returns the file with the annotation at line given another span:
// its selectors (quote, prefix, suffix, start) replaced by a's, placed by
// Place, where they are written; a selector the item lacks is added (at
// the end of a one-line "{…}" item, or as the item's last line), and a
// prefix or suffix the new span does not need is kept, with the text now
// before or after it. Every other key and byte stays. It gives how many
// lines the file gained, and the selectors as written.
func Respan(raw []byte, line int, a Annotation, text string, an data.Anchor) ([]byte, int, Annotation, error) {
	it, err := readAnnotation(raw, line)
	if err != nil {
		return nil, 0, a, err
	}
	// A context the item has and the new span does not need: the text
	// next to the new span, as many code points as the old one had.
	if a.Prefix == "" && node(it.node, "prefix") != nil {
		a.Prefix = contextBefore(text[:an.ByteStart], len([]rune(value(it.node, "prefix"))))
	}
	if a.Suffix == "" && node(it.node, "suffix") != nil {
		a.Suffix = contextAfter(text[an.ByteEnd:], len([]rune(value(it.node, "suffix"))))
	}
	want := [][2]string{{"quote", quoted(a.Quote)}, {"prefix", quoted(a.Prefix)}, {"suffix", quoted(a.Suffix)}, {"start", strconv.Itoa(a.Start)}}
	out := raw
	for _, kv := range want {
		if kv[1] == "''" { // no context wanted, and none written
			continue
		}
		if out, err = setField(out, line, kv[0], kv[1]); err != nil {
			return nil, 0, a, err
		}
	}
	back, err := readAnnotation(out, line)
	if err != nil || value(back.node, "quote") != a.Quote || value(back.node, "start") != strconv.Itoa(a.Start) || value(back.node, "topic") != value(it.node, "topic") ||
		value(back.node, "prefix") != a.Prefix || value(back.node, "suffix") != a.Suffix {
		return nil, 0, a, errors.New("the new span does not read back as written")
	}
	return out, bytes.Count(out, []byte("\n")) - bytes.Count(raw, []byte("\n")), a, nil
}

// setField sets key of the annotation at line to the YAML scalar v: its
// value replaced where it is written, or the key added.
func setField(raw []byte, line int, key, v string) ([]byte, error) {
	it, err := readAnnotation(raw, line)
	if err != nil {
		return nil, err
	}
	return it.set(raw, key, v)
}

// set sets key of the item to v, YAML as written (a quoted scalar, a flow
// list on one line): the value replaced where it is written on one line,
// or the key added at the item's end.
func (it *item) set(raw []byte, key, v string) ([]byte, error) {
	f := it.f
	if n := node(it.node, key); n != nil {
		start, end, err := f.valueSpan(n)
		if err != nil {
			return nil, fmt.Errorf("the %s is written in a style this editor does not change; edit it in the file", key)
		}
		return append(append(append([]byte(nil), raw[:start]...), v...), raw[end:]...), nil
	}
	if it.node.Style&yaml.FlowStyle != 0 {
		if it.first != it.last {
			return nil, errors.New("the annotation spans several lines in flow style; edit it in the file")
		}
		brace := bytes.LastIndexByte(f.line(it.last), '}')
		if brace < 0 {
			return nil, errors.New("the annotation's closing brace is not on its line")
		}
		pos := f.offset(it.last) + brace
		return append(append(append([]byte(nil), raw[:pos]...), ", "+key+": "+v...), raw[pos:]...), nil
	}
	keyIndent := it.node.Content[0].Column - 1
	add := strings.Repeat(" ", keyIndent) + key + ": " + v + f.eol
	if !bytes.HasSuffix(f.line(it.last), []byte("\n")) {
		add = f.eol + strings.TrimSuffix(add, f.eol)
	}
	return append(append(append([]byte(nil), raw[:it.end]...), add...), raw[it.end:]...), nil
}

func contextBefore(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}

func contextAfter(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// Respanned is c with annotation i on the span a, placed at an, written by
// Respan, which gave the file lines more lines: the annotations below move
// down.
func Respanned(c *data.Corpus, i int, a Annotation, an data.Anchor, lines int) *data.Corpus {
	n := c.Clone()
	b := n.Annotations[i]
	b.Quote, b.Start, b.Anchor = a.Quote, a.Start, an
	d := b.Details()
	d.Prefix, d.Suffix = a.Prefix, a.Suffix
	b.SetDetails(d)
	n.AnnotationChanged(i)
	if lines != 0 {
		moveBelow(n.Annotations, b.File, b.Line, lines)
	}
	return n
}
