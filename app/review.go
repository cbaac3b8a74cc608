package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/suggest"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// The review of suggestions (Edit > Review suggestions, Ctrl+G) walks the
// passages that topics' terms point at and nothing codes, one at a time,
// in the source view with the passage selected: A accepts it (an
// annotation through the edit path, undoable, saved like any other), R
// rejects it (written to the corpus' rejections, so it is not suggested
// again), S or → skips it, ← goes back, W widens it to its sentence and N
// narrows it to its clause; Shift with the arrows adjusts it by hand
// before it is accepted. Esc ends the review. The sidebar shows how many
// suggestions each topic has pending.

// review is the queue the window walks.
type review struct {
	active bool
	items  []suggest.Suggestion
	at     int
	unit   suggest.Unit
	bar    *fyne.Container
	where  *widget.Label
	unitOf *keySelect
	finds  int // suggestion searches started; only the newest is shown
	counts int // pending counts started; only the newest is shown
	// stopFind and stopCount stop the search and the count under way:
	// one a newer one replaces runs on all cores for nothing (about
	// 0.1 s of both at 100,000 annotations, BenchmarkSuggest100k, after
	// every edit).
	stopFind, stopCount context.CancelFunc
}

// restart stops the search that stop stops, if any, and returns the
// context of the one that replaces it, which it stops in turn.
func restart(stop *context.CancelFunc) context.Context {
	if *stop != nil {
		(*stop)()
	}
	ctx, cancel := context.WithCancel(context.Background())
	*stop = cancel
	return ctx
}

// newReviewBar makes the bar shown above the source text while a review
// runs.
func (w *MainWindow) newReviewBar() *fyne.Container {
	r := &w.review
	r.where = widget.NewLabel("Finding suggestions…")
	r.where.Truncation = fyne.TextTruncateEllipsis
	r.unitOf = newKeySelect([]string{"Sentences", "Clauses"}, func(s string) {
		unit := suggest.Sentence
		if s == "Clauses" {
			unit = suggest.Clause
		}
		if unit != r.unit {
			r.unit = unit
			w.findSuggestions(false)
		}
	}, w.windowKey)
	r.unitOf.SetSelected("Sentences")
	buttons := container.NewHBox(
		newTipButton(theme.ConfirmIcon(), "Accept: code the passage with the topic (A)", w.acceptSuggestion, w.tips),
		newTipButton(theme.CancelIcon(), "Reject: not about the topic; remembered in the corpus (R)", w.rejectSuggestion, w.tips),
		newTipButton(theme.NavigateBackIcon(), "Back (←)", func() { w.skipSuggestion(-1) }, w.tips),
		newTipButton(theme.NavigateNextIcon(), "Skip (S or →)", func() { w.skipSuggestion(1) }, w.tips),
		r.unitOf,
		newTipButton(theme.WindowCloseIcon(), "End the review (Esc)", w.stopReview, w.tips),
	)
	// The buttons on a row of their own, the suggestion under them: the
	// bar must not widen the column it sits in.
	r.bar = container.NewVBox(buttons, r.where, widget.NewSeparator())
	r.bar.Hide()
	return r.bar
}

// StartReview starts walking the corpus' suggestions, from the first.
func (w *MainWindow) StartReview() {
	if w.corpus == nil {
		return
	}
	if !hasTerms(w.corpus) {
		w.status.SetText("No topic has terms to suggest from: give topics terms (Edit > Topics…).")
		return
	}
	w.review.active = true
	w.review.bar.Show()
	w.review.where.SetText("Finding suggestions…")
	w.findSuggestions(true)
}

func hasTerms(c *data.Corpus) bool {
	for _, t := range c.Topics {
		if len(t.Terms) > 0 {
			return true
		}
	}
	return false
}

// findSuggestions finds the suggestions of the corpus shown off the UI
// goroutine, then shows the first (fromStart), or the one nearest the
// passage shown before.
func (w *MainWindow) findSuggestions(fromStart bool) {
	r := &w.review
	r.finds++
	generation, c, unit := r.finds, w.corpus, r.unit
	var near suggest.Suggestion
	if !fromStart && r.at < len(r.items) {
		near = r.items[r.at]
	}
	ctx := restart(&r.stopFind)
	go func() {
		found, err := suggest.Find(ctx, c, suggest.Options{Unit: unit})
		if ctx.Err() != nil {
			return // replaced, or the review ended
		}
		w.opts.Do(func() {
			if generation != r.finds || !r.active {
				return
			}
			if err != nil {
				w.status.SetText("No suggestions: " + err.Error())
				return
			}
			r.items, r.at = found, 0
			if near.Source != nil {
				r.at = len(found)
				for i, s := range found { // the first at or after the passage shown
					if s.Source.Index > near.Source.Index || s.Source.Index == near.Source.Index && s.End > near.Start {
						r.at = i
						break
					}
				}
			}
			w.showSuggestion()
			w.event("suggestions", "count=%d unit=%s", len(found), unit)
		})
	}()
}

