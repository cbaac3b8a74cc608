package refiqda

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/alliance-timeline/alliance-timeline/atomicfile"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// ImportReport says what an import made, and what it could not keep.
type ImportReport struct {
	Topics, Sources, Annotations, Meetings, Excluded int
	// Reanchored are the selections whose positions the producing tool
	// counted another way (CR LF as one character, the byte-order mark as
	// one), each with how it was found.
	Reanchored []string
	// Warnings are everything else worth knowing: sources left
	// unattached, cases without a date, selections that fit nowhere.
	Warnings []string
	// Skipped counts what the corpus format cannot hold: picture, audio,
	// video and PDF sources and their selections, codings of whole
	// sources.
	Skipped map[string]int
}

// The project as read: what the export writes, and what other tools add.
type rProject struct {
	XMLName  xml.Name    `xml:"Project"`
	Name     string      `xml:"name,attr"`
	Users    *xUsers     `xml:"Users"`
	CodeBook *xCodeBook  `xml:"CodeBook"`
	Vars     *xVariables `xml:"Variables"`
	Cases    *xCases     `xml:"Cases"`
	Sources  *struct {
		TextSource []struct {
			xTextSource
			Coding []xCoding `xml:"Coding"`
		} `xml:"TextSource"`
		PictureSource []mediaSource `xml:"PictureSource"`
		PDFSource     []mediaSource `xml:"PDFSource"`
		AudioSource   []mediaSource `xml:"AudioSource"`
		VideoSource   []mediaSource `xml:"VideoSource"`
	} `xml:"Sources"`
	Description string `xml:"Description"`
}

// mediaSource is a source the corpus cannot hold, read for its
// selections' count.
type mediaSource struct {
	Picture []struct{} `xml:"PictureSelection"`
	PDF     []struct{} `xml:"PDFSelection"`
	Audio   []struct{} `xml:"AudioSelection"`
	Video   []struct{} `xml:"VideoSelection"`
}

func countSel(list []mediaSource) int {
	n := 0
	for _, s := range list {
		n += len(s.Picture) + len(s.PDF) + len(s.Audio) + len(s.Video)
	}
	return n
}

// The corpus file as the import writes it.
type (
	wCorpus struct {
		Corpus      wHeader       `yaml:"corpus"`
		Topics      []wTopic      `yaml:"topics,omitempty"`
		Meetings    []wMeeting    `yaml:"meetings,omitempty"`
		Sources     []wSource     `yaml:"sources,omitempty"`
		Annotations []wAnnotation `yaml:"annotations,omitempty"`
	}
	wHeader struct {
		Title       string `yaml:"title"`
		Description string `yaml:"description,omitempty"`
		Format      int    `yaml:"format"`
	}
	wTopic struct {
		ID          string   `yaml:"id"`
		Label       string   `yaml:"label"`
		Color       string   `yaml:"color"`
		Description string   `yaml:"description,omitempty"`
		Terms       []string `yaml:"terms,flow,omitempty"`
	}
	wMeeting struct {
		ID           string         `yaml:"id"`
		Title        string         `yaml:"title"`
		Short        string         `yaml:"short,omitempty"`
		Kind         string         `yaml:"kind"`
		Date         string         `yaml:"date"`
		Place        string         `yaml:"place,omitempty"`
		Participants []wParticipant `yaml:"participants,omitempty"`
		Summary      string         `yaml:"summary,omitempty"`
		Notes        string         `yaml:"notes,omitempty"`
		Sources      []string       `yaml:"sources,flow,omitempty"`
	}
	wParticipant struct {
		Name    string `yaml:"name"`
		Hangul  string `yaml:"hangul,omitempty"`
		Role    string `yaml:"role,omitempty"`
		Country string `yaml:"country,omitempty"`
	}
	wSource struct {
		ID      string     `yaml:"id"`
		Title   string     `yaml:"title"`
		File    string     `yaml:"file"`
		Exclude []wExclude `yaml:"exclude,omitempty"`
	}
	wExclude struct {
		From   string `yaml:"from"`
		To     string `yaml:"to,omitempty"`
		Reason string `yaml:"reason,omitempty"`
	}
	wAnnotation struct {
		Source  string `yaml:"source"`
		Topic   string `yaml:"topic"`
		Quote   string `yaml:"quote"`
		Start   int    `yaml:"start"`
		Note    string `yaml:"note,omitempty"`
		Coder   string `yaml:"coder,omitempty"`
		Created string `yaml:"created,omitempty"`
	}
)

