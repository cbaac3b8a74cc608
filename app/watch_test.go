package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// A change to one of the corpus' files reloads it once the changes have
// settled; a change to another file in its folders does not.
func TestWatchReloadsOnAChangeToTheCorpusFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"scm.yaml", "sources/a.txt", "sources/other.txt", "coders/kim.yaml"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "scm.yaml")
	c := &data.Corpus{Path: path, Sources: []*data.Source{{File: "sources/a.txt"}}, AnnotationFiles: []data.AnnotationFile{{Path: "coders/kim.yaml"}}}
	reloads := make(chan struct{}, 10)
	w := watchCorpus(path, c, func() { reloads <- struct{}{} })
	defer w.stop()
	changed := func(file string, within time.Duration) bool {
		if err := os.WriteFile(filepath.Join(dir, file), []byte("changed"), 0o644); err != nil {
			t.Fatal(err)
		}
		select {
		case <-reloads:
			return true
		case <-time.After(within):
			return false
		}
	}
	// The watches are set on the watcher's goroutine: a change to the
	// corpus file is made until one is seen.
	seen := false
	for range 10 {
		if seen = changed("scm.yaml", 2*time.Second); seen {
			break
		}
	}
	if !seen {
		t.Fatal("a change to the corpus file did not reload it")
	}
	for _, tt := range []struct {
		file   string
		reload bool
	}{
		{"sources/other.txt", false},
		{"sources/a.txt", true},
		{"coders/kim.yaml", true},
	} {
		within := 3 * reloadDelay // enough to see a reload that should not come
		if tt.reload {
			within = 10 * time.Second
		}
		if got := changed(tt.file, within); got != tt.reload {
			t.Errorf("a change to %s: reloaded %v, want %v", tt.file, got, tt.reload)
		}
	}
}

// Stopping a watch at once, before its watches are set, is safe.
func TestWatchStoppedAtOnce(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "scm.yaml")
	for range 20 {
		watchCorpus(path, &data.Corpus{Path: path}, func() { t.Error("reloaded") }).stop()
	}
}
