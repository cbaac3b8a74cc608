package suggest

import (
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data"
)

func TestSentencesCoverTheTextInOrder(t *testing.T) {
	text := "The ministers met. They agreed on space.\n\nA new paragraph, with a clause; and another. Excluded part. Last one"
	ex := strings.Index(text, "Excluded part.")
	s := &data.Source{Text: text, Excluded: []data.Range{{Start: ex, End: ex + len("Excluded part.")}}}
	var got []string
	for _, r := range Sentences(s, Sentence) {
		got = append(got, text[r[0]:r[1]])
	}
	want := []string{"The ministers met.", "They agreed on space.", "A new paragraph, with a clause; and another.", "Last one"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences %q, want %q", got, want)
	}
	var paragraphs []string
	for _, r := range Paragraphs(s) {
		paragraphs = append(paragraphs, text[r[0]:r[1]])
	}
	if want := []string{"The ministers met. They agreed on space.", "A new paragraph, with a clause; and another.", "Last one"}; strings.Join(paragraphs, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs %q, want %q", paragraphs, want)
	}
	clauses := Sentences(s, Clause)
	if len(clauses) <= len(got) {
		t.Errorf("%d clauses for %d sentences", len(clauses), len(got))
	}
	for i := 1; i < len(clauses); i++ {
		if clauses[i][0] < clauses[i-1][1] {
			t.Fatalf("clauses overlap: %v", clauses)
		}
	}
}