// Import reads a REFI-QDA project (a .qdpx, or a bare .qde beside its
// sources folder) and writes it as a new corpus into outDir, which must be
// new or empty: corpus.yaml and a text file per source. Nothing is written
// until the whole project has been read and checked, and a failed import
// leaves no partial corpus (nor the folder, when it made it). It gives the
// corpus file's path.
func Import(project, outDir string) (string, ImportReport, error) {
	var a archive
	var err error
	if strings.EqualFold(filepath.Ext(project), ".qde") {
		a, err = openFolder(project)
	} else {
		a, err = openZip(project)
	}
	if err != nil {
		return "", ImportReport{}, err
	}
	defer a.Close()
	qde, err := a.read("project.qde", MaxProjectBytes)
	if errors.Is(err, os.ErrNotExist) {
		return "", ImportReport{}, fmt.Errorf("%w: it holds no project.qde", ErrHostile)
	}
	if err != nil {
		return "", ImportReport{}, err
	}
	p, err := parseProject(qde)
	if err != nil {
		return "", ImportReport{}, err
	}
	corpus, texts, rep, err := convert(p, a)
	if err != nil {
		return "", rep, err
	}
	path, err := writeCorpus(outDir, corpus, texts)
	return path, rep, err
}

// parseProject reads project.qde: UTF-8 only, no document type (so no
// entity can expand and none can reach outside), strict XML.
func parseProject(qde []byte) (*rProject, error) {
	qde, _ = stripBOM(qde)
	if !utf8.Valid(qde) {
		return nil, fmt.Errorf("%w: project.qde is not UTF-8 (REFI-QDA projects are)", ErrHostile)
	}
	d := xml.NewDecoder(bytes.NewReader(qde))
	d.Strict = true
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "utf-8") || strings.EqualFold(label, "utf8") {
			return r, nil
		}
		return nil, fmt.Errorf("it declares the encoding %q; REFI-QDA projects are UTF-8", label)
	}
	// A first pass over the tokens refuses document types: entities are
	// how XML bombs and external entities work.
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: project.qde is not well-formed XML: %v", ErrHostile, err)
		}
		if dir, ok := tok.(xml.Directive); ok && bytes.HasPrefix(bytes.TrimSpace(dir), []byte("DOCTYPE")) {
			return nil, fmt.Errorf("%w: project.qde declares a document type (entities are not accepted)", ErrHostile)
		}
	}
	var p rProject
	d = xml.NewDecoder(bytes.NewReader(qde))
	d.Strict = true
	d.CharsetReader = func(string, io.Reader) (io.Reader, error) { return nil, errors.New("not UTF-8") }
	if err := d.Decode(&p); err != nil {
		return nil, fmt.Errorf("%w: project.qde: %v", ErrHostile, err)
	}
	if p.XMLName.Space != Namespace && p.XMLName.Space != "" {
		return nil, fmt.Errorf("%w: project.qde is in the namespace %q, not %q", ErrHostile, p.XMLName.Space, Namespace)
	}
	return &p, nil
}

type sourceFile struct{ name, text string }

