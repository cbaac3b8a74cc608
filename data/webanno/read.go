package webanno

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
)

// MaxFileBytes bounds a file of annotations to read, and MaxAnnotations
// the annotations in it.
const (
	MaxFileBytes   = 64 << 20
	MaxAnnotations = 1_000_000
)

// Incoming is an annotation read from another tool: where it points, with
// what topic, and who made it.
type Incoming struct {
	Source      string // the target's IRI (a url, or urn:alliance-timeline:source:ID)
	Topics      []string
	Exact       string
	Prefix      string
	Suffix      string
	Start       int  // a code point offset; -1 when none, or only a hint
	UTF16       bool // the offset counts UTF-16 units of a web page (Hypothesis): a hint only
	Creator     string
	Created     string // YYYY-MM-DD, when known
	Note        string
	Description string // how it names itself in reports: its id, or its quote
}

// incomingJSON is every shape the reader accepts: a W3C annotation, with
// a body object or list and a target object or list, or a Hypothesis
// annotation (uri, tags, text, user, target[].selector).
type incomingJSON struct {
	ID      string          `json:"id"`
	Created string          `json:"created"`
	Creator json.RawMessage `json:"creator"`
	Body    json.RawMessage `json:"body"`
	Target  json.RawMessage `json:"target"`
	// Hypothesis
	URI  string   `json:"uri"`
	Tags []string `json:"tags"`
	Text string   `json:"text"`
	User string   `json:"user"`
}

type bodyJSON struct {
	ID, Type, Purpose, Value string
}

type targetJSON struct {
	Source   string         `json:"source"`
	Selector []selectorJSON `json:"selector"`
}

type selectorJSON struct {
	Type                  string
	Exact, Prefix, Suffix string
	Start, End            *int
}

