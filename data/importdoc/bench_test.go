package importdoc

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"github.com/alliance-timeline/alliance-timeline/assets"
)

// BenchmarkHTMLPage extracts a news page of about 60 KiB: navigation,
// an article of 300 paragraphs in Korean and English, a sidebar and a
// footer. Target: at most 100 ms.
func BenchmarkHTMLPage(b *testing.B) {
	var page strings.Builder
	page.WriteString(`<html><head><meta charset="utf-8"><title>News</title><script>var x = 1;</script></head><body><header><nav>`)
	for i := range 50 {
		fmt.Fprintf(&page, `<a href="/s/%d">Section %d</a> `, i, i)
	}
	page.WriteString(`</nav></header><article>`)
	for i := range 300 {
		fmt.Fprintf(&page, `<p>%d. 양국 국방장관은 미국의 확장억제 공약을 재확인하였다. The allies reaffirmed <b>extended deterrence</b> and <a href="#">cooperation</a> in space and cyberspace.</p>`, i)
	}
	page.WriteString(`</article><aside>`)
	for i := range 40 {
		fmt.Fprintf(&page, `<div class="item">Most viewed %d</div>`, i)
	}
	page.WriteString(`</aside><footer>Copyright</footer></body></html>`)
	raw := []byte(page.String())
	for b.Loop() {
		if _, err := (HTML{}).Extract(context.Background(), raw, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(raw))/1024, "KiB")
}

// BenchmarkPDF400Pages extracts a 400-page PDF of English and Korean text
// (40 lines a page), the engine started before (BenchmarkPDFEngineStart
// is the start). Target: at most 10 s.
func BenchmarkPDF400Pages(b *testing.B) {
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("nanum", "", assets.NanumGothic)
	p.SetFont("nanum", "", 9)
	for page := range 400 {
		p.AddPage()
		for line := range 40 {
			p.Cell(0, 6, fmt.Sprintf("%d.%d 한미 국방장관은 확장억제 공약을 재확인하였다. The allies met again.", page+1, line+1))
			p.Ln(6)
		}
	}
	var buf strings.Builder
	if err := p.Output(&buf); err != nil {
		b.Fatal(err)
	}
	raw := []byte(buf.String())
	if _, err := pdfEngine(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		doc, err := PDF{}.Extract(context.Background(), raw, Options{})
		if err != nil || doc.Pages != 400 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(raw))/(1<<20), "MiB")
}
