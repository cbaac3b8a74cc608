package gcpause

import (
	"math"
	"runtime"
	"runtime/debug"
	"sync"
	"testing"
	"time"
)

// gcPercent reads the collector's setting, under the holds' lock so that
// no hold ends while it is read (reading it sets it).
func gcPercent() int {
	state.Lock()
	defer state.Unlock()
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

// During pauses the collector while any call runs, under a
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
					During(tc.budget, func() {
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

// A lingering hold ends at Resume, or by itself after its time.
func TestLingerEndsAtResumeOrInTime(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	if Holding() {
		t.Fatal("holding before any hold")
	}
	Linger(Hold(1<<20), time.Hour)
	if p := gcPercent(); p != -1 || !Holding() {
		t.Fatalf("collector at %d%% while a hold lingers, holding %v", p, Holding())
	}
	Resume()
	if p := gcPercent(); p != 100 || Holding() {
		t.Fatalf("collector at %d%% after Resume, holding %v; want 100, false", p, Holding())
	}
	Linger(Hold(1<<20), 20*time.Millisecond)
	deadline := time.Now().Add(5 * time.Second)
	for gcPercent() != 100 {
		if time.Now().After(deadline) {
			t.Fatal("the lingering hold did not end in its time")
		}
		time.Sleep(5 * time.Millisecond)
	}
	Resume() // its end was called already: nothing to do twice
	if p := gcPercent(); p != 100 {
		t.Fatalf("collector at %d%% after a second end; want 100", p)
	}
}

// A hold whose budget is spent gives the collector its settings back while
// it is still on, and the work goes on collecting as usual; ending it
// later changes nothing. A hold that ends unspent leaves no watcher behind.
func TestSpentPauseCollectsAsUsual(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	goroutines := runtime.NumGoroutine()
	During(1<<30, func() {})
	for deadline := time.Now().Add(5 * time.Second); runtime.NumGoroutine() > goroutines; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines after an unspent hold; %d before", runtime.NumGoroutine(), goroutines)
		}
	}

	end := Hold(16 << 20)
	if !Holding() || gcPercent() != -1 {
		t.Fatal("not paused at the start of the hold")
	}
	collections := func() uint32 { var m runtime.MemStats; runtime.ReadMemStats(&m); return m.NumGC }
	before := collections()
	var kept [][]byte // what the work keeps: past the budget
	deadline := time.Now().Add(10 * time.Second)
	for Holding() {
		if time.Now().After(deadline) {
			t.Fatalf("still paused with %d MiB kept on a 16 MiB budget", len(kept))
		}
		kept = append(kept, make([]byte, 1<<20))
		time.Sleep(time.Millisecond)
	}
	if p := gcPercent(); p != 100 {
		t.Errorf("collector at %d%% once the pause is spent; want 100", p)
	}
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		t.Errorf("memory limit %d once the pause is spent; want none", l)
	}
	for range 64 { // garbage now, which the collector collects
		_ = append([]byte(nil), make([]byte, 1<<20)...)
	}
	runtime.KeepAlive(kept)
	if collections() == before {
		t.Error("no collection after the pause was spent")
	}
	end()
	if p := gcPercent(); p != 100 || Holding() {
		t.Errorf("collector at %d%% after the spent hold ended, holding %v", p, Holding())
	}
}
