package wording

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// corpusByYear is a corpus of one meeting per year given, each with one
// source of the text given ("" for a meeting without text).
func corpusByYear(texts map[int]string) *data.Corpus {
	c := &data.Corpus{}
	for y := 2010; y <= 2016; y++ {
		text, ok := texts[y]
		if !ok {
			continue
		}
		m := &data.Meeting{ID: "m" + string(rune('0'+y-2010)), Short: "M", Date: data.Date{Year: y, Month: 1, Day: 1, Precision: data.PrecisionDay}}
		if text != "" {
			s := &data.Source{ID: "s" + m.ID, Text: text, Words: data.CountWords(text, nil)}
			c.Sources = append(c.Sources, s)
			m.Sources = []*data.Source{s}
		}
		c.Meetings = append(c.Meetings, m)
	}
	c.Derive()
	return c
}

func TestTrends(t *testing.T) {
	c := corpusByYear(map[int]string{
		2010: "Space and cyberspace. Cyber threats in outer space.",
		2012: "",
		2014: "Nothing about it here at all.",
		2016: "SPACE, space, space; cyber-attacks.",
	})
	phrases := textmatch.ParseTerms("space, cyber*")
	for _, tt := range []struct {
		unit Unit
		per  bool
		want map[int][2]float64 // year: space, cyber*; missing: no text
	}{
		{Matches, false, map[int][2]float64{2010: {2, 2}, 2011: {}, 2013: {}, 2014: {0, 0}, 2016: {3, 1}}},
		{Sources, false, map[int][2]float64{2010: {1, 1}, 2014: {0, 0}, 2016: {1, 1}}},
		{Matches, true, map[int][2]float64{2010: {2000.0 / 8, 2000.0 / 8}, 2014: {0, 0}, 2016: {3000.0 / 5, 1000.0 / 5}}},
	} {
		tr, err := Trends(context.Background(), c, TrendQuery{Phrases: phrases, Unit: tt.unit, PerThousandWords: tt.per})
		if err != nil {
			t.Fatal(err)
		}
		if len(tr.Buckets) != 7 {
			t.Fatalf("%d buckets, want the years 2010–2016", len(tr.Buckets))
		}
		for bi, b := range tr.Buckets {
			want, known := tt.want[b.Year]
			if b.Year == 2011 || b.Year == 2013 || b.Year == 2015 || b.Year == 2012 {
				known = false // no text: never zero
			}
			for p := range phrases {
				v := tr.Cells[bi][p].Value
				if known != tr.Measured(bi) || known && math.Abs(v-want[p]) > 1e-9 || !known && !math.IsNaN(v) {
					t.Errorf("%v per1k=%v %d %s: %v (measured %v), want %v (known %v)", tt.unit, tt.per, b.Year, phrases[p].Text, v, tr.Measured(bi), want[p], known)
				}
			}
		}
	}
	tr, _ := Trends(context.Background(), c, TrendQuery{Phrases: phrases})
	var quotes []string
	for _, m := range tr.MatchesIn(6, 0) {
		quotes = append(quotes, m.Source.Text[m.ByteStart:m.ByteEnd])
	}
	if strings.Join(quotes, ",") != "SPACE,space,space" {
		t.Errorf("the matches behind 2016 space: %q", quotes)
	}
}

