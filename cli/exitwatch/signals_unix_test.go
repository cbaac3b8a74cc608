//go:build unix

package exitwatch

import (
	"syscall"
	"testing"
	"time"
)

// A SIGTERM, which Fyne answers with a quit the window never sees, starts
// the grace. The signal goes to this test process, which Signals' own
// registration keeps alive.
func TestSignalsStartTheGrace(t *testing.T) {
	exited := make(chan int, 1)
	w := New(time.Millisecond, func(c int) { exited <- c })
	stop := w.Signals()
	defer stop()
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-exited:
		if c != 0 {
			t.Errorf("exit status %d, want 0", c)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no exit after SIGTERM")
	}
}
