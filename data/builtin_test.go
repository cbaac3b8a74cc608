package data_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
	"github.com/alliance-timeline/alliance-timeline/gen"
)

func loadBuiltin(t testing.TB) *data.Corpus {
	t.Helper()
	c, ps, err := assets.LoadCorpus()
	if err != nil || c == nil || len(ps) != 0 {
		t.Fatalf("built-in corpus: %v\n%s", err, ps)
	}
	return c
}

func TestBuiltinCorpus(t *testing.T) {
	c := loadBuiltin(t)
	s := c.Stats()
	if s.Meetings < 13 || s.FirstDate != "2012-06-14" || s.LastDate != "2023-11-13" {
		t.Errorf("meetings %d from %s to %s", s.Meetings, s.FirstDate, s.LastDate)
	}
	if s.Sources != 5 || s.Topics < 15 || s.Topics > 25 || s.Eras != 13 {
		t.Errorf("sources %d, topics %d, eras %d", s.Sources, s.Topics, s.Eras)
	}
	if s.Annotations < 80 || s.Annotations > 150 || s.Anchors["exact"] != s.Annotations {
		t.Errorf("annotations %d, anchors %v", s.Annotations, s.Anchors)
	}
	// Only the 44th, 52nd and 54th SCMs and the 2023 visit have text.
	withText := map[string]bool{"scm-44": true, "scm-52": true, "scm-54": true, "austin-seoul-2023": true}
	for _, m := range c.Meetings {
		if m.HasText() != withText[m.ID] {
			t.Errorf("%s has text = %v", m.ID, m.HasText())
		}
	}
	// Event dates, not page dates.
	for id, date := range map[string]string{"scm-54": "2022-11-03", "austin-seoul-2023": "2023-01-31", "scm-44": "2012-10-24"} {
		if got := c.Meeting(id).Date.String(); got != date {
			t.Errorf("%s date = %s, want %s", id, got, date)
		}
	}
	if s.YearsWithoutText == nil || len(s.YearsWithoutText) != 12-4 {
		t.Errorf("years without text: %v", s.YearsWithoutText)
	}
	total := 0
	for _, n := range s.PerTopic {
		total += n
	}
	if total != s.Annotations {
		t.Errorf("per-topic spans add up to %d, want %d", total, s.Annotations)
	}
}

// TestBuiltinAnnotationsQuoteTheirText: each annotation's span, folded as
// matching folds it, is its quote, and none touches excluded text.
func TestBuiltinAnnotationsQuoteTheirText(t *testing.T) {
	c := loadBuiltin(t)
	for _, a := range c.Annotations {
		if got := textmatch.FoldForSearch(a.Text()); got != textmatch.FoldForSearch(a.Quote) {
			t.Errorf("line %d: span %q does not read as the quote %q", a.Line, a.Text(), a.Quote)
		}
		for _, r := range a.Source.Excluded {
			if a.Anchor.Start < r.End && r.Start < a.Anchor.End {
				t.Errorf("line %d: quote in excluded text", a.Line)
			}
		}
	}
}

// TestBuiltinSidebarNoiseIsExcluded: nothing after the Xinhua article body
// counts, and the aggregator's page date is furniture.
func TestBuiltinSidebarNoiseIsExcluded(t *testing.T) {
	c := loadBuiltin(t)
	for id, phrase := range map[string]string{
		"xinhua-2012-10-25":     "Bird flu death toll rises to 22",
		"dod-2022-11-03-repost": "Wednesday, July 17, 2024",
		"whitepaper-2020-p409":  "404\u00a0\u00a0\u00a0405",
	} {
		s := c.Source(id)
		at := bytes.Index([]byte(s.Text), []byte(phrase))
		if at < 0 {
			t.Fatalf("%s: %q not in text", id, phrase)
		}
		cp := len([]rune(s.Text[:at]))
		inside := false
		for _, r := range s.Excluded {
			inside = inside || (r.Start <= cp && cp < r.End)
		}
		if !inside {
			t.Errorf("%s: %q is not excluded", id, phrase)
		}
	}
}

