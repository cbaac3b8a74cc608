// Package corpustest holds corpora and helpers shared by the tests of
// several packages: a corpus with every kind of record, one coded by three
// coders, and a way to write one to a folder.
package corpustest

import (
	"os"
	"path/filepath"
	"testing"
)

// Rich has every kind of record the cache stores: participants,
// inline and file texts (Hangul, a byte-order mark), excluded ranges,
// relocated, fuzzy and ambiguous anchors, eras of every precision, and
// warnings.
var Rich = map[string]string{
	"c.yaml": `corpus:
  title: Cache test corpus
  description: Every kind of record the cache stores.
  format: 1
topics:
  - id: space
    label: Space
    color: "#AA4499"
    description: Space cooperation.
    terms: [space, satellites]
  - id: cyber
    label: Cyber
meetings:
  - id: m1
    title: Meeting one
    short: One
    kind: SCM
    date: 2020-10-14
    end: 2020-10-15
    place: Seoul
    participants:
      - {name: Suh Wook, hangul: 서욱, role: Minister of National Defense, country: ROK}
      - {name: Mark Esper, role: Secretary of Defense, country: US}
    summary: The first.
    notes: Notes.
    sources: [s1, s2]
  - id: m2
    title: Meeting two
    kind: SCM
    date: 2021-12
    sources: [s2, s3]
sources:
  - id: s1
    title: Source one
    publisher: Ministry
    url: www.example.org/one
    file: texts/s1.txt
    exclude:
      - {from: "[sidebar]", to: "[end]", reason: an unrelated sidebar}
  - id: s2
    title: 두 번째 자료
    language: ko
    kind: statement
    text: "양국은 우주 협력과 사이버 방위에 합의했다. 우주 협력."
  - id: s3
    title: Source three
    file: texts/s3.txt
annotations:
  - {source: s1, topic: space, quote: space cooperation, start: 16}
  - {source: s1, topic: cyber, quote: cyber defense, start: 3}
  - {source: s1, topic: space, quote: space coperation, note: "a typo, found fuzzily"}
  - {source: s2, topic: space, quote: 우주 협력, prefix: "양국은 ", note: 한글, coder: 김관진, created: 2026-11-30}
  - {source: s2, topic: space, quote: 우주 협력}
  - {source: s3, topic: cyber, quote: cyber}
eras:
  - {group: President, label: Someone, start: 2020-01-20, end: 2021-01-20}
  - {group: Minister, label: Other, start: 2020, end: 2021-06}
`,
	"texts/s1.txt": "\uFEFFThey agreed on space cooperation and cyber defense.\n[sidebar] Unrelated news. [end]\nMore on space cooperation.\n",
	"texts/s3.txt": "Cyber, cyber everywhere.\n",
}

// writeFolder writes files into a new folder and returns the folder.
// WriteFolder writes files (by slash-separated name) into a new temporary
// folder and returns it.
func WriteFolder(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// ThreeCoders is a corpus file coded by three coders: a and a2 alike, b
// otherwise; one span names no coder.
const ThreeCoders = `corpus: {title: Coders, format: 1}
topics:
  - {id: space, label: Space}
  - {id: cyber, label: Cyber}
meetings:
  - {id: m1, title: First, short: First, kind: SCM, date: 2012-10-24, sources: [s1]}
  - {id: m2, title: Second, short: Second, kind: SCM, date: 2013-10-02, sources: [s2]}
sources:
  - {id: s1, title: One, text: "Space is new. Cyber is old. Both matter."}
  - {id: s2, title: Two, text: "Space again. Nothing here. Cyber too."}
annotations:
  - {source: s1, topic: space, quote: Space is new, coder: a}
  - {source: s1, topic: cyber, quote: Cyber is old, coder: a}
  - {source: s2, topic: space, quote: Space again, coder: a}
  - {source: s2, topic: cyber, quote: Cyber too, coder: a}
  - {source: s1, topic: space, quote: Space is new, coder: b}
  - {source: s1, topic: cyber, quote: Both matter, coder: b}
  - {source: s2, topic: space, quote: Space again, coder: b}
  - {source: s2, topic: space, quote: Nothing here, coder: b}
  - {source: s1, topic: space, quote: Space is new, coder: a2}
  - {source: s1, topic: cyber, quote: Cyber is old, coder: a2}
  - {source: s2, topic: space, quote: Space again, coder: a2}
  - {source: s2, topic: cyber, quote: Cyber too}
`
