// Package refiqda exchanges corpora with the tools analysts already use
// through the REFI-QDA standard (QDA-XML 1.0, urn:QDA-XML:project:1.0): a
// .qdpx is a zip holding project.qde, which names the codes, users, cases
// and sources with their coded selections, and each source's text under
// sources/. Topics become codes, annotations plain-text selections (code
// points of the exported text, end exclusive), meetings cases with their
// date, kind and place as variables, excluded ranges selections of a code
// named for them. Every GUID is derived from the corpus' ids (UUID version
// 5), and nothing depends on the clock, so exporting twice gives the same
// bytes.
package refiqda

import (
	"archive/zip"
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
)

// Namespace is the QDA-XML project namespace.
const Namespace = "urn:QDA-XML:project:1.0"

// ExcludedCode names the code that the corpus' excluded ranges are
// exported under, so nothing is dropped silently; an import turns its
// selections back into excluded ranges.
const ExcludedCode = "Excluded from counting (Alliance Timeline)"

// namespaceGUID is the UUID namespace of the GUIDs this package derives:
// itself version 5 of "alliance-timeline.refiqda" in the URL namespace.
var namespaceGUID = uuid5([16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}, "alliance-timeline.refiqda")

// uuid5 is the name-based UUID (RFC 9562, version 5, SHA-1) of name in ns.
func uuid5(ns [16]byte, name string) [16]byte {
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC variant
	return u
}

// GUID is the GUID this package gives a thing of a corpus, by its kind
// and id: "topic", "space".
func GUID(kind, id string) string {
	u := uuid5(namespaceGUID, kind+"\x00"+id)
	s := hex.EncodeToString(u[:])
	return strings.ToUpper(s[:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:])
}

// The project file, as encoding/xml writes it: only what is exported.
type (
	xProject struct {
		XMLName     xml.Name    `xml:"Project"`
		Xmlns       string      `xml:"xmlns,attr"`
		Name        string      `xml:"name,attr"`
		Origin      string      `xml:"origin,attr,omitempty"`
		Users       *xUsers     `xml:"Users,omitempty"`
		CodeBook    *xCodeBook  `xml:"CodeBook,omitempty"`
		Variables   *xVariables `xml:"Variables,omitempty"`
		Cases       *xCases     `xml:"Cases,omitempty"`
		Sources     *xSources   `xml:"Sources,omitempty"`
		Description string      `xml:"Description,omitempty"`
	}
	xUsers struct {
		User []xUser `xml:"User"`
	}
	xUser struct {
		GUID string `xml:"guid,attr"`
		Name string `xml:"name,attr,omitempty"`
	}
	xCodeBook struct {
		Codes xCodes `xml:"Codes"`
	}
	xCodes struct {
		Code []xCode `xml:"Code"`
	}
	xCode struct {
		GUID        string  `xml:"guid,attr"`
		Name        string  `xml:"name,attr"`
		IsCodable   bool    `xml:"isCodable,attr"`
		Color       string  `xml:"color,attr,omitempty"`
		Description string  `xml:"Description,omitempty"`
		Code        []xCode `xml:"Code,omitempty"`
	}
	xVariables struct {
		Variable []xVariable `xml:"Variable"`
	}
	xVariable struct {
		GUID        string `xml:"guid,attr"`
		Name        string `xml:"name,attr"`
		Type        string `xml:"typeOfVariable,attr"`
		Description string `xml:"Description,omitempty"`
	}
	xCases struct {
		Case []xCase `xml:"Case"`
	}
	xCase struct {
		GUID          string           `xml:"guid,attr"`
		Name          string           `xml:"name,attr,omitempty"`
		Description   string           `xml:"Description,omitempty"`
		VariableValue []xVariableValue `xml:"VariableValue,omitempty"`
		SourceRef     []xRef           `xml:"SourceRef,omitempty"`
	}
	xVariableValue struct {
		VariableRef xRef   `xml:"VariableRef"`
		TextValue   string `xml:"TextValue,omitempty"`
		DateValue   string `xml:"DateValue,omitempty"`
	}
	xRef struct {
		TargetGUID string `xml:"targetGUID,attr"`
	}
	xSources struct {
		TextSource []xTextSource `xml:"TextSource"`
	}
	xTextSource struct {
		GUID               string       `xml:"guid,attr"`
		Name               string       `xml:"name,attr,omitempty"`
		PlainTextPath      string       `xml:"plainTextPath,attr,omitempty"`
		Description        string       `xml:"Description,omitempty"`
		PlainTextContent   *string      `xml:"PlainTextContent,omitempty"`
		PlainTextSelection []xSelection `xml:"PlainTextSelection,omitempty"`
	}
	xSelection struct {
		GUID         string    `xml:"guid,attr"`
		Name         string    `xml:"name,attr,omitempty"`
		Start        int       `xml:"startPosition,attr"`
		End          int       `xml:"endPosition,attr"`
		CreatingUser string    `xml:"creatingUser,attr,omitempty"`
		Created      string    `xml:"creationDateTime,attr,omitempty"`
		Description  string    `xml:"Description,omitempty"`
		Coding       []xCoding `xml:"Coding"`
	}
	xCoding struct {
		GUID         string `xml:"guid,attr"`
		CreatingUser string `xml:"creatingUser,attr,omitempty"`
		CodeRef      xRef   `xml:"CodeRef"`
	}
)

