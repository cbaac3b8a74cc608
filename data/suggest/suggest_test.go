package suggest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data"
)

// corpusOf is a corpus of one source with topics of the terms given.
func corpusOf(text string, terms map[string][]string, coded ...[3]any) *data.Corpus {
	s := &data.Source{ID: "s", Text: text}
	c := &data.Corpus{Sources: []*data.Source{s}}
	for _, id := range []string{"space", "cyber", "korean"} {
		if ts, ok := terms[id]; ok {
			c.Topics = append(c.Topics, &data.Topic{Index: len(c.Topics), ID: id, Terms: ts})
		}
	}
	c.Derive()
	for _, a := range coded { // topic, start, end (bytes of ASCII text)
		t := c.Topic(a[0].(string))
		an := &data.Annotation{Source: s, Topic: t, Quote: text[a[1].(int):a[2].(int)],
			Anchor: data.Anchor{Status: data.Exact, Start: a[1].(int), End: a[2].(int), ByteStart: a[1].(int), ByteEnd: a[2].(int)}}
		c.Annotations = append(c.Annotations, an)
	}
	c.Derive()
	return c
}

func quotes(ss []Suggestion) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Topic.ID+": "+s.Quote())
	}
	return out
}

func TestSuggestions(t *testing.T) {
	text := "The U.S. and the ROK met. They agreed to deepen cooperation in space; they also discussed cyberspace, and cyber threats.\n\n" +
		"Gen. Kim spoke about outer space and space situational awareness! 양국은 우주를 논의했다. 항공우주 산업."
	spaceOnly := map[string][]string{"space": {"space", "outer space"}}
	for _, tt := range []struct {
		name  string
		terms map[string][]string
		unit  Unit
		coded [][3]any
		want  []string
	}{
		{"sentences, cyberspace is not space", spaceOnly, Sentence, nil, []string{
			"space: They agreed to deepen cooperation in space; they also discussed cyberspace, and cyber threats.",
			"space: Gen. Kim spoke about outer space and space situational awareness!"}},
		{"clauses", map[string][]string{"space": {"space"}, "cyber": {"cyber*"}}, Clause, nil, []string{
			"space: They agreed to deepen cooperation in space",
			"cyber: they also discussed cyberspace",
			"cyber: and cyber threats.",
			"space: Gen. Kim spoke about outer space and space situational awareness!"}},
		{"a coded passage is not suggested", spaceOnly, Sentence, [][3]any{{"space", 26, 36}}, []string{
			"space: Gen. Kim spoke about outer space and space situational awareness!"}},
		{"another topic's code does not count", map[string][]string{"space": {"space"}, "cyber": {"cyber"}}, Sentence, [][3]any{{"cyber", 63, 68}}, []string{
			"space: They agreed to deepen cooperation in space; they also discussed cyberspace, and cyber threats.",
			"space: Gen. Kim spoke about outer space and space situational awareness!"}},
		{"Hangul with its particle, not inside a word", map[string][]string{"korean": {"우주"}}, Sentence, nil, []string{
			"korean: 양국은 우주를 논의했다."}},
	} {
		c := corpusOf(text, tt.terms, tt.coded...)
		ss, err := Find(context.Background(), c, Options{Unit: tt.unit})
		if err != nil {
			t.Fatal(err)
		}
		if got := quotes(ss); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
		for _, s := range ss {
			if got := string([]rune(text)[s.Start:s.End]); got != s.Quote() {
				t.Errorf("%s: code points %d–%d give %q, bytes give %q", tt.name, s.Start, s.End, got, s.Quote())
			}
		}
	}
}

