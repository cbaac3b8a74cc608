package exitwatch

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestWatch(t *testing.T) {
	tests := []struct {
		name     string
		grace    time.Duration
		calls    func(w *Watch)
		wantExit bool
	}{
		{"a quit that does not end is ended", time.Millisecond, func(w *Watch) { w.Quitting() }, true},
		{"asked twice, ended once", time.Millisecond, func(w *Watch) { w.Quitting(); w.Quitting() }, true},
		{"a quit that ends in time is left alone", time.Hour, func(w *Watch) { w.Quitting(); w.Ended() }, false},
		{"an end before any quit", time.Millisecond, func(w *Watch) { w.Ended(); w.Quitting() }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var exits, code atomic.Int32
			code.Store(-1)
			w := New(tt.grace, func(c int) { exits.Add(1); code.Store(int32(c)) })
			tt.calls(w)
			select {
			case <-w.over:
			case <-time.After(10 * time.Second):
				t.Fatal("the grace never ended")
			}
			if got := exits.Load() == 1; got != tt.wantExit || exits.Load() > 1 {
				t.Fatalf("exits = %d, want exit %v", exits.Load(), tt.wantExit)
			}
			if tt.wantExit && code.Load() != 0 {
				t.Errorf("exit status %d, want 0", code.Load())
			}
		})
	}
}
