package edit

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/gen"
	"github.com/alliance-timeline/alliance-timeline/internal/corpustest"
)

var newOne = Annotation{Source: "s1", Topic: "space", Quote: "it's in space", Prefix: "said", Start: 3}

// insertedOnly reports whether after is before with lines inserted and
// none changed or removed.
func insertedOnly(before, after []byte) bool {
	b, a := bytes.SplitAfter(before, []byte("\n")), bytes.SplitAfter(after, []byte("\n"))
	i := 0
	for _, line := range a {
		if i < len(b) && bytes.Equal(line, b[i]) {
			i++
		}
	}
	return i == len(b)
}

func TestAddThenRemoveGivesTheFileBack(t *testing.T) {
	flow := "corpus: {title: T, format: 1}\n# the list\nannotations:\n  # first\n  - {source: s1, topic: space, quote: 'a b'}\n  - {source: s1, topic: cyber, quote: \"c d\"}   # trailing\n\n# after the list\neras: []\n"
	block := "annotations:\n- source: s1\n  topic: space\n  quote: a b\n  note: |\n    two\n    lines\n-   source: s1\n    topic: cyber\n    quote: c d\n"
	for _, tt := range []struct {
		name, raw, wantLine string
	}{
		{"flow items, comments kept", flow, "  - {source: s1, topic: space, quote: 'it''s in space', prefix: 'said', start: 3}\n"},
		{"CRLF", strings.ReplaceAll(flow, "\n", "\r\n"), "  - {source: s1, topic: space, quote: 'it''s in space', prefix: 'said', start: 3}\r\n"},
		{"block items, keys at the item's indent", block, "-   source: s1\n    topic: space\n    quote: 'it''s in space'\n    prefix: 'said'\n    start: 3\n"},
		{"no line end at the end", strings.TrimSuffix(block, "\n"), "\n-   source: s1\n"},
		{"no annotations yet", "corpus: {title: T, format: 1}\n", "annotations:\n  - {source: s1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Add([]byte(tt.raw), newOne)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(out), tt.wantLine) {
				t.Fatalf("the new item is not written as %q:\n%s", tt.wantLine, out)
			}
			if strings.HasSuffix(tt.raw, "\n") && !insertedOnly([]byte(tt.raw), out) {
				t.Fatalf("lines changed or removed:\n%s", out)
			}
			f, err := parse(out)
			if err != nil || f.list == nil {
				t.Fatalf("the result does not parse: %v", err)
			}
			items := f.list.Content
			added := items[len(items)-1]
			if len(items) == 1 {
				return // the only item: not removed by Remove
			}
			back, err := Remove(out, added.Line)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(back, []byte(tt.raw)) {
				t.Errorf("removing the added item gives\n%q\nnot\n%q", back, tt.raw)
			}
		})
	}
}

func TestRetopicChangesTheIDAlone(t *testing.T) {
	raw := "annotations:\n  - {source: s1, topic: space, quote: a}\n  - {source: s1, topic: 'cyber', quote: b}\n  - source: s1\n    topic: \"space\"   # why\n    quote: c\n"
	for _, tt := range []struct {
		line int
		want string
	}{
		{2, "  - {source: s1, topic: regional, quote: a}\n"},
		{3, "  - {source: s1, topic: regional, quote: b}\n"},
		{4, "    topic: regional   # why\n"},
	} {
		out, err := Retopic([]byte(raw), tt.line, "regional")
		if err != nil {
			t.Fatalf("line %d: %v", tt.line, err)
		}
		if !strings.Contains(string(out), tt.want) || len(strings.Split(string(out), "\n")) != len(strings.Split(raw, "\n")) {
			t.Errorf("line %d:\n%s", tt.line, out)
		}
	}
	for _, bad := range []int{1, 5, 99} {
		if _, err := Retopic([]byte(raw), bad, "regional"); err == nil {
			t.Errorf("line %d: no error", bad)
		}
	}
	if _, err := Retopic([]byte(raw), 2, "Not An ID"); err == nil {
		t.Error("a bad id: no error")
	}
	if _, err := Add([]byte("annotations: [{source: s1, topic: space, quote: a}]\n"), newOne); err != ErrNoList {
		t.Errorf("a flow list: %v", err)
	}
}

