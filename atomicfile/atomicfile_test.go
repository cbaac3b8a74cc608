package atomicfile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesAndLeavesNothingBehind(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.png")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Join(dir, "missing", "x.png"), []byte("new")); err == nil {
		t.Error("writing into a missing folder: want an error")
	}
	if err := Write(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("the file is %q after a good write", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}
}

// faultyFiles fails one step of an atomic write, the way a full disk, a
// refused rename or a process killed mid-write would.
type faultyFiles struct {
	failAt string // "create", "write", "half", "sync", "close" or "rename"
}

type faultyTemp struct {
	*os.File
	failAt string
}

var errFault = errors.New("simulated fault")

func (f faultyFiles) CreateTemp(dir, pattern string, perm fs.FileMode) (tempFile, error) {
	if f.failAt == "create" {
		return nil, errFault
	}
	t, err := osFiles{}.CreateTemp(dir, pattern, perm)
	if err != nil {
		return nil, err
	}
	return faultyTemp{t.(*os.File), f.failAt}, nil
}
func (f faultyFiles) Chmod(name string, mode fs.FileMode) error { return os.Chmod(name, mode) }
func (f faultyFiles) Rename(from, to string) error {
	if f.failAt == "rename" {
		return errFault
	}
	return os.Rename(from, to)
}
func (f faultyFiles) Remove(name string) error { return os.Remove(name) }

func (t faultyTemp) Write(p []byte) (int, error) {
	switch t.failAt {
	case "write": // the disk is full
		return 0, errFault
	case "half": // the write stops halfway
		n, _ := t.File.Write(p[:len(p)/2])
		return n, errFault
	}
	return t.File.Write(p)
}
func (t faultyTemp) Sync() error {
	if t.failAt == "sync" {
		return errFault
	}
	return t.File.Sync()
}
func (t faultyTemp) Close() error {
	err := t.File.Close()
	if t.failAt == "close" {
		return errFault
	}
	return err
}

func TestFaultsLeaveTheOldFileWhole(t *testing.T) {
	defer func(saved files) { fileSystem = saved }(fileSystem)
	for _, step := range []string{"create", "write", "half", "sync", "close", "rename"} {
		t.Run(step, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "chart.png")
			if err := os.WriteFile(path, []byte("the old file"), 0o644); err != nil {
				t.Fatal(err)
			}
			fileSystem = faultyFiles{failAt: step}
			err := Write(path, bytes.Repeat([]byte("new "), 1000))
			fileSystem = osFiles{}
			if !errors.Is(err, errFault) {
				t.Fatalf("err = %v, want the fault", err)
			}
			if b, _ := os.ReadFile(path); string(b) != "the old file" {
				t.Errorf("the old file became %q", b)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("left behind: %v", entries)
			}
		})
	}
}

func TestWriteFuncFailureLeavesTheOldFileWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "entry")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFunc(path, func(w io.Writer) error {
		w.Write([]byte("half of the new"))
		return errFault
	})
	if !errors.Is(err, errFault) {
		t.Fatalf("err = %v, want the fault", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("the old file became %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}
