// Package gcpause pauses Go's garbage collector for work that allocates
// only what it keeps, such as decoding a corpus from the cache: a
// collection then frees nothing, yet in a fresh process, whose heap grows
// from nothing, one runs at each doubling and marks everything made so far
// (120 of the 180 ms a 100,000-meeting cache entry took to decode in the
// window; BENCHMARKS.md). A memory limit still bounds the process while
// paused: past it the collector runs as usual.
package gcpause

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// Hold pauses the collector until end is called (a second call does
// nothing). While paused, the memory limit is the memory in use at the
// start plus budget bytes, or the limit already set when that is lower.
// Holds may overlap; the collector's settings come back when the last
// ends.
func Hold(budget int64) (end func()) {
	state.Lock()
	if state.holds == 0 {
		state.percent = debug.SetGCPercent(-1)
		state.limit = debug.SetMemoryLimit(-1)
		debug.SetMemoryLimit(min(state.limit, saturatingAdd(memoryInUse(), max(budget, 0))))
	}
	state.holds++
	state.Unlock()
	var once sync.Once
	return func() { once.Do(release) }
}

// During runs f under a Hold.
func During(budget int64, f func()) {
	defer Hold(budget)()
	f()
}

// Linger ends a hold later: at the next Resume, or after at most d. The
// work that follows a decode (the views of what was decoded) keeps what it
// makes too, and the collection the pause put off then runs after it.
func Linger(end func(), d time.Duration) {
	state.Lock()
	state.lingering = append(state.lingering, end)
	state.Unlock()
	time.AfterFunc(d, end)
}

// Resume ends the holds that linger.
func Resume() {
	state.Lock()
	ends := state.lingering
	state.lingering = nil
	state.Unlock()
	for _, end := range ends {
		end()
	}
}

// Holding reports whether a hold is on: the collector is paused.
func Holding() bool {
	state.Lock()
	defer state.Unlock()
	return state.holds > 0
}

func release() {
	state.Lock()
	defer state.Unlock()
	if state.holds--; state.holds == 0 {
		debug.SetMemoryLimit(state.limit)
		debug.SetGCPercent(state.percent)
	}
}

// state is what the holds set aside.
var state struct {
	sync.Mutex
	holds     int
	percent   int
	limit     int64
	lingering []func()
}

// memoryInUse is the memory the runtime counts against its limit: all it
// has mapped, less what it gave back.
func memoryInUse() int64 {
	samples := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(samples)
	if samples[0].Value.Kind() != metrics.KindUint64 || samples[1].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(samples[0].Value.Uint64() - samples[1].Value.Uint64())
}

func saturatingAdd(a, b int64) int64 {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}
