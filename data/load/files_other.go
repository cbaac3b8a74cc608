//go:build !linux

package load

import (
	"io/fs"
	"os"
)

// readWhole reads through the root. The file is checked before it is
// opened, so a named pipe cannot make the load wait for a writer.
func (f *Folder) readWhole(name string, limit int64) ([]byte, Stamp, error) {
	info, err := f.root.Stat(name)
	if err != nil {
		return nil, Stamp{}, err
	}
	if err := checkRegular(name, info.Mode(), info.Size(), limit); err != nil {
		return nil, Stamp{}, err
	}
	file, err := f.root.Open(name)
	if err != nil {
		return nil, Stamp{}, err
	}
	defer file.Close()
	return readOpened(file, name, limit)
}

// openRegular opens name through the root for reading as a stream, after
// checking that it is a regular file of at most limit bytes (checked
// before it is opened, so a named pipe cannot block the open).
func (f *Folder) openRegular(name string, limit int64) (*os.File, error) {
	info, err := f.root.Stat(name)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(name, info.Mode(), info.Size(), limit); err != nil {
		return nil, err
	}
	return f.root.Open(name)
}

var _ fs.FS = (*Folder)(nil)

// ReadExpecting reads a file that should have size bytes; elsewhere than
// Linux it is readWhole.
func (f *Folder) ReadExpecting(name string, size, limit int64) ([]byte, error) {
	data, _, err := f.readWhole(name, limit)
	return data, err
}

// Stamp is name's stamp now, without opening it: the stat of the name
// itself, a symbolic link's own. Elsewhere than on Linux it is never Known
// (stampOfSys), and the cache reads every file again.
func (f *Folder) Stamp(name string) (Stamp, error) {
	info, err := f.root.Lstat(name)
	if err != nil {
		return Stamp{}, err
	}
	return stampOfInfo(info), nil
}
