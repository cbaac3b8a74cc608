// Command e2e-documents writes the documents the e2e walk imports into a
// new corpus: a web page in EUC-KR, a two-page PDF with English and Korean
// text (NanumGothic embedded), and a Word file, into the folder it is
// given.
package main

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"

	"github.com/go-pdf/fpdf"
	"golang.org/x/text/encoding/korean"

	"github.com/alliance-timeline/alliance-timeline/assets"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: e2e-documents DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	if err := write(dir); err != nil {
		fmt.Fprintln(os.Stderr, "e2e-documents:", err)
		os.Exit(1)
	}
}

func write(dir string) error {
	page, err := korean.EUCKR.NewEncoder().Bytes([]byte(`<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>제54차 한미안보협의회의 공동성명</title><meta name="author" content="국방부"></head><body>
<nav><a href="/">홈</a> | <a href="/news">보도자료</a></nav>
<article><h1>제54차 SCM 공동성명</h1><p>양국 국방장관은 미국의 확장억제 공약을 재확인하였다.</p>
<p>The Secretary reaffirmed the U.S. commitment to extended deterrence for the Republic of Korea.</p></article>
<footer>Copyright 국방부. All rights reserved.</footer></body></html>`))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "scm54.html"), page, 0o644); err != nil {
		return err
	}
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("nanum", "", assets.NanumGothic)
	p.SetFont("nanum", "", 12)
	p.SetTitle("2022 Defense White Paper, appendix", true)
	p.SetAuthor("Ministry of National Defense", true)
	for _, lines := range [][]string{
		{"13. 한미 국방장관은 확장억제 공약을 재확인하였다.", "The Minister and the Secretary reaffirmed the alliance's extended deterrence.", "They agreed to strengthen cooperation in space and cyberspace."},
		{"14. Both sides noted the trilateral security cooperation with Japan.", "15. 양측은 한미일 안보협력의 중요성에 주목하였다."},
	} {
		p.AddPage()
		for _, l := range lines {
			p.Cell(0, 8, l)
			p.Ln(9)
		}
	}
	if err := p.OutputFileAndClose(filepath.Join(dir, "whitepaper.pdf")); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, "memo.docx"))
	if err != nil {
		return err
	}
	z := zip.NewWriter(f)
	w, err := z.Create("word/document.xml")
	if err != nil {
		return err
	}
	fmt.Fprint(w, `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`+
		`<w:p><w:r><w:t>Notes on the 54th SCM: the allies committed to enhanced cooperation.</w:t></w:r></w:p>`+
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Date</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>November 2022</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`+
		`</w:body></w:document>`)
	if err := z.Close(); err != nil {
		return err
	}
	return f.Close()
}
