package importdoc

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// HTML reads a web page's text, decoded through its declared charset (or
// the one its bytes show; Options.Encoding overrides both). Blocks end
// lines; scripts, styles and forms are left out; the page's navigation,
// headers, footers and sidebars are kept and proposed for exclusion; the
// title and the author and date meta tags fill the source's fields.
type HTML struct{}

// Name implements Extractor.
func (HTML) Name() string { return "alliance-timeline html 1 (golang.org/x/net/html)" }

// maxDepth bounds how deeply a page's elements may nest: a real page is a
// few dozen deep, and a hostile one of 100,000 would cost the walk dearly.
const maxDepth = 2000

// Extract implements Extractor.
func (HTML) Extract(ctx context.Context, raw []byte, o Options) (Document, error) {
	var doc Document
	text, name := "", o.Encoding
	if name == "" {
		enc, label, _ := charset.DetermineEncoding(raw, "text/html")
		out, err := enc.NewDecoder().Bytes(raw)
		if err != nil {
			return doc, fmt.Errorf("the page is not %s: %w", label, err)
		}
		text, name = string(out), label
	} else {
		var err error
		if text, name, err = decode(raw, name); err != nil {
			return doc, err
		}
	}
	doc.Encoding = name
	if depth := nesting(text); depth > maxDepth {
		return doc, fmt.Errorf("the page nests its elements %d deep (a page is a few dozen): not a page to import", depth)
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return doc, fmt.Errorf("the page does not parse: %w", err)
	}
	w := &htmlWalker{ctx: ctx, doc: &doc}
	if err := w.walk(root, 0); err != nil {
		return doc, err
	}
	doc.Text = tidy(w.out.String())
	for _, f := range w.furniture {
		if t := strings.TrimSpace(tidy(f.Text)); t != "" {
			doc.Exclude = append(doc.Exclude, Proposed{Text: t, Reason: f.Reason})
		}
	}
	doc.Title = strings.Join(strings.Fields(doc.Title), " ")
	return doc, nil
}

// nesting is how deeply the page's tags nest, counted from the tags alone
// (before parsing).
func nesting(s string) int {
	z := html.NewTokenizer(strings.NewReader(s))
	depth, deepest := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deepest
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidElement(atom.Lookup(name)) {
				depth++
				deepest = max(deepest, depth)
			}
		case html.EndTagToken:
			depth = max(0, depth-1)
		}
	}
}

func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input, atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr, atom.P, atom.Li:
		return true // p and li close themselves often; not counted
	}
	return false
}

type htmlWalker struct {
	ctx       context.Context
	doc       *Document
	out       strings.Builder
	furniture []Proposed // the text of each piece of furniture, as written out
	nodes     int
}

// furnitureReason names the elements a page's furniture is made of.
func furnitureReason(n *html.Node) string {
	switch n.DataAtom {
	case atom.Nav:
		return "the page's navigation"
	case atom.Aside:
		return "a sidebar of the page"
	case atom.Footer:
		return "the page's footer"
	case atom.Header:
		if !inside(n, atom.Article) {
			return "the page's header"
		}
	}
	role := attr(n, "role")
	switch role {
	case "navigation", "banner", "contentinfo", "complementary":
		return "the page's " + map[string]string{"navigation": "navigation", "banner": "banner", "contentinfo": "footer", "complementary": "sidebar"}[role]
	}
	return ""
}

func inside(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == a {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func block(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Dd, atom.Div, atom.Dl, atom.Dt,
		atom.Figcaption, atom.Figure, atom.Footer, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Header, atom.Hr, atom.Li, atom.Main, atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section,
		atom.Table, atom.Tr, atom.Ul, atom.Caption:
		return true
	}
	return false
}

func (w *htmlWalker) walk(n *html.Node, depth int) error {
	if w.nodes++; w.nodes%4096 == 0 && w.ctx.Err() != nil {
		return w.ctx.Err()
	}
	switch n.Type {
	case html.TextNode:
		if inside(n, atom.Title) {
			return nil
		}
		t := n.Data
		if !inside(n, atom.Pre) {
			t = collapse(t)
		}
		w.out.WriteString(t)
		return nil
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Iframe, atom.Object, atom.Form, atom.Select, atom.Button:
			return nil
		case atom.Title:
			if w.doc.Title == "" && n.FirstChild != nil {
				w.doc.Title = n.FirstChild.Data
			}
			return nil
		case atom.Meta:
			w.meta(n)
			return nil
		case atom.Br:
			w.out.WriteString("\n")
			return nil
		case atom.Td, atom.Th:
			if n.PrevSibling != nil {
				w.out.WriteString("\t")
			}
		}
	}
	if block(n.DataAtom) {
		w.out.WriteString("\n")
	}
	reason := ""
	if n.Type == html.ElementNode {
		reason = furnitureReason(n)
	}
	start := w.out.Len()
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if err := w.walk(c, depth+1); err != nil {
			return err
		}
	}
	if reason != "" && !w.inFurniture(n) {
		w.furniture = append(w.furniture, Proposed{Text: w.out.String()[start:], Reason: reason})
	}
	if block(n.DataAtom) {
		w.out.WriteString("\n")
	}
	return nil
}

// inFurniture reports whether an element lies in furniture already
// proposed whole (a nav inside a header).
func (w *htmlWalker) inFurniture(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && furnitureReason(p) != "" {
			return true
		}
	}
	return false
}

func (w *htmlWalker) meta(n *html.Node) {
	name := strings.ToLower(attr(n, "name") + attr(n, "property"))
	content := strings.TrimSpace(attr(n, "content"))
	if content == "" {
		return
	}
	switch name {
	case "author", "article:author", "dc.creator", "byl":
		if w.doc.Author == "" {
			w.doc.Author = strings.TrimPrefix(content, "By ")
		}
	case "date", "pubdate", "article:published_time", "dc.date", "dcterms.date", "og:updated_time":
		if w.doc.Published == "" {
			w.doc.Published = content
		}
	case "og:title":
		if w.doc.Title == "" {
			w.doc.Title = content
		}
	}
}

// collapse folds runs of white space (line breaks in the HTML source are
// spaces) to one space: ASCII white space only, as HTML folds it (a
// no-break space stays; textmatch's folding, for search, is wider).
func collapse(s string) string {
	var b bytes.Buffer
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
