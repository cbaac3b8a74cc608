package agreement

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alliance-timeline/alliance-timeline/data/load"
)

// The places two coders coded differently, and those they coded alike or
// alone, which are none.
func TestDifferences(t *testing.T) {
	const corpus = `corpus: {title: Places, format: 1}
topics:
  - {id: space, label: Space}
  - {id: cyber, label: Cyber}
meetings:
  - {id: m1, title: First, kind: SCM, date: 2012-10-24, sources: [s1]}
sources:
  - {id: s1, title: One, text: "Space is new. Cyber is old. Both matter. Alone here. Same here."}
annotations:
  - {source: s1, topic: space, quote: Space is new, coder: a}
  - {source: s1, topic: cyber, quote: Space is new, coder: b}
  - {source: s1, topic: cyber, quote: Cyber is old, coder: a}
  - {source: s1, topic: cyber, quote: Cyber, coder: b}
  - {source: s1, topic: space, quote: Both matter, coder: a}
  - {source: s1, topic: space, quote: Alone here, coder: a}
  - {source: s1, topic: space, quote: Same here, coder: a}
  - {source: s1, topic: space, quote: Same here, coder: b}
  - {source: s1, topic: space, quote: Same here}
`
	c, ps, err := load.FS(fstest.MapFS{"c.yaml": {Data: []byte(corpus)}}, "c.yaml", "c.yaml")
	if err != nil || ps.HasErrors() {
		t.Fatalf("%v %v", err, ps)
	}
	ds, err := Differences(t.Context(), c, []string{"a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ds {
		var by []string
		for _, a := range d.Annotations {
			by = append(by, a.Coder+":"+a.Topic.ID+":"+a.Quote)
		}
		got = append(got, c.Sources[0].Text[d.ByteStart:d.ByteEnd]+" | "+strings.Join(d.Coders, ",")+" | "+strings.Join(by, " ")+" | same topics: "+map[bool]string{true: "yes", false: "no"}[d.SameTopics])
	}
	want := []string{
		"Space is new | a,b | a:space:Space is new b:cyber:Space is new | same topics: no",
		"Cyber is old | a,b | a:cyber:Cyber is old b:cyber:Cyber | same topics: yes",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("differences:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