// Read parses a file of annotations: a W3C AnnotationCollection (its
// first page's items, or items), an AnnotationPage, a list of
// annotations, one annotation, or a Hypothesis export ({"rows": […]}, or
// a list of its rows).
func Read(b []byte) ([]Incoming, error) {
	if len(b) > MaxFileBytes {
		return nil, fmt.Errorf("the file holds %d MiB; at most %d MiB of annotations are read", len(b)>>20, MaxFileBytes>>20)
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	var top struct {
		Type  json.RawMessage `json:"type"`
		First *struct {
			Items []json.RawMessage `json:"items"`
		} `json:"first"`
		Items []json.RawMessage `json:"items"`
		Rows  []json.RawMessage `json:"rows"`
	}
	var items []json.RawMessage
	trimmed := bytes.TrimSpace(b)
	switch {
	case len(trimmed) > 0 && trimmed[0] == '[':
		if err := json.Unmarshal(trimmed, &items); err != nil {
			return nil, fmt.Errorf("not JSON annotations: %w", err)
		}
	default:
		if err := json.Unmarshal(trimmed, &top); err != nil {
			return nil, fmt.Errorf("not JSON annotations: %w", err)
		}
		switch {
		case top.First != nil:
			items = top.First.Items
		case top.Items != nil:
			items = top.Items
		case top.Rows != nil:
			items = top.Rows
		default:
			items = []json.RawMessage{trimmed}
		}
	}
	if len(items) > MaxAnnotations {
		return nil, fmt.Errorf("the file holds %d annotations; at most %d are read", len(items), MaxAnnotations)
	}
	out := make([]Incoming, 0, len(items))
	for i, raw := range items {
		in, err := readOne(raw)
		if err != nil {
			return nil, fmt.Errorf("annotation %d: %w", i+1, err)
		}
		if in.Description == "" {
			in.Description = fmt.Sprintf("annotation %d", i+1)
		}
		out = append(out, in)
	}
	return out, nil
}

func readOne(raw json.RawMessage) (Incoming, error) {
	var j incomingJSON
	if err := json.Unmarshal(raw, &j); err != nil {
		return Incoming{}, err
	}
	in := Incoming{Start: -1, Description: j.ID, Source: j.URI, Note: strings.TrimSpace(j.Text)}
	if len(j.Created) >= 10 {
		if d, err := data.ParseDate(j.Created[:10]); err == nil && d.Precision == data.PrecisionDay {
			in.Created = j.Created[:10]
		}
	}
	in.Creator = creatorName(j.Creator, j.User)
	in.Topics = append(in.Topics, j.Tags...)
	for _, b := range list[bodyJSON](j.Body) {
		switch {
		case b.Purpose == "tagging" || b.Purpose == "classifying":
			if id, ok := strings.CutPrefix(b.ID, "urn:alliance-timeline:topic:"); ok {
				in.Topics = append([]string{id}, in.Topics...)
			}
			in.Topics = append(in.Topics, b.Value)
		case b.Purpose == "commenting" || b.Purpose == "describing" || b.Purpose == "":
			if in.Note == "" {
				in.Note = strings.TrimSpace(b.Value)
			}
		}
	}
	targets := list[targetJSON](j.Target)
	if len(targets) == 0 {
		var s string
		if json.Unmarshal(j.Target, &s) == nil {
			in.Source = s
		}
		return in, nil
	}
	t := targets[0]
	if t.Source != "" {
		in.Source = t.Source
	}
	for _, s := range t.Selector {
		switch s.Type {
		case "TextQuoteSelector":
			in.Exact, in.Prefix, in.Suffix = s.Exact, s.Prefix, s.Suffix
		case "TextPositionSelector":
			if s.Start != nil && *s.Start >= 0 {
				in.Start = *s.Start
			}
		}
	}
	in.UTF16 = j.URI != "" || j.User != "" // Hypothesis: positions in the page's UTF-16 units
	if in.Description == "" {
		in.Description = `"` + clipRunes(in.Exact, 40) + `"`
	}
	return in, nil
}

// list reads a JSON value that may be one object or a list of them.
func list[T any](raw json.RawMessage) []T {
	if len(raw) == 0 {
		return nil
	}
	var many []T
	if json.Unmarshal(raw, &many) == nil {
		return many
	}
	var one T
	if json.Unmarshal(raw, &one) == nil {
		return []T{one}
	}
	return nil
}

// creatorName is a W3C creator's name (an object or a string), or a
// Hypothesis user's ("acct:ann@hypothes.is" is ann).
func creatorName(raw json.RawMessage, user string) string {
	var c struct{ Name, Nickname string }
	if json.Unmarshal(raw, &c) == nil && (c.Name != "" || c.Nickname != "") {
		return strings.TrimSpace(c.Name + c.Nickname)
	}
	var s string
	if json.Unmarshal(raw, &s) == nil && s != "" {
		return s
	}
	name := strings.TrimPrefix(user, "acct:")
	if i := strings.IndexByte(name, '@'); i > 0 {
		name = name[:i]
	}
	return name
}

func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// Placed is an incoming annotation matched to the corpus: the annotation
// to write, its anchor, and what became of it.
type Placed struct {
	In         Incoming
	Annotation edit.Annotation
	Anchor     data.Anchor
	// Status is the anchor's status, or why it was not placed: "no
	// source", "no topic", "not in the text" and the like.
	Status string
	OK     bool
	// Known is set when the corpus has the annotation already (the same
	// topic on the same span): it is not added again.
	Known bool
}

// Match finds each incoming annotation's source (by url, or by the URN of
// its id), topic (by id, or by label, ignoring case) and span, by its
// quote with its prefix and suffix; a position is used as given only when
// it counts code points of the text (W3C), as a hint otherwise
// (Hypothesis).
func Match(c *data.Corpus, in []Incoming) []Placed {
	byURL := map[string]*data.Source{}
	for _, s := range c.Sources {
		if url := s.Details().URL; url != "" {
			byURL[strings.TrimSuffix(url, "/")] = s
		}
	}
	out := make([]Placed, 0, len(in))
	seen := map[[4]any]bool{} // source, topic, span of what this file adds
	for _, a := range in {
		p := Placed{In: a}
		var s *data.Source
		if id, ok := strings.CutPrefix(a.Source, "urn:alliance-timeline:source:"); ok {
			s = c.Source(id)
		} else {
			s = byURL[strings.TrimSuffix(a.Source, "/")]
		}
		var topic *data.Topic
		for _, name := range a.Topics {
			if topic = c.Topic(name); topic != nil {
				break
			}
			for _, t := range c.Topics {
				if strings.EqualFold(strings.TrimSpace(t.Label), strings.TrimSpace(name)) {
					topic = t
					break
				}
			}
			if topic != nil {
				break
			}
		}
		switch {
		case s == nil:
			p.Status = fmt.Sprintf("no source of the corpus is %q", clipRunes(a.Source, 80))
		case topic == nil:
			p.Status = fmt.Sprintf("no topic is %q", clipRunes(strings.Join(a.Topics, ", "), 80))
		case strings.TrimSpace(a.Exact) == "":
			p.Status = "it has no quote (TextQuoteSelector) to anchor by"
		default:
			start := a.Start
			if a.UTF16 {
				start = -1
			}
			want := edit.Annotation{Source: s.ID, Topic: topic.ID, Quote: a.Exact, Prefix: a.Prefix, Suffix: a.Suffix, Start: start,
				Note: a.Note, Coder: a.Creator, Created: a.Created}
			placed, an, err := edit.Place(c, want)
			if err != nil {
				p.Status = err.Error()
				break
			}
			p.Annotation, p.Anchor, p.OK = placed, an, true
			p.Status = an.Status.String()
			for _, o := range s.Annotations {
				if o.Topic == topic && o.Anchor.Start == an.Start && o.Anchor.End == an.End {
					p.OK, p.Known, p.Status = false, true, "the corpus has it already (the same topic on the same span)"
				}
			}
			key := [4]any{s, topic, an.Start, an.End}
			if p.OK && seen[key] {
				p.OK, p.Known, p.Status = false, true, "the file has it twice (the same topic on the same span)"
			}
			seen[key] = true
		}
		out = append(out, p)
	}
	return out
}
