// Package gcpause pauses Go's garbage collector for work that allocates
// only what it keeps, such as decoding a corpus from the cache: a
// collection then frees nothing, yet in a fresh process, whose heap grows
// from nothing, one runs at each doubling and marks everything made so far
// (120 of the 180 ms a 100,000-meeting cache entry took to decode in the
// window; BENCHMARKS.md). A budget still bounds the process while paused:
// once the memory in use nears it, the pause is spent and the collector
// runs as usual until the hold ends.
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
// start plus budget bytes, or the limit already set when that is lower;
// once the memory in use comes within an eighth of the budget of that
// limit, the pause is spent: the collector's settings come back then, not
// only at the end. (Held at the limit, the collector would run nearly
// without pause when what is kept outgrows the budget: the memory limit's
// death spiral, which Go caps at half the CPU.) Holds may overlap; the
// collector's settings come back when the last ends.
func Hold(budget int64) (end func()) {
	state.Lock()
	if state.holds == 0 {
		state.percent = debug.SetGCPercent(-1)
		state.limit = debug.SetMemoryLimit(-1)
		inUse := memoryInUse()
		limit := min(state.limit, saturatingAdd(inUse, max(budget, 0)))
		debug.SetMemoryLimit(limit)
		state.spent = false
		state.stopWatch = make(chan struct{})
		go watch(state.stopWatch, limit-(limit-inUse)/8)
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

// Holding reports whether a hold is on and not spent: the collector is
// paused.
func Holding() bool {
	state.Lock()
	defer state.Unlock()
	return state.holds > 0 && !state.spent
}

func release() {
	state.Lock()
	defer state.Unlock()
	if state.holds--; state.holds == 0 {
		close(state.stopWatch)
		restore()
	}
}

// restore gives the collector back the settings the first hold found.
// Called with state locked.
func restore() {
	debug.SetMemoryLimit(state.limit)
	debug.SetGCPercent(state.percent)
}

// watchEvery is how often a pause looks at the memory in use: a load
// allocates some hundreds of megabytes a second, so the limit, an eighth
// of the budget further, is rarely reached first.
const watchEvery = 5 * time.Millisecond

// watch spends the pause once the memory in use reaches spendAt, unless
// stop is closed first (the last hold ended).
func watch(stop <-chan struct{}, spendAt int64) {
	tick := time.NewTicker(watchEvery)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
			if memoryInUse() < spendAt {
				continue
			}
			state.Lock()
			select {
			case <-stop: // ended meanwhile: its settings are back already
			default:
				state.spent = true
				restore()
			}
			state.Unlock()
			return
		}
	}
}

// state is what the holds set aside.
var state struct {
	sync.Mutex
	holds     int
	percent   int
	limit     int64
	spent     bool          // the pause ended early, the holds still on
	stopWatch chan struct{} // closed when the last hold ends
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