// showSuggestion opens the current suggestion with its passage selected,
// and gives the source view the keys.
func (w *MainWindow) showSuggestion() {
	r := &w.review
	if !r.active {
		return
	}
	if r.at >= len(r.items) {
		r.at = len(r.items)
		if len(r.items) == 0 {
			r.where.SetText("No suggestions left: every passage the terms point at is coded or rejected.")
		} else {
			r.where.SetText(fmt.Sprintf("End of the %s. ← goes back; Esc ends the review.", safetext.Plural(len(r.items), "suggestion")))
		}
		return
	}
	sg := r.items[r.at]
	s := w.corpus.Source(sg.Source.ID)
	if s == nil || s.Text != sg.Source.Text {
		w.findSuggestions(false) // the corpus changed under the queue
		return
	}
	sg.Source = s // of the corpus shown now, which an edit may have replaced
	sg.Matches = slices.Clone(sg.Matches)
	for i := range sg.Matches {
		sg.Matches[i].Source = s
	}
	r.items[r.at] = sg
	r.where.SetText(fmt.Sprintf("Suggestion %d of %d · %s · terms: %s", r.at+1, len(r.items),
		safetext.Clip(sg.Topic.Label, maxShown), safetext.Clip(strings.Join(sg.Terms, ", "), maxShown)))
	w.selectPassage(suggestionPassage(sg))
	w.event("suggestion", "at=%d of=%d topic=%s source=%s start=%d end=%d", r.at+1, len(r.items), sg.Topic.ID, s.ID, sg.Start, sg.End)
}

// suggestionPassage is a suggestion's passage as a match in its text.
func suggestionPassage(sg suggest.Suggestion) textmatch.Match {
	return textmatch.Match{Source: sg.Source, Field: textmatch.InText, Start: sg.Start, End: sg.End, ByteStart: sg.ByteStart, ByteEnd: sg.ByteEnd}
}

// selectPassage selects a passage of a source text (a suggestion's, a
// disagreement's unit) in its source view, boxed, and gives the view the
// focus, so the review's keys and Shift with the arrows reach it.
func (w *MainWindow) selectPassage(passage textmatch.Match) {
	w.detail.ShowMatch(w.corpus, passage)
	w.detail.ShowSearch("", passage, true) // boxed: the selection's colour is too near some topics'
	v := w.detail.View(passage.Source)
	if v == nil {
		return
	}
	v.SetSelection(passage.ByteStart, passage.ByteEnd)
	w.selected = textSelection{passage.Source, passage.ByteStart, passage.ByteEnd}
	w.Canvas().Focus(v)
}

// reviewKey takes the review's keys typed in the source view; false when
// no review runs or the key is not one of them.
func (w *MainWindow) reviewKey(r rune) bool {
	if !w.review.active {
		return false
	}
	switch r {
	case 'a', 'A':
		w.acceptSuggestion()
	case 'r', 'R':
		w.rejectSuggestion()
	case 's', 'S':
		w.skipSuggestion(1)
	case 'w', 'W':
		w.resnapSuggestion(suggest.Sentence)
	case 'n', 'N':
		w.resnapSuggestion(suggest.Clause)
	default:
		return false
	}
	return true
}

// reviewArrow takes ← and → (without Shift, which adjusts the selection)
// while a review runs.
func (w *MainWindow) reviewArrow(e *fyne.KeyEvent) bool {
	if !w.review.active {
		return false
	}
	switch e.Name {
	case fyne.KeyRight:
		w.skipSuggestion(1)
	case fyne.KeyLeft:
		w.skipSuggestion(-1)
	case fyne.KeyEscape:
		w.stopReview()
	default:
		return false
	}
	return true
}

// current is the suggestion shown, with the passage as the selection now
// stands (the user may have adjusted it); false when there is none.
func (w *MainWindow) current() (suggest.Suggestion, bool) {
	r := &w.review
	if !r.active || r.at >= len(r.items) {
		return suggest.Suggestion{}, false
	}
	sg := r.items[r.at]
	if sel := w.selected; sel.source == sg.Source && sel.end > sel.start {
		text := sg.Source.Text
		sg.Start = utf8.RuneCountInString(text[:sel.start])
		sg.End = sg.Start + utf8.RuneCountInString(text[sel.start:sel.end])
		sg.ByteStart, sg.ByteEnd = sel.start, sel.end
	}
	return sg, true
}

