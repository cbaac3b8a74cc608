// Package webanno writes a corpus' annotations in the W3C Web Annotation
// data model (JSON-LD, https://www.w3.org/TR/annotation-model/), whose
// TextQuoteSelector and TextPositionSelector the corpus format already
// follows: one AnnotationCollection, each annotation targeting its source
// with both selectors (positions in code points), its topic as a tagging
// body, its note as a commenting body, its coder as creator.
package webanno

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/refiqda"
)

// The JSON-LD shapes written.
type (
	collection struct {
		Context string `json:"@context"`
		ID      string `json:"id"`
		Type    string `json:"type"`
		Label   string `json:"label,omitempty"`
		Total   int    `json:"total"`
		First   page   `json:"first"`
	}
	page struct {
		Type  string       `json:"type"`
		Items []annotation `json:"items"`
	}
	annotation struct {
		ID      string   `json:"id"`
		Type    string   `json:"type"`
		Created string   `json:"created,omitempty"`
		Creator *creator `json:"creator,omitempty"`
		Body    []body   `json:"body"`
		Target  target   `json:"target"`
	}
	creator struct {
		Type string `json:"type"`
		Name string `json:"name"`
	}
	body struct {
		Type    string `json:"type"`
		Purpose string `json:"purpose"`
		Value   string `json:"value"`
		ID      string `json:"id,omitempty"`
	}
	target struct {
		Source   string     `json:"source"`
		Selector []selector `json:"selector"`
	}
	selector struct {
		Type   string `json:"type"`
		Exact  string `json:"exact,omitempty"`
		Prefix string `json:"prefix,omitempty"`
		Suffix string `json:"suffix,omitempty"`
		Start  *int   `json:"start,omitempty"`
		End    *int   `json:"end,omitempty"`
	}
)

// contextRunes is how much text the quote selector's prefix and suffix
// hold, in code points: enough to find the quote again in a text that
// changed a little.
const contextRunes = 32

// SourceIRI names a source as a target: its url when the record gives
// one, else a URN of its id.
func SourceIRI(s *data.Source) string {
	if url := s.Details().URL; url != "" {
		return url
	}
	return "urn:alliance-timeline:source:" + s.ID
}

// Write encodes the corpus' anchored annotations as one collection.
func Write(c *data.Corpus) ([]byte, error) {
	col := collection{Context: "http://www.w3.org/ns/anno.jsonld", ID: "urn:uuid:" + refiqda.GUID("corpus", c.Title),
		Type: "AnnotationCollection", Label: c.Title, First: page{Type: "AnnotationPage", Items: []annotation{}}}
	for _, a := range c.Annotations {
		if a.Source == nil || a.Topic == nil || a.Anchor.Status == data.Orphaned {
			continue
		}
		text := a.Source.Text
		start, end := a.Anchor.Start, a.Anchor.End
		an := annotation{ID: "urn:uuid:" + refiqda.GUID("annotation", fmt.Sprintf("%s\x00%s\x00%d\x00%d\x00%d", a.Source.ID, a.Topic.ID, start, end, a.Index)),
			Type: "Annotation",
			Body: []body{{Type: "TextualBody", Purpose: "tagging", Value: a.Topic.Label, ID: "urn:alliance-timeline:topic:" + a.Topic.ID}},
			Target: target{Source: SourceIRI(a.Source), Selector: []selector{
				{Type: "TextQuoteSelector", Exact: text[a.Anchor.ByteStart:a.Anchor.ByteEnd],
					Prefix: lastRunes(text[:a.Anchor.ByteStart], contextRunes), Suffix: firstRunes(text[a.Anchor.ByteEnd:], contextRunes)},
				{Type: "TextPositionSelector", Start: &start, End: &end},
			}}}
		d := a.Details()
		if d.Note != "" {
			an.Body = append(an.Body, body{Type: "TextualBody", Purpose: "commenting", Value: d.Note})
		}
		if a.Coder != "" {
			an.Creator = &creator{Type: "Person", Name: a.Coder}
		}
		if d.Created != "" {
			an.Created = d.Created + "T00:00:00Z"
		}
		col.First.Items = append(col.First.Items, an)
	}
	col.Total = len(col.First.Items)
	out, err := json.MarshalIndent(col, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode the annotations: %w", err)
	}
	return append(out, '\n'), nil
}

func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}
