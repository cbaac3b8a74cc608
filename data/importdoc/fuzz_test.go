package importdoc

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// Any bytes given as a text file, a page or a Word file are read or
// refused: never a panic, and what is read is valid UTF-8 without NUL,
// lines ended by "\n", as a source file must be.
func FuzzExtract(f *testing.F) {
	f.Add([]byte("plain text\r\nwith lines"), 0)
	f.Add([]byte("<html><head><meta charset=euc-kr><title>t</title></head><body><nav>n</nav><p>\xc7\xd1\xb9\xcc</p></body></html>"), 1)
	f.Add([]byte("PK\x03\x04 not really"), 2)
	f.Add([]byte("\xff\xfeh\x00i\x00"), 0)
	f.Fuzz(func(t *testing.T, raw []byte, kind int) {
		x := []Extractor{Text{}, HTML{}, Word{}}[uint(kind)%3]
		doc, err := x.Extract(context.Background(), raw, Options{})
		if err != nil {
			return
		}
		if !utf8.ValidString(doc.Text) || strings.ContainsAny(doc.Text, "\x00\r") {
			t.Fatalf("%s made text a source may not hold: %q", x.Name(), doc.Text)
		}
		for _, p := range doc.Exclude {
			if !strings.Contains(doc.Text, p.Text) {
				t.Fatalf("proposed furniture %q is not in the text", p.Text)
			}
		}
	})
}
