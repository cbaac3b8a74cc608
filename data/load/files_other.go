//go:build !linux

package load

import (
	"io/fs"
	"time"
)

// readWhole reads through the root. The file is checked before it is
// opened, so a named pipe cannot make the load wait for a writer.
func (f *Folder) readWhole(name string, limit int64) ([]byte, time.Time, error) {
	info, err := f.root.Stat(name)
	if err != nil {
		return nil, time.Time{}, err
	}
	if err := checkRegular(name, info.Mode(), info.Size(), limit); err != nil {
		return nil, time.Time{}, err
	}
	file, err := f.root.Open(name)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer file.Close()
	return readOpened(file, name, limit)
}

var _ fs.FS = (*Folder)(nil)

// ReadExpecting reads a file that should have size bytes; elsewhere than
// Linux it is readWhole.
func (f *Folder) ReadExpecting(name string, size, limit int64) ([]byte, error) {
	data, _, err := f.readWhole(name, limit)
	return data, err
}
