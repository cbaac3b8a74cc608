package edit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// uncoded finds words of a source that no annotation and no excluded range
// touches, as code point offsets: n words from the middle of the first
// long enough gap.
func uncoded(s *data.Source, n int) (int, int, bool) {
	busy := make([]bool, utf8.RuneCountInString(s.Text)+1)
	for _, a := range s.Annotations {
		for i := a.Anchor.Start; i < a.Anchor.End; i++ {
			busy[i] = true
		}
	}
	for _, r := range s.Excluded {
		for i := r.Start; i < r.End && i < len(busy); i++ {
			busy[i] = true
		}
	}
	runes := []rune(s.Text)
	var starts []int
	for i := range runes {
		if isWord(runes[i]) && (i == 0 || !isWord(runes[i-1])) {
			starts = append(starts, i)
		}
	}
	for k := len(starts) / 3; k+n < len(starts); k++ {
		start, end := starts[k], starts[k+n]
		for end > start && !isWord(runes[end-1]) {
			end--
		}
		free := true
		for i := start; i <= end && free; i++ {
			free = !busy[i]
		}
		if free {
			return start, end, true
		}
	}
	return 0, 0, false
}

// Every source of the built-in corpus (block items with and without an
// exclude list) takes an excluded range made from a selection: the file
// gains lines and loses none, the loaded range is the selection, the
// corpus in memory follows as a load would, and undoing gives the file
// back.
func TestExcludeASelectionOnEverySource(t *testing.T) {
	path := filepath.Join("..", "..", "assets", "corpus", "scm.yaml")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c := reload(t, path, raw)
	for _, s := range c.Sources {
		for _, words := range []int{1, 12} {
			start, end, ok := uncoded(s, words)
			if !ok {
				t.Fatalf("%s: no uncoded text", s.ID)
			}
			ex, r, err := Markers(s, start, end)
			if err != nil {
				t.Fatalf("%s: %v", s.ID, err)
			}
			ex.Reason = "page furniture: a test's"
			out, line, lines, err := AddExclusion(raw, ex)
			if err != nil {
				t.Fatalf("%s: %v", s.ID, err)
			}
			if !insertedOnly(raw, out) || !oneRun(raw, out) || lines < 1 {
				t.Errorf("%s: the exclusion changed other lines (%d added):\n%s", s.ID, lines, out)
			}
			loaded := reload(t, path, out)
			got := loaded.Source(s.ID).Excluded
			found := false
			for _, g := range got {
				found = found || g.Start <= start && end <= g.End
			}
			if !found {
				t.Errorf("%s: excluded %v, want %d–%d in it (markers %+v)", s.ID, got, start, end, ex)
			}
			r.Reason = ex.Reason
			same(t, s.ID+": exclude", Excluded(c, s.ID, r, line, lines), loaded)
		}
	}
}

// Flow-style sources and exclude lists take the range on their line.
func TestExcludeInFlowStyle(t *testing.T) {
	for name, yaml := range map[string]string{
		"flow source": "corpus: {title: T, format: 1}\ntopics: [{id: space, label: Space}]\nmeetings: [{id: m1, title: One, kind: SCM, date: 2020, sources: [s1]}]\nsources:\n  - {id: s1, title: S1, text: \"one two three four five one\"}   # kept\n",
		"flow list":   "corpus: {title: T, format: 1}\ntopics: [{id: space, label: Space}]\nmeetings: [{id: m1, title: One, kind: SCM, date: 2020, sources: [s1]}]\nsources:\n  - id: s1\n    title: S1\n    text: \"one two three four five one\"\n    exclude: [{from: five}]\n",
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, "c.yaml")
		if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		c := reload(t, path, []byte(yaml))
		ex, r, err := Markers(c.Sources[0], 4, 13) // "two three"
		if err != nil || ex.From != "two" || ex.To != "three" {
			t.Fatalf("%s: markers %+v, %v", name, ex, err)
		}
		out, line, lines, err := AddExclusion([]byte(yaml), ex)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if lines != 0 || !strings.Contains(string(out), "# kept") && name == "flow source" {
			t.Errorf("%s: the range took %d lines:\n%s", name, lines, out)
		}
		loaded := reload(t, path, out)
		same(t, name, Excluded(c, "s1", r, line, lines), loaded)
		if w := loaded.Sources[0].Words; w != 4 && name == "flow source" || w != 3 && name == "flow list" {
			t.Errorf("%s: %d words left", name, w)
		}
	}
}

