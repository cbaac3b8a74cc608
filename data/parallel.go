package data

import (
	"context"
	"runtime"
	"sync"
)

// EachSource calls do for every source, on all cores, handing the sources
// out in chunks: a corpus may have tens of thousands of them. do must be
// safe to run concurrently for different sources. It stops early when ctx
// is done, and then gives ctx's error.
func EachSource(ctx context.Context, sources []*Source, do func(i int, s *Source)) error {
	const chunk = 64
	workers := min(runtime.GOMAXPROCS(0), max(1, len(sources)/chunk))
	var mu sync.Mutex
	next := 0
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				mu.Lock()
				first := next
				next += chunk
				mu.Unlock()
				if first >= len(sources) {
					return
				}
				for i := first; i < min(first+chunk, len(sources)); i++ {
					do(i, sources[i])
				}
			}
		}()
	}
	wg.Wait()
	return ctx.Err()
}
