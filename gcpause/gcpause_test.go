package cache

import (
	"math"
	"runtime/debug"
	"sync"
	"testing"
)

func gcPercent() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

// withoutCollections pauses the collector while any call runs, under a
// memory limit no higher than the one set, and restores both settings when
// the last overlapping call ends.
func TestWithoutCollectionsRestoresTheCollector(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(77))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	cases := []struct {
		name      string
		limit     int64
		budget    int64
		wantBelow int64 // the limit during the pause is at most this
	}{
		{"no limit set", math.MaxInt64, 1 << 20, math.MaxInt64 - 1},
		{"a lower limit set", 1 << 40, math.MaxInt64, 1 << 40},
		{"a negative budget", math.MaxInt64, -5, math.MaxInt64 - 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			debug.SetMemoryLimit(tc.limit)
			start := make(chan struct{})
			var wg sync.WaitGroup
			for range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					withoutCollections(tc.budget, func() {
						<-start
						if p := gcPercent(); p != -1 {
							t.Errorf("collector at %d%% during the pause", p)
						}
						if l := debug.SetMemoryLimit(-1); l > tc.wantBelow || l <= 0 {
							t.Errorf("memory limit %d during the pause; want at most %d", l, tc.wantBelow)
						}
					})
				}()
			}
			close(start)
			wg.Wait()
			if p := gcPercent(); p != 77 {
				t.Errorf("collector at %d%% after; want 77", p)
			}
			if l := debug.SetMemoryLimit(-1); l != tc.limit {
				t.Errorf("memory limit %d after; want %d", l, tc.limit)
			}
		})
	}
}
