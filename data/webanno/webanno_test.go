package webanno

import (
	"encoding/json"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// The built-in corpus as Web Annotations: JSON with the collection's
// shape, one annotation per annotation, each exact the text its positions
// cut (and, folded, its quote), its topic a tagging body.
func TestBuiltinCorpusAsWebAnnotations(t *testing.T) {
	c, ps, err := assets.LoadCorpus()
	if err != nil || len(ps) != 0 {
		t.Fatal(err, ps)
	}
	out, err := Write(c)
	if err != nil {
		t.Fatal(err)
	}
	var col struct {
		Context string `json:"@context"`
		Type    string `json:"type"`
		Total   int    `json:"total"`
		First   struct {
			Items []struct {
				ID   string `json:"id"`
				Type string `json:"type"`
				Body []struct {
					Purpose, Value string
				} `json:"body"`
				Target struct {
					Source   string `json:"source"`
					Selector []struct {
						Type, Exact, Prefix, Suffix string
						Start, End                  int
					} `json:"selector"`
				} `json:"target"`
			} `json:"items"`
		} `json:"first"`
	}
	if err := json.Unmarshal(out, &col); err != nil {
		t.Fatal(err)
	}
	if col.Context != "http://www.w3.org/ns/anno.jsonld" || col.Type != "AnnotationCollection" || col.Total != len(c.Annotations) || len(col.First.Items) != len(c.Annotations) {
		t.Fatalf("%s %s: %d annotations of %d", col.Context, col.Type, len(col.First.Items), len(c.Annotations))
	}
	ids := map[string]bool{}
	for i, it := range col.First.Items {
		a := c.Annotations[i]
		q, p := it.Target.Selector[0], it.Target.Selector[1]
		text := []rune(a.Source.Text)
		if it.Type != "Annotation" || q.Type != "TextQuoteSelector" || p.Type != "TextPositionSelector" || it.Body[0].Purpose != "tagging" || it.Body[0].Value != a.Topic.Label {
			t.Fatalf("annotation %d: %+v", i, it)
		}
		if q.Exact != string(text[p.Start:p.End]) || q.Exact != a.Text() || textmatch.FoldForSearch(q.Exact) != textmatch.FoldForSearch(a.Quote) {
			t.Errorf("annotation %d: exact %q, the text at %d–%d %q, the quote %q", i, q.Exact, p.Start, p.End, string(text[p.Start:p.End]), a.Quote)
		}
		if ids[it.ID] {
			t.Errorf("id %s twice", it.ID)
		}
		ids[it.ID] = true
	}
}

// Any JSON: read without a panic; what is read matches against a corpus
// without one either.
func FuzzRead(f *testing.F) {
	f.Add(`{"type":"AnnotationCollection","first":{"items":[{"id":"a","body":{"purpose":"tagging","value":"Space"},"target":{"source":"urn:alliance-timeline:source:s","selector":[{"type":"TextQuoteSelector","exact":"space"},{"type":"TextPositionSelector","start":3,"end":8}]}}]}}`)
	f.Add(`{"rows":[{"uri":"u","tags":["x"],"user":"acct:a@b","target":[{"selector":[{"type":"TextQuoteSelector","exact":"q"}]}]}]}`)
	f.Add(`[{"target":"urn:alliance-timeline:source:s"}]`)
	c, _, _ := assets.LoadCorpus()
	f.Fuzz(func(t *testing.T, s string) {
		in, err := Read([]byte(s))
		if err != nil {
			return
		}
		for _, p := range Match(c, in) {
			if p.OK && p.Annotation.Quote == "" {
				t.Fatalf("placed with no quote: %+v", p)
			}
		}
	})
}