// Report says what an export wrote.
type Report struct {
	Codes, Selections, Sources, Cases, Users, Excluded int
}

// zipTime is the time every entry of the archive bears: a fixed one, so
// an export is the same bytes each time.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes the corpus as a .qdpx archive to w.
func Write(w io.Writer, c *data.Corpus) (Report, error) {
	project, texts, rep := build(c)
	var qde bytes.Buffer
	qde.WriteString(xml.Header)
	enc := xml.NewEncoder(&qde)
	enc.Indent("", "  ")
	if err := enc.Encode(project); err != nil {
		return Report{}, fmt.Errorf("write project.qde: %w", err)
	}
	qde.WriteString("\n")
	z := zip.NewWriter(w)
	put := func(name string, body []byte) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
		if err == nil {
			_, err = f.Write(body)
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		return nil
	}
	if err := put("project.qde", qde.Bytes()); err != nil {
		return Report{}, err
	}
	for _, t := range texts {
		if err := put("sources/"+t.guid+".txt", []byte(t.text)); err != nil {
			return Report{}, err
		}
	}
	if err := z.Close(); err != nil {
		return Report{}, fmt.Errorf("write the archive: %w", err)
	}
	return rep, nil
}

type exportText struct{ guid, text string }

// build makes the project and the texts to write beside it.
func build(c *data.Corpus) (xProject, []exportText, Report) {
	var rep Report
	p := xProject{Xmlns: Namespace, Name: c.Title, Origin: "Alliance Timeline", Description: c.Description}
	coders := map[string]bool{}
	for _, a := range c.Annotations {
		if a.Coder != "" {
			coders[a.Coder] = true
		}
	}
	if len(coders) > 0 {
		names := make([]string, 0, len(coders))
		for n := range coders {
			names = append(names, n)
		}
		sort.Strings(names)
		p.Users = &xUsers{}
		for _, n := range names {
			p.Users.User = append(p.Users.User, xUser{GUID: GUID("user", n), Name: n})
		}
		rep.Users = len(names)
	}
	codes := &xCodeBook{}
	for _, t := range c.Topics {
		desc := t.Description
		if len(t.Terms) > 0 {
			desc = strings.TrimSpace(desc + "\n\nTerms: " + strings.Join(t.Terms, "; "))
		}
		codes.Codes.Code = append(codes.Codes.Code, xCode{GUID: GUID("topic", t.ID), Name: t.Label, IsCodable: true,
			Color: fmt.Sprintf("#%02X%02X%02X", t.Color.R, t.Color.G, t.Color.B), Description: desc})
	}
	excluded := false
	for _, s := range c.Sources {
		excluded = excluded || len(s.Excluded) > 0
	}
	if excluded {
		codes.Codes.Code = append(codes.Codes.Code, xCode{GUID: GUID("code", ExcludedCode), Name: ExcludedCode, IsCodable: true,
			Description: "Text the corpus excludes from counting (page furniture, sidebars); each selection's description gives the reason."})
	}
	rep.Codes = len(codes.Codes.Code)
	if rep.Codes > 0 {
		p.CodeBook = codes
	}
	if len(c.Meetings) > 0 {
		vars := []xVariable{
			{GUID: GUID("variable", "date"), Name: "date", Type: "Text", Description: "The meeting's date as the corpus writes it: YYYY-MM-DD, YYYY-MM or YYYY, the form being its precision."},
			{GUID: GUID("variable", "day"), Name: "day", Type: "Date", Description: "The meeting's date, when it is known to the day."},
			{GUID: GUID("variable", "kind"), Name: "kind", Type: "Text"},
			{GUID: GUID("variable", "place"), Name: "place", Type: "Text"},
			{GUID: GUID("variable", "label"), Name: "label", Type: "Text", Description: "The meeting's short label on the timeline."},
			{GUID: GUID("variable", "participants"), Name: "participants", Type: "Text", Description: "One a line: name | Hangul name | role | country."},
			{GUID: GUID("variable", "notes"), Name: "notes", Type: "Text", Description: "Uncertainties, attributions, the reasons for a date."},
		}
		p.Variables = &xVariables{Variable: vars}
		p.Cases = &xCases{}
		for _, m := range c.MeetingsByDate() {
			cs := xCase{GUID: GUID("meeting", m.ID), Name: m.Title, Description: m.Summary}
			value := func(name, text, date string) {
				if text != "" || date != "" {
					cs.VariableValue = append(cs.VariableValue, xVariableValue{VariableRef: xRef{GUID("variable", name)}, TextValue: text, DateValue: date})
				}
			}
			value("date", m.Date.String(), "")
			if m.Date.Precision == data.PrecisionDay {
				value("day", "", m.Date.String())
			}
			value("kind", m.Kind, "")
			value("place", m.Place, "")
			if m.Short != m.Title {
				value("label", m.Short, "")
			}
			var people []string
			for _, p := range m.Participants {
				people = append(people, edit.ParticipantLine(edit.Participant{Name: p.Name, Hangul: p.Hangul, Role: p.Role, Country: p.Country}))
			}
			value("participants", strings.Join(people, "\n"), "")
			value("notes", m.Notes, "")
			for _, s := range m.Sources {
				cs.SourceRef = append(cs.SourceRef, xRef{GUID("source", s.ID)})
			}
			p.Cases.Case = append(p.Cases.Case, cs)
		}
		rep.Cases = len(p.Cases.Case)
	}
	var texts []exportText
	if len(c.Sources) > 0 {
		p.Sources = &xSources{}
	}
	seen := map[string]int{}
	for _, s := range c.Sources {
		guid := GUID("source", s.ID)
		ts := xTextSource{GUID: guid, Name: s.Title, PlainTextPath: "internal://" + guid + ".txt", Description: sourceDescription(s)}
		for _, a := range s.Annotations {
			key := fmt.Sprintf("%s\x00%s\x00%d\x00%d", s.ID, a.Topic.ID, a.Anchor.Start, a.Anchor.End)
			seen[key]++
			if seen[key] > 1 {
				key += fmt.Sprintf("\x00%d", seen[key])
			}
			d := a.Details()
			sel := xSelection{GUID: GUID("annotation", key), Name: clip(a.Quote, 60), Start: a.Anchor.Start, End: a.Anchor.End, Description: d.Note,
				Coding: []xCoding{{GUID: GUID("coding", key), CodeRef: xRef{GUID("topic", a.Topic.ID)}}}}
			if a.Coder != "" {
				sel.CreatingUser = GUID("user", a.Coder)
				sel.Coding[0].CreatingUser = sel.CreatingUser
			}
			if d.Created != "" {
				sel.Created = d.Created + "T00:00:00Z"
			}
			ts.PlainTextSelection = append(ts.PlainTextSelection, sel)
			rep.Selections++
		}
		for i, r := range s.Excluded {
			key := fmt.Sprintf("%s\x00%d", s.ID, i)
			ts.PlainTextSelection = append(ts.PlainTextSelection, xSelection{GUID: GUID("excluded", key), Name: clip(r.Reason, 60),
				Start: r.Start, End: r.End, Description: r.Reason,
				Coding: []xCoding{{GUID: GUID("excluded-coding", key), CodeRef: xRef{GUID("code", ExcludedCode)}}}})
			rep.Excluded++
		}
		p.Sources.TextSource = append(p.Sources.TextSource, ts)
		texts = append(texts, exportText{guid, s.Text})
	}
	rep.Sources = len(texts)
	return p, texts, rep
}

// sourceDescription is what the source record says about itself, one
// field a line, for the tools' source descriptions.
func sourceDescription(s *data.Source) string {
	var lines []string
	d := s.Details()
	for _, f := range [][2]string{{"Publisher", d.Publisher}, {"Author", d.Author}, {"Published", d.Published},
		{"Note", d.PublishedNote}, {"URL", d.URL}, {"Kind", s.Kind}, {"Language", s.Language}, {"Alliance Timeline id", s.ID}} {
		if f[1] != "" {
			lines = append(lines, f[0]+": "+f[1])
		}
	}
	return strings.Join(lines, "\n")
}

// clip shortens a selection's name to n code points.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
