package timeline

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/gen"
)

// After an edit of annotations, following the model gives what building it
// anew gives: on the built-in corpus and on a generated one, for an add
// that makes a mark, one that adds to a mark, a removal that takes one
// away, and a change of topic; chains of them too.
func TestFollowIsNewModel(t *testing.T) {
	builtin, _ := builtinModel(t)
	path, err := gen.Write(t.TempDir(), gen.Options{Meetings: 30, Sources: 50, Annotations: 300, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	generated, _, err := load.File(path)
	if err != nil || generated == nil {
		t.Fatal(err)
	}
	for _, c := range []*data.Corpus{builtin, generated} {
		edits := map[string]func(*data.Corpus) *data.Corpus{
			"add a first mark": func(c *data.Corpus) *data.Corpus { return added(t, c, unused(c)) },
			"add to a mark":    func(c *data.Corpus) *data.Corpus { return added(t, c, c.Annotations[0].Topic) },
			"remove":           func(c *data.Corpus) *data.Corpus { return edit.Removed(c, 0, 1) },
			"retopic":          func(c *data.Corpus) *data.Corpus { return edit.Retopicked(c, 1, unused(c).ID) },
		}
		for name, change := range edits {
			shown := c
			model := NewModel(c)
			for step := 0; step < 3; step++ { // an edit of an edit of an edit
				next := change(shown)
				sources, ok := next.AnnotationsChangedSince(shown)
				if !ok || len(sources) != 1 {
					t.Fatalf("%s: %s: changed %v, %v", c.Title, name, sources, ok)
				}
				followed, want := model.Follow(next, sources), NewModel(next)
				if !reflect.DeepEqual(followed, want) {
					t.Fatalf("%s: %s, step %d: the followed model differs from a new one:\n%s", c.Title, name, step, diffLanes(followed, want))
				}
				shown, model = next, followed
			}
		}
		if _, ok := c.AnnotationsChangedSince(nil); ok {
			t.Error("a corpus is a copy of nothing")
		}
		if _, ok := edit.Added(c, edit.Annotation{}, data.Anchor{}, 1).AnnotationsChangedSince(c.Clone()); ok {
			t.Error("a copy of another copy passes for an edit of it")
		}
	}
}

// unused is a topic the first source's meetings do not mention yet, or the
// last topic.
func unused(c *data.Corpus) *data.Topic {
	s := c.Annotations[0].Source
	for _, tp := range c.Topics {
		if !strings.Contains(lanesOf(s), "|"+tp.ID+"|") {
			return tp
		}
	}
	return c.Topics[len(c.Topics)-1]
}

func lanesOf(s *data.Source) string {
	var b strings.Builder
	b.WriteString("|")
	for _, m := range s.Meetings {
		for _, src := range m.Sources {
			for _, a := range src.Annotations {
				b.WriteString(a.Topic.ID + "|")
			}
		}
	}
	return b.String()
}

// added codes the first words of the first annotation's source as topic.
func added(t *testing.T, c *data.Corpus, topic *data.Topic) *data.Corpus {
	t.Helper()
	s := c.Annotations[0].Source
	words := strings.Fields(s.Text)
	start := utf8.RuneCountInString(s.Text[:strings.Index(s.Text, words[0])])
	a, an, err := edit.Place(c, edit.Annotation{Source: s.ID, Topic: topic.ID, Quote: strings.Join(words[:2], " "), Start: start})
	if err != nil {
		t.Fatal(err)
	}
	return edit.Added(c, a, an, 1)
}

func diffLanes(got, want *Model) string {
	var b strings.Builder
	for i := range want.Lanes {
		if i >= len(got.Lanes) || !reflect.DeepEqual(got.Lanes[i], want.Lanes[i]) {
			b.WriteString(fmt.Sprintf("lane %s differs:\n got %+v\nwant %+v\n", want.Lanes[i].Label, got.Lanes[i].Items, want.Lanes[i].Items))
		}
	}
	if !reflect.DeepEqual(got.Meetings, want.Meetings) {
		b.WriteString("the meetings differ\n")
	}
	return b.String()
}
