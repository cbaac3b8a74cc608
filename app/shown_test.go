package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/cache"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/internal/corpustest"
)

// A first open's cache entry is stored once the corpus is shown (Shown),
// while the window reads the same corpus: under the race detector, this
// shows that nothing the window does writes to it meanwhile.
func TestTheCacheEntryIsStoredOnceTheCorpusIsShown(t *testing.T) {
	path := filepath.Join(corpustest.WriteFolder(t, corpustest.Rich), "c.yaml")
	entries := t.TempDir()
	c := &cache.Cache{Dir: entries, Defer: true}
	pending := make(chan func() cache.Outcome, 1)
	stored := make(chan cache.Outcome, 1)
	w := openWindowIn(t, test.NewTempApp(t), Options{
		CorpusPath: path,
		Load: func(p string, progress *load.Progress) (*data.Corpus, data.Problems, error) {
			corpus, problems, out, err := c.Open(p, progress)
			if out.Store != nil {
				if listed, _ := os.ReadDir(entries); len(listed) > 0 {
					t.Errorf("stored before it was shown: %v", listed)
				}
				pending <- out.Store
			}
			return corpus, problems, err
		},
		Shown: func() {
			select {
			case store := <-pending:
				stored <- store()
			default:
			}
		},
	})
	// The window at work on the corpus while the entry may be stored.
	w.timeline.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	w.drawChart(t, 0)
	if out := <-stored; !out.Stored || out.StoreErr != nil {
		t.Fatalf("the entry: %q", out)
	}
	if listed, _ := os.ReadDir(entries); len(listed) != 1 {
		t.Fatalf("entries: %v", listed)
	}
}

// A reload from the cache shows views made from its corpus while its
// files' texts were still read (load.Progress.BeforeTexts): the timeline
// and the totals are of the corpus shown, whose texts are there.
func TestAReloadFromTheCacheShowsViewsMadeBeforeItsTexts(t *testing.T) {
	path := filepath.Join(corpustest.WriteFolder(t, corpustest.Rich), "c.yaml")
	c := &cache.Cache{Dir: t.TempDir()}
	var early *data.Corpus // set on the loading goroutine, read once the load ended
	hit := false
	w := openWindowIn(t, test.NewTempApp(t), Options{
		CorpusPath: path,
		Load: func(p string, progress *load.Progress) (*data.Corpus, data.Problems, error) {
			given := progress.BeforeTexts
			if given == nil {
				t.Error("the window asks for no views before the texts") // on the loading goroutine: no Fatal
			}
			progress.BeforeTexts = func(corpus *data.Corpus) {
				early = corpus
				if given != nil {
					given(corpus)
				}
			}
			corpus, problems, out, err := c.Open(p, progress)
			hit = out.Hit
			return corpus, problems, err
		},
	})
	if hit || early != nil {
		t.Fatal("the first open came from the cache")
	}
	w.Reload()
	w.waitLoads(t, 2)
	if !hit || early == nil || early != w.corpus {
		t.Fatalf("the reload: from the cache %v, its corpus given early %v", hit, early != nil)
	}
	if m := w.timeline.Model(); m == nil || len(m.Meetings) != len(w.corpus.Meetings) {
		t.Fatal("the timeline is not of the corpus shown")
	}
	if want := fmt.Sprintf("%d sources · %d annotations", len(w.corpus.Sources), len(w.corpus.Annotations)); !strings.Contains(w.sidebar.summary.Text, want) {
		t.Errorf("the sidebar says %q, not %q", w.sidebar.summary.Text, want)
	}
	for _, s := range w.corpus.Sources {
		if s.File != "" && s.Text == "" {
			t.Errorf("source %s shown without its text", s.ID)
		}
	}
}
