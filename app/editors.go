package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// The editors of the corpus' records: topics (and their merging and
// deletion), meetings and sources, each change one undoable edit that
// writes only the fields that changed.

// EditTopics shows the topic editor: a topic's label, colour, description
// and terms changed, or the topic merged into another (its annotations
// following) or deleted with its annotations, each one undoable edit.
func (w *MainWindow) EditTopics() {
	if w.corpus == nil || len(w.corpus.Topics) == 0 {
		w.status.SetText("The corpus has no topics yet: Edit > New topic adds one.")
		return
	}
	c := w.corpus
	spans := map[string]int{}
	for _, a := range c.Annotations {
		if a.Topic != nil {
			spans[a.Topic.ID]++
		}
	}
	var labels []string
	byLabel := map[string]*data.Topic{}
	for _, t := range c.Topics {
		l := fmt.Sprintf("%s (%d)", safetext.Clip(t.Label, 60), spans[t.ID])
		labels = append(labels, l)
		byLabel[l] = t
	}
	label, colour, terms := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	description := widget.NewMultiLineEntry()
	description.Wrapping = fyne.TextWrapWord
	description.SetMinRowsVisible(3)
	colour.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		_, err := data.ParseColor(strings.TrimSpace(s))
		return err
	}
	terms.SetPlaceHolder("comma-separated: extended deterrence, nuclear umbrella")
	var current *data.Topic
	into := widget.NewSelect(nil, nil)
	pick := widget.NewSelect(labels, func(s string) {
		current = byLabel[s]
		label.SetText(current.Label)
		colour.SetText(fmt.Sprintf("#%02X%02X%02X", current.Color.R, current.Color.G, current.Color.B))
		description.SetText(current.Description)
		terms.SetText(strings.Join(current.Terms, ", "))
		var others []string
		for _, l := range labels {
			if byLabel[l] != current {
				others = append(others, l)
			}
		}
		into.Options = others
		into.ClearSelected()
	})
	var d *dialog.CustomDialog
	keep := widget.NewButton("Keep the changes", func() {
		if current == nil || colour.Validate() != nil {
			return
		}
		was := data.Topic(*current)
		fields := func(t *data.Topic, col string) edit.TopicFields {
			return edit.TopicFields{Label: t.Label, Color: col, Description: t.Description, Terms: t.Terms}
		}
		now := edit.TopicFields{Label: strings.TrimSpace(label.Text), Color: strings.ToUpper(strings.TrimSpace(colour.Text)),
			Description: strings.TrimSpace(description.Text), Terms: splitTerms(terms.Text)}
		old := fields(&was, fmt.Sprintf("#%02X%02X%02X", was.Color.R, was.Color.G, was.Color.B))
		d.Hide()
		id := current.ID
		w.applyEdit("change the topic "+safetext.Quote(was.Label, 40), func(b []byte) ([]byte, error) {
			return edit.SetTopic(b, id, old, now)
		}, nil)
	})
	keep.Importance = widget.HighImportance
	merge := widget.NewButton("Merge into the topic chosen", func() {
		target := byLabel[into.Selected]
		if current == nil || target == nil {
			w.status.SetText("Choose the topic to merge into first.")
			return
		}
		d.Hide()
		from, to := current.ID, target.ID
		w.applyEdit(fmt.Sprintf("merge %s into %s", safetext.Quote(current.Label, 30), safetext.Quote(target.Label, 30)), func(b []byte) ([]byte, error) {
			return edit.MergeTopic(b, c, from, to)
		}, nil)
	})
	remove := widget.NewButton("Delete the topic and its annotations", func() {
		if current == nil {
			return
		}
		id, name, n := current.ID, current.Label, spans[current.ID]
		dialog.ShowConfirm("Delete "+safetext.Quote(name, 40)+"?",
			fmt.Sprintf("The topic and its %d annotation(s) go; Ctrl+Z brings them back until you save.", n), func(ok bool) {
				if !ok {
					return
				}
				d.Hide()
				w.applyEdit(fmt.Sprintf("delete the topic %s and its %d annotations", safetext.Quote(name, 30), n), func(b []byte) ([]byte, error) {
					return edit.DeleteTopic(b, c, id)
				}, nil)
			}, w)
	})
	remove.Importance = widget.DangerImportance
	form := widget.NewForm(
		widget.NewFormItem("Topic", pick),
		widget.NewFormItem("Label", label),
		widget.NewFormItem("Colour", colour),
		widget.NewFormItem("Description", description),
		widget.NewFormItem("Terms", terms),
		widget.NewFormItem("Merge into", into),
	)
	d = dialog.NewCustomWithoutButtons("Topics", form, w)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", func() { d.Hide() }), remove, merge, keep})
	d.Resize(fyne.NewSize(720, 0))
	d.Show()
	pick.SetSelectedIndex(0)
}

