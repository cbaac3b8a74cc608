package importdoc

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Word reads a Word file (.docx): the body's paragraphs in order, tables
// as lines of tab-separated cells, footnotes and endnotes after the body
// with their markers ([1] in the text, "[1] …" below), tracked deletions
// left out and insertions kept; the file's core properties fill the title,
// author and date.
type Word struct{}

// Name implements Extractor.
func (Word) Name() string { return "alliance-timeline docx 1 (archive/zip, encoding/xml)" }

// Limits on what a .docx may unpack to: a zip bomb stops at them.
const (
	maxUnpackedPart  = 64 << 20 // one part (document.xml, footnotes.xml)
	maxUnpackedRatio = 200      // unpacked bytes per packed byte, for a part over 1 MiB
)

// Extract implements Extractor.
func (Word) Extract(ctx context.Context, raw []byte, o Options) (Document, error) {
	var doc Document
	z, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return doc, fmt.Errorf("the file is not a readable zip (a .docx is one): %w", err)
	}
	parts := map[string]*zip.File{}
	for _, f := range z.File {
		name := f.Name
		if strings.HasPrefix(name, "/") || strings.Contains(name, "\\") || path.Clean(name) != name || strings.HasPrefix(name, "../") || name == ".." {
			return doc, fmt.Errorf("the file holds an entry named %q, which no Word file has (it points outside the package)", name)
		}
		parts[name] = f
	}
	body, ok := parts["word/document.xml"]
	if !ok {
		return doc, errors.New("the file has no word/document.xml: not a Word document")
	}
	read := func(f *zip.File) ([]byte, error) {
		if f.UncompressedSize64 > maxUnpackedPart || f.UncompressedSize64 > 1<<20 && f.UncompressedSize64 > maxUnpackedRatio*max(f.CompressedSize64, 1) {
			return nil, fmt.Errorf("%s unpacks to %d bytes from %d: a zip bomb, not a document", f.Name, f.UncompressedSize64, f.CompressedSize64)
		}
		r, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer r.Close()
		out, err := io.ReadAll(io.LimitReader(r, maxUnpackedPart+1))
		if err == nil && len(out) > maxUnpackedPart {
			err = fmt.Errorf("%s unpacks to more than %d bytes", f.Name, maxUnpackedPart)
		}
		return out, err
	}
	xmlBody, err := read(body)
	if err != nil {
		return doc, err
	}
	var text strings.Builder
	if err := wordText(ctx, xmlBody, &text, "body"); err != nil {
		return doc, err
	}
	for _, notes := range []struct{ part, kind string }{{"word/footnotes.xml", "footnote"}, {"word/endnotes.xml", "endnote"}} {
		f, ok := parts[notes.part]
		if !ok {
			continue
		}
		x, err := read(f)
		if err != nil {
			return doc, err
		}
		var b strings.Builder
		if err := wordText(ctx, x, &b, notes.kind); err != nil {
			return doc, err
		}
		if strings.TrimSpace(b.String()) != "" {
			text.WriteString("\n\n" + b.String())
		}
	}
	if f, ok := parts["docProps/core.xml"]; ok {
		if x, err := read(f); err == nil {
			coreProperties(x, &doc)
		}
	}
	doc.Text = tidy(text.String())
	return doc, nil
}

// wordText writes the text of a WordprocessingML part: the body, or the
// footnotes or endnotes (kind), each note as "[id] text" on its lines.
func wordText(ctx context.Context, x []byte, out *strings.Builder, kind string) error {
	d := xml.NewDecoder(bytes.NewReader(x))
	d.Strict = false
	var deleted, inText, inNote int
	cells := 0 // cells written in the current table row
	paragraphInCell := false
	n := 0
	for {
		if n++; n%8192 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("the %s does not parse as XML: %w", kind, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "del", "moveFrom":
				deleted++
			case "t", "delText":
				inText++
			case "tab":
				if deleted == 0 {
					out.WriteString("\t")
				}
			case "br", "cr":
				if deleted == 0 {
					out.WriteString("\n")
				}
			case "tr":
				cells = 0
			case "tc":
				if cells > 0 {
					out.WriteString("\t")
				}
				cells++
				paragraphInCell = false
			case "p":
				if cells > 0 && paragraphInCell {
					out.WriteString(" ") // paragraphs of one cell stay on its line
				}
			case "footnoteReference", "endnoteReference":
				if deleted == 0 {
					out.WriteString("[" + attrValue(t, "id") + "]")
				}
			case "footnote", "endnote":
				id := attrValue(t, "id")
				typ := attrValue(t, "type")
				if typ == "separator" || typ == "continuationSeparator" || typ == "continuationNotice" {
					if err := d.Skip(); err != nil {
						return err
					}
					continue
				}
				inNote++
				out.WriteString("[" + id + "] ")
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "del", "moveFrom":
				deleted = max(0, deleted-1)
			case "t", "delText":
				inText = max(0, inText-1)
			case "p":
				if cells > 0 {
					paragraphInCell = true
				} else {
					out.WriteString("\n")
				}
			case "tr":
				out.WriteString("\n")
				cells = 0
			case "tbl":
				out.WriteString("\n")
			case "footnote", "endnote":
				inNote = max(0, inNote-1)
				out.WriteString("\n")
			}
		case xml.CharData:
			if inText > 0 && deleted == 0 {
				out.Write(t)
			}
		}
	}
}

func attrValue(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// coreProperties reads the title, creator and creation date of
// docProps/core.xml.
func coreProperties(x []byte, doc *Document) {
	var core struct {
		Title   string `xml:"title"`
		Creator string `xml:"creator"`
		Created string `xml:"created"`
	}
	if xml.Unmarshal(x, &core) == nil {
		doc.Title = strings.TrimSpace(core.Title)
		doc.Author = strings.TrimSpace(core.Creator)
		doc.Published = strings.TrimSpace(core.Created)
	}
}