// A word planted in A: its G2 agrees with the formula computed here from
// the counts the test made, to 1%, and it leads A's terms.
func TestKeynessPlantedWord(t *testing.T) {
	filler := strings.Repeat("alliance meeting defense policy statement ", 40) // 200 words
	a := filler + strings.Repeat("zebra ", 30) + filler                        // 430 words
	b := filler + filler + filler + "zebra zebra"                              // 602 words
	c := corpusByYear(map[int]string{2012: a, 2016: b})
	k, err := Compare(context.Background(), c, KeynessQuery{A: Part{FromYear: 2012, ToYear: 2012}, B: Part{FromYear: 2016, ToYear: 2016}})
	if err != nil {
		t.Fatal(err)
	}
	if k.WordsA != 430 || k.WordsB != 602 {
		t.Fatalf("words %d and %d, want 430 and 602", k.WordsA, k.WordsB)
	}
	var top KeyTerm
	for i, term := range k.Terms[:2] { // the word and the phrase "zebra zebra" lead
		if term.Term == "zebra" {
			top = k.Terms[i]
		}
	}
	if top.Term != "zebra" || top.A != 30 || top.B != 2 {
		t.Fatalf("zebra is not among the first two terms: %+v", k.Terms[:2])
	}
	// G2 by hand: E = N × (a+b) / (NA+NB).
	e1, e2 := 430.0*32/1032, 602.0*32/1032
	want := 2 * (30*math.Log(30/e1) + 2*math.Log(2/e2))
	if math.Abs(top.G2-want)/want > 0.01 {
		t.Errorf("G2 %.4f, by hand %.4f", top.G2, want)
	}
	if lr := math.Log2((30.0 / 430) / (2.0 / 602)); math.Abs(top.LogRatio-lr) > 1e-9 {
		t.Errorf("log ratio %.4f, want %.4f", top.LogRatio, lr)
	}
	for _, term := range k.Terms {
		if stopWords[term.Term] || term.A+term.B < 5 {
			t.Errorf("%q kept (a stop word, or under the minimum frequency)", term.Term)
		}
	}
	var sawB bool
	for _, term := range k.Terms {
		if term.LogRatio <= 0 {
			sawB = true
		} else if sawB {
			t.Errorf("A's term %q after B's", term.Term)
		}
	}
	if occ := k.Occurrences(c, "zebra"); len(occ) != 32 {
		t.Errorf("%d occurrences of zebra, want 32", len(occ))
	}
	if occ := k.Occurrences(c, "zebra zebra"); len(occ) != 30 || occ[0].Source.Text[occ[0].ByteStart:occ[0].ByteEnd] != "zebra zebra" {
		t.Errorf("%d occurrences of the phrase zebra zebra", len(occ))
	}
}

func TestParsePart(t *testing.T) {
	for s, want := range map[string]Part{
		"2012": {Label: "2012", FromYear: 2012, ToYear: 2012}, "2020-2023": {Label: "2020-2023", FromYear: 2020, ToYear: 2023},
		"meeting:scm-44": {Label: "meeting:scm-44", Meeting: "scm-44"}, "topic:space": {Label: "topic:space", Topic: "space"}, "rest": {Label: "rest", Rest: true},
	} {
		if got, err := ParsePart(s); err != nil || got != want {
			t.Errorf("%q: %+v, %v", s, got, err)
		}
	}
	for _, bad := range []string{"", "20x", "2023-2020", "99", "2012-"} {
		if _, err := ParsePart(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// Any part the command line may be given: a part or an error, never a
// panic, and a year range that is in order.
func FuzzParsePart(f *testing.F) {
	for _, s := range []string{"2012", "2020-2023", "meeting:scm-44", "topic:space", "rest", "-", "9999-1000", " 2012 - 2013 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePart(s)
		if err != nil {
			return
		}
		if !p.Rest && p.Meeting == "" && p.Topic == "" && (p.FromYear < 1000 || p.ToYear > 9999 || p.ToYear < p.FromYear) {
			t.Fatalf("%q gave %+v", s, p)
		}
	})
}

// Any text in two parts: keyness counts without panicking, its terms hold
// no stop word alone, and A's terms come first.
func FuzzKeyness(f *testing.F) {
	f.Add("space space space cyber alliance", "cyber cyber defense alliance", 1)
	f.Add("우주 협력을 강화 우주", "Space, space-based; e.g. U.S. space", 2)
	f.Fuzz(func(t *testing.T, a, b string, minFreq int) {
		if len(a)+len(b) > 1<<13 {
			return
		}
		c := corpusByYear(map[int]string{2012: a, 2016: b})
		k, err := Compare(context.Background(), c, KeynessQuery{A: Part{FromYear: 2012, ToYear: 2012}, B: Part{Rest: true}, MinFreq: minFreq % 10})
		if err != nil {
			t.Fatal(err)
		}
		sawB := false
		for _, term := range k.Terms {
			if stopWords[term.Term] || math.IsNaN(term.G2) || term.G2 < -1e-9 {
				t.Fatalf("term %+v", term)
			}
			if term.LogRatio <= 0 {
				sawB = true
			} else if sawB {
				t.Fatalf("A's %q after B's terms", term.Term)
			}
		}
	})
}