// Every test corpus that loads takes an add, a retopic and a remove: only
// the added line appears, the retopic changes that line alone, the remove
// gives the file back, and each result loads as that edit.
func TestEditsOnEveryTestCorpus(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "load", "testdata", "*", "*.yaml"))
	paths = append(paths, filepath.Join("..", "..", "assets", "corpus", "scm.yaml"))
	// The format guide's example, the corpus of every kind of record, and
	// a generated corpus (block-style lists of its own).
	guide, err := os.ReadFile(filepath.Join("..", "..", "docs", "corpus-format.md"))
	if err != nil {
		t.Fatal(err)
	}
	example := string(guide)[strings.Index(string(guide), "```yaml\n")+len("```yaml\n"):]
	example = example[:strings.Index(example, "```")]
	paths = append(paths, filepath.Join(corpustest.WriteFolder(t, map[string]string{"guide.yaml": example}), "guide.yaml"))
	paths = append(paths, filepath.Join(corpustest.WriteFolder(t, corpustest.Rich), "c.yaml"))
	generated, err := gen.Write(filepath.Join(t.TempDir(), "gen"), gen.Options{Meetings: 10, Sources: 20, Annotations: 40, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, generated)
	edited := 0
	for _, path := range paths {
		c, _, err := load.File(path)
		if err != nil || c == nil || len(c.Topics) < 2 || len(c.Annotations) == 0 {
			continue
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		a, ok := someQuote(c)
		if !ok {
			continue
		}
		out, err := Add(raw, a)
		if err == ErrNoList {
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !insertedOnly(raw, out) || !oneRun(raw, out) {
			t.Errorf("%s: the add did more than insert one run of lines", path)
		}
		after := reload(t, path, out)
		added := after.Annotations[len(after.Annotations)-1]
		if len(after.Annotations) != len(c.Annotations)+1 || added.Anchor.Status != data.Exact || added.Topic.ID != a.Topic {
			t.Fatalf("%s: %d annotations after the add (was %d), the new one %s", path, len(after.Annotations), len(c.Annotations), added.Anchor.Status)
		}
		other := c.Topics[0].ID
		if other == a.Topic {
			other = c.Topics[1].ID
		}
		moved, err := Retopic(out, added.Line, other)
		if err != nil {
			t.Fatalf("%s: retopic: %v", path, err)
		}
		if changed := changedLines(out, moved); changed != 1 {
			t.Errorf("%s: the retopic changed %d lines", path, changed)
		}
		if got := reload(t, path, moved); got.Annotations[len(got.Annotations)-1].Topic.ID != other {
			t.Errorf("%s: the retopic did not take", path)
		}
		back, err := Remove(moved, added.Line)
		if err != nil {
			t.Fatalf("%s: remove: %v", path, err)
		}
		if !bytes.Equal(back, raw) {
			t.Errorf("%s: the remove did not give the file back", path)
		}
		edited++
	}
	if edited < 4 {
		t.Errorf("only %d corpora edited", edited)
	}
}

func reload(t *testing.T, path string, raw []byte) *data.Corpus {
	t.Helper()
	folder, name, err := load.OpenCorpusFolder(path)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	res, err := load.Read(folder, name, path, load.Options{Corpus: raw})
	if err != nil || res.Corpus == nil {
		t.Fatalf("%s: the edited file does not load: %v %s", path, err, res.Problems)
	}
	return res.Corpus
}

// someQuote finds three words of a source text that Place accepts.
func someQuote(c *data.Corpus) (Annotation, bool) {
	for _, s := range c.Sources {
		words := strings.Fields(s.Text)
		for i := 0; i+3 <= len(words) && i < 200; i++ {
			a := Annotation{Source: s.ID, Topic: c.Topics[0].ID, Quote: strings.Join(words[i:i+3], " "), Start: -1}
			if placed, _, err := Place(c, a); err == nil {
				return placed, true
			}
		}
	}
	return Annotation{}, false
}

// oneRun reports whether after is before with one run of lines inserted:
// the same lines at its start and its end.
func oneRun(before, after []byte) bool {
	b, a := bytes.SplitAfter(before, []byte("\n")), bytes.SplitAfter(after, []byte("\n"))
	head := 0
	for head < len(b) && bytes.Equal(a[head], b[head]) {
		head++
	}
	tail := 0
	for tail < len(b)-head && bytes.Equal(a[len(a)-1-tail], b[len(b)-1-tail]) {
		tail++
	}
	return head+tail == len(b) && len(a) > len(b)
}

func changedLines(a, b []byte) int {
	la, lb := bytes.SplitAfter(a, []byte("\n")), bytes.SplitAfter(b, []byte("\n"))
	if len(la) != len(lb) {
		return -1
	}
	n := 0
	for i := range la {
		if !bytes.Equal(la[i], lb[i]) {
			n++
		}
	}
	return n
}

// FuzzAddRemove: on any file that parses, an add either fails or can be
// removed again to give the file back, byte for byte; nothing panics.
func FuzzAddRemove(f *testing.F) {
	f.Add("annotations:\n  - {source: s1, topic: space, quote: a}\n")
	f.Add("annotations:\n- source: s1\n  topic: t\n  quote: |\n    x\n\n# c\n")
	f.Add("a: 1\r\nannotations:\r\n  - {source: s, topic: t, quote: 'q'}\r\n")
	f.Add("annotations:\n  - x\n  - y")
	f.Fuzz(func(t *testing.T, raw string) {
		if len(raw) > 1<<14 {
			return
		}
		out, err := Add([]byte(raw), newOne)
		if err != nil {
			return
		}
		f, err := parse(out)
		if err != nil || f.list == nil || len(f.list.Content) == 0 {
			t.Fatalf("the added file does not parse: %v\n%q", err, out)
		}
		if len(f.list.Content) == 1 {
			return
		}
		back, err := Remove(out, f.list.Content[len(f.list.Content)-1].Line)
		if err != nil {
			t.Fatalf("remove: %v\n%q", err, out)
		}
		if !bytes.Equal(back, []byte(raw)) {
			t.Fatalf("add then remove:\n%q\ngave\n%q", raw, back)
		}
	})
}

// The corpus in memory follows an edit as loading the edited file would:
// the same annotations, lines, anchors and lists, in every source.
func TestModelFollowsEditsAsALoadWould(t *testing.T) {
	path := filepath.Join("..", "..", "assets", "corpus", "scm.yaml")
	c, _, err := load.File(path)
	if err != nil || c == nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	before := derived(c)
	defer func() {
		if derived(c) != before {
			t.Error("the original corpus changed")
		}
	}()
	a, an, err := Place(c, Annotation{Source: "dod-2022-11-03-repost", Topic: "space", Quote: "a source of security in the area", Start: -1})
	if err != nil {
		t.Fatal(err)
	}
	added, line, err := AddAt(raw, a)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "add", Added(c, a, an, line), reload(t, path, added))
	moved, err := Retopic(raw, c.Annotations[3].Line, "cyber")
	if err != nil {
		t.Fatal(err)
	}
	same(t, "retopic", Retopicked(c, 3, "cyber"), reload(t, path, moved))
	removed, lines, err := RemoveAt(raw, c.Annotations[5].Line)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "remove", Removed(c, 5, lines), reload(t, path, removed))
	// An edit of an edit: the copies' lists are copied again, not shared.
	twice, _, err := AddAt(added, a)
	if err != nil {
		t.Fatal(err)
	}
	once := Added(c, a, an, line)
	_ = derived(once)
	same(t, "add twice", Added(once, a, an, line+1), reload(t, path, twice))
	if got := derived(once); got != derived(reload(t, path, added)) {
		t.Error("the second add changed the first copy")
	}
}

