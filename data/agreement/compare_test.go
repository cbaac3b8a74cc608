package agreement

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
)

// twoCoders is a small corpus two coders (a and b) coded differently, a
// third (a2) as a did; c coded nothing.
const twoCoders = `corpus:
  title: Two coders
  format: 1
topics:
  - id: space
    label: Space
  - id: cyber
    label: Cyber
meetings:
  - id: m1
    title: First
    kind: SCM
    date: 2012-10-24
    sources: [s1]
  - id: m2
    title: Second
    kind: SCM
    date: 2013-10-02
    sources: [s2]
sources:
  - id: s1
    title: One
    text: "Space is new. Cyber is old. Both matter."
  - id: s2
    title: Two
    text: "Space again. Nothing here. Cyber too."
  - id: s3
    title: Three, coded by a alone
    text: "Space alone."
annotations:
  - {source: s1, topic: space, quote: Space is new, coder: a}
  - {source: s1, topic: cyber, quote: Cyber is old, coder: a}
  - {source: s2, topic: space, quote: Space again, coder: a}
  - {source: s2, topic: cyber, quote: Cyber too, coder: a}
  - {source: s3, topic: space, quote: Space alone, coder: a}
  - {source: s1, topic: space, quote: Space is new, coder: b}
  - {source: s1, topic: cyber, quote: Both matter, coder: b}
  - {source: s2, topic: space, quote: Space again, coder: b}
  - {source: s2, topic: space, quote: Nothing here, coder: b}
  - {source: s1, topic: space, quote: Space is new, coder: a2}
  - {source: s1, topic: cyber, quote: Cyber is old, coder: a2}
  - {source: s2, topic: space, quote: Space again, coder: a2}
  - {source: s2, topic: cyber, quote: Cyber too, coder: a2}
`

func loadTwoCoders(t *testing.T) *data.Corpus {
	t.Helper()
	c, ps, err := load.FS(fstest.MapFS{"c.yaml": {Data: []byte(twoCoders)}}, "c.yaml", "c.yaml")
	if err != nil || ps.HasErrors() {
		t.Fatalf("%v %v", err, ps)
	}
	for _, p := range ps {
		if strings.Contains(p.Message, "repeats") {
			t.Errorf("two coders' one span is not a repeat: %s", p)
		}
	}
	return c
}

func near3(got, want float64) bool {
	return math.IsNaN(got) && math.IsNaN(want) || round3(got) == round3(want)
}

