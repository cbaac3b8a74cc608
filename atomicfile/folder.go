package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// OpenEmptyFolder makes dir, or opens it when it is an empty folder (not
// a symbolic link to one), for a command (who, in messages) that writes a
// new corpus there and so must replace nothing. created says the folder
// was made here: a command that fails removes what it made.
func OpenEmptyFolder(dir, who string) (root *os.Root, created bool, err error) {
	info, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, false, fmt.Errorf("make %s: %w", dir, err)
		}
		created = true
	case err != nil:
		return nil, false, fmt.Errorf("open %s: %w", dir, err)
	case info.Mode()&fs.ModeSymlink != 0:
		return nil, false, fmt.Errorf("%s is a symbolic link; %s writes only into a real, new or empty folder", dir, who)
	case !info.IsDir():
		return nil, false, fmt.Errorf("%s exists and is not a folder; %s writes only into a new or empty folder", dir, who)
	}
	root, err = os.OpenRoot(dir)
	if err != nil {
		return nil, created, fmt.Errorf("open %s: %w", dir, err)
	}
	f, err := root.Open(".")
	if err == nil {
		var names []string
		names, err = f.Readdirnames(1)
		f.Close()
		if len(names) > 0 {
			root.Close()
			return nil, created, fmt.Errorf("%s is not empty; %s writes only into a new or empty folder, so that it replaces nothing", dir, who)
		}
		if errors.Is(err, io.EOF) {
			err = nil
		}
	}
	if err != nil {
		root.Close()
		return nil, created, fmt.Errorf("read %s: %w", dir, err)
	}
	return root, created, nil
}

// WriteNew creates name inside root, failing if anything (a file, a link)
// is already there, and writes data to it.
func WriteNew(root *os.Root, name string, data []byte) error {
	f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	return err
}