// splitTerms reads a comma-separated list of terms.
func splitTerms(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// recordField is one field of a record an editor changes: its label, its
// key in the corpus file, its value now, and the check its input passes.
type recordField struct {
	label, key string
	value      string
	check      func(string) error
	multiline  bool
	lines      bool   // multiline, a record a line: no wrapping
	hint       string // said under the field
	// write makes the change of a field that is not a key of the record
	// (a source's meetings); nil: the key is set.
	write func(b []byte, old, now string) ([]byte, error)
}

// editRecord shows an editor of records of one list (meetings, sources):
// one chosen by its label, its fields, and Keep, which writes the fields
// that changed (edit.SetFields) as one undoable edit; extra adds widgets
// below the fields for the chosen record.
func (w *MainWindow) editRecord(title, list, what string, labels []string, ids []string, fields func(i int) []recordField) {
	entries := map[string]*widget.Entry{}
	var order []recordField
	box := widget.NewForm()
	current := -1
	show := func(i int) {
		current = i
		order = fields(i)
		box.Items = nil
		for _, f := range order {
			e := widget.NewEntry()
			switch {
			case f.lines:
				e = widget.NewMultiLineEntry()
				e.SetMinRowsVisible(3)
			case f.multiline:
				e = widget.NewMultiLineEntry()
				e.Wrapping = fyne.TextWrapWord
				e.SetMinRowsVisible(2)
			}
			e.SetText(f.value)
			if f.check != nil {
				e.Validator = f.check
			}
			entries[f.key] = e
			box.AppendItem(&widget.FormItem{Text: f.label, Widget: e, HintText: f.hint})
		}
		box.Refresh()
	}
	pick := widget.NewSelect(labels, func(s string) {
		for i, l := range labels {
			if l == s {
				show(i)
			}
		}
	})
	var d *dialog.CustomDialog
	keep := widget.NewButton("Keep the changes", func() {
		if current < 0 {
			return
		}
		var kv [][2]string
		var writes []func([]byte) ([]byte, error)
		for _, f := range order {
			e := entries[f.key]
			text := strings.TrimSpace(e.Text)
			if f.check != nil {
				if err := f.check(text); err != nil {
					w.status.SetText(f.label + ": " + err.Error())
					return
				}
			}
			switch {
			case text == f.value:
			case f.write != nil:
				write, old := f.write, f.value
				writes = append(writes, func(b []byte) ([]byte, error) { return write(b, old, text) })
			default:
				kv = append(kv, [2]string{f.key, edit.Scalar(text)})
			}
		}
		d.Hide()
		if len(kv) == 0 && len(writes) == 0 {
			w.status.SetText("Nothing changed.")
			return
		}
		id := ids[current]
		w.applyEdit(fmt.Sprintf("change the %s %s", what, safetext.Quote(labels[current], 40)), func(b []byte) ([]byte, error) {
			out, err := edit.SetFields(b, list, what, id, kv)
			for _, write := range writes {
				if err == nil {
					out, err = write(out)
				}
			}
			return out, err
		}, nil)
	})
	keep.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewForm(widget.NewFormItem(strings.ToUpper(what[:1])+what[1:], pick)), box), w)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", func() { d.Hide() }), keep})
	d.Resize(fyne.NewSize(720, 0))
	d.Show()
	if len(labels) > 0 {
		pick.SetSelectedIndex(0)
	}
}

