package load

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/alliance-timeline/alliance-timeline/gen"
)

// yamlItems decodes a piece with yaml.v3 as decodePiece does: its items,
// placed from firstLine; ok is false when yaml.v3 refuses it or it is not
// one list.
func yamlItems(text []byte, firstLine int) ([]*yaml.Node, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.SequenceNode {
		return nil, false
	}
	shiftLines(doc.Content[0], firstLine-1)
	return doc.Content[0].Content, true
}

// readerTag is a tag as the reader tells tags apart.
func readerTag(tag string) string {
	if tag == "!!null" || tag == "!!int" {
		return tag
	}
	return "other"
}

// sameTree says where two node trees differ, as the reader sees them
// ("" for nowhere).
func sameTree(fast, want *yaml.Node, at string) string {
	switch {
	case fast.Kind != want.Kind:
		return fmt.Sprintf("%s: kind %d, yaml.v3 %d", at, fast.Kind, want.Kind)
	case fast.Value != want.Value:
		return fmt.Sprintf("%s: value %q, yaml.v3 %q", at, fast.Value, want.Value)
	case fast.Kind == yaml.ScalarNode && readerTag(fast.Tag) != readerTag(want.Tag):
		return fmt.Sprintf("%s (%q): tag %s, yaml.v3 %s", at, want.Value, fast.Tag, want.Tag)
	case fast.Line != want.Line || fast.Column != want.Column:
		return fmt.Sprintf("%s (%q): at %d:%d, yaml.v3 %d:%d", at, want.Value, fast.Line, fast.Column, want.Line, want.Column)
	case fast.Style != want.Style:
		return fmt.Sprintf("%s (%q): style %d, yaml.v3 %d", at, want.Value, fast.Style, want.Style)
	case len(fast.Content) != len(want.Content):
		return fmt.Sprintf("%s: %d children, yaml.v3 %d", at, len(fast.Content), len(want.Content))
	}
	for i := range fast.Content {
		if d := sameTree(fast.Content[i], want.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// checkFastPiece parses text both ways; when the fast parser takes it, the
// trees must be the same. It returns whether the fast parser took it.
func checkFastPiece(t *testing.T, text string, firstLine int) bool {
	t.Helper()
	var slab nodeSlab
	return checkFastPieceIn(t, &slab, text, firstLine)
}

// checkFastPieceIn is checkFastPiece with a slab of the caller's, reset
// first: a slab is 600 KB, too much to make for each of many small pieces.
func checkFastPieceIn(t *testing.T, slab *nodeSlab, text string, firstLine int) bool {
	t.Helper()
	slab.reset()
	fast, ok := parseFastPiece([]byte(text), firstLine, slab)
	if !ok {
		return false
	}
	want, yok := yamlItems([]byte(text), firstLine)
	if !yok {
		t.Fatalf("the fast parser took a piece yaml.v3 refuses:\n%s", text)
	}
	root := &yaml.Node{Kind: yaml.SequenceNode, Content: fast}
	if d := sameTree(root, &yaml.Node{Kind: yaml.SequenceNode, Content: want}, "items"); d != "" {
		t.Fatalf("%s\npiece:\n%s", d, text)
	}
	return true
}

func TestFastPiece(t *testing.T) {
	taken := []struct{ name, text string }{
		{"gen's meetings", "    - id: m000001\n      title: Meeting 1\n      short: M1\n      kind: working group\n      date: \"2021-08-31\"\n      sources: [s000001, s010001, s020001]\n    - id: m000002\n      title: Meeting 2\n"},
		{"gen's annotations", "    - source: s000001\n      topic: counterproliferation\n      quote: backed counterproliferation efforts\n      start: 14\n"},
		{"the peer's sources", "    - id: sp0000001\n      title: Item 1 on lane 2.\n      language: en\n      text: Item 1 on lane 2.\n"},
		{"flow mappings and Hangul", "  - id: scm-44\n    participants:\n      - {name: Leon E. Panetta, role: Secretary of Defense, country: United States}\n      - {name: Kim Kwan-jin, hangul: 김관진, role: Minister, country: Republic of Korea}\n    sources: [afps-2012-10-24, xinhua-2012-10-25]\n"},
		{"annotations in flow style", "  - {source: afps, topic: space, quote: 'strengthen their cooperation in space and cyberspace'}\n  - {source: afps, topic: 'cyber', quote: \"it''s \\\"fine\\\" \\u00e9\"}\n"},
		{"folded and literal texts", "  - id: a\n    summary: >-\n      Extended deterrence with the\n      nuclear umbrella;\n\n      a second paragraph.\n    text: |\n      line one\n        indented\n\n      line three\n    notes: |-\n      kept\n    other: |+\n      kept too\n\n  - id: b\n"},
		{"null, numbers, quotes, comments", "- id: x # a comment\n  empty:\n  tilde: ~\n  num: 12\n  hex: 0x1F\n  neg: -3\n  float: 1.5\n  date: 2012-10-24\n  q: ''\n  dq: \"\"\n  s: 'it''s'\n  hash: a#b\n\n  # a comment line\n  after: yes\n"},
		{"nested lists", "- id: x\n  exclude:\n    - from: a\n      to: b\n  list:\n  - a\n  - 'b'\n  deep:\n    - [a, b]\n    - {}\n    - []\n"},
		{"scalar items", "- a\n- 'b'\n- \"c\"\n- [d]\n- 42\n"},
		{"a key at the end of a piece", "- id: x\n  notes:\n"},
	}
	for _, c := range taken {
		t.Run(c.name, func(t *testing.T) {
			if !checkFastPiece(t, c.text, 7) {
				t.Fatalf("the fast parser gave up:\n%s", c.text)
			}
		})
	}
	// Left to yaml.v3: what the parser does not know, and everything
	// yaml.v3 refuses.
	refused := []struct{ name, text string }{
		{"a multi-line plain text", "- id: x\n  title: one\n    two\n"},
		{"a tab", "- id: x\n  title: a\tb\n"},
		{"CR LF", "- id: x\r\n"},
		{"a quoted key", "- 'id': x\n"},
		{"an anchor", "- id: &a x\n"},
		{"an unknown escape", "- id: \"\\q\"\n"},
		{"a control character", "- id: \"a\x01b\"\n"},
		{"a key in a value", "- id: a: b\n"},
		{"a block scalar with an indentation digit", "- text: |2\n    x\n"},
		{"an empty item", "-\n  id: x\n"},
		{"no final line break", "- id: x"},
		{"a trailing comma", "- s: [a, b,]\n"},
		{"a nested flow list", "- s: [[a]]\n"},
		{"a deeper line after a value", "- id: x\n    title: y\n"},
		{"a boolean key", "- true: x\n"},
		{"a merge key", "- <<: x\n"},
		{"a line break YAML knows", "- id: a\u2028b\n"},
		{"an indicator as a flow value", "- {A: ?}\n"},
		{"an indicator starting a flow item", "- s: [?a, :b]\n"},
		{"a dash as a flow item", "- s: [-, -a]\n"},
		{"a key of 1025 characters", "- " + strings.Repeat("k", 1025) + ": x\n"},
		{"a flow key of 1025 characters", "- {" + strings.Repeat("k", 1025) + ": x}\n"},
		{"a key longer than the parser reads", "- " + strings.Repeat("k", 129) + ": x\n"},
	}
	for _, c := range refused {
		t.Run("refused/"+c.name, func(t *testing.T) {
			if checkFastPiece(t, c.text, 1) {
				t.Fatalf("the fast parser took:\n%q", c.text)
			}
		})
	}
}

func TestFastPieceSlabServesAgain(t *testing.T) {
	var slab nodeSlab
	text := strings.Repeat("- id: x\n  title: a long enough title\n  sources: [a, b, c]\n", 3000)
	first, ok := parseFastPiece([]byte(text), 1, &slab)
	if !ok {
		t.Fatal("the fast parser gave up")
	}
	chunks := len(slab.nodes)
	values := first[2999].Content[3].Value
	slab.reset()
	again, ok := parseFastPiece([]byte(strings.ReplaceAll(text, "long", "short")), 1, &slab)
	if !ok || len(slab.nodes) != chunks {
		t.Fatalf("second piece: ok %v, %d chunks, first piece %d", ok, len(slab.nodes), chunks)
	}
	if values != "a long enough title" || again[2999].Content[3].Value != "a short enough title" {
		t.Fatalf("values: %q, %q", values, again[2999].Content[3].Value)
	}
}

// Every ASCII character, and every pair, at the start, inside and at the
// end of each kind of value the fast parser reads: what the fuzzer finds
// one at a time (a '?' inside a { } value, say) found here at once.
func TestFastPieceAgreesOnEveryCharacter(t *testing.T) {
	if raceEnabled {
		t.Skip("a million sequential parses; make unit runs them without the race detector")
	}
	templates := []string{
		"- X\n", "- a: X\n", "- a: X # c\n", "- {A: X}\n", "- {A: X, B: y}\n", "- [X]\n",
		"- [X, y]\n", "- a: [y, X]\n", "- a: 'X'\n", "- a: \"X\"\n", "- {A: 'X'}\n",
		"- a: |\n    X\n", "- a: >-\n    X\n", "- X: y\n", "- a: y\n  X: z\n",
		"- aX: y\n", "- {aX: y}\n", "- a:\n  - X\n", "- a: {b: X}\n", "- X\n- y\n",
		"- a: [X]\n  b: y\n", "- a: \"X\\\"\"\n",
	}
	var chars []string
	for c := byte(0x20); c < 0x7f; c++ {
		chars = append(chars, string(c))
	}
	chars = append(chars, "é", "한", "\u00a0")
	// Pairs of the characters that mean something somewhere in YAML, a
	// letter and a digit: letters among themselves behave alike.
	const marks = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~a0"
	var values []string
	for _, c := range chars {
		values = append(values, c, "0"+c, c+"0", "0"+c+"0", "0 "+c, c+" 0", "0 "+c+" 0")
	}
	for _, c := range marks {
		for _, d := range marks {
			values = append(values, string(c)+string(d), "0"+string(c)+string(d), string(c)+" "+string(d))
			for _, e := range marks {
				values = append(values, string(c)+string(d)+string(e))
			}
		}
	}
	var slab nodeSlab
	for _, template := range templates {
		for _, v := range values {
			checkFastPieceIn(t, &slab, strings.Replace(template, "X", v, 1), 3)
		}
	}
}

func FuzzFastPiece(f *testing.F) {
	for _, seed := range []string{
		"    - id: m000001\n      title: Meeting 1\n      sources: [s000001, s010001]\n",
		"  - {source: a, topic: b, quote: 'c''d'}\n",
		"- id: a\n  summary: >-\n    x\n    y\n\n    z\n  text: |\n    a\n      b\n",
		"- a\n- \"b\\u00e9\\n\"\n- [c, 'd']\n- k:\n  - v\n",
		"- id: x\n  empty:\n  n: ~\n  i: 0o17\n  f: 1e3\n",
	} {
		f.Add(seed)
	}
	// The built-in corpus, cut small: the hand-written style.
	if raw, err := os.ReadFile("../../assets/corpus/scm.yaml"); err == nil {
		if plan, stop := planPieces(raw, 1, 1<<10); stop == nil {
			for _, p := range plan.pieces {
				f.Add(string(p.text))
			}
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			return
		}
		checkFastPiece(t, text, 3)
	})
}

// The corpora gen writes (the benchmarks' and the timeline's point items)
// are what the fast parser is for, and the built-in corpus is written by
// hand (folded texts, { } lists, comments, Hangul): every piece of them
// must be its, with the same trees as yaml.v3's, or the load is back at
// yaml.v3's pace.
func TestFastPieceTakesOurCorpora(t *testing.T) {
	dir := t.TempDir()
	corpora := map[string]func() (string, error){
		"gen": func() (string, error) {
			return gen.Write(filepath.Join(dir, "gen"), gen.Options{Meetings: 300, Sources: 900, Annotations: 3000, Seed: 3})
		},
		"points": func() (string, error) {
			return gen.WritePoints(filepath.Join(dir, "points"), gen.Points{Items: 3000, Lanes: 5, From: 2012, To: 2023, Seed: 3})
		},
	}
	corpora["built-in"] = func() (string, error) { return "../../assets/corpus/scm.yaml", nil }
	for name, write := range corpora {
		path, err := write()
		if err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		plan, stop := planPieces(raw, 1, 4<<10)
		if stop != nil {
			t.Fatalf("%s: not cut: line %d: %s", name, stop.line, stop.reason)
		}
		for _, p := range plan.pieces {
			if !checkFastPiece(t, string(p.text), p.firstLine) {
				t.Fatalf("%s: the fast parser gave up the piece at line %d", name, p.firstLine)
			}
		}
		t.Logf("%s: %d pieces", name, len(plan.pieces))
	}
}
