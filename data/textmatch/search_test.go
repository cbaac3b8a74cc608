package textmatch_test

import (
	"context"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

func TestSearch(t *testing.T) {
	c, _, err := assets.LoadCorpus()
	if err != nil || c == nil {
		t.Fatal(err)
	}
	searcher := textmatch.NewSearcher(c)
	tests := []struct {
		phrase string
		want   int
		first  string // the first match's text
	}{
		{"extended deterrence", 4, "extended deterrence"},
		{"EXTENDED DETERRENCE", 4, "extended deterrence"},
		{"US-ROK consultative bodies", 1, "US–ROK consultative bodies"},               // en dash in the text
		{"South Korea's security", 1, "South Korea’s security"},                       // curly quote in the text
		{"areas, including space", 1, "areas,\n                     including space"}, // line break in the text
		{"space", 11, "space"},        // whole words: not in "cyberspace"
		{"cyber*", 8, "cyber"},        // a trailing * takes any ending
		{"deterren", 0, ""},           // no word ends there
		{"Bird flu", 0, ""},           // sidebar: excluded
		{"Wednesday, July 17", 0, ""}, // page furniture: excluded
		{"   ", 0, ""},
	}
	for _, tt := range tests {
		res, err := searcher.Search(context.Background(), tt.phrase, 0)
		if err != nil {
			t.Fatal(err)
		}
		got := inText(res.Matches)
		if len(got) != tt.want {
			t.Errorf("%q: %d matches in the texts, want %d", tt.phrase, len(got), tt.want)
			continue
		}
		if res.Total != len(res.Matches) {
			t.Errorf("%q: total %d, %d kept with no limit", tt.phrase, res.Total, len(res.Matches))
		}
		if tt.want > 0 {
			m := got[0]
			if text := m.Source.Text[m.ByteStart:m.ByteEnd]; text != tt.first {
				t.Errorf("%q: first match %q, want %q", tt.phrase, text, tt.first)
			}
		}
		for _, m := range got {
			if in := textmatch.InSource(tt.phrase, m.Source); !slices.Contains(in, m) {
				t.Errorf("%q: InSource of %s lacks %+v", tt.phrase, m.Source.ID, m)
			}
		}
	}
	all, _ := searcher.Search(context.Background(), "the", 0)
	first3, _ := searcher.Search(context.Background(), "the", 3)
	if len(first3.Matches) != 3 || first3.Total != all.Total || all.Total < 100 || !slices.Equal(first3.Matches, all.Matches[:3]) {
		t.Errorf("keep 3: %d kept, total %d of %d", len(first3.Matches), first3.Total, all.Total)
	}
	if len(first3.Meetings) != len(all.Meetings) {
		t.Errorf("keep 3: %d meetings, not the %d of every match", len(first3.Meetings), len(all.Meetings))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := searcher.Search(ctx, "the", 0); err == nil {
		t.Error("a cancelled search did not stop")
	}
}

func inText(ms []textmatch.Match) []textmatch.Match {
	var out []textmatch.Match
	for _, m := range ms {
		if m.Field == textmatch.InText {
			out = append(out, m)
		}
	}
	return out
}

// Search looks in the meetings' and sources' fields too, each match
// labelled with the field and reading as the phrase.
func TestSearchFields(t *testing.T) {
	c, _, err := assets.LoadCorpus()
	if err != nil {
		t.Fatal(err)
	}
	searcher := textmatch.NewSearcher(c)
	for _, tt := range []struct {
		phrase  string
		field   textmatch.Field
		meeting string
	}{
		{"김관진", textmatch.InParticipant, "scm-44"},
		{"Kim Kwan-jin", textmatch.InParticipant, "scm-44"},
		{"44th U.S.–ROK Security", textmatch.InTitle, "scm-44"},
		{"Pentagon", textmatch.InPlace, "scm-44"},
	} {
		res, err := searcher.Search(context.Background(), tt.phrase, 0)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, m := range res.Matches {
			if got := textmatch.FoldForSearch(m.Text()[m.ByteStart:m.ByteEnd]); got != textmatch.FoldForSearch(tt.phrase) {
				t.Errorf("%q: the match reads %q", tt.phrase, got)
			}
			if m.Field == tt.field && m.Meeting != nil && m.Meeting.ID == tt.meeting {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no match in the %s of %s among %d", tt.phrase, tt.field, tt.meeting, len(res.Matches))
		}
		if !slices.ContainsFunc(res.Meetings, func(m *data.Meeting) bool { return m.ID == tt.meeting }) {
			t.Errorf("%q: %s is not among the meetings hit", tt.phrase, tt.meeting)
		}
	}
}

func TestSearchHangul(t *testing.T) {
	yaml := `corpus: {title: T, format: 1}
meetings: [{id: m, title: M, kind: SCM, date: 2022, sources: [s]}]
sources: [{id: s, title: S, text: "양국은 확장억제 공약을 재확인했다. 확장억제!"}]
`
	c, ps, err := load.FS(fstest.MapFS{"c.yaml": {Data: []byte(yaml)}}, "c.yaml", "c.yaml")
	if err != nil || c == nil {
		t.Fatal(err, ps)
	}
	res, _ := textmatch.NewSearcher(c).Search(context.Background(), "확장억제", 0)
	got := inText(res.Matches)
	if len(got) != 2 || got[0].Start != 4 || got[0].End != 8 {
		t.Fatalf("%+v", got)
	}
}
