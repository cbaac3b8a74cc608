package data

import (
	"errors"
	"io"
	"os"
	"path"
	"syscall"
	"time"
)

// readWhole opens name relative to its folder's open handle, refusing to
// follow a symbolic link there (O_NOFOLLOW), and reads it with plain system
// calls: no walk from the root, no registering with the poller. A symbolic
// link and every failure go the portable way, through the root, which
// follows links that stay inside and gives the usual errors. O_NONBLOCK
// keeps a named pipe from blocking the open; it is then refused.
func (f *folderFiles) readWhole(name string, limit int64) ([]byte, time.Time, error) {
	dir, base := path.Split(name)
	if dir == "" {
		dir = "."
	}
	f.inUse.RLock()
	defer f.inUse.RUnlock()
	if f.closed {
		return nil, time.Time{}, os.ErrClosed
	}
	if d := f.folder(path.Clean(dir)); d != nil {
		if data, mod, err := readAt(int(d.Fd()), base, name, limit); !errors.Is(err, errTryPortable) {
			return data, mod, err
		}
	}
	file, err := f.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer file.Close()
	return readOpened(file, name, limit)
}

var errTryPortable = errors.New("read it through the root")

func readAt(dirfd int, base, name string, limit int64) ([]byte, time.Time, error) {
	var fd int
	err := retryEINTR(func() (err error) {
		fd, err = syscall.Openat(dirfd, base, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
		return err
	})
	if err != nil {
		return nil, time.Time{}, errTryPortable
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := retryEINTR(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		return nil, time.Time{}, errTryPortable
	}
	mode := os.FileMode(0)
	switch st.Mode & syscall.S_IFMT {
	case syscall.S_IFREG:
	case syscall.S_IFDIR:
		mode = os.ModeDir
	default:
		mode = os.ModeIrregular
	}
	if err := checkRegular(name, mode, st.Size, limit); err != nil {
		return nil, time.Time{}, err
	}
	data, err := readSized(fdReader(fd), st.Size, limit)
	if err != nil {
		return nil, time.Time{}, &os.PathError{Op: "read", Path: name, Err: err}
	}
	return data, time.Unix(st.Mtim.Unix()), nil
}

// fdReader reads a file descriptor; a read of 0 bytes is the end.
type fdReader int

func (fd fdReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	var n int
	err := retryEINTR(func() (err error) {
		n, err = syscall.Read(int(fd), p)
		return err
	})
	switch {
	case err != nil:
		return 0, err
	case n == 0:
		return 0, io.EOF
	}
	return n, nil
}

func retryEINTR(f func() error) error {
	for {
		if err := f(); !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}
