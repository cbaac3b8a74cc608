// Package atomicfile owns replacing a file whole: a temporary file beside
// the target, written, synced and renamed over it, so a full disk, a crash
// or a killed process never leaves a half-written file or damages the one
// it replaces. The new file keeps the mode of the one it replaces (a new
// one gets 0666 less the umask, as any program's would), and temporaries
// that a killed writer left behind are removed by the next write of the
// same target. Exports and the corpus cache write through it.
package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// files is what Write needs of the operating system; tests swap
// it to simulate a full disk, a refused rename or a write cut short.
type files interface {
	// CreateTemp creates a new file named by pattern ("*" is replaced by
	// random characters) in dir, with perm less the umask.
	CreateTemp(dir, pattern string, perm fs.FileMode) (tempFile, error)
	Chmod(name string, mode fs.FileMode) error
	Rename(from, to string) error
	Remove(name string) error
}

type tempFile interface {
	Write(p []byte) (int, error)
	Sync() error
	Close() error
	Name() string
	Fd() uintptr
}

type osFiles struct{}

func (osFiles) CreateTemp(dir, pattern string, perm fs.FileMode) (tempFile, error) {
	for range 100 {
		var random [6]byte
		rand.Read(random[:])
		name := filepath.Join(dir, pattern[:len(pattern)-1]+hex.EncodeToString(random[:]))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("no free temporary name in %s", dir)
}
func (osFiles) Chmod(name string, mode fs.FileMode) error { return os.Chmod(name, mode) }
func (osFiles) Rename(from, to string) error              { return os.Rename(from, to) }
func (osFiles) Remove(name string) error                  { return os.Remove(name) }

var fileSystem files = osFiles{}

// Write writes data to a temporary file beside path and renames it over
// path, so a failed or interrupted write leaves any old file whole.
func Write(path string, data []byte) error {
	return WriteFunc(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteFunc is Write for content that write produces as it goes, so a large
// file need not be held in memory whole. An error from write leaves any old
// file whole too.
func WriteFunc(path string, write func(io.Writer) error) error {
	dir, pattern := filepath.Dir(path), tempPattern(path)
	removeStale(dir, pattern)
	old, statErr := os.Stat(path)
	replacing := statErr == nil && old.Mode().IsRegular()
	tmp, err := fileSystem.CreateTemp(dir, pattern, 0o666)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer fileSystem.Remove(tmp.Name()) // nothing left to remove after the rename
	// While it is written, the temporary is locked: a later writer that
	// finds it unlocked knows its writer is gone.
	err = lock(tmp.Fd())
	if err == nil && replacing {
		err = fileSystem.Chmod(tmp.Name(), old.Mode().Perm())
	}
	if err == nil {
		err = write(tmp)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = fileSystem.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// tempPattern names the temporaries of path: hidden, beside it, and
// recognisable as its own.
func tempPattern(path string) string { return "." + filepath.Base(path) + ".tmp-*" }

// removeStale removes the temporaries of a target whose writers were
// killed: those no live writer holds locked.
func removeStale(dir, pattern string) {
	names, err := filepath.Glob(filepath.Join(dir, globEscape(pattern)))
	if err != nil {
		return
	}
	for _, name := range names {
		if info, err := os.Lstat(name); err != nil || !info.Mode().IsRegular() {
			continue // never a link, never a folder
		}
		if abandoned(name) {
			fileSystem.Remove(name)
		}
	}
}

// globEscape escapes the metacharacters of a file name in a pattern but
// for the final "*".
func globEscape(pattern string) string {
	var out []byte
	body := pattern[:len(pattern)-1]
	for i := 0; i < len(body); i++ {
		switch body[i] {
		case '*', '?', '[', '\\':
			out = append(out, '\\')
		}
		out = append(out, body[i])
	}
	return string(out) + "*"
}
