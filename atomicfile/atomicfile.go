// Package atomicfile owns replacing a file whole: a temporary file beside
// the target, written, synced and renamed over it, so a full disk, a crash
// or a killed process never leaves a half-written file or damages the one
// it replaces. Exports and the corpus cache write through it.
package atomicfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// files is what Write needs of the operating system; tests swap
// it to simulate a full disk, a refused rename or a write cut short.
type files interface {
	CreateTemp(dir, pattern string) (tempFile, error)
	Rename(from, to string) error
	Remove(name string) error
}

type tempFile interface {
	Write(p []byte) (int, error)
	Sync() error
	Close() error
	Name() string
}

type osFiles struct{}

func (osFiles) CreateTemp(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }
func (osFiles) Rename(from, to string) error                     { return os.Rename(from, to) }
func (osFiles) Remove(name string) error                         { return os.Remove(name) }

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
	tmp, err := fileSystem.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer fileSystem.Remove(tmp.Name()) // nothing left to remove after the rename
	err = write(tmp)
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
