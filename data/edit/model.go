package edit

import (
	"errors"
	"fmt"
	"image/color"
	"strings"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// The corpus in memory follows an edit of the file without loading it
// again: these make the changed copy (Corpus.Clone) that loading the edited
// file would give, in a fraction of the time, so views follow an edit at
// once; Save still loads what it writes and compares.

// Added is c with a new annotation a, placed at anchor an by Place and
// written by AddAt at line.
func Added(c *data.Corpus, a Annotation, an data.Anchor, line int) *data.Corpus {
	n := c.Clone()
	n.AddAnnotation(record(n, a, an, line))
	return n
}

// record is a as the corpus n holds it, anchored at an, standing at line.
func record(n *data.Corpus, a Annotation, an data.Anchor, line int) *data.Annotation {
	r := &data.Annotation{Source: n.Source(a.Source), Topic: n.Topic(a.Topic),
		Quote: a.Quote, Start: a.Start, Coder: a.Coder, Anchor: an, Line: line, File: a.File}
	r.SetDetails(data.AnnotationDetails{Prefix: a.Prefix, Suffix: a.Suffix, Note: a.Note, Created: a.Created})
	return r
}

// moveBelow moves the annotations of one file that stand below a line by
// lines lines (up when negative): an edit of a file moves no other's.
func moveBelow(list []*data.Annotation, file string, below, lines int) {
	for _, a := range list {
		if a.File == file && a.Line > below {
			a.Line += lines
		}
	}
}

// Rejected is c with a new rejection a, placed at anchor an and written by
// AddRejection at line.
func Rejected(c *data.Corpus, a Annotation, an data.Anchor, line int) *data.Corpus {
	n := c.Clone()
	n.AddRejection(record(n, a, an, line))
	return n
}

// Removed is c without annotation i, whose item took lines lines of the
// file: the annotations after it move up.
func Removed(c *data.Corpus, i, lines int) *data.Corpus {
	n := c.Clone()
	at, file := n.Annotations[i].Line, n.Annotations[i].File
	n.RemoveAnnotation(i)
	moveBelow(n.Annotations, file, at, -lines)
	return n
}

// Retopicked is c with annotation i given the topic id.
func Retopicked(c *data.Corpus, i int, id string) *data.Corpus {
	n := c.Clone()
	n.SetTopic(i, n.Topic(id))
	return n
}

// Same checks that got (a corpus loaded from the bytes about to be
// written) is want (the corpus shown): the same records, every annotation
// on the same span of the same source with the same topic and anchor
// status. A save writes only when it holds.
func Same(want, got *data.Corpus) error {
	if len(got.Topics) != len(want.Topics) || len(got.Meetings) != len(want.Meetings) || len(got.Sources) != len(want.Sources) || len(got.Eras) != len(want.Eras) {
		return errors.New("the topics, meetings, sources or eras differ")
	}
	if len(got.Rejections) != len(want.Rejections) {
		return fmt.Errorf("%d rejections, not %d", len(got.Rejections), len(want.Rejections))
	}
	if len(got.Annotations) != len(want.Annotations) {
		return fmt.Errorf("%d annotations, not %d", len(got.Annotations), len(want.Annotations))
	}
	for i, a := range got.Annotations {
		b := want.Annotations[i]
		if a.Source.ID != b.Source.ID || a.Topic.ID != b.Topic.ID || a.Anchor.Start != b.Anchor.Start || a.Anchor.End != b.Anchor.End || a.Anchor.Status != b.Anchor.Status || a.Quote != b.Quote || a.Details().Note != b.Details().Note {
			return fmt.Errorf("annotation %d (line %d) is %s %s %d–%d, not %s %s %d–%d", i+1, a.Line,
				a.Topic.ID, a.Source.ID, a.Anchor.Start, a.Anchor.End, b.Topic.ID, b.Source.ID, b.Anchor.Start, b.Anchor.End)
		}
		if a.File != b.File || a.Coder != b.Coder {
			return fmt.Errorf("annotation %d (line %d) is by %q in %q, not by %q in %q", i+1, a.Line, a.Coder, a.File, b.Coder, b.File)
		}
	}
	return nil
}

// Noted is c with annotation i's note set to note; when the note was
// written as a new line (a block item), the annotations below move down
// by lines.
func Noted(c *data.Corpus, i int, note string, lines int) *data.Corpus {
	n := c.Clone()
	a := n.Annotations[i]
	d := a.Details()
	d.Note = note
	a.SetDetails(d)
	if lines > 0 {
		moveBelow(n.Annotations, a.File, a.Line, lines)
	}
	return n
}

// TopicAdded is c with a new topic t, written by AddTopicAt at line in
// lines lines: the annotations below it move down.
func TopicAdded(c *data.Corpus, t Topic, line, lines int) (*data.Corpus, error) {
	col, err := data.ParseColor(t.Color)
	if err != nil {
		return nil, err
	}
	n := c.Clone()
	n.AddTopic(&data.Topic{ID: t.ID, Label: t.Label, Color: col})
	moveBelow(n.Annotations, "", line-1, lines) // the topics are in the corpus file
	return n, nil
}

// NewTopic makes a topic for a label: its id from the label (lower case,
// words joined by "-", made unique in c), and the first colour of the
// default palette no topic of c has.
func NewTopic(c *data.Corpus, label string) Topic {
	id := NewID(label, "topic", func(id string) bool { return c.Topic(id) != nil })
	used := map[color.NRGBA]bool{}
	for _, t := range c.Topics {
		used[t.Color] = true
	}
	col := data.DefaultTopicColor(len(c.Topics))
	for i := 0; i < 64; i++ {
		if cand := data.DefaultTopicColor(i); !used[cand] {
			col = cand
			break
		}
	}
	return Topic{ID: id, Label: strings.TrimSpace(label), Color: fmt.Sprintf("#%02X%02X%02X", col.R, col.G, col.B)}
}

// NewID makes an id from a label: its Latin letters and digits in lower
// case, words joined by "-", at most 40 bytes, fallback when there are
// none, and "-2", "-3" … added while taken says the id is in use.
func NewID(label, fallback string, taken func(string) bool) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(label) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	id := b.String()
	if len(id) > 40 {
		id = strings.TrimRight(id[:40], "-")
	}
	if id == "" {
		id = fallback
	}
	base := id
	for k := 2; taken(id); k++ {
		id = fmt.Sprintf("%s-%d", base, k)
	}
	return id
}
