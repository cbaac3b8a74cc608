package app

import (
	"os"
	"path/filepath"
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