func same(t *testing.T, what string, got, want *data.Corpus) {
	t.Helper()
	if g, w := derived(got), derived(want); g != w {
		t.Fatalf("%s: the corpus in memory is\n%s\na load gives\n%s", what, g, w)
	}
}

// derived writes out a corpus' records and everything derived from them
// (positions, lines, anchors, each source's lists, the meetings by date,
// the lookups), for comparison.
func derived(c *data.Corpus) string {
	var b strings.Builder
	for i, a := range c.Annotations {
		fmt.Fprintf(&b, "a%d %d line %d %s %s %+v %q %q\n", i, a.Index, a.Line, a.Topic.ID, a.Source.ID, a.Anchor, a.Quote, a.Details().Note)
	}
	for i, s := range c.Sources {
		fmt.Fprintf(&b, "s%d %d %s words %d excluded %v lookup %v:", i, s.Index, s.ID, s.Words, s.Excluded, c.Source(s.ID) == s)
		for _, a := range s.Annotations {
			fmt.Fprintf(&b, " a%d", a.Index)
			if c.Annotations[a.Index] != a || a.Source != s {
				b.WriteString("(not the corpus' record)")
			}
		}
		for _, m := range s.Meetings {
			fmt.Fprintf(&b, " m%d", m.Index)
			if c.Meetings[m.Index] != m {
				b.WriteString("(not the corpus' record)")
			}
		}
		b.WriteString("\n")
	}
	for i, m := range c.MeetingsByDate() {
		fmt.Fprintf(&b, "d%d %s lookup %v:", i, m.ID, c.Meeting(m.ID) == m)
		for _, s := range m.Sources {
			fmt.Fprintf(&b, " s%d", s.Index)
			if c.Sources[s.Index] != s {
				b.WriteString("(not the corpus' record)")
			}
		}
		b.WriteString("\n")
	}
	for i, tp := range c.Topics {
		fmt.Fprintf(&b, "t%d %d %s lookup %v\n", i, tp.Index, tp.ID, c.Topic(tp.ID) == tp)
	}
	for i, r := range c.Rejections {
		// Not its line: edits in memory leave rejections' lines as loaded.
		fmt.Fprintf(&b, "r%d %d %s %s %+v %q same source %v\n", i, r.Index, r.Topic.ID, r.Source.ID, r.Anchor, r.Quote, c.Source(r.Source.ID) == r.Source)
	}
	return b.String()
}

