// Package exitwatch ends a window's process that its toolkit fails to end.
// Fyne 2.7.1, as its main loop stops, asks that loop to run the app's
// "stopped" hook and, in a short race, loses the request: the loop has
// already drained its queue and returned, and Run then waits for the hook
// for ever, the window gone and the process left behind (seen once in a
// few hundred quits here: a SIGTERM just after a load). The goroutine
// dump showed the event queue's goroutine in runOnMainWithWait and the main
// goroutine in Lifecycle.WaitForEvents. Once the app has begun to quit, a
// Watch gives it a grace period and then exits the process itself.
package exitwatch

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// Grace is how long a quitting window is given to end on its own. Its
// normal end takes tens of milliseconds: the stopped hook saves the
// preferences, and the main function returns.
const Grace = 2 * time.Second

// A Watch exits the process Grace after the app began to quit, unless the
// process ended first. Its zero value is not usable: use New.
type Watch struct {
	grace time.Duration
	exit  func(code int)
	once  sync.Once
	ended chan struct{}
	over  chan struct{} // closed when the grace has ended either way (tests wait for it)
}

// New returns a watch that calls exit (os.Exit for a process) when a quit
// has not ended within grace.
func New(grace time.Duration, exit func(code int)) *Watch {
	return &Watch{grace: grace, exit: exit, ended: make(chan struct{}), over: make(chan struct{})}
}

// Quitting says the app has begun to quit; it may be called any number of
// times, from any goroutine: the first call starts the grace period. The
// exit status is 0, as the quit's own end gives.
func (w *Watch) Quitting() {
	w.once.Do(func() {
		go func() {
			defer close(w.over)
			select {
			case <-w.ended: // before the quit: nothing to watch
				return
			default:
			}
			t := time.NewTimer(w.grace)
			defer t.Stop()
			select {
			case <-t.C:
				w.exit(0)
			case <-w.ended:
			}
		}()
	})
}

// Ended says the process is ending by itself: no exit is forced after it.
// It may be called once.
func (w *Watch) Ended() { close(w.ended) }

// Signals calls Quitting when the process receives SIGINT or SIGTERM,
// which Fyne answers with a quit of its own that the window does not see.
// stop ends the watching of signals.
func (w *Watch) Signals() (stop func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-c:
			w.Quitting()
		case <-done:
		}
	}()
	return func() { signal.Stop(c); close(done) }
}
