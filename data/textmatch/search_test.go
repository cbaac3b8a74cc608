package textmatch_test

import (
	"testing"
	"testing/fstest"

	"github.com/alliance-timeline/alliance-timeline/assets"
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
		{"Bird flu", 0, ""},           // sidebar: excluded
		{"Wednesday, July 17", 0, ""}, // page furniture: excluded
		{"   ", 0, ""},
	}
	for _, tt := range tests {
		got := searcher.Search(tt.phrase, 0)
		if len(got) != tt.want {
			t.Errorf("%q: %d matches, want %d", tt.phrase, len(got), tt.want)
			continue
		}
		if tt.want > 0 {
			m := got[0]
			if text := m.Source.Text[m.ByteStart:m.ByteEnd]; text != tt.first {
				t.Errorf("%q: first match %q, want %q", tt.phrase, text, tt.first)
			}
		}
	}
	if got := searcher.Search("the", 3); len(got) != 3 {
		t.Errorf("limit 3: %d matches", len(got))
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
	got := textmatch.NewSearcher(c).Search("확장억제", 0)
	if len(got) != 2 || got[0].Start != 4 || got[0].End != 8 {
		t.Fatalf("%+v", got)
	}
}
