package textmatch

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Many source files are hard-wrapped: captured pages and press releases
// break their lines at a width of their own, and a view that keeps those
// breaks and wraps again at its own width gives ragged lines. A line break
// is kept (as a paragraph) only where a reader would see one; any other
// break is a space, and the text re-flows at the view's width:
//   - a blank line;
//   - a line that ends a sentence (. ! ? : or a closing quote after one)
//     followed by a line that starts with a capital, a digit, a quote, a
//     bullet or a dash, indented or not;
//   - a short line (under 60% of the text's usual line) followed by a
//     capital: a heading, a dateline, a signature.

// ParagraphBreaks reports, for each line break of text (by its byte
// offset), whether it ends a paragraph.
func ParagraphBreaks(text string) map[int]bool {
	lines := strings.Split(text, "\n")
	trim := func(s string) string { return strings.Trim(s, " \t\r\x00\u00a0") } // the view's CR LF is "\n\x00"
	var lengths []int
	for _, l := range lines {
		if n := utf8.RuneCountInString(trim(l)); n > 0 {
			lengths = append(lengths, n)
		}
	}
	usual := 0
	if len(lengths) > 0 {
		slices.Sort(lengths)
		usual = lengths[len(lengths)*3/4] // most hard-wrapped lines are near the width
	}
	out := map[int]bool{}
	at := 0
	for i := 0; i < len(lines)-1; i++ {
		at += len(lines[i])
		prev, next := trim(lines[i]), trim(lines[i+1])
		out[at] = prev == "" || next == "" || endsSentence(prev) && startsParagraph(next) ||
			float64(utf8.RuneCountInString(prev)) < 0.6*float64(usual) && startsParagraph(next)
		at++ // the "\n"
	}
	return out
}

func endsSentence(line string) bool {
	line = strings.TrimRight(line, "\"'”’)]»")
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?:。！？", r)
}

func startsParagraph(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘«•–—-*(", r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Han, r)
}