// A rejected suggestion goes into a rejections list made at the file's
// end, then after the last rejection; the corpus in memory follows as a
// load would, and annotations added later go before the list.
func TestRejectionsFollowAsALoadWould(t *testing.T) {
	path := filepath.Join("..", "..", "assets", "corpus", "scm.yaml")
	c, _, err := load.File(path)
	if err != nil || c == nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	if i := bytes.Index(raw, []byte("\n# Suggestions turned down")); i > 0 {
		raw = raw[:i+1] // without its rejections, so the first makes the list
		c = reload(t, path, raw)
	}
	r, an, err := Place(c, Annotation{Source: "dod-2022-11-03-repost", Topic: "space", Quote: "a source of security in the area", Start: -1, Coder: "ann", Created: "2026-12-02"})
	if err != nil {
		t.Fatal(err)
	}
	once, line, err := AddRejection(raw, r)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(once, raw) || !strings.Contains(string(once[len(raw):]), "rejections:\n  - {source: dod-2022-11-03-repost, topic: space, quote: 'a source of security in the area',") {
		t.Fatalf("the file's end is now %q", once[len(raw)-10:])
	}
	first := Rejected(c, r, an, line)
	same(t, "reject", first, reload(t, path, once))
	twice, line2, err := AddRejection(once, r)
	if err != nil || line2 != line+1 {
		t.Fatalf("the second rejection: line %d, %v", line2, err)
	}
	same(t, "reject twice", Rejected(first, r, an, line2), reload(t, path, twice))
	if len(c.Rejections) != 0 || len(first.Rejections) != 1 {
		t.Errorf("the copies share their rejections: %d, %d", len(c.Rejections), len(first.Rejections))
	}
	a, aan, err := Place(c, Annotation{Source: "dod-2022-11-03-repost", Topic: "cyber", Quote: "a source of security in the area", Start: -1})
	if err != nil {
		t.Fatal(err)
	}
	coded, _, err := AddAfter(twice, a, c.Annotations[len(c.Annotations)-1].Line)
	if err != nil {
		t.Fatal(err)
	}
	back := reload(t, path, coded)
	if len(back.Rejections) != 2 || len(back.Annotations) != len(c.Annotations)+1 || back.Annotations[len(c.Annotations)].Anchor != aan {
		t.Errorf("an annotation added after rejections: %d rejections, %d annotations", len(back.Rejections), len(back.Annotations))
	}
}