// The figures equal those of the reliability data written out by hand:
// the sentences of s1 and s2 (s3 is a's alone and not compared), a 1
// where the coder coded the topic in the sentence.
func TestCompareTwoCoders(t *testing.T) {
	c := loadTwoCoders(t)
	rep, err := Compare(context.Background(), c, Options{Coders: []string{"a", "b"}, Unit: Sentence})
	if err != nil {
		t.Fatal(err)
	}
	space := [][]int{{1, 0, 0, 1, 0, 0}, {1, 0, 0, 1, 1, 0}}
	cyber := [][]int{{0, 1, 0, 0, 0, 1}, {0, 0, 1, 0, 0, 0}}
	both := [][]int{append(append([]int{}, space[0]...), cyber[0]...), append(append([]int{}, space[1]...), cyber[1]...)}
	percent := func(v [][]int) float64 {
		agree := 0
		for u := range v[0] {
			if v[0][u] == v[1][u] {
				agree++
			}
		}
		return float64(agree) / float64(len(v[0]))
	}
	if rep.Sources != 2 {
		t.Errorf("%d sources compared, want 2", rep.Sources)
	}
	check := func(what string, f Figures, v [][]int) {
		t.Helper()
		if f.Units != len(v[0]) || !near3(f.Alpha, Alpha(v)) || !near3(f.Kappa, Kappa(v[0], v[1])) || !near3(f.Percent, percent(v)) {
			t.Errorf("%s: %d units, alpha %.3f kappa %.3f percent %.3f; want %d, %.3f, %.3f, %.3f",
				what, f.Units, f.Alpha, f.Kappa, f.Percent, len(v[0]), Alpha(v), Kappa(v[0], v[1]), percent(v))
		}
		if !math.IsNaN(f.Alpha) && !(f.AlphaLow <= f.Alpha+1e-9 && f.Alpha <= f.AlphaHigh+1e-9) {
			t.Errorf("%s: alpha %.3f outside its interval [%.3f, %.3f]", what, f.Alpha, f.AlphaLow, f.AlphaHigh)
		}
	}
	check("overall", rep.Overall, both)
	check("space", rep.Topics[0].Figures, space)
	check("cyber", rep.Topics[1].Figures, cyber)
	if len(rep.Years) != 2 || rep.Years[0].Year != 2012 || rep.Years[1].Year != 2013 {
		t.Fatalf("years %+v", rep.Years)
	}
	y2012 := [][]int{{1, 0, 0, 0, 1, 0}, {1, 0, 0, 0, 0, 1}}
	if !near3(rep.Years[0].Alpha, Alpha(y2012)) {
		t.Errorf("2012: alpha %.3f, want %.3f", rep.Years[0].Alpha, Alpha(y2012))
	}
	// The disagreements: s1's second and third sentences on cyber, s2's
	// second on space and third on cyber, in text order.
	var got []string
	for _, d := range rep.Disagreements {
		got = append(got, d.Source.ID+":"+d.Source.Text[d.ByteStart:d.ByteEnd]+":"+d.Topic.ID+":+"+strings.Join(d.Coded, ",")+"-"+strings.Join(d.NotCoded, ","))
	}
	want := "s1:Cyber is old.:cyber:+a-b s1:Both matter.:cyber:+b-a s2:Nothing here.:space:+b-a s2:Cyber too.:cyber:+a-b"
	if strings.Join(got, " ") != want {
		t.Errorf("disagreements\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
	if d := rep.Disagreements[0]; d.Start != 14 || d.End != 14+len("Cyber is old.") {
		t.Errorf("a disagreement's code points: %d–%d", d.Start, d.End)
	}
}

func TestCompareAgreementEverywhereAndACoderWhoCodedNothing(t *testing.T) {
	c := loadTwoCoders(t)
	same, err := Compare(context.Background(), c, Options{Coders: []string{"a", "a2"}, Unit: Paragraph})
	if err != nil {
		t.Fatal(err)
	}
	if same.Overall.Alpha != 1 || same.Overall.Kappa != 1 || same.Overall.Percent != 1 || len(same.Disagreements) != 0 {
		t.Errorf("coders who agree everywhere: %+v, %d disagreements", same.Overall, len(same.Disagreements))
	}
	// c coded nothing: with a and b, c's values are missing everywhere,
	// so alpha is a and b's; kappa is for two coders only.
	ab, _ := Compare(context.Background(), c, Options{Coders: []string{"a", "b"}})
	abc, err := Compare(context.Background(), c, Options{Coders: []string{"a", "b", "c"}})
	if err != nil {
		t.Fatal(err)
	}
	if abc.Overall.Alpha != ab.Overall.Alpha || !math.IsNaN(abc.Overall.Kappa) {
		t.Errorf("with a coder who coded nothing: alpha %v (a and b: %v), kappa %v", abc.Overall.Alpha, ab.Overall.Alpha, abc.Overall.Kappa)
	}
	// Alone with a, nothing is pairable.
	ac, err := Compare(context.Background(), c, Options{Coders: []string{"a", "c"}})
	if err != nil {
		t.Fatal(err)
	}
	if ac.Sources != 0 || ac.Overall.Units != 0 || !math.IsNaN(ac.Overall.Alpha) {
		t.Errorf("a and a coder who coded nothing: %d sources, %+v", ac.Sources, ac.Overall)
	}
	// Nobody by those names; one name twice; one coder.
	if _, err := Compare(context.Background(), c, Options{Coders: []string{"x", "y"}}); !errors.Is(err, ErrNoCoders) {
		t.Errorf("unknown coders: %v", err)
	}
	for _, coders := range [][]string{{"a"}, {"a", "a"}, {"a", ""}} {
		if _, err := Compare(context.Background(), c, Options{Coders: coders}); err == nil {
			t.Errorf("coders %q: no error", coders)
		}
	}
}

func TestSourceUnits(t *testing.T) {
	c := loadTwoCoders(t)
	rep, err := Compare(context.Background(), c, Options{Coders: []string{"a", "b"}, Unit: Source})
	if err != nil {
		t.Fatal(err)
	}
	// Whole sources: both coded space in s1 and s2, and cyber in s1; only
	// a coded cyber in s2.
	v := [][]int{{1, 1, 1, 1}, {1, 1, 1, 0}}
	if rep.Overall.Units != 4 || rep.Overall.Percent != 0.75 || !near3(rep.Overall.Alpha, Alpha(v)) || !near3(rep.Overall.Kappa, Kappa(v[0], v[1])) {
		t.Errorf("source units: %+v", rep.Overall)
	}
}
