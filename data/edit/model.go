package edit

import (
	"errors"
	"fmt"

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
	na := &data.Annotation{Index: len(n.Annotations), Source: n.Source(a.Source), Topic: n.Topic(a.Topic),
		Quote: a.Quote, Prefix: a.Prefix, Suffix: a.Suffix, Start: a.Start, Note: a.Note, Coder: a.Coder, Created: a.Created,
		Anchor: an, Line: line}
	n.Annotations = append(n.Annotations, na)
	n.Derive()
	return n
}

// Removed is c without annotation i, whose item took lines lines of the
// file: the annotations after it move up.
func Removed(c *data.Corpus, i, lines int) *data.Corpus {
	n := c.Clone()
	gone := n.Annotations[i]
	n.Annotations = append(n.Annotations[:i:i], n.Annotations[i+1:]...)
	for j, a := range n.Annotations {
		a.Index = j
		if a.Line > gone.Line {
			a.Line -= lines
		}
	}
	n.Derive()
	return n
}

// Retopicked is c with annotation i given the topic id.
func Retopicked(c *data.Corpus, i int, id string) *data.Corpus {
	n := c.Clone()
	n.Annotations[i].Topic = n.Topic(id)
	n.Derive()
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
	if len(got.Annotations) != len(want.Annotations) {
		return fmt.Errorf("%d annotations, not %d", len(got.Annotations), len(want.Annotations))
	}
	for i, a := range got.Annotations {
		b := want.Annotations[i]
		if a.Source.ID != b.Source.ID || a.Topic.ID != b.Topic.ID || a.Anchor.Start != b.Anchor.Start || a.Anchor.End != b.Anchor.End || a.Anchor.Status != b.Anchor.Status || a.Quote != b.Quote || a.Note != b.Note {
			return fmt.Errorf("annotation %d (line %d) is %s %s %d–%d, not %s %s %d–%d", i+1, a.Line,
				a.Topic.ID, a.Source.ID, a.Anchor.Start, a.Anchor.End, b.Topic.ID, b.Source.ID, b.Anchor.Start, b.Anchor.End)
		}
	}
	return nil
}
