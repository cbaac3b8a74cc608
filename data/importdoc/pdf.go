package importdoc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
)

// PDF reads a PDF's text layer page by page, pages separated by a form
// feed ("\f"), with PDFium compiled to WebAssembly (no cgo). The engine
// starts at the first PDF import, never before, and mounts no file system:
// it sees the bytes it is given and nothing else. The document's info
// fills the title, author and date.
type PDF struct{}

// Name implements Extractor.
func (PDF) Name() string {
	return "alliance-timeline pdf 1 (PDFium, github.com/klippa-app/go-pdfium v1.21.4)"
}

// engine is the one PDFium instance; it serves one document at a time.
var engine struct {
	once     sync.Once
	mu       sync.Mutex
	pool     pdfium.Pool
	instance pdfium.Pdfium
	err      error
}

func pdfEngine() (pdfium.Pdfium, error) {
	engine.once.Do(func() {
		engine.pool, engine.err = webassembly.Init(webassembly.Config{
			MinIdle: 1, MaxIdle: 1, MaxTotal: 1,
			FSConfig: wazero.NewFSConfig(), // no mounts: the engine reads only the bytes it is handed
			Stdout:   io.Discard, Stderr: io.Discard,
		})
		if engine.err == nil {
			engine.instance, engine.err = engine.pool.GetInstance(30 * time.Second)
		}
		if engine.err != nil {
			engine.err = fmt.Errorf("the PDF engine did not start: %w", engine.err)
		}
	})
	return engine.instance, engine.err
}

// Extract implements Extractor.
func (PDF) Extract(ctx context.Context, raw []byte, o Options) (Document, error) {
	var doc Document
	pdf, err := pdfEngine()
	if err != nil {
		return doc, err
	}
	engine.mu.Lock()
	defer engine.mu.Unlock()
	opened, err := pdf.OpenDocument(&requests.OpenDocument{File: &raw})
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword):
		return doc, errors.New("the PDF is protected by a password; open it, save a copy without one, and import that")
	case err != nil:
		return doc, fmt.Errorf("the PDF cannot be read (it may be damaged): %v", err)
	}
	defer pdf.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: opened.Document})
	count, err := pdf.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: opened.Document})
	if err != nil {
		return doc, fmt.Errorf("the PDF's pages cannot be counted: %v", err)
	}
	doc.Pages = count.PageCount
	var pages []string
	letters := 0
	for i := range count.PageCount {
		if ctx.Err() != nil {
			return doc, ctx.Err()
		}
		text, err := pdf.GetPageText(&requests.GetPageText{Page: requests.Page{ByIndex: &requests.PageByIndex{Document: opened.Document, Index: i}}})
		if err != nil {
			return doc, fmt.Errorf("page %d cannot be read: %v", i+1, err)
		}
		page := pdfPageText(text.Text)
		for _, r := range page {
			if r > ' ' {
				letters++
			}
		}
		pages = append(pages, page)
		if o.Progress != nil {
			o.Progress(i+1, count.PageCount)
		}
	}
	if letters == 0 {
		return doc, errors.New("the PDF has no text layer (a scan?): run OCR on it first, then import the result")
	}
	doc.Text = tidy(strings.Join(pages, "\n\f")) // each page starts a line
	meta := func(tag string) string {
		v, err := pdf.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: opened.Document, Tag: tag})
		if err != nil {
			return ""
		}
		return strings.TrimSpace(v.Value)
	}
	doc.Title, doc.Author, doc.Published = meta("Title"), meta("Author"), pdfDate(meta("CreationDate"))
	if label, err := pdf.FPDF_GetPageLabel(&requests.FPDF_GetPageLabel{Document: opened.Document, Page: 0}); err == nil {
		doc.FirstPage = pageNumber(label.Label)
	}
	return doc, nil
}

// pageNumber reads a page label that is a number ("409"); 0 for others
// ("iv", "A-1").
func pageNumber(label string) int {
	n, err := strconv.Atoi(strings.TrimSpace(label))
	if err != nil || n < 1 {
		return 0
	}
	return n
}

// pdfPageText cleans PDFium's text of a page: its line ends, the soft
// hyphens it marks words broken at a line's end with (joined again), and
// typographic ligatures (ﬁ as fi).
func pdfPageText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, hyphen := range []string{"\u00ad\n", "\x02\n", "\u00ad", "\x02"} {
		s = strings.ReplaceAll(s, hyphen, "")
	}
	return ligatures.Replace(s)
}

var ligatures = strings.NewReplacer("\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl", "\ufb05", "st", "\ufb06", "st")

// pdfDate turns a PDF date ("D:20221103093000+09'00'") into YYYY-MM-DD.
func pdfDate(s string) string {
	s = strings.TrimPrefix(s, "D:")
	if len(s) >= 8 && strings.Trim(s[:8], "0123456789") == "" {
		return s[:4] + "-" + s[4:6] + "-" + s[6:8]
	}
	return ""
}
