package importdoc

import (
	"bytes"
	"context"
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/korean"
	utf16 "golang.org/x/text/encoding/unicode"
)

// Text reads plain text in UTF-8 (with or without a byte-order mark),
// UTF-16 with a byte-order mark, EUC-KR or Windows-1252: the encoding is
// detected, or given (Options.Encoding).
type Text struct{}

// Name implements Extractor.
func (Text) Name() string { return "alliance-timeline text 1" }

// Extract implements Extractor.
func (Text) Extract(ctx context.Context, raw []byte, o Options) (Document, error) {
	text, name, err := decode(raw, o.Encoding)
	if err != nil {
		return Document{}, err
	}
	return Document{Text: tidy(text), Encoding: name}, nil
}

// decode turns bytes into UTF-8 by the named encoding, or by the one
// detected: a byte-order mark, valid UTF-8, EUC-KR when the bytes read as
// Korean in it, else Windows-1252 (which reads any bytes).
func decode(raw []byte, name string) (string, string, error) {
	if name != "" {
		enc, err := htmlindex.Get(name)
		if err != nil {
			return "", "", fmt.Errorf("%q is not an encoding this knows (try utf-8, utf-16le, euc-kr or windows-1252)", name)
		}
		canonical, _ := htmlindex.Name(enc)
		out, err := enc.NewDecoder().Bytes(raw)
		if err != nil {
			return "", "", fmt.Errorf("the file is not %s: %w", canonical, err)
		}
		return string(bytes.TrimPrefix(out, []byte("\uFEFF"))), canonical, nil
	}
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return decodeWith(raw[3:], encoding.Nop, "utf-8")
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return decodeWith(raw, utf16.UTF16(utf16.LittleEndian, utf16.ExpectBOM), "utf-16le")
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return decodeWith(raw, utf16.UTF16(utf16.BigEndian, utf16.ExpectBOM), "utf-16be")
	case utf8.Valid(raw):
		return string(raw), "utf-8", nil
	case readsAsKorean(raw):
		return decodeWith(raw, korean.EUCKR, "euc-kr")
	}
	return decodeWith(raw, charmap.Windows1252, "windows-1252")
}

func decodeWith(raw []byte, enc encoding.Encoding, name string) (string, string, error) {
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", "", fmt.Errorf("the file is not %s: %w", name, err)
	}
	return string(out), name, nil
}

// readsAsKorean reports whether bytes that are not UTF-8 decode as EUC-KR
// without a bad sequence and mostly into Hangul where they are not ASCII.
func readsAsKorean(raw []byte) bool {
	out, err := korean.EUCKR.NewDecoder().Bytes(raw)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return false
	}
	hangul, other := 0, 0
	for _, r := range string(out) {
		switch {
		case r < 0x80:
		case unicode.Is(unicode.Hangul, r):
			hangul++
		default:
			other++
		}
	}
	return hangul > 0 && hangul >= 2*other
}