// acceptSuggestion codes the passage (as selected) with the suggestion's
// topic and goes on to the next.
func (w *MainWindow) acceptSuggestion() {
	sg, ok := w.current()
	if !ok {
		return
	}
	w.selected = textSelection{sg.Source, sg.ByteStart, sg.ByteEnd}
	w.codeSelectionAs(sg.Topic.ID, "", true)
	w.event("suggestion-accepted", "topic=%s source=%s start=%d end=%d", sg.Topic.ID, sg.Source.ID, sg.Start, sg.End)
	w.doneWithSuggestion()
}

// rejectSuggestion writes the passage to the corpus' rejections and goes
// on to the next.
func (w *MainWindow) rejectSuggestion() {
	sg, ok := w.current()
	if !ok {
		return
	}
	if w.path == "" {
		w.offerCopy()
		return
	}
	a := edit.Annotation{Source: sg.Source.ID, Topic: sg.Topic.ID, Quote: sg.Source.Text[sg.ByteStart:sg.ByteEnd], Start: sg.Start,
		Coder: w.app.Preferences().String(prefCoder), Created: time.Now().Format("2006-01-02")}
	placed, an, err := edit.Place(w.corpus, a)
	if err != nil {
		w.status.SetText("Not rejected: " + err.Error())
		return
	}
	var line int
	placed.File = w.coderFile()
	w.applyEditIn(placed.File, fmt.Sprintf("reject %s for %s", safetext.Quote(placed.Quote, 40), safetext.Clip(sg.Topic.Label, maxShown)),
		func(b []byte) ([]byte, error) {
			out, at, err := edit.AddRejection(b, placed)
			line = at
			return out, err
		}, func(c *data.Corpus) *data.Corpus { return edit.Rejected(c, placed, an, line) })
	w.event("suggestion-rejected", "topic=%s source=%s start=%d end=%d", sg.Topic.ID, sg.Source.ID, sg.Start, sg.End)
	w.doneWithSuggestion()
}

// doneWithSuggestion takes the current suggestion out of the queue and
// shows the next; the edit it made shows when it is made, and the queue's
// passage is selected again then (replaceCorpus).
func (w *MainWindow) doneWithSuggestion() {
	r := &w.review
	r.items = append(r.items[:r.at:r.at], r.items[r.at+1:]...)
	w.showSuggestion()
}

// skipSuggestion moves by one suggestion, forward or back.
func (w *MainWindow) skipSuggestion(by int) {
	r := &w.review
	if !r.active || len(r.items) == 0 {
		return
	}
	r.at = max(0, min(len(r.items), r.at+by))
	if r.at == len(r.items) && by < 0 {
		r.at = len(r.items) - 1
	}
	w.showSuggestion()
}

// resnapSuggestion widens the current passage to its sentence, or narrows
// it to its clause.
func (w *MainWindow) resnapSuggestion(unit suggest.Unit) {
	r := &w.review
	if !r.active || r.at >= len(r.items) {
		return
	}
	r.items[r.at] = r.items[r.at].In(unit)
	w.selectPassage(suggestionPassage(r.items[r.at]))
	w.status.SetText(fmt.Sprintf("The passage is its %s now; A accepts it.", unit))
}

// stopReview ends the review.
func (w *MainWindow) stopReview() {
	r := &w.review
	r.active, r.items, r.at = false, nil, 0
	if r.stopFind != nil {
		r.stopFind()
	}
	r.bar.Hide()
	w.status.SetText("Review ended.")
	w.event("review-ended", "")
}

// reviewFollows shows the review's passage again after the corpus shown
// was replaced by an edit (the source view was made anew), and counts
// the pending suggestions of the new corpus.
func (w *MainWindow) reviewFollows() {
	w.countPending()
	if w.review.active {
		w.showSuggestion()
	}
}

// countPending counts each topic's suggestions off the UI goroutine, for
// the sidebar.
func (w *MainWindow) countPending() {
	r := &w.review
	r.counts++
	generation, c, unit := r.counts, w.corpus, r.unit
	ctx := restart(&r.stopCount)
	if c == nil || !hasTerms(c) {
		w.sidebar.SetPending(nil)
		return
	}
	go func() {
		found, err := suggest.Find(ctx, c, suggest.Options{Unit: unit})
		if ctx.Err() != nil {
			return // replaced
		}
		w.opts.Do(func() {
			if generation == r.counts && err == nil && c == w.corpus {
				w.sidebar.SetPending(suggest.PerTopic(found, len(c.Topics)))
			}
		})
	}()
}
