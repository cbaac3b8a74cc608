package edit

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Source is a new source as it is written: its description, its text
// file, and where the text came from (an imported document).
type Source struct {
	ID, Title, Author, Published, URL, Kind, Language string
	File                                              string // relative to the corpus file, with "/"
	ImportedFrom, SHA256, Extractor, Imported         string
	FirstPage                                         int // 0: not written
}

// AddSource returns the file with a new source after the last one, in the
// style of the sources list (a new block list when there is none), and the
// line it starts at.
func AddSource(raw []byte, s Source) ([]byte, int, error) {
	if !plainID(s.ID) {
		return nil, 0, fmt.Errorf("%q is not a source id", s.ID)
	}
	kv := [][2]string{{"id", s.ID}, {"title", quoted(s.Title)}}
	for _, f := range [][2]string{{"author", s.Author}, {"published", s.Published}, {"url", s.URL}, {"kind", s.Kind},
		{"language", s.Language}, {"file", s.File}, {"imported_from", s.ImportedFrom}, {"sha256", s.SHA256},
		{"extractor", s.Extractor}, {"imported", s.Imported}} {
		if f[1] != "" {
			kv = append(kv, [2]string{f[0], quoted(f[1])})
		}
	}
	if s.FirstPage > 1 {
		kv = append(kv, [2]string{"first_page", strconv.Itoa(s.FirstPage)})
	}
	return appendItem(raw, "sources", kv, map[string]string{"id": s.ID, "title": s.Title, "file": s.File})
}

// Meeting is a new meeting as it is written.
type Meeting struct {
	ID, Title, Kind, Date string
	Sources               []string
}

// AddMeeting returns the file with a new meeting after the last one, and
// the line it starts at.
func AddMeeting(raw []byte, m Meeting) ([]byte, int, error) {
	if !plainID(m.ID) {
		return nil, 0, fmt.Errorf("%q is not a meeting id", m.ID)
	}
	kv := [][2]string{{"id", m.ID}, {"title", quoted(m.Title)}, {"kind", quoted(m.Kind)}, {"date", quoted(m.Date)}}
	if len(m.Sources) > 0 {
		kv = append(kv, [2]string{"sources", "[" + strings.Join(m.Sources, ", ") + "]"})
	}
	return appendItem(raw, "meetings", kv, map[string]string{"id": m.ID, "title": m.Title, "date": m.Date})
}

// AttachSource returns the file with source id added to the sources of
// meeting: at the end of its list, in the list's style, or as a new
// "sources: [id]" key of the meeting. Every other byte stays.
func AttachSource(raw []byte, meeting, id string) ([]byte, error) {
	if !plainID(id) {
		return nil, fmt.Errorf("%q is not a source id", id)
	}
	f, err := parseList(raw, "meetings")
	if err != nil {
		return nil, err
	}
	if f.list == nil || f.list.Kind != yaml.SequenceNode {
		return nil, errors.New("the corpus has no meetings list")
	}
	mi := -1
	for i, it := range f.list.Content {
		if it.Kind == yaml.MappingNode && value(it, "id") == meeting {
			mi = i
		}
	}
	if mi < 0 {
		return nil, fmt.Errorf("there is no meeting %q", meeting)
	}
	m := f.list.Content[mi]
	list := node(m, "sources")
	var out []byte
	switch {
	case list != nil && list.Kind == yaml.SequenceNode && list.Style&yaml.FlowStyle != 0:
		out, err = f.insertBefore(raw, list, "]", id, len(list.Content) > 0)
	case list != nil && list.Kind == yaml.SequenceNode && len(list.Content) > 0:
		last := list.Content[len(list.Content)-1]
		line := f.lines[last.Line-1]
		at := len(raw)
		if last.Line < len(f.lines) {
			at = f.offset(last.Line + 1)
		}
		add := strings.Repeat(" ", indent(line)) + "- " + id + f.eol
		if !bytes.HasSuffix(line, []byte("\n")) {
			add = f.eol + strings.TrimSuffix(add, f.eol)
		}
		out = append(append(append([]byte(nil), raw[:at]...), add...), raw[at:]...)
	case list != nil:
		return nil, fmt.Errorf("line %d: the meeting's sources are not a list", list.Line)
	case m.Style&yaml.FlowStyle != 0:
		out, err = f.insertBefore(raw, m, "}", "sources: ["+id+"]", true)
	default:
		_, last := f.itemLines(mi)
		keyIndent := m.Content[0].Column - 1
		at := len(raw)
		if last < len(f.lines) {
			at = f.offset(last + 1)
		}
		add := strings.Repeat(" ", keyIndent) + "sources: [" + id + "]" + f.eol
		if !bytes.HasSuffix(f.lines[last-1], []byte("\n")) {
			add = f.eol + strings.TrimSuffix(add, f.eol)
		}
		out = append(append(append([]byte(nil), raw[:at]...), add...), raw[at:]...)
	}
	if err != nil {
		return nil, err
	}
	// It must read back with the source at the end of the meeting's list.
	g, err := parseList(out, "meetings")
	if err != nil || g.list == nil || len(g.list.Content) != len(f.list.Content) {
		return nil, errors.New("the file's layout is not one the editor can change safely")
	}
	got := node(g.list.Content[mi], "sources")
	if got == nil || len(got.Content) == 0 || got.Content[len(got.Content)-1].Value != id {
		return nil, errors.New("the meeting's sources do not read back with the new one")
	}
	return out, nil
}