// EditMeetings shows the meeting editor: title, short label, kind, date
// (a day, a month or a year) and end, place, summary and notes.
func (w *MainWindow) EditMeetings() {
	if w.corpus == nil || len(w.corpus.Meetings) == 0 {
		w.status.SetText("The corpus has no meetings yet: Edit > New meeting adds one.")
		return
	}
	ms := w.corpus.MeetingsByDate()
	var labels, ids []string
	for _, m := range ms {
		labels = append(labels, fmt.Sprintf("%s · %s", m.Date.String(), safetext.Clip(m.Title, 60)))
		ids = append(ids, m.ID)
	}
	optionalDate := func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return checkDate(s)
	}
	w.editRecord("Meetings", "meetings", "meeting", labels, ids, func(i int) []recordField {
		m := ms[i]
		end := ""
		if !m.End.IsZero() {
			end = m.End.String()
		}
		short := m.Short
		if short == m.Title {
			short = "" // the loader's default
		}
		var people []string
		for _, p := range m.Participants {
			people = append(people, edit.ParticipantLine(edit.Participant{Name: p.Name, Hangul: p.Hangul, Role: p.Role, Country: p.Country}))
		}
		id := m.ID
		return []recordField{
			{label: "Title", key: "title", value: m.Title, check: checkTitle},
			{label: "Short label", key: "short", value: short},
			{label: "Participants", key: "participants", value: strings.Join(people, "\n"), lines: true, hint: "a line each: name | 한글 | role | country",
				check: func(s string) error { _, err := edit.ParseParticipants(s); return err },
				write: func(b []byte, _, now string) ([]byte, error) {
					ps, err := edit.ParseParticipants(now)
					if err != nil {
						return nil, err
					}
					return edit.SetParticipants(b, id, ps)
				}},
			{label: "Kind", key: "kind", value: m.Kind},
			{label: "Date", key: "date", value: m.Date.String(), check: checkDate},
			{label: "End", key: "end", value: end, check: optionalDate},
			{label: "Place", key: "place", value: m.Place},
			{label: "Summary", key: "summary", value: m.Summary, multiline: true},
			{label: "Notes", key: "notes", value: m.Notes, multiline: true},
		}
	})
}

// EditSources shows the source editor: title, publisher, author, the date
// as printed and its note, URL, kind and language.
func (w *MainWindow) EditSources() {
	if w.corpus == nil || len(w.corpus.Sources) == 0 {
		w.status.SetText("The corpus has no sources yet: File > Import adds documents.")
		return
	}
	ss := w.corpus.Sources
	var labels, ids []string
	for _, s := range ss {
		labels = append(labels, safetext.Clip(s.Title, 70))
		ids = append(ids, s.ID)
	}
	url := func(s string) error {
		if s != "" && !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "http://") {
			return errors.New("a URL starts with http:// or https://")
		}
		return nil
	}
	c := w.corpus
	meetingIDs := func(s string) error {
		for _, id := range splitTerms(s) {
			if c.Meeting(id) == nil {
				return fmt.Errorf("there is no meeting %q", id)
			}
		}
		return nil
	}
	w.editRecord("Sources", "sources", "source", labels, ids, func(i int) []recordField {
		s := ss[i]
		var reports []string
		for _, m := range s.Meetings {
			reports = append(reports, m.ID)
		}
		id, d := s.ID, s.Details()
		return []recordField{
			{label: "Reports", key: "meetings", hint: "the ids of the meetings it reports, comma-separated", value: strings.Join(reports, ", "), check: meetingIDs,
				write: func(b []byte, old, now string) ([]byte, error) {
					return reattach(b, id, splitTerms(old), splitTerms(now))
				}},
			{label: "Title", key: "title", value: s.Title, check: checkTitle},
			{label: "Publisher", key: "publisher", value: d.Publisher},
			{label: "Author", key: "author", value: d.Author},
			{label: "Published (as printed)", key: "published", value: d.Published},
			{label: "Why that date", key: "published_note", value: d.PublishedNote, multiline: true},
			{label: "URL", key: "url", value: d.URL, check: url},
			{label: "Kind", key: "kind", value: s.Kind},
			{label: "Language", key: "language", value: s.Language},
		}
	})
}

// reattach makes source id reported by the meetings now instead of was:
// attached to the new ones, detached from the ones left out.
func reattach(b []byte, id string, was, now []string) ([]byte, error) {
	var err error
	for _, m := range now {
		if !slices.Contains(was, m) {
			if b, err = edit.AttachSource(b, m, id); err != nil {
				return nil, err
			}
		}
	}
	for _, m := range was {
		if !slices.Contains(now, m) {
			if b, err = edit.DetachSource(b, m, id); err != nil {
				return nil, err
			}
		}
	}
	return b, nil
}
