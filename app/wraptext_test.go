package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Runs wrap at word ends, never inside a word where a bold run begins, on
// at most the lines given, the last ending in an ellipsis when words are
// left over; every line fits the width.
func TestWrapKeepsWordsWhole(t *testing.T) {
	test.NewTempApp(t)
	size := float32(14)
	runs := []run{{text: "… Oct. 24, 2012 – U.S. and South Korean militaries will "}, {text: "continue their close cooperation against wide-ranging global security challenges", bold: true}, {text: " and strengthen their cooperation in space and cyberspace, Defense Secretary said."}}
	for _, width := range []float32{120, 200, 333, 480} {
		got := wrap(runs, width, 3, size)
		lines := map[int]float32{}
		var words []string
		for _, p := range got {
			end := p.x + fyne.MeasureText(strings.TrimRight(p.text, " "), size, fyne.TextStyle{Bold: p.bold}).Width
			lines[p.line] = max(lines[p.line], end)
			words = append(words, strings.Fields(p.text)...)
		}
		if len(lines) > 3 {
			t.Errorf("width %v: %d lines", width, len(lines))
		}
		for l, end := range lines {
			if end > width+0.5 {
				t.Errorf("width %v: line %d ends at %v", width, l, end)
			}
		}
		whole := strings.Fields(runs[0].text + runs[1].text + runs[2].text)
		for i, w := range words {
			if strings.HasSuffix(w, "…") && i == len(words)-1 {
				w = strings.TrimSuffix(w, "…")
				if w == "" || strings.HasPrefix(whole[i], w) {
					continue
				}
			}
			if i >= len(whole) || w != whole[i] {
				t.Errorf("width %v: word %d is %q, want %q", width, i, w, whole[i])
				break
			}
		}
		if width < 480 && !strings.HasSuffix(words[len(words)-1], "…") {
			t.Errorf("width %v: the words left over are not marked", width)
		}
	}
}
