package edit

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// TopicFields are a topic's fields as the topic editor changes them.
type TopicFields struct {
	Label, Color, Description string
	Terms                     []string
}

// topicItem reads the topic item with the id.
func topicItem(raw []byte, id string) (*item, error) { return listItem(raw, "topics", "topic", id) }

// listItem reads the item of the top-level list whose id is id.
func listItem(raw []byte, list, what, id string) (*item, error) {
	f, err := parseList(raw, list)
	if err != nil {
		return nil, err
	}
	if f.list == nil || f.list.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("the corpus has no %s list", list)
	}
	for _, it := range f.list.Content {
		if it.Kind == yaml.MappingNode && value(it, "id") == id {
			return readItem(raw, it.Line)
		}
	}
	return nil, fmt.Errorf("there is no %s %q", what, id)
}

// SetFields returns the file with the fields of the item of list whose id
// is id set: each key to its value, YAML as written (see Scalar), replaced
// where it is written or added at the item's end. Every other byte stays.
func SetFields(raw []byte, list, what, id string, kv [][2]string) ([]byte, error) {
	out := raw
	for _, f := range kv {
		it, err := listItem(out, list, what, id)
		if err != nil {
			return nil, err
		}
		if out, err = it.set(out, f[0], f[1]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Scalar writes a string as a YAML scalar that reads back as itself.
func Scalar(s string) string { return quoted(s) }

// SetTopic returns the file with the topic's label, colour, description
// and terms set to t where they differ from was: each value replaced
// where it is written (a one-line scalar or flow list), or its key added;
// every other byte stays.
func SetTopic(raw []byte, id string, was, t TopicFields) ([]byte, error) {
	if strings.TrimSpace(t.Label) == "" {
		return nil, errors.New("a topic needs a label")
	}
	if t.Color != "" {
		if _, err := data.ParseColor(t.Color); err != nil {
			return nil, err
		}
	}
	out := raw
	set := func(key, v string) error {
		it, err := topicItem(out, id)
		if err != nil {
			return err
		}
		out, err = it.set(out, key, v)
		return err
	}
	if t.Label != was.Label {
		if err := set("label", quoted(t.Label)); err != nil {
			return nil, err
		}
	}
	if t.Color != was.Color && t.Color != "" {
		if err := set("color", quoted(t.Color)); err != nil {
			return nil, err
		}
	}
	if t.Description != was.Description {
		if err := set("description", quoted(t.Description)); err != nil {
			return nil, err
		}
	}
	if strings.Join(t.Terms, "\x00") != strings.Join(was.Terms, "\x00") {
		var terms []string
		for _, term := range t.Terms {
			terms = append(terms, quoted(term))
		}
		if err := set("terms", "["+strings.Join(terms, ", ")+"]"); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// RemoveTopic returns the file without the topic's item; no annotation
// may use it (retopic or remove them first). Its rejected suggestions go
// with it.
func RemoveTopic(raw []byte, c *data.Corpus, id string) ([]byte, error) {
	for _, a := range c.Annotations {
		if a.Topic != nil && a.Topic.ID == id {
			return nil, fmt.Errorf("annotations still use the topic %q", id)
		}
	}
	out, err := rejectionsOf(raw, id, "")
	if err != nil {
		return nil, err
	}
	return removeTopicItem(out, id)
}

// rejectionsOf gives the rejections of topic id to topic into, or removes
// them (into ""). The lines are read from the file itself, not from the
// corpus: the corpus shown follows edits of annotations without moving its
// rejections' lines.
func rejectionsOf(raw []byte, id, into string) ([]byte, error) {
	f, err := parseList(raw, "rejections")
	if err != nil || f.list == nil || f.list.Kind != yaml.SequenceNode {
		return raw, err
	}
	out := raw
	items := f.list.Content
	for i := len(items) - 1; i >= 0; i-- { // from the end: earlier lines stay put
		if value(items[i], "topic") != id {
			continue
		}
		if into != "" {
			out, err = Retopic(out, items[i].Line, into)
		} else {
			out, _, err = RemoveAt(out, items[i].Line)
		}
		if err != nil {
			return nil, fmt.Errorf("the rejection at line %d: %w", items[i].Line, err)
		}
	}
	return out, nil
}

// MergeTopic returns the file with every annotation of topic from given
// the topic into, and the topic from removed.
func MergeTopic(raw []byte, c *data.Corpus, from, into string) ([]byte, error) {
	if c.Topic(into) == nil || from == into {
		return nil, fmt.Errorf("there is no other topic %q to merge into", into)
	}
	if err := inCodersFiles(c, from); err != nil {
		return nil, err
	}
	out := raw
	var err error
	for _, a := range c.Annotations {
		if a.Topic != nil && a.Topic.ID == from {
			if out, err = Retopic(out, a.Line, into); err != nil {
				return nil, err
			}
		}
	}
	if out, err = rejectionsOf(out, from, into); err != nil {
		return nil, err
	}
	return removeTopicItem(out, from)
}

// DeleteTopic returns the file without topic id and its annotations.
func DeleteTopic(raw []byte, c *data.Corpus, id string) ([]byte, error) {
	if err := inCodersFiles(c, id); err != nil {
		return nil, err
	}
	out := raw
	for i := len(c.Annotations) - 1; i >= 0; i-- { // from the end: earlier lines stay put
		if a := c.Annotations[i]; a.Topic != nil && a.Topic.ID == id {
			var err error
			if out, _, err = RemoveAt(out, a.Line); err != nil {
				return nil, err
			}
		}
	}
	out, err := rejectionsOf(out, id, "")
	if err != nil {
		return nil, err
	}
	return removeTopicItem(out, id)
}

// inCodersFiles is an error when annotations of topic id lie in coders'
// annotation files, which an edit of the corpus file does not reach: the
// topic would be gone from under them.
func inCodersFiles(c *data.Corpus, id string) error {
	in := map[string]int{}
	for _, a := range c.Annotations {
		if a.Topic != nil && a.Topic.ID == id && a.File != "" {
			in[a.File]++
		}
	}
	if len(in) == 0 {
		return nil
	}
	var files []string
	for f, n := range in {
		files = append(files, fmt.Sprintf("%d in %s", n, f))
	}
	slices.Sort(files)
	return fmt.Errorf("coders' files hold annotations of the topic %q (%s): retopic or remove those in their files first", id, strings.Join(files, ", "))
}

func removeTopicItem(raw []byte, id string) ([]byte, error) {
	it, err := topicItem(raw, id)
	if err != nil {
		return nil, err
	}
	if !it.neighbour() {
		return nil, errors.New("this is the corpus' only topic; remove the topics list by hand")
	}
	out := append(append(make([]byte, 0, len(raw)), raw[:it.start]...), raw[it.end:]...)
	if it.end == len(raw) && !bytes.HasSuffix(raw, []byte("\n")) && len(out) > 0 {
		out = bytes.TrimSuffix(bytes.TrimSuffix(out, []byte("\n")), []byte("\r")) // the file ended without a line end
	}
	return out, nil
}
