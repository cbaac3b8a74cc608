package load

import (
	"errors"
	"os"
	"path"
	"syscall"

	"golang.org/x/sys/unix"
)

// readWhole opens name relative to its folder's open handle, refusing to
// follow a symbolic link there (O_NOFOLLOW), and reads it with plain system
// calls: no walk from the root, no registering with the poller. A symbolic
// link and every failure go the portable way, through the root, which
// follows links that stay inside and gives the usual errors. O_NONBLOCK
// keeps a named pipe from blocking the open; it is then refused.
func (f *Folder) readWhole(name string, limit int64) ([]byte, Stamp, error) {
	if data, stamp, err := f.readDirect(name, limit, -1); !errors.Is(err, errTryPortable) {
		return data, stamp, err
	}
	file, err := f.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, Stamp{}, err
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
func (f *Folder) readDirect(name string, limit, expect int64) ([]byte, Stamp, error) {
	f.inUse.RLock()
	defer f.inUse.RUnlock()
	fd, stamp, err := f.openDirect(name, limit, expect)
	if err != nil {
		return nil, Stamp{}, err
	}
	defer syscall.Close(fd)
	data, err := readFD(fd, stamp.Size, limit)
	if err != nil {
		return nil, Stamp{}, &os.PathError{Op: "read", Path: name, Err: err}
	}
	return data, stamp, nil
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
func (f *Folder) readOffHeap(name string, limit int64) (data []byte, stamp Stamp, release func(), err error) {
	f.inUse.RLock()
	defer f.inUse.RUnlock()
	fd, stamp, err := f.openDirect(name, limit, -1)
	if err != nil {
		return nil, Stamp{}, nil, err
	}
	size := stamp.Size
	defer syscall.Close(fd)
	if size < offHeapBytes {
		return nil, Stamp{}, nil, errTryPortable
	}
	// One byte more than the file has: a file that grew since its stat
	// fills it, and is read again the usual way.
	mem, err := syscall.Mmap(-1, 0, int(size)+1, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil, Stamp{}, nil, errTryPortable
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
			return nil, Stamp{}, nil, &os.PathError{Op: "read", Path: name, Err: err}
		}
		if got == 0 {
			break
		}
		n += got
	}
	if n != int(size) {
		unmap() // the file changed size while it was read
		return nil, Stamp{}, nil, errTryPortable
	}
	return mem[:n:n], stamp, unmap, nil
}

// openDirect opens name through its folder's handle and checks it is a
// regular file within limit (unless expect, not negative, gives its size:
// the stamp then has that size alone); the caller holds inUse for reading
// and closes fd.
func (f *Folder) openDirect(name string, limit, expect int64) (fd int, stamp Stamp, err error) {
	d, base, err := f.handleOf(name)
	if err != nil {
		return -1, Stamp{}, err
	}
	err = retryEINTR(func() (err error) {
		fd, err = syscall.Openat(int(d.Fd()), base, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
		return err
	})
	if err != nil {
		return -1, Stamp{}, errTryPortable
	}
	if expect >= 0 {
		return fd, Stamp{Size: expect}, nil
	}
	var st unix.Stat_t
	if err := retryEINTR(func() error { return unix.Fstat(fd, &st) }); err != nil {
		syscall.Close(fd)
		return -1, Stamp{}, errTryPortable
	}
	if err := checkRegular(name, fileMode(&st), st.Size, limit); err != nil {
		syscall.Close(fd)
		return -1, Stamp{}, err
	}
	return fd, d.stampOf(&st), nil
}

// handleOf is the open handle of name's folder and name within it;
// errTryPortable when the folder cannot be kept open.
func (f *Folder) handleOf(name string) (dir *heldFolder, base string, err error) {
	if f.closed {
		return nil, "", os.ErrClosed
	}
	folder, base := path.Split(name)
	if folder == "" {
		folder = "."
	}
	if dir = f.folder(path.Clean(folder)); dir == nil {
		return nil, "", errTryPortable
	}
	return dir, base, nil
}

// fileMode is as much of a stat's mode as checkRegular needs.
func fileMode(st *unix.Stat_t) os.FileMode {
	switch st.Mode & unix.S_IFMT {
	case unix.S_IFREG:
		return 0
	case unix.S_IFDIR:
		return os.ModeDir
	}
	return os.ModeIrregular
}

// Stamp is name's stamp now, without opening it: the stat of the name
// itself, a symbolic link's own (which no file read through it has).
func (f *Folder) Stamp(name string) (Stamp, error) {
	f.inUse.RLock()
	defer f.inUse.RUnlock()
	d, base, err := f.handleOf(name)
	if errors.Is(err, errTryPortable) {
		info, err := f.root.Lstat(name)
		if err != nil {
			return Stamp{}, err
		}
		return stampOfInfo(info), nil // which cannot vouch: the folder's file system is not known
	}
	if err != nil {
		return Stamp{}, err
	}
	var st unix.Stat_t
	if err := retryEINTR(func() error { return unix.Fstatat(int(d.Fd()), base, &st, unix.AT_SYMLINK_NOFOLLOW) }); err != nil {
		return Stamp{}, &os.PathError{Op: "stat", Path: name, Err: err}
	}
	return d.stampOf(&st), nil
}

// stampOf is the stamp of a stat of a file in the folder: whole where the
// folder's file system vouches for it, else its size and time alone.
func (d *heldFolder) stampOf(st *unix.Stat_t) Stamp {
	s := Stamp{Size: st.Size, Mod: st.Mtim.Nano()}
	if d.stamps {
		s.Change, s.Device, s.Inode = st.Ctim.Nano(), st.Dev, st.Ino
	}
	return s
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
