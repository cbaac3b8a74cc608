package importdoc

import (
	"context"
	"errors"
)

// PDF reads a PDF's text layer, page by page.
type PDF struct{}

// Name implements Extractor.
func (PDF) Name() string { return "alliance-timeline pdf 0" }

// Extract implements Extractor.
func (PDF) Extract(ctx context.Context, raw []byte, o Options) (Document, error) {
	return Document{}, errors.New("PDF import is not built yet: save the PDF as text (pdftotext) and import the .txt")
}
