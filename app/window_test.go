package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data"
)

func builtin(string) (*data.Corpus, data.Problems, error) {
	return data.LoadFS(assets.CorpusFS(), assets.CorpusFile, assets.CorpusName)
}

// openWindow opens the main window with the loader and waits for the
// first load to be shown.
func openWindow(t *testing.T, load Loader) (*MainWindow, chan data.Problems) {
	t.Helper()
	a := test.NewTempApp(t)
	loaded := make(chan data.Problems, 4)
	w := NewMainWindow(a, Options{AppName: "Alliance Timeline", Load: load, OnLoaded: func(p data.Problems) { loaded <- p }})
	t.Cleanup(w.Close)
	waitLoaded(t, loaded)
	return w, loaded
}

func waitLoaded(t *testing.T, loaded chan data.Problems) data.Problems {
	t.Helper()
	select {
	case p := <-loaded:
		return p
	case <-time.After(10 * time.Second):
		t.Fatal("the corpus was not shown within 10 s")
		return nil
	}
}

func TestMainWindowShowsTheTimeline(t *testing.T) {
	w, _ := openWindow(t, builtin)
	if w.Corpus() == nil || len(w.timeline.Model().Meetings) != 13 {
		t.Fatalf("the timeline has %d meetings", len(w.timeline.Model().Meetings))
	}
	if !strings.HasPrefix(w.Title(), "U.S.–ROK Security Consultative Meetings") {
		t.Errorf("title %q does not name the corpus", w.Title())
	}
	if w.problems.Visible() {
		t.Error("problems panel shown for a clean corpus")
	}
	// Walking to the 44th SCM from the keyboard shows its spans.
	w.timeline.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	sel := w.selection.Selection()
	if sel.Meeting == nil || sel.Meeting.ID != "scm-44" || len(sel.Annotations) != 39 {
		t.Fatalf("selection after Right: %+v", sel)
	}
	if got := annotationsText(sel.Annotations); !strings.Contains(got, "strengthen their cooperation in space and cyberspace") {
		t.Errorf("spans of the 44th SCM: %s", got)
	}
	w.timeline.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight}) // the 45th: no text
	if sel := w.selection.Selection(); sel.Meeting.ID != "scm-45" || len(sel.Annotations) != 0 {
		t.Errorf("45th SCM selection: %+v", sel)
	}
}

func TestBrokenReloadKeepsCorpus(t *testing.T) {
	broken := false
	load := func(p string) (*data.Corpus, data.Problems, error) {
		if broken {
			return nil, data.Problems{
				{File: "c.yaml", Line: 3, Col: 5, Severity: data.Error, Message: "unknown key"},
				{File: "c.yaml", Line: 9, Col: 1, Severity: data.Warning, Message: "fuzzy"},
			}, nil
		}
		return builtin(p)
	}
	w, loaded := openWindow(t, load)
	before := w.Corpus()
	broken = true
	w.Reload()
	waitLoaded(t, loaded)
	if w.Corpus() != before || len(w.timeline.Model().Meetings) != 13 {
		t.Fatal("the corpus that was open was dropped")
	}
	if !w.problems.Visible() || len(w.problems.Problems()) != 2 {
		t.Fatal("problems panel not shown with both problems")
	}
	if !strings.Contains(w.problems.text.Text, "c.yaml:3:5: error: unknown key") {
		t.Errorf("panel text: %q", w.problems.text.Text)
	}
	if !strings.Contains(w.status.Text, "still showing the corpus that was open") {
		t.Errorf("status: %q", w.status.Text)
	}
}

// TestOnlyTheNewestLoadIsShown: a slow load that finishes after a newer one
// must not replace what the newer one showed.
func TestOnlyTheNewestLoadIsShown(t *testing.T) {
	release := make(chan struct{})
	load := func(p string) (*data.Corpus, data.Problems, error) {
		if p == "slow.yaml" { // finishes last, and broken
			<-release
			return nil, data.Problems{{File: p, Severity: data.Error, Message: "stale"}}, nil
		}
		return builtin(p)
	}
	w, loaded := openWindow(t, load)
	w.opts.CorpusPath = "slow.yaml"
	w.Reload()
	w.opts.CorpusPath = ""
	w.Reload()
	waitLoaded(t, loaded)
	close(release)
	select {
	case <-loaded:
		t.Fatal("the stale load was shown")
	case <-time.After(300 * time.Millisecond):
	}
	if w.problems.Visible() {
		t.Error("problems of the stale load are shown")
	}
}
