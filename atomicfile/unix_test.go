//go:build unix

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A new file gets 0666 less the umask; a replaced one keeps its mode.
func TestModes(t *testing.T) {
	dir := t.TempDir()
	fresh := filepath.Join(dir, "new.png")
	if err := Write(fresh, []byte("x")); err != nil {
		t.Fatal(err)
	}
	umask := syscall.Umask(0)
	syscall.Umask(umask)
	if info, _ := os.Stat(fresh); info.Mode().Perm() != 0o666&^fs.FileMode(umask) {
		t.Errorf("a new file has mode %v, want %v", info.Mode().Perm(), 0o666&^fs.FileMode(umask))
	}
	for _, mode := range []fs.FileMode{0o644, 0o640, 0o600, 0o664} {
		path := filepath.Join(dir, "old.csv")
		os.WriteFile(path, []byte("old"), 0o600)
		os.Chmod(path, mode)
		if err := Write(path, []byte("new")); err != nil {
			t.Fatal(err)
		}
		if info, _ := os.Stat(path); info.Mode().Perm() != mode {
			t.Errorf("replacing a %v file left %v", mode, info.Mode().Perm())
		}
	}
}

// A temporary whose writer was killed is removed by the next write of the
// same target; a live writer's temporary, another target's and a link are
// left alone.
func TestStaleTemporariesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "chart.png")
	stale := filepath.Join(dir, ".chart.png.tmp-123456")
	other := filepath.Join(dir, ".other.png.tmp-123456")
	for _, p := range []string{stale, other} {
		os.WriteFile(p, []byte("half"), 0o600)
	}
	live, err := osFiles{}.CreateTemp(dir, tempPattern(path), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	if err := lock(live.Fd()); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "precious")
	os.WriteFile(outside, []byte("keep"), 0o644)
	link := filepath.Join(dir, ".chart.png.tmp-link")
	os.Symlink(outside, link)
	if err := Write(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the stale temporary is still there: %v", err)
	}
	for _, p := range []string{other, live.Name(), link, outside} {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s was removed: %v", p, err)
		}
	}
}