// TestBuiltinSourcesAreTheSeeds: the source files are the seed documents
// byte for byte (checked when ../shared/seeds is beside the project).
func TestBuiltinSourcesAreTheSeeds(t *testing.T) {
	seeds := filepath.Join("..", "..", "shared", "seeds")
	entries, err := os.ReadDir(seeds)
	if err != nil {
		t.Skip("no seeds folder beside the project:", err)
	}
	c := loadBuiltin(t)
	for _, e := range entries {
		want, err := os.ReadFile(filepath.Join(seeds, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, s := range c.Sources {
			if filepath.Base(s.File) == e.Name() {
				found = true
				if s.Text != string(want) {
					t.Errorf("%s differs from its seed", e.Name())
				}
			}
		}
		if !found {
			t.Errorf("seed %s is not a source", e.Name())
		}
	}
}

func TestBuiltinCountsAgreeWithStats(t *testing.T) {
	c := loadBuiltin(t)
	s := c.Stats()
	cs, err := c.Count(data.Query{Unit: data.UnitSpans, By: data.ByYear})
	if err != nil {
		t.Fatal(err)
	}
	for bi, b := range cs.Buckets {
		for ti, topic := range cs.Topics {
			want := s.PerYearTopic[strconv.Itoa(b.Year)][topic.ID]
			if got := cs.Cells[bi][ti].Count; got != want || len(cs.Spans(bi, ti)) != got {
				t.Errorf("%d %s: count %d, stats %d", b.Year, topic.ID, got, want)
			}
		}
	}
}

// A topic's total is its count over the whole range, on the built-in
// corpus and on generated ones where sources report meetings in several
// years and some annotations do not anchor.
func TestTotalsPerTopicAreTheCountOverTheRange(t *testing.T) {
	corpora := []*data.Corpus{loadBuiltin(t)}
	for seed := int64(1); seed <= 3; seed++ {
		dir := t.TempDir()
		path, err := gen.Write(dir, gen.Options{Meetings: 40, Sources: 60, Annotations: 400, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		c, _, err := load.File(path)
		if err != nil || c == nil {
			t.Fatal(err)
		}
		corpora = append(corpora, c)
	}
	// A source reported in two years, and one that no meeting lists.
	c, ps := loadMap(t, `corpus: {title: two years, format: 1}
topics: [{id: space, label: Space}, {id: cyber, label: Cyber}]
meetings:
  - {id: m1, title: One, kind: SCM, date: 2020, sources: [s1]}
  - {id: m2, title: Two, kind: SCM, date: 2021, sources: [s1]}
sources:
  - {id: s1, title: S1, text: "space and cyber and space"}
  - {id: s2, title: S2, text: "space alone"}
annotations:
  - {source: s1, topic: space, quote: space, start: 0}
  - {source: s1, topic: cyber, quote: cyber}
  - {source: s2, topic: space, quote: space}
`, nil)
	if c == nil {
		t.Fatal(ps)
	}
	if got := c.Totals().PerTopic; got["space"] != 1 || got["cyber"] != 1 {
		t.Errorf("two years: totals %v, want space 1, cyber 1", got)
	}
	corpora = append(corpora, c)
	for _, c := range corpora {
		totals, err := c.Count(data.Query{Unit: data.UnitSpans, By: data.ByRange})
		if err != nil {
			t.Fatal(err)
		}
		got := c.Totals().PerTopic
		for ti, topic := range totals.Topics {
			if want := totals.Total(ti); got[topic.ID] != want {
				t.Errorf("%s: %s totals %d, the count over the range %d", c.Title, topic.ID, got[topic.ID], want)
			}
		}
	}
}

// A text with form feeds is paged: each byte knows its page; one without
// has none.
func TestPages(t *testing.T) {
	c, ps := loadMap(t, "corpus: {title: T, format: 1}\nsources:\n  - {id: s1, title: S1, text: \"one\\ftwo\\fthree\"}\n  - {id: s2, title: S2, text: plain}\n"+
		"  - {id: s3, title: S3, text: \"p409\\fp410\", first_page: 409}\n  - {id: s4, title: S4, text: one page, first_page: 12}\n", nil)
	if c == nil {
		t.Fatal(ps)
	}
	s := c.Sources[0]
	for at, want := range map[int]int{0: 1, 2: 1, 3: 1, 4: 2, 7: 2, 8: 3, 12: 3} {
		if got := s.Page(at); got != want {
			t.Errorf("byte %d (%q): page %d, want %d", at, s.Text[at:at+1], got, want)
		}
	}
	if c.Sources[1].Page(2) != 0 {
		t.Error("a text without form feeds has pages")
	}
	if p3, p4 := c.Sources[2], c.Sources[3]; p3.Page(0) != 409 || p3.Page(6) != 410 || p4.Page(3) != 12 {
		t.Errorf("numbered from first_page: %d %d %d", p3.Page(0), p3.Page(6), p4.Page(3))
	}
	if bad, _ := loadMap(t, "corpus: {title: T, format: 1}\nsources:\n  - {id: s1, title: S1, text: x, first_page: iv}\n", nil); bad != nil {
		t.Error("first_page: iv was taken")
	}
}

// The totals carry what the window's filters list, each as the corpus
// itself would count it: the topics' spans by index and the years of the
// meetings with text (a meeting without text, or a year with none, has no
// year; a meeting ending in the next year counts in the year it starts).
func TestTotalsListWhatTheFiltersNeed(t *testing.T) {
	c, ps := loadMap(t, `corpus: {title: years, format: 1}
topics: [{id: space, label: Space}, {id: cyber, label: Cyber}]
meetings:
  - {id: m1, title: One, kind: SCM, date: 2018-10-31, sources: [s1]}
  - {id: m2, title: Two, kind: SCM, date: 2019}
  - {id: m3, title: Three, kind: SCM, date: 2021-12-31, end: 2022-01-02, sources: [s2]}
  - {id: m4, title: Four, kind: SCM, date: 2016-05, sources: [s1]}
sources:
  - {id: s1, title: S1, text: "space and cyber and space"}
  - {id: s2, title: S2, text: "cyber alone"}
annotations:
  - {source: s1, topic: space, quote: space, start: 0}
  - {source: s1, topic: cyber, quote: cyber}
  - {source: s2, topic: cyber, quote: cyber}
`, nil)
	if c == nil {
		t.Fatal(ps)
	}
	st := c.Totals()
	if want := []int{2016, 2018, 2021}; !slices.Equal(st.TextYears, want) {
		t.Errorf("years with text %v, want %v", st.TextYears, want)
	}
	if want := c.TopicSpans(nil); !slices.Equal(st.TopicSpans, want) || st.TopicSpans[0] != st.PerTopic["space"] || st.TopicSpans[1] != st.PerTopic["cyber"] {
		t.Errorf("spans by topic %v, per topic %v, want %v", st.TopicSpans, st.PerTopic, want)
	}
	if empty := (&data.Corpus{}).Totals(); empty.TextYears != nil || len(empty.TopicSpans) != 0 {
		t.Errorf("an empty corpus: years %v, spans %v", empty.TextYears, empty.TopicSpans)
	}
}
