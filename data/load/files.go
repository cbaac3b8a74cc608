package load

import (
	"errors"
	"io/fs"
	"os"
	"sync"
)

// wholeFileReader is a file system that reads a whole file in fewer steps
// than Open, Stat and Read through fs.File. Loading a corpus reads tens of
// thousands of small files, where those steps are most of the cost.
type wholeFileReader interface {
	readWhole(name string, limit int64) ([]byte, Stamp, error)
}

// offHeapReader is a file system that can read a large file outside the Go
// heap (the corpus folder, on Linux: files_linux.go); release frees it.
type offHeapReader interface {
	readOffHeap(name string, limit int64) (data []byte, stamp Stamp, release func(), err error)
}

// errTryPortable is a direct read's way of saying it was not made and the
// caller's other way should be taken: through the root for readWhole,
// ReadLimited for readCorpusFile.
var errTryPortable = errors.New("not read directly")

// readCorpusFile reads the corpus file, outside the Go heap where fsys can,
// with its stamp; release frees the bytes, which nothing may use after it.
func readCorpusFile(fsys fs.FS, name string) (raw []byte, stamp Stamp, release func(), err error) {
	if r, ok := fsys.(offHeapReader); ok {
		raw, stamp, release, err := r.readOffHeap(name, MaxCorpusBytes)
		if !errors.Is(err, errTryPortable) {
			return raw, stamp, release, err
		}
	}
	raw, stamp, err = ReadLimited(fsys, name, MaxCorpusBytes)
	return raw, stamp, func() {}, err
}

// Folder is the corpus folder as a file system. Everything is opened
// through an os.Root, so nothing outside the folder can be reached, symbolic
// links included. On Linux it keeps each folder it has read from open and
// opens files relative to it: one system call per file instead of a walk
// from the root (see files_linux.go).
type Folder struct {
	dir  string
	root *os.Root
	fs.ReadLinkFS

	// inUse is held for reading while a file is read through a folder's
	// handle, and for writing by Close: a handle closed mid-read could have
	// its number reused for an unrelated folder.
	inUse   sync.RWMutex
	closed  bool
	mu      sync.Mutex
	folders map[string]*heldFolder // by name inside the root; nil when it failed
}

// heldFolder is a folder kept open, and whether its file system's stamps
// vouch for its files' bytes (stampsVouch).
type heldFolder struct {
	*os.File
	stamps bool
}

// OpenFolder opens dir for reading through a Folder.
func OpenFolder(dir string) (*Folder, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &Folder{dir: dir, root: root, ReadLinkFS: root.FS().(fs.ReadLinkFS), folders: map[string]*heldFolder{}}, nil
}

// Dir is the folder as it was opened.
func (f *Folder) Dir() string { return f.dir }

// Close closes the root and the folders kept open.
func (f *Folder) Close() error {
	f.inUse.Lock()
	defer f.inUse.Unlock()
	f.closed = true
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, d := range f.folders {
		if d != nil {
			d.Close()
		}
	}
	f.folders = nil
	return f.root.Close()
}

// folder returns the open folder name (inside the root), opening it on the
// first call; nil when it cannot be opened.
func (f *Folder) folder(name string) *heldFolder {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, seen := f.folders[name]
	if !seen {
		if file, err := f.root.Open(name); err == nil {
			d = &heldFolder{File: file, stamps: stampsVouch(file)}
		}
		f.folders[name] = d
	}
	return d
}
