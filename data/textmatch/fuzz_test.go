package textmatch

import (
	"testing"
	"unicode/utf8"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// FuzzAnchor anchors arbitrary quotes in arbitrary texts: no panic, spans
// within the text and on character boundaries, and an exact span reads as
// its quote once folded.
func FuzzAnchor(f *testing.F) {
	f.Add("The allies agreed on space cooperation.", "space cooperation", "", "", 21)
	f.Add("space and space", "space", "and ", "", -1)
	f.Add("the cafe\u0301 meeting", "café", "", "", -1)
	f.Add("a\r\nb\r\nspace", "b space", "", "", 3)
	f.Add("한미 국방장관", "국방장", "", "", -1)
	f.Add("strengthen their cooperation in space and cyberspace", "strenghten their cooperation in space", "", "", 0)
	f.Add("x", "\u0301", "", "", 0)
	f.Fuzz(func(t *testing.T, text, quote, prefix, suffix string, start int) {
		if !utf8.ValidString(text) || len(text) > 1<<16 || len(quote) > 1<<12 {
			return // the loader never anchors in invalid or oversized text
		}
		if start < -1 {
			start = -1
		}
		sel := Selector{Quote: quote, Prefix: prefix, Suffix: suffix, Start: start}
		a := NewText(text, nil).Anchor(sel)
		// A Text used for another text first (its fuzzy tables made too)
		// anchors as a fresh one.
		reused := NewText(quote+text+quote, nil)
		reused.Anchor(Selector{Quote: quote + "~", Start: -1})
		reused.Reset(text, nil)
		if again := reused.Anchor(sel); again != a {
			t.Fatalf("after Reset: %+v, fresh: %+v", again, a)
		}
		if a.Status == data.Orphaned {
			return
		}
		if a.ByteStart < 0 || a.ByteEnd > len(text) || a.ByteStart > a.ByteEnd {
			t.Fatalf("span %d–%d outside %d bytes", a.ByteStart, a.ByteEnd, len(text))
		}
		if !utf8.RuneStart(text[a.ByteStart]) || (a.ByteEnd < len(text) && !utf8.RuneStart(text[a.ByteEnd])) {
			t.Fatalf("span %d–%d cuts a character", a.ByteStart, a.ByteEnd)
		}
		if got := utf8.RuneCountInString(text[:a.ByteStart]); got != a.Start {
			t.Fatalf("start %d is byte %d, which is code point %d", a.Start, a.ByteStart, got)
		}
		if a.Status != data.Fuzzy && foldString(text[a.ByteStart:a.ByteEnd], false) != foldString(quote, false) {
			t.Fatalf("%v span %q does not read as %q", a.Status, text[a.ByteStart:a.ByteEnd], quote)
		}
	})
}
