package cache

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// withoutCollections runs f with the garbage collector paused, for work
// that allocates only what it keeps: decoding an entry. A collection then
// frees nothing, yet in a fresh process, whose heap grows from nothing, one
// runs at each doubling and marks everything decoded so far: 120 of the
// 180 ms a 100,000-meeting entry took to decode in the window
// (BENCHMARKS.md). A memory limit still bounds the process meanwhile (other
// goroutines allocate too): the memory in use when f starts plus budget
// bytes, or the limit already set when that is lower; past it the
// collector runs as usual.
//
// Calls may overlap; the collector's settings come back when the last
// ends.
func withoutCollections(budget int64, f func()) {
	pause.Lock()
	if pause.calls == 0 {
		pause.percent = debug.SetGCPercent(-1)
		pause.limit = debug.SetMemoryLimit(-1)
		debug.SetMemoryLimit(min(pause.limit, saturatingAdd(memoryInUse(), max(budget, 0))))
	}
	pause.calls++
	pause.Unlock()
	defer func() {
		pause.Lock()
		defer pause.Unlock()
		if pause.calls--; pause.calls == 0 {
			debug.SetMemoryLimit(pause.limit)
			debug.SetGCPercent(pause.percent)
		}
	}()
	f()
}

// pause is what withoutCollections set aside.
var pause struct {
	sync.Mutex
	calls   int
	percent int
	limit   int64
}

// pauseBudget is what decoding an entry of payload bytes may allocate
// before the collector runs anyway: the records it decodes take a few
// times the entry's bytes, which hold their texts.
func pauseBudget(payload int) int64 { return 8*int64(payload) + 64<<20 }

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