// Markers refuse coded text, and grow until they are unique.
func TestMarkers(t *testing.T) {
	s := &data.Source{ID: "s", Text: "the talks ended. the talks ended. the talks began"}
	ex, r, err := Markers(s, 17, 32) // the second "the talks ended"
	if err != nil || r.Start != 17 || r.End != 32 {
		t.Fatalf("%+v %v %v", ex, r, err)
	}
	if ex.From != "the talks ended. the" && ex.From != "the talks ended. the talks" && !strings.HasPrefix(ex.From, "the talks ended. the") {
		t.Errorf("from %q is not unique enough", ex.From)
	}
	if _, _, err := Markers(s, 34, 49); err != nil { // "the talks began": the start occurs twice before
		t.Errorf("the last sentence: %v", err)
	}
	s.Annotations = []*data.Annotation{{Source: s, Topic: &data.Topic{ID: "space"}, Anchor: data.Anchor{Start: 20, End: 25, ByteStart: 20, ByteEnd: 25}}}
	if _, _, err := Markers(s, 17, 32); err == nil || !strings.Contains(err.Error(), "cannot be coded") {
		t.Errorf("coded text: %v", err)
	}
	if _, _, err := Markers(s, 5, 5); err == nil {
		t.Error("an empty selection makes markers")
	}
}

// A span widened or narrowed keeps its item's other keys and bytes, reads
// back exact at its new place, and the corpus follows as a load would; on
// one-line items and on block items, with and without a prefix.
func TestRespan(t *testing.T) {
	path := filepath.Join("..", "..", "assets", "corpus", "scm.yaml")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c := reload(t, path, raw)
	for _, i := range []int{0, 10, 40} {
		a := c.Annotations[i]
		text := a.Source.Text
		// One word more at the end (widen), then one word less (narrow).
		for _, grow := range []bool{true, false} {
			end := a.Anchor.ByteEnd
			if grow {
				next := strings.IndexFunc(text[end:], func(r rune) bool { return r == ' ' || r == '\n' })
				after := strings.IndexFunc(text[end+next+1:], func(r rune) bool { return r == ' ' || r == '\n' || r == ',' || r == '.' })
				end += next + 1 + after
			} else {
				end = a.Anchor.ByteStart + strings.LastIndex(text[a.Anchor.ByteStart:a.Anchor.ByteEnd], " ")
			}
			start := a.Anchor.ByteStart
			want := Annotation{Source: a.Source.ID, Topic: a.Topic.ID, Quote: text[start:end], Start: utf8.RuneCountInString(text[:start])}
			placed, an, err := Place(c, want)
			if err != nil {
				t.Fatalf("annotation %d: %v", i, err)
			}
			out, lines, written, err := Respan(raw, a.Line, placed, text, an)
			if err != nil {
				t.Fatalf("annotation %d: %v", i, err)
			}
			loaded := reload(t, path, out)
			got := loaded.Annotations[i]
			if got.Text() != text[start:end] || got.Anchor.Status != data.Exact || got.Details().Note != a.Details().Note || got.Topic.ID != a.Topic.ID {
				t.Errorf("annotation %d: now %q (%s)", i, got.Text(), got.Anchor.Status)
			}
			same(t, "respan", Respanned(c, i, written, an, lines), loaded)
			if d := strings.Count(string(out), "\n") - strings.Count(string(raw), "\n"); d != lines {
				t.Errorf("lines %d, counted %d", lines, d)
			}
		}
	}
}
