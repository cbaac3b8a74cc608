package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// Making a corpus in the window: a new, empty one in a folder, and topics
// and meetings added (documents are imported in importing.go; records
// edited in editors.go). Each is an edit of the corpus file through
// applyEdit: undoable, saved with Ctrl+S.

// NewCorpus asks for a folder and a title and writes an empty corpus
// there (edit.Create: never into a folder that holds one), then opens it.
func (w *MainWindow) NewCorpus() {
	w.guardUnsaved("make a new corpus", func() {
		title := widget.NewEntry()
		title.SetPlaceHolder("U.S.–ROK alliance statements, 2012–2023")
		folder := widget.NewLabel("(none chosen)")
		var dir string
		choose := widget.NewButton("Choose a folder…", nil)
		form := []*widget.FormItem{widget.NewFormItem("Title", title), widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, folder))}
		d := dialog.NewForm("A new corpus", "Make it", "Cancel", form, func(ok bool) {
			if !ok {
				return
			}
			if dir == "" {
				w.status.SetText("Not made: choose a folder for the corpus.")
				return
			}
			path, err := edit.Create(dir, title.Text)
			if err != nil {
				dialog.ShowError(err, w)
				return
			}
			w.event("created", "path=%q", path)
			w.load(path)
			w.status.SetText("Made " + path + ". Add topics (Edit > New topic…), a meeting (Edit > New meeting…), and import documents (File > Import…, or drop them on the window).")
		}, w)
		choose.OnTapped = func() {
			fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
				if err == nil && u != nil {
					dir = u.Path()
					folder.SetText(safetext.Clip(dir, 60))
				}
			}, w)
			fd.Resize(fyne.NewSize(800, 560))
			fd.Show()
		}
		title.Validator = func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New("give the corpus a title")
			}
			return nil
		}
		title.OnSubmitted = func(string) { d.Submit() }
		d.Resize(fyne.NewSize(560, 0))
		d.Show()
		w.Canvas().Focus(title)
	})
}

// NewTopic asks for a topic's label and adds the topic (an id from the
// label, a free colour of the palette).
func (w *MainWindow) NewTopic() {
	if w.corpus == nil {
		return
	}
	label := widget.NewEntry()
	label.SetPlaceHolder("Extended deterrence")
	d := dialog.NewForm("A new topic", "Add", "Cancel", []*widget.FormItem{widget.NewFormItem("Label", label)}, func(ok bool) {
		text := strings.TrimSpace(label.Text)
		if !ok || text == "" {
			return
		}
		topic := edit.NewTopic(w.corpus, text)
		var line, lines int
		w.applyEdit("add the topic "+safetext.Quote(text, 40), func(b []byte) ([]byte, error) {
			out, at, n, err := edit.AddTopicAt(b, topic)
			line, lines = at, n
			return out, err
		}, func(c *data.Corpus) *data.Corpus {
			n, err := edit.TopicAdded(c, topic, line, lines)
			if err != nil {
				return nil
			}
			return n
		})
	}, w)
	label.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
	w.Canvas().Focus(label)
}

// meetingForm is the fields of a new meeting, each checked as the loader
// checks it.
type meetingForm struct {
	title, kind, date *widget.Entry
}

// newMeetingForm makes the fields; with validate, each refuses bad input
// at once (a dialog's button waits for them); without, check does it.
func newMeetingForm(validate bool) *meetingForm {
	f := &meetingForm{title: widget.NewEntry(), kind: widget.NewEntry(), date: widget.NewEntry()}
	f.title.SetPlaceHolder("54th Security Consultative Meeting")
	f.kind.SetText("SCM")
	f.date.SetPlaceHolder("2022-11-03, 2022-11 or 2022")
	if validate {
		f.title.Validator, f.date.Validator = checkTitle, checkDate
	}
	return f
}

func checkTitle(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("it needs a title")
	}
	return nil
}

func checkDate(s string) error {
	_, err := data.ParseDate(strings.TrimSpace(s))
	return err // the loader's own message
}

// check says what is wrong with the fields, the title first.
func (f *meetingForm) check() error {
	if err := checkTitle(f.title.Text); err != nil {
		return err
	}
	if err := checkDate(f.date.Text); err != nil {
		return fmt.Errorf("the meeting's date: %w", err)
	}
	return nil
}

func (f *meetingForm) items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem("Title", f.title),
		widget.NewFormItem("Kind", f.kind),
		{Text: "Date", Widget: f.date, HintText: "a day, a month or a year, as precise as is known"},
	}
}

// meeting is the form's meeting with an id made from its title, unique in
// c.
func (f *meetingForm) meeting(c *data.Corpus, sources []string) edit.Meeting {
	id := edit.NewID(f.title.Text, "meeting", func(id string) bool { return c.Meeting(id) != nil })
	kind := strings.TrimSpace(f.kind.Text)
	if kind == "" {
		kind = "meeting"
	}
	return edit.Meeting{ID: id, Title: strings.TrimSpace(f.title.Text), Kind: kind, Date: strings.TrimSpace(f.date.Text), Sources: sources}
}

// NewMeeting asks for a meeting's title, kind and date and adds it.
func (w *MainWindow) NewMeeting() {
	if w.corpus == nil {
		return
	}
	f := newMeetingForm(true)
	d := dialog.NewForm("A new meeting", "Add", "Cancel", f.items(), func(ok bool) {
		if !ok {
			return
		}
		m := f.meeting(w.corpus, nil)
		w.applyEdit("add the meeting "+safetext.Quote(m.Title, 40), func(b []byte) ([]byte, error) {
			out, _, err := edit.AddMeeting(b, m)
			return out, err
		}, nil)
	}, w)
	for _, e := range []*widget.Entry{f.title, f.kind, f.date} {
		e.OnSubmitted = func(string) { d.Submit() }
	}
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	w.Canvas().Focus(f.title)
}
