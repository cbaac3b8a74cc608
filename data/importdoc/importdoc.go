// Package importdoc owns turning a document (plain text in any common
// encoding, an HTML page, a Word file, a PDF) into the UTF-8 text of a
// source, with what the document says of itself (title, author, date) and
// the ranges it proposes to exclude (a page's navigation and footers).
// Each kind of document has one Extractor; ForFile picks it by the file's
// name and checks that the bytes are what the name says. It reads bytes
// and writes nothing: Import puts the text into a corpus.
package importdoc

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// MaxFileBytes bounds a document to import: larger ones are refused, not
// read.
const MaxFileBytes = 64 << 20

// Document is what an extractor found in a document.
type Document struct {
	Text                     string // UTF-8, lines ended by "\n", pages by "\f"
	Title, Author, Published string // what the document says, when it does
	Exclude                  []Proposed
	Encoding                 string // of a text or HTML file, as read
	Pages                    int    // of a PDF
	FirstPage                int    // the number its first page bears, when it says (a PDF's page label)
}

// Proposed is a passage of Text the document's structure marks as
// furniture (navigation, a sidebar, a footer): proposed for exclusion,
// never deleted. Its text is as it stands in Text, where Import finds it.
type Proposed struct {
	Text   string
	Reason string
}

// Options are the user's choices for an import.
type Options struct {
	// Encoding overrides the detected encoding of a text or HTML file
	// (a WHATWG name: "utf-8", "utf-16le", "euc-kr", "windows-1252").
	Encoding string
	// Progress, when set, hears how far a long extraction is (a PDF's
	// pages read of all); it is called from the extracting goroutine.
	Progress func(done, total int)
}

// Extractor turns one kind of document into text.
type Extractor interface {
	// Name is the extractor and its version, recorded with each source it
	// makes.
	Name() string
	// Extract reads a document's bytes; it stops with ctx's error when ctx
	// is done.
	Extract(ctx context.Context, raw []byte, o Options) (Document, error)
}

// ErrNotWhatItSays is ForFile's error for bytes that do not match the
// file's extension.
var ErrNotWhatItSays = errors.New("the file is not what its name says")

// ForFile picks the extractor for a file by its extension, once its first
// bytes agree.
func ForFile(name string, raw []byte) (Extractor, error) {
	ext := strings.ToLower(filepath.Ext(name))
	zip := len(raw) >= 4 && string(raw[:4]) == "PK\x03\x04"
	pdf := len(raw) >= 5 && string(raw[:5]) == "%PDF-"
	switch ext {
	case ".txt", ".text", ".md":
		if zip || pdf || looksBinary(raw) {
			return nil, fmt.Errorf("%w: %s holds binary data, not text", ErrNotWhatItSays, filepath.Base(name))
		}
		return Text{}, nil
	case ".html", ".htm", ".xhtml":
		if zip || pdf || looksBinary(raw) {
			return nil, fmt.Errorf("%w: %s is not an HTML page", ErrNotWhatItSays, filepath.Base(name))
		}
		return HTML{}, nil
	case ".docx":
		if !zip {
			return nil, fmt.Errorf("%w: %s is not a Word (.docx) file, which is a zip", ErrNotWhatItSays, filepath.Base(name))
		}
		return Word{}, nil
	case ".pdf":
		if !pdf {
			return nil, fmt.Errorf("%w: %s does not start as a PDF does (%%PDF-)", ErrNotWhatItSays, filepath.Base(name))
		}
		return PDF{}, nil
	case ".doc":
		return nil, fmt.Errorf("%s is an old Word file (.doc); save it as .docx or PDF first", filepath.Base(name))
	}
	return nil, fmt.Errorf("%s: import reads .txt, .html, .htm, .docx and .pdf files", filepath.Base(name))
}

// looksBinary reports a NUL in the first 8 KiB (UTF-16 text has them, but
// starts with its byte-order mark).
func looksBinary(raw []byte) bool {
	if len(raw) >= 2 && (raw[0] == 0xFF && raw[1] == 0xFE || raw[0] == 0xFE && raw[1] == 0xFF) {
		return false
	}
	head := raw[:min(len(raw), 8<<10)]
	return strings.IndexByte(string(head), 0) >= 0
}

// tidy makes extracted text what a source file holds: "\n" line ends, no
// spaces at line ends, no NUL or other controls but tabs, line and page
// breaks, at most one blank line in a row, and a final line end.
func tidy(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			b.WriteRune(r)
		case r == '\t' || r == '\n' || r == '\f':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			// dropped: controls a source may not hold
		default:
			b.WriteRune(r)
		}
	}
	lines := strings.Split(b.String(), "\n")
	var out []string
	blank := 0
	for _, l := range lines {
		l = strings.TrimRight(l, " \t\u00a0")
		if strings.TrimSpace(l) == "" && !strings.Contains(l, "\f") {
			blank++
			if blank > 1 || len(out) == 0 {
				continue
			}
			out = append(out, "")
			continue
		}
		blank = 0
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return ""
	}
	return strings.Join(out, "\n") + "\n"
}
