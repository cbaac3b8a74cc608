package cli

import (
	"runtime"
	"testing"

	"golang.org/x/sys/unix"
)

// A command runs on a goroutine of its own, away from the thread the
// caller is locked to (the binary's main goroutine, for the window), and
// its exit code comes back.
func TestCommandsRunOffTheCallersThread(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	caller := unix.Gettid()
	var ran int
	code := offCallersThread(func() int {
		ran = unix.Gettid()
		return ExitProblems
	})
	if code != ExitProblems {
		t.Errorf("exit code %d; want %d", code, ExitProblems)
	}
	if ran == caller {
		t.Errorf("the command ran on the caller's locked thread (%d)", caller)
	}
}