// A new topic goes after the last one, with an id and a free colour; the
// corpus in memory follows as a load of the file would, annotation lines
// moved down.
func TestNewTopicFollowsAsALoadWould(t *testing.T) {
	path := filepath.Join("..", "..", "assets", "corpus", "scm.yaml")
	c, _, err := load.File(path)
	if err != nil || c == nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	topic := NewTopic(c, "Space & cyber (new)")
	if topic.ID != "space-cyber-new" || topic.Color == "" || c.Topic(topic.ID) != nil {
		t.Fatalf("new topic %+v", topic)
	}
	if again := NewTopic(c, "Space"); again.ID != "space-2" {
		t.Errorf("a label whose id is taken: %q", again.ID)
	}
	out, line, lines, err := AddTopicAt(raw, topic)
	if err != nil {
		t.Fatal(err)
	}
	if !insertedOnly(raw, out) || !oneRun(raw, out) || lines != 3 { // id, label, colour in the list's block style
		t.Errorf("the topic took %d lines, or changed others", lines)
	}
	followed, err := TopicAdded(c, topic, line, lines)
	if err != nil {
		t.Fatal(err)
	}
	loaded := reload(t, path, out)
	same(t, "new topic", followed, loaded)
	if len(loaded.Topics) != len(c.Topics)+1 || loaded.Topic(topic.ID) == nil || followed.Topic(topic.ID).Color != loaded.Topic(topic.ID).Color {
		t.Errorf("the new topic reads back as %+v", loaded.Topic(topic.ID))
	}
}

func TestSetNote(t *testing.T) {
	raw := "annotations:\n  - {source: s1, topic: space, quote: a}\n  - {source: s1, topic: space, quote: b, note: 'old'}\n  - source: s1\n    topic: cyber\n    quote: c\n  - source: s1\n    topic: cyber\n    quote: d\n    note: old one\n"
	for _, tt := range []struct {
		line int
		want string
	}{
		{2, "  - {source: s1, topic: space, quote: a, note: 'it''s new'}\n"},
		{3, "  - {source: s1, topic: space, quote: b, note: 'it''s new'}\n"},
		{4, "    quote: c\n    note: 'it''s new'\n  - source: s1\n"},
		{7, "    note: 'it''s new'\n"},
	} {
		out, err := SetNote([]byte(raw), tt.line, "it's new")
		if err != nil {
			t.Fatalf("line %d: %v", tt.line, err)
		}
		if !strings.Contains(string(out), tt.want) || !insertedOrChangedOne(raw, string(out)) {
			t.Errorf("line %d:\n%s", tt.line, out)
		}
	}
}

// insertedOrChangedOne reports whether b is a with one line changed or one
// inserted.
func insertedOrChangedOne(a, b string) bool {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	if len(la) == len(lb) {
		return changedLines([]byte(a), []byte(b)) == 1
	}
	return len(lb) == len(la)+1 && insertedOnly([]byte(a), []byte(b))
}