// convert turns a project into a corpus file and its texts.
func convert(p *rProject, a archive) (wCorpus, []sourceFile, ImportReport, error) {
	rep := ImportReport{Skipped: map[string]int{}}
	title := strings.TrimSpace(p.Name)
	if title == "" {
		title = "Imported REFI-QDA project"
	}
	out := wCorpus{Corpus: wHeader{Title: title, Format: data.FormatVersion,
		Description: strings.TrimSpace(p.Description + "\n\nImported from a REFI-QDA project.")}}
	users := map[string]string{}
	if p.Users != nil {
		for _, u := range p.Users.User {
			users[strings.ToUpper(strings.Trim(u.GUID, "{}"))] = u.Name
		}
	}
	// Codes become topics, nested ones with their path in the label.
	topicOf := map[string]string{}
	excludedGUID := ""
	taken := map[string]bool{}
	var walk func(codes []xCode, parents []string)
	walk = func(codes []xCode, parents []string) {
		for _, c := range codes {
			guid := normGUID(c.GUID)
			if c.Name == ExcludedCode && len(parents) == 0 {
				excludedGUID = guid
				continue
			}
			label := strings.Join(append(append([]string(nil), parents...), strings.TrimSpace(c.Name)), " / ")
			id := edit.NewID(label, "code", func(s string) bool { return taken[s] })
			taken[id] = true
			desc, terms := termsOf(strings.TrimSpace(c.Description))
			if len(parents) > 0 {
				desc = strings.TrimSpace(desc + "\n\nIn the project under the code “" + parents[len(parents)-1] + "”.")
			}
			color := strings.ToUpper(c.Color)
			if _, err := data.ParseColor(color); err != nil || color == "" {
				col := data.DefaultTopicColor(len(out.Topics))
				color = fmt.Sprintf("#%02X%02X%02X", col.R, col.G, col.B)
			}
			out.Topics = append(out.Topics, wTopic{ID: id, Label: label, Color: color, Description: desc, Terms: terms})
			topicOf[guid] = id
			walk(c.Code, append(append([]string(nil), parents...), strings.TrimSpace(c.Name)))
		}
	}
	if p.CodeBook != nil {
		walk(p.CodeBook.Codes.Code, nil)
	}
	rep.Topics = len(out.Topics)
	var texts []sourceFile
	index := indexTexts(a)
	sourceOf := map[string]string{}
	sourceTaken := map[string]bool{}
	if p.Sources != nil {
		for _, k := range []struct {
			what   string
			n, sel int
		}{
			{"picture sources", len(p.Sources.PictureSource), countSel(p.Sources.PictureSource)},
			{"PDF sources", len(p.Sources.PDFSource), countSel(p.Sources.PDFSource)},
			{"audio sources", len(p.Sources.AudioSource), countSel(p.Sources.AudioSource)},
			{"video sources", len(p.Sources.VideoSource), countSel(p.Sources.VideoSource)},
		} {
			if k.n > 0 {
				rep.Skipped[k.what] += k.n
				rep.Skipped["selections in "+k.what] += k.sel
			}
		}
		for si, ts := range p.Sources.TextSource {
			name := strings.TrimSpace(ts.Name)
			if name == "" {
				name = fmt.Sprintf("[Source %d]", si+1)
			}
			text, how, err := sourceText(a, index, ts.xTextSource)
			if err != nil {
				if errors.Is(err, ErrHostile) {
					return out, nil, rep, err
				}
				rep.Warnings = append(rep.Warnings, fmt.Sprintf("source %q: %v; it is left out, with its selections", clip(name, 60), err))
				continue
			}
			id := edit.NewID(name, "source", func(s string) bool { return sourceTaken[s] })
			sourceTaken[id] = true
			sourceOf[normGUID(ts.GUID)] = id
			file := "sources/" + id + ".txt"
			texts = append(texts, sourceFile{file, text})
			src := wSource{ID: id, Title: name, File: file}
			if len(ts.Coding) > 0 {
				rep.Skipped["codings of whole sources"] += len(ts.Coding)
			}
			s := &data.Source{ID: id, Text: text}
			runes := []rune(text)
			for i, sel := range ts.PlainTextSelection {
				start, end, note, ok := place(runes, text, sel, how)
				where := fmt.Sprintf("source %q, selection %d (%d–%d)", clip(name, 40), i+1, sel.Start, sel.End)
				if !ok {
					rep.Warnings = append(rep.Warnings, where+": its positions are not in the text; left out")
					continue
				}
				if note != "" {
					rep.Reanchored = append(rep.Reanchored, where+": "+note)
				}
				for _, cd := range sel.Coding {
					guid := normGUID(cd.CodeRef.TargetGUID)
					if guid == excludedGUID && excludedGUID != "" {
						ex, _, err := edit.Markers(s, start, end)
						if err != nil {
							rep.Warnings = append(rep.Warnings, where+": an excluded range that cannot be written: "+err.Error())
							continue
						}
						src.Exclude = append(src.Exclude, wExclude{From: ex.From, To: ex.To, Reason: strings.TrimSpace(sel.Description)})
						rep.Excluded++
						continue
					}
					topic, ok := topicOf[guid]
					if !ok {
						rep.Warnings = append(rep.Warnings, where+": coded with a code the project does not list; left out")
						continue
					}
					coder := users[normGUID(cd.CreatingUser)]
					if coder == "" {
						coder = users[normGUID(sel.CreatingUser)]
					}
					created := ""
					if len(sel.Created) >= 10 {
						if d, err := data.ParseDate(sel.Created[:10]); err == nil && d.Precision == data.PrecisionDay {
							created = sel.Created[:10]
						}
					}
					out.Annotations = append(out.Annotations, wAnnotation{Source: id, Topic: topic, Quote: string(runes[start:end]), Start: start,
						Note: strings.TrimSpace(sel.Description), Coder: coder, Created: created})
				}
			}
			out.Sources = append(out.Sources, src)
		}
	}
	rep.Sources, rep.Annotations = len(out.Sources), len(out.Annotations)
	convertCases(p, sourceOf, &out, &rep)
	return out, texts, rep, nil
}

