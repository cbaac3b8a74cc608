package load

import (
	"errors"
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
func (f *Folder) readWhole(name string, limit int64) ([]byte, time.Time, error) {
	if data, mod, err := f.readDirect(name, limit, -1); !errors.Is(err, errTryPortable) {
		return data, mod, err
	}
	file, err := f.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer file.Close()
	return readOpened(file, name, limit)
}

// openRegular opens name through the root for reading as a stream, after
// checking that it is a regular file of at most limit bytes; O_NONBLOCK
// keeps a named pipe from blocking the open.
func (f *Folder) openRegular(name string, limit int64) (*os.File, error) {
	file, err := f.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	info, err := file.Stat()
	if err == nil {
		err = checkRegular(name, info.Mode(), info.Size(), limit)
	}
	if err != nil {
		file.Close()
		return nil, err
	}
	return file, nil
}

// ReadExpecting reads a file that should have size bytes, as a cache
// check does: it skips the stat, and a file of that size takes one read.
// A file of another size is read whole all the same (the caller compares).
func (f *Folder) ReadExpecting(name string, size, limit int64) ([]byte, error) {
	data, _, err := f.readDirect(name, limit, size)
	if errors.Is(err, errTryPortable) {
		data, _, err = f.readWhole(name, limit)
	}
	return data, err
}

// readDirect reads name through its folder's handle; expect, when not
// negative, is the size the caller expects, which saves the stat.
func (f *Folder) readDirect(name string, limit, expect int64) ([]byte, time.Time, error) {
	f.inUse.RLock()
	defer f.inUse.RUnlock()
	fd, size, mod, err := f.openDirect(name, limit, expect)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer syscall.Close(fd)
	data, err := readFD(fd, size, limit)
	if err != nil {
		return nil, time.Time{}, &os.PathError{Op: "read", Path: name, Err: err}
	}
	return data, mod, nil
}

// offHeapBytes is the size from which the corpus file is read outside the
// Go heap (readOffHeap).
const offHeapBytes = 4 << 20

// readOffHeap reads a large file into memory mapped for it outside the Go
// heap, which release unmaps. The load holds the corpus file's bytes only
// while it decodes them, but in the heap they count toward the collector's
// goal, which is twice what is live: the peer's 31 MB file made the first
// open's peak 70 MB higher (BENCHMARKS.md). Nothing may keep a slice of
// the bytes past release: every value decoded from them is a copy. A file
// under offHeapBytes, and one that changes size while it is read, is left
// to the ordinary read (errTryPortable).
func (f *Folder) readOffHeap(name string, limit int64) (data []byte, release func(), err error) {
	f.inUse.RLock()
	defer f.inUse.RUnlock()
	fd, size, _, err := f.openDirect(name, limit, -1)
	if err != nil {
		return nil, nil, err
	}
	defer syscall.Close(fd)
	if size < offHeapBytes {
		return nil, nil, errTryPortable
	}
	// One byte more than the file has: a file that grew since its stat
	// fills it, and is read again the usual way.
	mem, err := syscall.Mmap(-1, 0, int(size)+1, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil, nil, errTryPortable
	}
	unmap := func() { syscall.Munmap(mem) }
	n := 0
	for n < len(mem) {
		var got int
		err := retryEINTR(func() (err error) {
			got, err = syscall.Pread(fd, mem[n:], int64(n))
			return err
		})
		if err != nil {
			unmap()
			return nil, nil, &os.PathError{Op: "read", Path: name, Err: err}
		}
		if got == 0 {
			break
		}
		n += got
	}
	if n != int(size) {
		unmap() // the file changed size while it was read
		return nil, nil, errTryPortable
	}
	return mem[:n:n], unmap, nil
}

// openDirect opens name through its folder's handle and checks it is a
// regular file within limit (unless expect, not negative, gives its size);
// the caller holds inUse for reading and closes fd.
func (f *Folder) openDirect(name string, limit, expect int64) (fd int, size int64, mod time.Time, err error) {
	if f.closed {
		return -1, 0, time.Time{}, os.ErrClosed
	}
	dir, base := path.Split(name)
	if dir == "" {
		dir = "."
	}
	d := f.folder(path.Clean(dir))
	if d == nil {
		return -1, 0, time.Time{}, errTryPortable
	}
	err = retryEINTR(func() (err error) {
		fd, err = syscall.Openat(int(d.Fd()), base, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
		return err
	})
	if err != nil {
		return -1, 0, time.Time{}, errTryPortable
	}
	size = expect
	if expect < 0 {
		var st syscall.Stat_t
		if err := retryEINTR(func() error { return syscall.Fstat(fd, &st) }); err != nil {
			syscall.Close(fd)
			return -1, 0, time.Time{}, errTryPortable
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
			syscall.Close(fd)
			return -1, 0, time.Time{}, err
		}
		size, mod = st.Size, time.Unix(st.Mtim.Unix())
	}
	return fd, size, mod, nil
}

// readFD reads fd to its end. When a read comes back short with exactly
// size bytes in hand, that is the end of a regular file and the final read
// that would return 0 is saved; otherwise it reads until a read returns 0.
func readFD(fd int, size, limit int64) ([]byte, error) {
	buf := make([]byte, 0, min(max(size, 0), limit)+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		want := cap(buf) - len(buf)
		var n int
		err := retryEINTR(func() (err error) {
			n, err = syscall.Read(fd, buf[len(buf):cap(buf)])
			return err
		})
		if err != nil {
			return nil, err
		}
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, &tooBigError{int64(len(buf)), limit}
		}
		if n == 0 || (n < want && int64(len(buf)) == size) {
			return buf, nil
		}
	}
}

func retryEINTR(f func() error) error {
	for {
		if err := f(); !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}