// A note set follows in memory as a load of the file gives it.
func TestNoteFollowsAsALoadWould(t *testing.T) {
	path := filepath.Join("..", "..", "assets", "corpus", "scm.yaml")
	c, _, _ := load.File(path)
	raw, _ := os.ReadFile(path)
	out, err := SetNote(raw, c.Annotations[7].Line, "checked against the seed")
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.Count(out, []byte("\n")) - bytes.Count(raw, []byte("\n"))
	got, want := Noted(c, 7, "checked against the seed", lines), reload(t, path, out)
	same(t, "note", got, want)
	if want.Annotations[7].Details().Note != "checked against the seed" || got.Annotations[7].Details().Note != want.Annotations[7].Details().Note {
		t.Errorf("the note reads %q", want.Annotations[7].Details().Note)
	}
}

// WriteChecked leaves the file whole when the corpus file is a symbolic
// link, when the edit would not load as wanted, and when the file changed
// on disk since it was read.
func TestWriteCheckedRefuses(t *testing.T) {
	path, err := assets.WriteCorpus(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	c, err := Load(path, raw)
	if err != nil {
		t.Fatal(err)
	}
	a, an, err := Place(c, Annotation{Source: "dod-2022-11-03-repost", Topic: "space", Quote: "a source of security in the area", Start: -1})
	if err != nil {
		t.Fatal(err)
	}
	out, line, err := AddAt(raw, a)
	if err != nil {
		t.Fatal(err)
	}
	want := Added(c, a, an, line)
	link := filepath.Join(filepath.Dir(path), "link.yaml")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	if err := WriteChecked(link, raw, out, want, nil); !errors.Is(err, ErrLink) {
		t.Errorf("through a link: %v", err)
	}
	if err := WriteChecked(path, raw, out, c, nil); err == nil || !strings.Contains(err.Error(), "nothing was written") {
		t.Errorf("against the wrong corpus: %v", err)
	}
	if err := WriteChecked(path, append([]byte("# elsewhere\n"), raw...), out, want, nil); !errors.Is(err, ErrChangedOnDisk) {
		t.Errorf("a changed file: %v", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, raw) {
		t.Fatal("a refused write changed the file")
	}
	if err := WriteChecked(path, raw, out, want, nil); err != nil {
		t.Fatal(err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, out) {
		t.Fatal("the checked write did not write")
	}
}

// A new coder's file starts with an empty list, written "[]" or not at
// all: the first annotation goes in its place, every other byte kept.
func TestAddToAnEmptyList(t *testing.T) {
	item := "  - {source: s1, topic: space, quote: 'it''s in space', prefix: 'said', start: 3}"
	for _, c := range []struct{ name, in, want string }{
		{"flow", "coder: a\nannotations: []\n", "coder: a\nannotations:\n" + item + "\n"},
		{"flow with a comment", "coder: a\nannotations: [] # none yet\nrejections: []\n", "coder: a\nannotations: # none yet\n" + item + "\nrejections: []\n"},
		{"null", "coder: a\nannotations:\nrejections:\n", "coder: a\nannotations:\n" + item + "\nrejections:\n"},
		{"null at the end without a line end", "coder: a\nannotations:", "coder: a\nannotations:\n" + item + "\n"},
		{"CRLF", "coder: a\r\nannotations: []\r\n", "coder: a\r\nannotations:\r\n" + item + "\r\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, line, err := AddAt([]byte(c.in), newOne)
			if err != nil || string(out) != c.want || line != 3 {
				t.Errorf("line %d, err %v:\n%q\nwant\n%q", line, err, out, c.want)
			}
		})
	}
	if _, _, err := AddAt([]byte("annotations: [{source: s1, topic: space, quote: a}]\n"), newOne); !errors.Is(err, ErrNoList) {
		t.Errorf("a flow list with items: %v", err)
	}
}

// WriteSnapshot writes a coder's file beside the corpus file only when
// it is what was read, is no link, and the edits load as shown; a refusal
// writes no file at all, the corpus file included.
func TestWriteSnapshotOfACodersFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.yaml")
	corpus := "corpus: {title: T, format: 1}\ntopics:\n  - {id: space, label: Space}\nmeetings:\n  - {id: m1, title: M, kind: SCM, date: 2020, sources: [s1]}\n" +
		"sources:\n  - {id: s1, title: S, text: \"it's in space, said someone\"}\nannotation_files: [coding/a.yaml]\n"
	coder := "coder: a\nannotations: []\n"
	os.Mkdir(filepath.Join(dir, "coding"), 0o755)
	os.WriteFile(path, []byte(corpus), 0o644)
	file := filepath.Join(dir, "coding", "a.yaml")
	os.WriteFile(file, []byte(coder), 0o644)
	c, err := Load(path, []byte(corpus))
	if err != nil {
		t.Fatal(err)
	}
	a, an, err := Place(c, Annotation{Source: "s1", Topic: "space", Quote: "in space", Start: -1, Coder: "a", File: "coding/a.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	s := NewSession([]byte(corpus))
	s.Open("coding/a.yaml", []byte(coder))
	var line int
	s.ApplyTo("coding/a.yaml", "add", func(b []byte) ([]byte, error) {
		out, at, err := AddAt(b, a)
		line = at
		return out, err
	})
	s.Apply("a comment", func(b []byte) ([]byte, error) { return append(b, "# checked\n"...), nil })
	want := Added(c, a, an, line)
	unchanged := func(what string) {
		t.Helper()
		if got, _ := os.ReadFile(file); string(got) != coder {
			t.Errorf("%s: the coder's file was written", what)
		}
		if got, _ := os.ReadFile(path); string(got) != corpus {
			t.Errorf("%s: the corpus file was written", what)
		}
	}
	if _, err := WriteSnapshot(path, s.Snapshot(), c, nil); err == nil || !strings.Contains(err.Error(), "nothing was written") {
		t.Errorf("against the corpus before the edit: %v", err)
	}
	unchanged("the wrong corpus")
	os.WriteFile(file, []byte(coder+"# elsewhere\n"), 0o644)
	var changed *FileChangedError
	if _, err := WriteSnapshot(path, s.Snapshot(), want, nil); !errors.As(err, &changed) || changed.File != "coding/a.yaml" || !errors.Is(err, ErrChangedOnDisk) {
		t.Errorf("a coder's file changed on disk: %v", err)
	}
	os.WriteFile(file, []byte(coder), 0o644)
	unchanged("changed on disk")
	os.Rename(file, file+".real")
	os.Symlink("a.yaml.real", file)
	if _, err := WriteSnapshot(path, s.Snapshot(), want, nil); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("a coder's file that is a link: %v", err)
	}
	os.Remove(file)
	os.Rename(file+".real", file)
	unchanged("a link")
	// The coders' folder a link to a folder outside, holding the same file.
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "a.yaml"), []byte(coder), 0o644)
	os.Rename(filepath.Join(dir, "coding"), filepath.Join(dir, "coding.real"))
	os.Symlink(outside, filepath.Join(dir, "coding"))
	if _, err := WriteSnapshot(path, s.Snapshot(), want, nil); err == nil || !strings.Contains(err.Error(), "lies out of the corpus folder") {
		t.Errorf("a coder's folder that leads out: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(outside, "a.yaml")); string(got) != coder {
		t.Error("the file outside the corpus folder was written")
	}
	os.Remove(filepath.Join(dir, "coding"))
	os.Rename(filepath.Join(dir, "coding.real"), filepath.Join(dir, "coding"))
	unchanged("a folder out of the corpus folder")
	written, err := WriteSnapshot(path, s.Snapshot(), want, nil)
	if err != nil || !slices.Equal(written, []string{"coding/a.yaml", ""}) {
		t.Fatalf("written %q, %v", written, err)
	}
	if got, _ := os.ReadFile(file); !strings.Contains(string(got), "quote: 'in space'") {
		t.Errorf("the coder's file:\n%s", got)
	}
	if got, _ := os.ReadFile(path); !strings.HasSuffix(string(got), "# checked\n") {
		t.Errorf("the corpus file:\n%s", got)
	}
}
