//go:build unix

package load

import (
	"github.com/alliance-timeline/alliance-timeline/data"

	"os"
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

// Folder.Digest streams a regular file inside the folder and refuses the
// rest at once: a named pipe (without waiting for a writer), a link out,
// a file over the limit.
func TestDigestReadsOnlyRegularFilesInside(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("secret"), 0o644)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "c.yaml"), []byte("corpus: {}\n"), 0o644)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	if err := syscallSymlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "out")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	folder, err := OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	cases := []struct {
		name    string
		limit   int64
		wantErr string
	}{
		{"c.yaml", 1 << 20, ""},
		{"c.yaml", 5, "the limit is"},
		{"pipe", 1 << 20, "is not a regular file"},
		{"out", 1 << 20, "escapes"},
		{"missing", 1 << 20, "no such file"},
	}
	for _, tc := range cases {
		done := make(chan error, 1)
		var got Input
		go func() {
			var err error
			got, err = folder.Digest(tc.name, tc.limit)
			done <- err
		}()
		select {
		case err := <-done:
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("%s: %v", tc.name, err)
			case tc.wantErr == "" && got != inputOf("c.yaml", []byte("corpus: {}\n")):
				t.Errorf("%s: %+v, not the file's size and digest", tc.name, got)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Errorf("%s: error %v, want one with %q", tc.name, err, tc.wantErr)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: Digest waits", tc.name)
		}
	}
}
