package importdoc

import (
	"archive/zip"
	"bytes"
	"context"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/korean"
	utf16 "golang.org/x/text/encoding/unicode"
)

func mustEncode(t *testing.T, s string, e interface {
	Bytes([]byte) ([]byte, error)
}) []byte {
	t.Helper()
	out, err := e.Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Plain text in each encoding reads as the same UTF-8 text, the encoding
// named; line ends become "\n".
func TestTextEncodings(t *testing.T) {
	korean1 := "한미 국방장관은 확장억제를 재확인했다.\r\nThe allies met in Seoul.\r\n"
	want := "한미 국방장관은 확장억제를 재확인했다.\nThe allies met in Seoul.\n"
	latin := "Café — “the alliance” at 50 °C\n"
	for _, c := range []struct {
		name, encoding string
		raw            []byte
		want           string
	}{
		{"utf-8", "utf-8", []byte(korean1), want},
		{"utf-8 with a BOM", "utf-8", append([]byte{0xEF, 0xBB, 0xBF}, korean1...), want},
		{"utf-16le with a BOM", "utf-16le", mustEncode(t, korean1, utf16.UTF16(utf16.LittleEndian, utf16.UseBOM).NewEncoder()), want},
		{"utf-16be with a BOM", "utf-16be", mustEncode(t, korean1, utf16.UTF16(utf16.BigEndian, utf16.UseBOM).NewEncoder()), want},
		{"euc-kr", "euc-kr", mustEncode(t, korean1, korean.EUCKR.NewEncoder()), want},
		{"windows-1252", "windows-1252", mustEncode(t, latin, charmap.Windows1252.NewEncoder()), latin},
	} {
		doc, err := Text{}.Extract(context.Background(), c.raw, Options{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if doc.Text != c.want || doc.Encoding != c.encoding {
			t.Errorf("%s: %q as %s, want %q as %s", c.name, doc.Text, doc.Encoding, c.want, c.encoding)
		}
	}
	// The user's choice wins over the detection.
	doc, err := Text{}.Extract(context.Background(), mustEncode(t, latin, charmap.Windows1252.NewEncoder()), Options{Encoding: "iso-8859-1"})
	if err != nil || !strings.HasPrefix(doc.Text, "Caf") {
		t.Errorf("a chosen encoding: %q %v", doc.Text, err)
	}
	if _, err := (Text{}).Extract(context.Background(), []byte("x"), Options{Encoding: "klingon"}); err == nil {
		t.Error("an unknown encoding was taken")
	}
}

// A page in EUC-KR, declared in its meta tag, reads as UTF-8; its title,
// author and date fill the fields; its navigation and footer are
// proposed for exclusion and kept in the text; scripts are left out.
func TestHTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="euc-kr"><title>제54차 SCM 공동성명
 | 국방부</title><meta name="author" content="By 국방부 대변인"><meta property="article:published_time" content="2022-11-03T10:00:00+09:00">
<script>var x = "한미";</script><style>p{}</style></head><body>
<header><nav><a href="/">홈</a> <a href="/news">뉴스</a></nav></header>
<article><h1>공동성명</h1><p>양국 국방장관은   확장억제
 공약을 재확인했다.</p><p>The allies met in <b>Washington</b>.</p>
<table><tr><td>일시</td><td>2022.11.3</td></tr></table></article>
<aside>많이 본 뉴스</aside><footer>Copyright 국방부</footer></body></html>`
	raw := mustEncode(t, page, korean.EUCKR.NewEncoder())
	doc, err := HTML{}.Extract(context.Background(), raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Encoding != "euc-kr" || doc.Title != "제54차 SCM 공동성명 | 국방부" || doc.Author != "국방부 대변인" || doc.Published != "2022-11-03T10:00:00+09:00" {
		t.Errorf("fields: %q %q %q %q", doc.Encoding, doc.Title, doc.Author, doc.Published)
	}
	for _, want := range []string{"양국 국방장관은 확장억제 공약을 재확인했다.\n", "The allies met in Washington.\n", "일시\t2022.11.3\n", "홈 뉴스", "Copyright 국방부"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("the text lacks %q:\n%s", want, doc.Text)
		}
	}
	if strings.Contains(doc.Text, "var x") || strings.Contains(doc.Text, "p{}") {
		t.Errorf("a script or style is in the text:\n%s", doc.Text)
	}
	var reasons []string
	for _, p := range doc.Exclude {
		reasons = append(reasons, p.Reason+": "+p.Text)
	}
	if got := strings.Join(reasons, "; "); got != "the page's header: 홈 뉴스; a sidebar of the page: 많이 본 뉴스; the page's footer: Copyright 국방부" {
		t.Errorf("proposed: %s", got)
	}
}

// A page nested 100,000 elements deep is refused at once.
func TestHTMLTooDeep(t *testing.T) {
	page := strings.Repeat("<div>", 100000) + "x" + strings.Repeat("</div>", 100000)
	if _, err := (HTML{}).Extract(context.Background(), []byte(page), Options{}); err == nil || !strings.Contains(err.Error(), "nests its elements") {
		t.Errorf("got %v", err)
	}
}

// docx writes a Word file of parts (name → XML).
func docx(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for name, body := range parts {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// A Word file's body in order, its table as tab-separated lines, its
// footnote marked and placed after the body, a tracked deletion left out
// and an insertion kept, and its core properties.
func TestWord(t *testing.T) {
	body := `<w:document ` + wordNS + `><w:body>
<w:p><w:r><w:t>한미 동맹은</w:t></w:r><w:r><w:t xml:space="preserve"> 굳건하다</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
<w:p><w:r><w:t>The allies </w:t></w:r><w:del><w:r><w:delText>never </w:delText></w:r></w:del><w:ins><w:r><w:t>again </w:t></w:r></w:ins><w:r><w:t>met.</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Date</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>3 November</w:t></w:r></w:p><w:p><w:r><w:t>2022</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Place</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Washington</w:t><w:tab/><w:t>D.C.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>End.</w:t></w:r></w:p></w:body></w:document>`
	notes := `<w:footnotes ` + wordNS + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>----</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>Joint communiqué, para. 3.</w:t></w:r></w:p></w:footnote></w:footnotes>`
	core := `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>SCM notes</dc:title><dc:creator>Kim</dc:creator><dcterms:created>2022-11-04T00:00:00Z</dcterms:created></cp:coreProperties>`
	raw := docx(t, map[string]string{"word/document.xml": body, "word/footnotes.xml": notes, "docProps/core.xml": core, "[Content_Types].xml": "<Types/>"})
	if _, err := ForFile("notes.docx", raw); err != nil {
		t.Fatal(err)
	}
	doc, err := Word{}.Extract(context.Background(), raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "한미 동맹은 굳건하다[1].\nThe allies again met.\nDate\t3 November 2022\nPlace\tWashington\tD.C.\n\nEnd.\n\n[1] Joint communiqué, para. 3.\n"
	if doc.Text != want {
		t.Errorf("text:\n%q\nwant\n%q", doc.Text, want)
	}
	if doc.Title != "SCM notes" || doc.Author != "Kim" || doc.Published != "2022-11-04T00:00:00Z" {
		t.Errorf("fields %q %q %q", doc.Title, doc.Author, doc.Published)
	}
}

// Hostile and mistaken files are refused with a reason.
func TestBadDocuments(t *testing.T) {
	bomb := func() []byte {
		var b bytes.Buffer
		z := zip.NewWriter(&b)
		w, _ := z.Create("word/document.xml")
		w.Write([]byte(`<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>`))
		zeros := make([]byte, 1<<20)
		for range 80 {
			w.Write(zeros)
		}
		z.Close()
		return b.Bytes()
	}()
	for _, c := range []struct {
		name string
		raw  []byte
		want string
	}{
		{"escape.docx", docx(t, map[string]string{"word/document.xml": "<w:document/>", "../../evil.sh": "x"}), "points outside"},
		{"bomb.docx", bomb, "zip bomb"},
		{"notzip.docx", []byte("plain text, not a zip"), "not a Word"},
		{"fake.pdf", []byte("<html>not a pdf</html>"), "does not start as a PDF"},
		{"binary.txt", []byte("MZ\x00\x00\x90\x00binary"), "binary data"},
		{"old.doc", []byte("\xD0\xCF\x11\xE0"), "old Word file"},
		{"photo.jpg", []byte("\xFF\xD8\xFF"), "reads .txt"},
		{"nodoc.docx", docx(t, map[string]string{"word/styles.xml": "<x/>"}), "no word/document.xml"},
	} {
		x, err := ForFile(c.name, c.raw)
		if err == nil {
			_, err = x.Extract(context.Background(), c.raw, Options{})
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

// A PDF's soft hyphens at line ends join the word again, and ligatures are
// spelt out, so the text matches what a reader searches for.
func TestPDFPageText(t *testing.T) {
	for in, want := range map[string]string{
		"extended deter\u00adrence\r\nand more":    "extended deterrence\nand more",
		"cooper\x02\nation":                        "cooperation",
		"\ufb01rst e\ufb00orts in \ufb02ight":      "first efforts in flight",
		"U.S.-ROK alliance-\nwide (a real hyphen)": "U.S.-ROK alliance-\nwide (a real hyphen)",
	} {
		if got := pdfPageText(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// Right-to-left text keeps its logical order, and a page's dir attribute
// changes nothing of the text.
func TestHTMLRightToLeft(t *testing.T) {
	page := `<html dir="rtl"><head><meta charset="utf-8"><title>بيان</title></head><body><p>التحالف بين الولايات المتحدة وكوريا</p><p dir="ltr">The alliance</p><p>ברית</p></body></html>`
	doc, err := HTML{}.Extract(context.Background(), []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "التحالف بين الولايات المتحدة وكوريا\n\nThe alliance\n\nברית\n"; doc.Text != want || doc.Title != "بيان" {
		t.Errorf("text %q, title %q", doc.Text, doc.Title)
	}
}

// A page label that is a number numbers the pages; others do not.
func TestPageNumber(t *testing.T) {
	for label, want := range map[string]int{"409": 409, " 12 ": 12, "iv": 0, "A-1": 0, "": 0, "0": 0} {
		if got := pageNumber(label); got != want {
			t.Errorf("%q: %d, want %d", label, got, want)
		}
	}
}