// DetachSource returns the file without source id in the sources of
// meeting: its entry (and a comma) taken out of a list written on one
// line, or its line out of a block list. Every other byte stays.
func DetachSource(raw []byte, meeting, id string) ([]byte, error) {
	it, err := listItem(raw, "meetings", "meeting", meeting)
	if err != nil {
		return nil, err
	}
	list := node(it.node, "sources")
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("the meeting %q lists no sources", meeting)
	}
	k := -1
	for i, s := range list.Content {
		if s.Value == id {
			k = i
		}
	}
	if k < 0 {
		return nil, fmt.Errorf("the meeting %q does not list the source %q", meeting, id)
	}
	f := it.f
	var out []byte
	if list.Style&yaml.FlowStyle != 0 {
		var items []string
		for i, s := range list.Content {
			if i != k {
				items = append(items, s.Value)
			}
		}
		start, end, err := f.valueSpan(list)
		if err != nil {
			return nil, err
		}
		out = append(append(append([]byte(nil), raw[:start]...), "["+strings.Join(items, ", ")+"]"...), raw[end:]...)
	} else {
		e := list.Content[k]
		start := f.offset(e.Line)
		end := start + len(f.line(e.Line))
		out = append(append([]byte(nil), raw[:start]...), raw[end:]...)
	}
	back, err := listItem(out, "meetings", "meeting", meeting)
	if err != nil {
		return nil, err
	}
	if got := node(back.node, "sources"); got == nil || len(got.Content) != len(list.Content)-1 {
		return nil, errors.New("the meeting's sources do not read back without the source")
	}
	return out, nil
}

// Participant is a person at a meeting as it is written.
type Participant struct {
	Name, Hangul, Role, Country string
}

// ParticipantLine writes a participant as the editors and exchange
// formats take one: "name | Hangul name | role | country", the empty
// parts at the end left out.
func ParticipantLine(p Participant) string {
	return strings.TrimRight(strings.Join([]string{p.Name, p.Hangul, p.Role, p.Country}, " | "), " |")
}

// ParseParticipants reads participants a line each, as ParticipantLine
// writes them, every part but the name optional.
func ParseParticipants(s string) ([]Participant, error) {
	var out []Participant
	for i, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		parts := strings.Split(line, "|")
		for len(parts) < 4 {
			parts = append(parts, "")
		}
		if len(parts) > 4 {
			return nil, fmt.Errorf("line %d: a participant is at most name | 한글 | role | country", i+1)
		}
		p := Participant{Name: strings.TrimSpace(parts[0]), Hangul: strings.TrimSpace(parts[1]), Role: strings.TrimSpace(parts[2]), Country: strings.TrimSpace(parts[3])}
		if p.Name == "" {
			return nil, fmt.Errorf("line %d: a participant needs a name", i+1)
		}
		out = append(out, p)
	}
	return out, nil
}

func participantItem(p Participant) string {
	kv := [][2]string{{"name", quoted(p.Name)}}
	for _, f := range [][2]string{{"hangul", p.Hangul}, {"role", p.Role}, {"country", p.Country}} {
		if f[1] != "" {
			kv = append(kv, [2]string{f[0], quoted(f[1])})
		}
	}
	return flowMapping(kv)
}

// SetParticipants returns the file with the participants of meeting set to
// ps: the items of its list replaced, one "- {name: …}" line each at the
// list's indentation (or, for a list written on one line, that line's
// list), or a new participants list at the meeting's end. Every other
// byte stays.
func SetParticipants(raw []byte, meeting string, ps []Participant) ([]byte, error) {
	for _, p := range ps {
		if strings.TrimSpace(p.Name) == "" {
			return nil, errors.New("a participant needs a name")
		}
	}
	it, err := listItem(raw, "meetings", "meeting", meeting)
	if err != nil {
		return nil, err
	}
	f := it.f
	list := node(it.node, "participants")
	var out []byte
	switch {
	case list != nil && list.Kind == yaml.SequenceNode && list.Style&yaml.FlowStyle == 0 && len(list.Content) > 0:
		first := list.Content[0]
		last := list.Content[len(list.Content)-1]
		lastItem, err := readItem(raw, last.Line)
		if err != nil {
			return nil, err
		}
		dash := indent(f.line(first.Line))
		var b strings.Builder
		for _, p := range ps {
			b.WriteString(strings.Repeat(" ", dash) + "- " + participantItem(p) + f.eol)
		}
		if len(ps) == 0 {
			return nil, errors.New("a meeting's participants list cannot be emptied here; remove the key in the file")
		}
		out = append(append(append([]byte(nil), raw[:f.offset(first.Line)]...), b.String()...), raw[lastItem.end:]...)
	default:
		var items []string
		for _, p := range ps {
			items = append(items, participantItem(p))
		}
		if out, err = it.set(raw, "participants", "["+strings.Join(items, ", ")+"]"); err != nil {
			return nil, err
		}
	}
	back, err := listItem(out, "meetings", "meeting", meeting)
	if err != nil {
		return nil, fmt.Errorf("the file's layout is not one the editor can change safely: %w", err)
	}
	if got := node(back.node, "participants"); got == nil || len(got.Content) != len(ps) {
		return nil, errors.New("the participants do not read back as written")
	}
	return out, nil
}