// convertCases makes a meeting of every case with a date, and lists the
// sources that none reports.
func convertCases(p *rProject, sourceOf map[string]string, out *wCorpus, rep *ImportReport) {
	vars := map[string]string{}
	if p.Vars != nil {
		for _, v := range p.Vars.Variable {
			vars[normGUID(v.GUID)] = strings.ToLower(strings.TrimSpace(v.Name))
		}
	}
	attached := map[string]bool{}
	taken := map[string]bool{}
	var undated []string
	if p.Cases != nil {
		for i, cs := range p.Cases.Case {
			name := strings.TrimSpace(cs.Name)
			if name == "" {
				name = fmt.Sprintf("[Case %d]", i+1)
			}
			values := map[string]string{}
			for _, vv := range cs.VariableValue {
				v := strings.TrimSpace(vv.TextValue)
				if v == "" {
					v = strings.TrimSpace(vv.DateValue)
				}
				values[vars[normGUID(vv.VariableRef.TargetGUID)]] = v
			}
			var date data.Date
			found := false
			for _, key := range []string{"date", "day", "meeting date", "datum"} {
				if d, err := data.ParseDate(values[key]); err == nil {
					date, found = d, true
					break
				}
			}
			if !found {
				undated = append(undated, clip(name, 40))
				continue
			}
			id := edit.NewID(name, "meeting", func(s string) bool { return taken[s] })
			taken[id] = true
			m := wMeeting{ID: id, Title: name, Short: values["label"], Kind: values["kind"], Date: date.String(), Place: values["place"],
				Summary: strings.TrimSpace(cs.Description), Notes: values["notes"]}
			if people, err := edit.ParseParticipants(values["participants"]); err == nil {
				for _, p := range people {
					m.Participants = append(m.Participants, wParticipant(p))
				}
			} else {
				rep.Warnings = append(rep.Warnings, fmt.Sprintf("case %q: its participants are not one a line as name | Hangul | role | country; left out", clip(name, 40)))
			}
			if m.Kind == "" {
				m.Kind = "case"
			}
			for _, ref := range cs.SourceRef {
				if sid, ok := sourceOf[normGUID(ref.TargetGUID)]; ok {
					m.Sources = append(m.Sources, sid)
					attached[sid] = true
				}
			}
			out.Meetings = append(out.Meetings, m)
		}
	}
	rep.Meetings = len(out.Meetings)
	if len(undated) > 0 {
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("%d cases without a date are not meetings: %s", len(undated), strings.Join(undated, "; ")))
	}
	var loose []string
	for _, s := range out.Sources {
		if !attached[s.ID] {
			loose = append(loose, s.ID)
		}
	}
	if len(loose) > 0 {
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("%d sources report no dated case and stay unattached: list them under a meeting to place them in time: %s",
			len(loose), strings.Join(loose, ", ")))
	}
}

