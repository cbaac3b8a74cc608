package edit

import (
	"bytes"
	"errors"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// An item of a block list, read on its own: an edit of one annotation
// reads its few lines, not the file (a corpus of 100,000 annotations takes
// seconds to parse whole, and its lines alone are a third of a million).
// Where the item is comes from the corpus (Annotation.Line), and Save
// loads the whole result before it writes, so a local reading that went
// wrong is caught before anything is written.
type item struct {
	f           *file      // the item's lines (base: its first line)
	node        *yaml.Node // the item's mapping, with the file's line numbers
	first, last int        // its lines, 1-based, inclusive
	start, end  int        // the bytes of those lines in the file
	dash        int        // the indentation of its "-"
}

// line is line n of the file (n from f.base on), with its line end.
func (f *file) line(n int) []byte { return f.lines[n-f.base] }

// offset is the byte where line n of the file starts.
func (f *file) offset(n int) int {
	at := f.off
	for _, l := range f.lines[:n-f.base] {
		at += len(l)
	}
	return at
}

// lineStart is the byte where line n (1-based) of raw starts; false when
// raw has fewer lines.
func lineStart(raw []byte, n int) (int, bool) {
	at := 0
	// Whole blocks first, counted fast, then line by line: the last
	// annotation of a large corpus is a third of a million lines down.
	const block = 64 << 10
	for n > 1 && at+block <= len(raw) {
		k := bytes.Count(raw[at:at+block], []byte("\n"))
		if k >= n-1 {
			break
		}
		n -= k
		at += block
	}
	for ; n > 1; n-- {
		i := bytes.IndexByte(raw[at:], '\n')
		if i < 0 {
			return 0, false
		}
		at += i + 1
	}
	return at, at < len(raw)
}

// lineFrom is the line that starts at byte at, with its line end.
func lineFrom(raw []byte, at int) []byte {
	if i := bytes.IndexByte(raw[at:], '\n'); i >= 0 {
		return raw[at : at+i+1]
	}
	return raw[at:]
}

// isItemLine reports whether a line starts a list item ("-" then a space
// or the line's end).
func isItemLine(l []byte) bool {
	rest := bytes.TrimLeft(l, " ")
	return bytes.HasPrefix(rest, []byte("-")) && (len(rest) == 1 || rest[1] == ' ' || rest[1] == '\n' || rest[1] == '\r')
}

// readItem reads the block list item that starts at line: its lines run
// while lines are indented past its dash (blank and comment lines at its
// end belong to what follows), and they must parse as one mapping.
func readItem(raw []byte, line int) (*item, error) {
	start, ok := lineStart(raw, line)
	if !ok || line < 1 {
		return nil, fmt.Errorf("line %d: no such line", line)
	}
	return readItemAt(raw, line, start)
}

// readItemAt is readItem for a line known to start at byte start.
func readItemAt(raw []byte, line, start int) (*item, error) {
	first := lineFrom(raw, start)
	if !isItemLine(first) {
		return nil, fmt.Errorf("line %d: no list item starts there", line)
	}
	f := &file{raw: raw, eol: "\n", base: line, off: start}
	if bytes.HasSuffix(first, []byte("\r\n")) {
		f.eol = "\r\n"
	}
	it := &item{f: f, first: line, last: line, start: start, end: start + len(first), dash: indent(first)}
	f.lines = [][]byte{first}
	var pending [][]byte // blank and comment lines, kept when the item goes on
	for at, n := it.end, line+1; at < len(raw); n++ {
		l := lineFrom(raw, at)
		at += len(l)
		if blankOrComment(l) {
			pending = append(pending, l)
			continue
		}
		if indent(l) <= it.dash {
			break
		}
		f.lines = append(append(f.lines, pending...), l)
		pending = nil
		it.last, it.end = n, at
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw[it.start:it.end], &doc); err != nil {
		return nil, fmt.Errorf("line %d: the item does not parse on its own: %w", line, err)
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.SequenceNode || len(doc.Content[0].Content) != 1 || doc.Content[0].Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("line %d: the item is not one mapping", line)
	}
	it.node = doc.Content[0].Content[0]
	shiftLines(it.node, line-1)
	return it, nil
}

// CheckLineBreaks checks that a corpus file breaks lines only where the
// editor counts them, at line feeds: the YAML parser, which numbers the
// lines the corpus gives (Annotation.Line), also breaks at a lone carriage
// return and at U+0085, U+2028 and U+2029. A file that fails it is not
// edited. The edits themselves write none of these (quoted escapes them),
// so a file is checked once, when it is read for editing.
func CheckLineBreaks(raw []byte) error {
	for at := 0; ; {
		i := bytes.IndexByte(raw[at:], '\r')
		if i < 0 {
			break
		}
		at += i + 1
		if at >= len(raw) || raw[at] != '\n' {
			return errors.New("the file has a carriage return without a line feed; the editor counts lines by line feeds, so write line ends as LF or CR LF")
		}
	}
	for _, r := range []string{"\u0085", "\u2028", "\u2029"} {
		if bytes.Contains(raw, []byte(r)) {
			return fmt.Errorf("the file holds the character U+%04X, which YAML reads as a line end; write it as an escape (\"\\u%04X\") to edit the file here", []rune(r)[0], []rune(r)[0])
		}
	}
	return nil
}

func shiftLines(n *yaml.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		shiftLines(c, by)
	}
}

// neighbour reports whether another item of the same list stands right
// before or after the item.
func (it *item) neighbour() bool {
	raw := it.f.raw
	for at := it.start; at > 0; {
		prev := bytes.LastIndexByte(raw[:at-1], '\n') + 1
		l := raw[prev:at]
		at = prev
		if blankOrComment(l) || indent(l) > it.dash {
			continue
		}
		if indent(l) == it.dash && isItemLine(l) {
			return true
		}
		break
	}
	return it.next() > 0
}

// next is the line of the item after this one in its list, 0 for none.
func (it *item) next() int {
	raw := it.f.raw
	for at, n := it.end, it.last+1; at < len(raw); n++ {
		l := lineFrom(raw, at)
		at += len(l)
		if blankOrComment(l) {
			continue
		}
		if indent(l) == it.dash && isItemLine(l) {
			return n
		}
		return 0
	}
	return 0
}

// errStale says an edit's line does not hold the annotation it was meant
// for: the corpus shown is older than the file's bytes.
var errStale = errors.New("the annotation is no longer where the corpus shown says; try again")

// readAnnotation reads the annotation item that starts at line.
func readAnnotation(raw []byte, line int) (*item, error) {
	it, err := readItem(raw, line)
	if err != nil {
		return nil, err
	}
	if value(it.node, "source") == "" || node(it.node, "quote") == nil {
		return nil, fmt.Errorf("line %d: %w", line, errStale)
	}
	return it, nil
}

// Holds checks that the annotation item at line is the one meant: of that
// source, with that quote. An edit made from a corpus older than the bytes
// it changes then fails instead of changing another annotation.
func Holds(raw []byte, line int, source, quote string) error {
	it, err := readAnnotation(raw, line)
	if err != nil {
		return err
	}
	if value(it.node, "source") != source || value(it.node, "quote") != quote {
		return fmt.Errorf("line %d: %w", line, errStale)
	}
	return nil
}
