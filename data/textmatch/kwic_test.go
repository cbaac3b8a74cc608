package textmatch

import (
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data"
)

func TestContextOf(t *testing.T) {
	s := &data.Source{Text: "Header line\n\nThe allies agreed to strengthen cooperation in space and cyberspace today, officials said.\n\nSIDEBAR"}
	s.Excluded = []data.Range{{Start: len([]rune(s.Text)) - 7, End: len([]rune(s.Text))}}
	start := len("Header line\n\nThe allies agreed to strengthen cooperation in ")
	end := start + len("space and cyberspace")
	tests := []struct {
		n                   int
		before, span, after string
	}{
		{30, "… to strengthen cooperation in ", "space and cyberspace", " today, officials said."},
		{12, "… in ", "space and cyberspace", " today,…"},
		{200, "The allies agreed to strengthen cooperation in ", "space and cyberspace", " today, officials said."},
		{0, "…", "space and cyberspace", "…"},
	}
	for _, tt := range tests {
		got := ContextOf(s, start, end, tt.n)
		if got.Before != tt.before || got.Span != tt.span || got.After != tt.after {
			t.Errorf("n=%d: %+v", tt.n, got)
		}
	}
}