// sourceText reads a text source's text: its PlainTextContent, or the file
// its plainTextPath names; how says how the file counted characters.
func sourceText(a archive, idx textFiles, ts xTextSource) (string, counting, error) {
	var how counting
	var b []byte
	if ts.PlainTextContent != nil && *ts.PlainTextContent != "" {
		b = []byte(*ts.PlainTextContent)
	} else {
		name, ok := idx.find(ts.PlainTextPath)
		if !ok {
			return "", how, fmt.Errorf("its text %q is not in the project", clip(ts.PlainTextPath, 60))
		}
		var err error
		if b, err = a.read(name, MaxTextBytes); err != nil {
			return "", how, err
		}
	}
	b, how.bom = stripBOM(b)
	if !utf8.Valid(b) || bytes.IndexByte(b, 0) >= 0 {
		return "", how, errors.New("its text is not UTF-8 text")
	}
	return string(b), how, nil
}

// counting is how a text file may have been counted by the tool that wrote
// its positions.
type counting struct{ bom bool }

// place finds a selection's code points in the text: as given, or, where
// the producing tool counted otherwise (CR LF as one character, the
// byte-order mark as one, UTF-16 units), as that count gives them. A
// selection's name, which tools fill with its text, tells the counts
// apart; without one, the positions as given are taken when they fit.
func place(runes []rune, text string, sel xSelection, how counting) (start, end int, note string, ok bool) {
	type model struct {
		what string
		conv func(int) int
	}
	models := []model{{"", func(p int) int { return p }}}
	if strings.Contains(text, "\r\n") {
		models = append(models, model{"positions counted CR LF as one character", crlfAsOne(runes)})
	}
	if how.bom {
		models = append(models, model{"positions counted the byte-order mark", func(p int) int { return p - 1 }})
	}
	models = append(models, model{"positions counted UTF-16 units", utf16Units(runes)})
	truncated := strings.HasSuffix(sel.Name, "…") || strings.HasSuffix(sel.Name, "...")
	name := textmatch.FoldSpace(strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(sel.Name, "…"), "...")))
	var fallback []int
	for _, m := range models {
		s, e := m.conv(sel.Start), m.conv(sel.End)
		if s < 0 || e > len(runes) || s >= e {
			continue
		}
		if name == "" || fits(runes[s:e], name, truncated) {
			note = m.what
			if note != "" {
				note += "; re-anchored to " + fmt.Sprintf("%d–%d", s, e)
			}
			return s, e, note, true
		}
		if fallback == nil {
			fallback = []int{s, e}
		}
	}
	if fallback != nil && name != "" && fallback[0] == sel.Start {
		// The name is not the text (a label the user gave): keep the
		// positions as given.
		return fallback[0], fallback[1], "", true
	}
	return 0, 0, "", false
}

// fits reports whether a span is a selection's name, runs of white space
// counted as one space; a name the tool clipped (with an ellipsis, or
// long) need only begin the span.
func fits(span []rune, name string, truncated bool) bool {
	got := textmatch.FoldSpace(string(span))
	if got == name {
		return true
	}
	return (truncated || utf8.RuneCountInString(name) >= 20) && strings.HasPrefix(got, name)
}

// crlfAsOne converts a position counted with CR LF as one character to
// code points of the text.
func crlfAsOne(runes []rune) func(int) int {
	return func(p int) int {
		counted := 0
		for i := 0; i < len(runes); i++ {
			if counted == p {
				return i
			}
			if runes[i] == '\r' && i+1 < len(runes) && runes[i+1] == '\n' {
				i++
			}
			counted++
		}
		if counted == p {
			return len(runes)
		}
		return -1
	}
}

// utf16Units converts a position in UTF-16 units to code points.
func utf16Units(runes []rune) func(int) int {
	return func(p int) int {
		units := 0
		for i, r := range runes {
			if units == p {
				return i
			}
			if r >= 0x10000 {
				units += 2
			} else {
				units++
			}
		}
		if units == p {
			return len(runes)
		}
		return -1
	}
}

