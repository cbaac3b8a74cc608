package cli

import (
	"os"
	"sync"
	"time"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
)

// LoadFunc loads a corpus ("" for the built-in one), reporting its
// progress to progress when it can: the window's loader.
type LoadFunc = func(path string, progress *load.Progress) (*data.Corpus, data.Problems, error)

// Prefetch starts loading the corpus at path with loadFunc at once, and
// returns a loader that serves its first call for the same file from that
// load, waiting for it while passing on its progress; every other call
// loads afresh. The window is built while its corpus loads: at 100,000
// meetings a reopen through the cache is done about when the window is
// (BENCHMARKS.md), where it used to start only then.
func Prefetch(loadFunc LoadFunc, path string) LoadFunc {
	p := &prefetch{path: path, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		p.corpus, p.problems, p.err = loadFunc(path, &p.progress)
	}()
	return func(path string, progress *load.Progress) (*data.Corpus, data.Problems, error) {
		if !p.take(path) {
			return loadFunc(path, progress)
		}
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-p.done:
				progress.Report(p.progress.Fraction())
				return p.corpus, p.problems, p.err
			case <-tick.C:
				progress.Report(p.progress.Fraction())
			}
		}
	}
}

// prefetch is a load started ahead of the window's asking.
type prefetch struct {
	path     string
	mu       sync.Mutex
	taken    bool
	done     chan struct{}
	progress load.Progress
	corpus   *data.Corpus
	problems data.Problems
	err      error
}

// take reports whether a call for path is the one the load was started
// for: the first call, for the same file. A later call loads afresh (the
// file may have changed since), and so does the first for another file.
func (p *prefetch) take(path string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	first := !p.taken
	p.taken = true
	return first && sameFile(path, p.path)
}

// sameFile reports whether two paths name one file, however each is
// written (relative, absolute, through a link); "" is the built-in corpus.
func sameFile(a, b string) bool {
	if a == b {
		return true
	}
	if a == "" || b == "" {
		return false
	}
	ai, errA := os.Stat(a)
	bi, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ai, bi)
}
