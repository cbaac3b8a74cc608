//go:build unix

package load

import (
	"github.com/alliance-timeline/alliance-timeline/data"

	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe named as a source file would make a plain open wait for a
// writer forever; the loader refuses it at once.
func TestNamedPipeSourceIsRefusedWithoutWaiting(t *testing.T) {
	for _, how := range []string{"directly", "through a link inside"} {
		t.Run(how, func(t *testing.T) {
			name := "pipe.txt"
			if how != "directly" {
				name = "link.txt"
			}
			path := writeCorpus(t, map[string]string{
				"corpus/c.yaml": strings.Replace(baseCorpus, "file: s1.txt", "file: "+name, 1),
			})
			dir := filepath.Dir(path)
			if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
			if how != "directly" {
				if err := syscallSymlink("pipe.txt", filepath.Join(dir, "link.txt")); err != nil {
					t.Skip("no symlinks here:", err)
				}
			}
			done := make(chan data.Problems, 1)
			go func() {
				_, ps, _ := File(path)
				done <- ps
			}()
			select {
			case ps := <-done:
				if !strings.Contains(ps.String(), "is not a regular file") {
					t.Fatalf("got:\n%s", ps)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("the load waits on the named pipe")
			}
		})
	}
}

func syscallSymlink(target, link string) error { return syscall.Symlink(target, link) }