// termsOf splits the terms an export lists at the end of a code's
// description ("Terms: a; b") from the description.
func termsOf(desc string) (string, []string) {
	i := strings.LastIndex(desc, "Terms: ")
	if i < 0 || i > 0 && !strings.HasSuffix(desc[:i], "\n\n") || strings.Contains(desc[i:], "\n") {
		return desc, nil
	}
	var terms []string
	for _, t := range strings.Split(desc[i+len("Terms: "):], "; ") {
		if t = strings.TrimSpace(t); t != "" {
			terms = append(terms, t)
		}
	}
	return strings.TrimSpace(desc[:i]), terms
}

func normGUID(g string) string { return strings.ToUpper(strings.Trim(strings.TrimSpace(g), "{}")) }

// writeCorpus writes the texts, then corpus.yaml (to a temporary name
// first), into a new or empty folder, and loads the result: it must load
// without errors, or nothing stays.
func writeCorpus(outDir string, c wCorpus, texts []sourceFile) (string, error) {
	annotations := c.Annotations
	c.Annotations = nil
	head, err := yaml.Marshal(c)
	if err != nil {
		return "", fmt.Errorf("encode the corpus: %w", err)
	}
	// The annotations one a line, as the built-in corpus writes them, and
	// without yaml.Marshal, which takes seconds over 100,000 of them.
	var body bytes.Buffer
	body.WriteString("# Imported from a REFI-QDA project by alliance-timeline import-qdpx.\n")
	body.Write(head)
	if len(annotations) > 0 {
		body.WriteString("annotations:\n")
	}
	for _, a := range annotations {
		fmt.Fprintf(&body, "  - {source: %s, topic: %s, quote: %s, start: %d", a.Source, a.Topic, edit.Scalar(a.Quote), a.Start)
		for _, kv := range [][2]string{{"note", a.Note}, {"coder", a.Coder}, {"created", a.Created}} {
			if kv[1] != "" {
				fmt.Fprintf(&body, ", %s: %s", kv[0], edit.Scalar(kv[1]))
			}
		}
		body.WriteString("}\n")
	}
	raw := body.Bytes()
	root, created, err := atomicfile.OpenEmptyFolder(outDir, "import-qdpx")
	if err != nil {
		return "", err
	}
	defer root.Close()
	var written []string
	undo := func() {
		for i := len(written) - 1; i >= 0; i-- {
			root.Remove(written[i])
		}
		root.Close()
		if created {
			os.Remove(outDir)
		}
	}
	write := func(name string, body []byte) error {
		if err := atomicfile.WriteNew(root, name, body); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Join(outDir, name), err)
		}
		written = append(written, name)
		return nil
	}
	if len(texts) > 0 {
		if err := root.Mkdir("sources", 0o755); err != nil {
			undo()
			return "", fmt.Errorf("make %s: %w", filepath.Join(outDir, "sources"), err)
		}
		written = append(written, "sources")
		// One root for the folder: each file is then one openat, not a
		// walk from the top (30,000 of them took seconds).
		sources, err := root.OpenRoot("sources")
		if err != nil {
			undo()
			return "", fmt.Errorf("open %s: %w", filepath.Join(outDir, "sources"), err)
		}
		for _, t := range texts {
			name := strings.TrimPrefix(t.name, "sources/")
			if err := atomicfile.WriteNew(sources, name, []byte(t.text)); err != nil {
				sources.Close()
				undo()
				return "", fmt.Errorf("write %s: %w", filepath.Join(outDir, t.name), err)
			}
			written = append(written, t.name)
		}
		sources.Close()
	}
	const partial = ".corpus.yaml.partial"
	if err := write(partial, raw); err != nil {
		undo()
		return "", err
	}
	if err := root.Rename(partial, edit.CorpusFileName); err != nil {
		undo()
		return "", fmt.Errorf("write %s: %w", filepath.Join(outDir, edit.CorpusFileName), err)
	}
	written[len(written)-1] = edit.CorpusFileName
	path := filepath.Join(outDir, edit.CorpusFileName)
	if loaded, ps, err := load.File(path); err != nil || loaded == nil || ps.HasErrors() {
		undo()
		if err == nil {
			err = errors.New(ps.String())
		}
		return "", fmt.Errorf("the imported corpus does not load, so nothing is kept: %w", err)
	}
	return path, nil
}
