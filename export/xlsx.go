package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A workbook of one sheet, written by hand: every cell an inline string
// (a type that spreadsheets never evaluate, so no cell can run as a
// formula whatever it starts with) or a number, the first row bold and
// frozen. It is the least OOXML that Excel and LibreOffice open; a
// library for it would upgrade golang.org/x/image under Fyne and
// go-chart.

// maxCellRunes is what a spreadsheet cell holds (Excel: 32,767).
const maxCellRunes = 32767

// xlsxParts are the fixed parts of the package.
var xlsxParts = map[string]string{
	"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
	"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
	"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
	"xl/styles.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`,
}

// XLSX writes rows (the first a header) as a workbook of one sheet named
// sheet. Cells that parse as integers (and do not start with "+", or a
// "0" before other digits) are numbers; all others inline strings.
func XLSX(sheet string, rows [][]string) ([]byte, error) {
	var body bytes.Buffer
	body.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	body.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`)
	for ri, row := range rows {
		fmt.Fprintf(&body, `<row r="%d">`, ri+1)
		for ci, cell := range row {
			ref := column(ci) + strconv.Itoa(ri+1)
			style := ""
			if ri == 0 {
				style = ` s="1"`
			}
			if ri > 0 && isNumber(cell) {
				fmt.Fprintf(&body, `<c r="%s"%s><v>%s</v></c>`, ref, style, cell)
				continue
			}
			fmt.Fprintf(&body, `<c r="%s" t="inlineStr"%s><is><t xml:space="preserve">`, ref, style)
			xml.EscapeText(&body, []byte(cellText(cell)))
			body.WriteString(`</t></is></c>`)
		}
		body.WriteString(`</row>`)
	}
	body.WriteString(`</sheetData></worksheet>`)
	var workbook bytes.Buffer
	workbook.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	workbook.WriteString(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="`)
	xml.EscapeText(&workbook, []byte(sheetName(sheet)))
	workbook.WriteString(`" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	var out bytes.Buffer
	z := zip.NewWriter(&out)
	put := func(name string, b []byte) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err == nil {
			_, err = f.Write(b)
		}
		return err
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml"} {
		if err := put(name, []byte(xlsxParts[name])); err != nil {
			return nil, fmt.Errorf("write the workbook: %w", err)
		}
	}
	if err := put("xl/workbook.xml", workbook.Bytes()); err != nil {
		return nil, fmt.Errorf("write the workbook: %w", err)
	}
	if err := put("xl/worksheets/sheet1.xml", body.Bytes()); err != nil {
		return nil, fmt.Errorf("write the workbook: %w", err)
	}
	if err := z.Close(); err != nil {
		return nil, fmt.Errorf("write the workbook: %w", err)
	}
	return out.Bytes(), nil
}

// column is a column's letters: 0 is A, 26 is AA.
func column(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

func isNumber(s string) bool {
	if s == "" || s[0] == '+' || len(s) > 1 && s[0] == '0' || len(s) > 15 {
		return false
	}
	_, err := strconv.Atoi(s)
	return err == nil
}

// cellText is a cell's text as XML may hold it: characters XML 1.0 cannot
// hold (C0 controls but tab and line ends) dropped, clipped to what a cell
// holds.
func cellText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError {
			return -1
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > maxCellRunes {
		s = string([]rune(s)[:maxCellRunes-1]) + "…"
	}
	return s
}

// sheetName is a name a sheet may have: at most 31 characters, none of
// : \ / ? * [ ].
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return ' '
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	if strings.TrimSpace(s) == "" {
		s = "Sheet1"
	}
	return s
}
