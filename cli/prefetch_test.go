package cli

import (
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
)

// Prefetch serves the window's first load of the file it was started for
// from the load already under way, however the path is written, passing on
// its progress; any other load is a load of its own.
func TestPrefetchServesTheFirstLoadOfItsFile(t *testing.T) {
	dir := t.TempDir()
	corpus, other := filepath.Join(dir, "c.yaml"), filepath.Join(dir, "d.yaml")
	for _, p := range []string{corpus, other} {
		os.WriteFile(p, []byte("corpus: {}\n"), 0o644)
	}
	t.Chdir(dir)
	cases := []struct {
		name      string
		asked     []string // the window's loads, in order
		wantLoads int32    // how many loads ran in all, the prefetch's included
	}{
		{"the same path", []string{corpus}, 1},
		{"written another way", []string{"./c.yaml"}, 1},
		{"asked twice", []string{corpus, corpus}, 2},
		{"another file first", []string{other, corpus}, 3},
		{"the built-in corpus", []string{""}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var loads atomic.Int32
			release := make(chan struct{})
			slow := func(path string, progress *load.Progress) (*data.Corpus, data.Problems, error) {
				n := loads.Add(1)
				if n == 1 {
					progress.Report(0.5)
					<-release
				}
				return &data.Corpus{Path: path, Title: string(rune('0' + n))}, nil, nil
			}
			loader := Prefetch(slow, corpus)
			time.AfterFunc(150*time.Millisecond, func() { close(release) })
			for i, path := range tc.asked {
				progress := &load.Progress{}
				c, _, err := loader(path, progress)
				if err != nil || c == nil {
					t.Fatalf("load %d: %v", i, err)
				}
				if c.Path != path && !(i == 0 && sameFile(path, corpus)) {
					t.Errorf("load %d of %q gave the corpus of %q", i, path, c.Path)
				}
				if i == 0 && sameFile(path, corpus) && progress.Fraction() != 0.5 {
					t.Errorf("progress %.2f; want the prefetch's 0.50", progress.Fraction())
				}
			}
			<-release
			if got := loads.Load(); got != tc.wantLoads {
				t.Errorf("%d loads; want %d", got, tc.wantLoads)
			}
		})
	}
}
