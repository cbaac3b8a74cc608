package importdoc

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"github.com/alliance-timeline/alliance-timeline/assets"
)

// makePDF writes a PDF of pages of text lines, in NanumGothic (so Hangul
// is there), and lets draw add to it.
func makePDF(t *testing.T, pages [][]string, draw func(*fpdf.Fpdf)) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("nanum", "", assets.NanumGothic)
	p.SetFont("nanum", "", 11)
	p.SetTitle("2020 국방백서 부록", true)
	p.SetAuthor("Ministry of National Defense", true)
	if draw != nil {
		draw(p)
	}
	for _, lines := range pages {
		p.AddPage()
		for _, l := range lines {
			p.Cell(0, 7, l)
			p.Ln(7)
		}
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The text of a PDF page by page, Hangul and English, with the pages
// apart; its info fills the fields; a two-column page reads column by
// column.
func TestPDF(t *testing.T) {
	raw := makePDF(t, [][]string{
		{"13. 한미 국방장관은 확장억제 공약을 재확인하였다.", "The Secretary reaffirmed the commitment."},
		{"14. Both sides noted the efficient use of space and cyber."},
	}, nil)
	x, err := ForFile("whitepaper.pdf", raw)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := x.Extract(context.Background(), raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "13. 한미 국방장관은 확장억제 공약을 재확인하였다.\nThe Secretary reaffirmed the commitment.\n\f14. Both sides noted the efficient use of space and cyber.\n"
	if doc.Text != want || doc.Pages != 2 {
		t.Errorf("text (%d pages):\n%q\nwant\n%q", doc.Pages, doc.Text, want)
	}
	if doc.Title != "2020 국방백서 부록" || doc.Author != "Ministry of National Defense" {
		t.Errorf("title %q, author %q", doc.Title, doc.Author)
	}
	twoColumns := makePDF(t, nil, func(p *fpdf.Fpdf) {
		p.AddPage()
		p.SetXY(10, 20)
		p.MultiCell(85, 7, "Left column first line\nleft column second line", "", "L", false)
		p.SetXY(110, 20)
		p.MultiCell(85, 7, "Right column first line\nright column second line", "", "L", false)
	})
	doc, err = PDF{}.Extract(context.Background(), twoColumns, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if l, r := strings.Index(doc.Text, "left column second line"), strings.Index(doc.Text, "Right column first line"); l < 0 || r < 0 || l > r {
		t.Errorf("two columns read out of order:\n%s", doc.Text)
	}
}

// A scan (an image, no text), a PDF with a password and a damaged one are
// refused with what to do.
func TestBadPDFs(t *testing.T) {
	scan := makePDF(t, nil, func(p *fpdf.Fpdf) {
		img := image.NewGray(image.Rect(0, 0, 64, 64))
		for i := range img.Pix {
			img.Pix[i] = uint8(i)
		}
		img.Set(3, 3, color.Black)
		var b bytes.Buffer
		png.Encode(&b, img)
		p.AddPage()
		p.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, &b)
		p.ImageOptions("scan", 10, 10, 100, 100, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	})
	locked := makePDF(t, [][]string{{"secret"}}, func(p *fpdf.Fpdf) { p.SetProtection(0, "user", "owner") })
	damaged := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte{0x13}, 300)...)
	for _, c := range []struct {
		name string
		raw  []byte
		want string
	}{
		{"scan", scan, "no text layer"},
		{"locked", locked, "password"},
		{"damaged", damaged, "cannot be read"},
	} {
		_, err := PDF{}.Extract(context.Background(), c.raw, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

// A PDF's extraction reports its pages as it goes, and stops when asked.
func TestPDFProgressAndCancel(t *testing.T) {
	var pages [][]string
	for i := range 5 {
		pages = append(pages, []string{fmt.Sprintf("page %d", i+1)})
	}
	raw := makePDF(t, pages, nil)
	var seen []int
	if _, err := (PDF{}).Extract(context.Background(), raw, Options{Progress: func(done, total int) {
		if total != 5 {
			t.Errorf("total %d", total)
		}
		seen = append(seen, done)
	}}); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(seen) != "[1 2 3 4 5]" {
		t.Errorf("progress %v", seen)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, err := PDF{}.Extract(ctx, raw, Options{Progress: func(done, total int) {
		if done == 2 {
			cancel()
		}
	}})
	if err != context.Canceled {
		t.Errorf("cancelled after page 2: %v", err)
	}
}
