package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
)

// diskLoader reads a corpus from disk, and "" as the built-in corpus.
func diskLoader(p string, progress *load.Progress) (*data.Corpus, data.Problems, error) {
	if p == "" {
		return builtin(p, progress)
	}
	return load.File(p)
}

// A corpus opened by a relative path is remembered by its absolute one, so
// a start from another folder opens it again; a recent corpus that is gone
// says so and leaves the list; a last corpus that is gone opens the
// built-in corpus with a message, never silently.
func TestRecentCorporaAreAbsoluteAndGoneOnesSaySo(t *testing.T) {
	dir := t.TempDir()
	corpus := "corpus: {title: Remembered, format: 1}\ntopics: [{id: space, label: Space}]\n" +
		"meetings: [{id: m1, title: M, short: M, kind: SCM, date: 2012-10-24}]\n"
	if err := os.WriteFile(filepath.Join(dir, "c.yaml"), []byte(corpus), 0o644); err != nil {
		t.Fatal(err)
	}
	abs := filepath.Join(dir, "c.yaml")
	t.Chdir(dir)
	a := test.NewTempApp(t)
	w := openWindowIn(t, a, Options{Load: diskLoader, CorpusPath: "c.yaml"})
	if w.Corpus() == nil || w.Corpus().Title != "Remembered" {
		t.Fatalf("the relative path did not open: %q", w.status.Text)
	}
	if got := a.Preferences().String(prefLast); got != abs {
		t.Errorf("remembered as %q, want %q", got, abs)
	}
	if got := a.Preferences().StringList(prefRecent); len(got) == 0 || got[0] != abs {
		t.Errorf("recent list %q", got)
	}

	t.Chdir(t.TempDir())
	again := openWindowIn(t, a, Options{Load: diskLoader, RestoreLast: true})
	if again.Corpus() == nil || again.Corpus().Title != "Remembered" {
		t.Fatalf("started from another folder, the window shows another corpus: %q", again.status.Text)
	}

	if err := os.Remove(abs); err != nil {
		t.Fatal(err)
	}
	loads := again.loads
	again.openRecent(abs)
	if !strings.Contains(again.status.Text, "no longer there") || again.loads != loads {
		t.Errorf("a recent corpus gone: status %q, %d loads", again.status.Text, again.loads-loads)
	}
	for _, p := range a.Preferences().StringList(prefRecent) {
		if p == abs {
			t.Error("a corpus gone stays on the recent list")
		}
	}

	a.Preferences().SetString(prefLast, abs)
	gone := openWindowIn(t, a, Options{Load: diskLoader, RestoreLast: true})
	if gone.Corpus() == nil || gone.Corpus().Title == "Remembered" {
		t.Fatal("the last corpus gone: the window shows no corpus, or the one gone")
	}
	if !strings.Contains(gone.status.Text, "no longer there") || !strings.Contains(gone.status.Text, "built-in") {
		t.Errorf("the last corpus gone, silently: status %q", gone.status.Text)
	}
}