// Several terms in one passage make one suggestion naming them all; a
// rejection stops the passage being suggested, in either unit.
func TestMergedTermsAndRejections(t *testing.T) {
	text := "Cooperation in outer space and space security grew. Space again."
	c := corpusOf(text, map[string][]string{"space": {"space", "outer space"}})
	ss, _ := Find(context.Background(), c, Options{})
	if len(ss) != 2 || fmt.Sprint(ss[0].Terms) != "[outer space space]" || len(ss[0].Matches) != 3 {
		t.Fatalf("got %d suggestions: %+v", len(ss), quotes(ss))
	}
	first := ss[0]
	c.Rejections = []*data.Annotation{{Source: c.Sources[0], Topic: c.Topics[0], Quote: first.Quote(),
		Anchor: data.Anchor{Status: data.Exact, Start: first.Start, End: first.End, ByteStart: first.ByteStart, ByteEnd: first.ByteEnd}}}
	for _, unit := range []Unit{Sentence, Clause} {
		ss, _ = Find(context.Background(), c, Options{Unit: unit})
		if got := quotes(ss); len(got) != 1 || got[0] != "space: Space again." {
			t.Errorf("%v, after the rejection: %q", unit, got)
		}
	}
}

// A passage never runs into excluded text, across a paragraph break, or
// past MaxRunes.
func TestPassageLimits(t *testing.T) {
	long := strings.Repeat("word ", 200)
	text := "Menu Home News\nthe forces in space met " + long + "and space again " + long + "end."
	c := corpusOf(text, map[string][]string{"space": {"space"}})
	c.Sources[0].Excluded = []data.Range{{Start: 0, End: 14}}
	ss, _ := Find(context.Background(), c, Options{})
	if len(ss) != 2 {
		t.Fatalf("%d suggestions", len(ss))
	}
	for _, s := range ss {
		if n := utf8.RuneCountInString(s.Quote()); n > MaxRunes || s.Start < 14 || strings.HasPrefix(s.Quote(), " ") || strings.HasSuffix(s.Quote(), " ") {
			t.Errorf("passage of %d runes at %d: %.40q…", n, s.Start, s.Quote())
		}
	}
	if !strings.HasPrefix(ss[0].Quote(), "the forces in space") {
		t.Errorf("first passage starts %.30q", ss[0].Quote())
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Find(ctx, corpusOf("space", map[string][]string{"space": {"space"}}), Options{}); err == nil {
		t.Error("a cancelled search gave no error")
	}
}

// A sentence suggestion narrowed to its clause, and widened back.
func TestSnapToAnotherUnit(t *testing.T) {
	text := "They met; the two sides deepened cooperation in space, and more. Next."
	c := corpusOf(text, map[string][]string{"space": {"space"}})
	ss, _ := Find(context.Background(), c, Options{})
	if len(ss) != 1 {
		t.Fatalf("%d suggestions", len(ss))
	}
	narrow := ss[0].In(Clause)
	if narrow.Quote() != "the two sides deepened cooperation in space" || string([]rune(text)[narrow.Start:narrow.End]) != narrow.Quote() {
		t.Errorf("the clause: %q", narrow.Quote())
	}
	if wide := narrow.In(Sentence); wide.Quote() != ss[0].Quote() {
		t.Errorf("widened back: %q", wide.Quote())
	}
}

// The built-in corpus is reviewed: every passage its terms point at, in
// sentences and in clauses, is coded or rejected, and every rejection
// anchors exactly and says why.
func TestBuiltinCorpusIsReviewed(t *testing.T) {
	c, ps, err := assets.LoadCorpus()
	if err != nil || c == nil || len(ps) != 0 {
		t.Fatalf("the built-in corpus: %v %s", err, ps)
	}
	for _, unit := range []Unit{Sentence, Clause} {
		ss, err := Find(context.Background(), c, Options{Unit: unit})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ss {
			t.Errorf("%v not reviewed: %s in %s at %d: %q", unit, s.Topic.ID, s.Source.ID, s.Start, s.Quote())
		}
	}
	if len(c.Rejections) == 0 {
		t.Fatal("no rejections")
	}
	for _, r := range c.Rejections {
		if r.Anchor.Status != data.Exact || r.Details().Note == "" || r.Coder == "" {
			t.Errorf("rejection at line %d: %v, note %q", r.Line, r.Anchor.Status, r.Details().Note)
		}
	}
}

// Any text, any terms, either unit: no panic, and every suggestion is a
// passage of the text, on whole characters, without white space at its
// ends, holding its matches, outside excluded text, its code points
// agreeing with its bytes, and (when one match fits) at most MaxRunes.
func FuzzSuggest(f *testing.F) {
	f.Add("They met. Cooperation in space grew; cyber too.", "space,cyber*", false, 0, 0)
	f.Add("U.S. forces — in space, and more.\n\nNext: 우주를 지키다.", "space,우주", true, 3, 9)
	f.Add(strings.Repeat("word ", 300)+"space", "space", false, 10, 20)
	f.Fuzz(func(t *testing.T, text, terms string, clause bool, exFrom, exLen int) {
		if len(text) > 1<<13 || len(terms) > 200 {
			return
		}
		c := corpusOf(text, map[string][]string{"space": strings.Split(terms, ",")})
		s := c.Sources[0]
		if n := utf8.RuneCountInString(text); exLen > 0 && exFrom >= 0 && exFrom < n {
			s.Excluded = []data.Range{{Start: exFrom, End: min(n, exFrom+exLen)}}
		}
		unit := Sentence
		if clause {
			unit = Clause
		}
		ss, err := Find(context.Background(), c, Options{Unit: unit})
		if err != nil {
			t.Fatal(err)
		}
		for _, sg := range ss {
			if sg.ByteStart < 0 || sg.ByteEnd > len(text) || sg.ByteStart >= sg.ByteEnd || !utf8.ValidString(text[:sg.ByteStart]) && utf8.ValidString(text) {
				t.Fatalf("passage %d–%d in %d bytes", sg.ByteStart, sg.ByteEnd, len(text))
			}
			q := sg.Quote()
			if utf8.ValidString(text) && string([]rune(text)[sg.Start:sg.End]) != q {
				t.Fatalf("code points %d–%d do not give the quote %q", sg.Start, sg.End, q)
			}
			if r, _ := utf8.DecodeRuneInString(q); unicode.IsSpace(r) {
				t.Fatalf("passage starts with white space: %q", q)
			}
			for _, m := range sg.Matches {
				if m.ByteStart < sg.ByteStart || m.ByteEnd > sg.ByteEnd {
					t.Fatalf("match %d–%d outside its passage %d–%d", m.ByteStart, m.ByteEnd, sg.ByteStart, sg.ByteEnd)
				}
			}
			for _, ex := range s.Excluded {
				if sg.Start < ex.End && ex.Start < sg.End {
					t.Fatalf("passage %d–%d runs into excluded %d–%d", sg.Start, sg.End, ex.Start, ex.End)
				}
			}
			first, last := sg.matchSpan()
			if span := last.End - first.Start; span <= MaxRunes/2 && sg.End-sg.Start > MaxRunes {
				t.Fatalf("a passage of %d code points", sg.End-sg.Start)
			}
		}
	})
}

// BenchmarkDenseMatches is texts with a match every few bytes and no
// sentence end (a table dump, a list of names, undecodable bytes): the
// passages of thousands of matches in one text.
func BenchmarkDenseMatches(b *testing.B) {
	for _, tt := range []struct{ name, text, term string }{
		{"words-60KB", strings.Repeat("ab ", 20000), "ab"},
		{"spaced-60KB", strings.Repeat("ab"+strings.Repeat(" ", 58), 1000), "ab"},
		{"invalid-16KB", strings.Repeat("\xf0", 16000), "\xf0"},
	} {
		c := corpusOf(tt.text, map[string][]string{"space": {tt.term}})
		b.Run(tt.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Find(context.Background(), c, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuiltinCorpus finds the suggestions of the built-in corpus (five
// real documents, their terms) with nothing coded, so every match is cut
// its passage, in sentences and in clauses: ordinary prose.
func BenchmarkBuiltinCorpus(b *testing.B) {
	c, _, err := assets.LoadCorpus()
	if err != nil {
		b.Fatal(err)
	}
	c.Annotations, c.Rejections = nil, nil
	c.Derive()
	for b.Loop() {
		for _, unit := range []Unit{Sentence, Clause} {
			if _, err := Find(context.Background(), c, Options{Unit: unit}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
