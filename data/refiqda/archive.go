package refiqda

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Bounds on what an imported project may hold, so a hostile archive
// cannot exhaust memory, disk or time. Everything is checked before the
// target folder is touched.
const (
	MaxEntries      = 50_000   // entries of the archive: a project of 50,000 sources at most
	MaxProjectBytes = 64 << 20 // project.qde
	MaxTextBytes    = 16 << 20 // one source's text, as a corpus' source file may be
	MaxTotalBytes   = 512 << 20
	// MaxRatio bounds how far an entry may inflate (a zip bomb's entry
	// holds gigabytes of zeros in kilobytes); small entries are spared,
	// as a short text of repeated words compresses well.
	MaxRatio      = 200
	ratioFreeSize = 1 << 20
)

// ErrHostile wraps every refusal of an archive for what it holds.
var ErrHostile = errors.New("the archive is refused")

// archive is a project's files: a .qdpx's entries, or a bare project.qde
// and the files beside it.
type archive interface {
	// read gives the file at name (slash-separated, relative), at most max
	// bytes; fs.ErrNotExist when there is none.
	read(name string, max int64) ([]byte, error)
	// names lists the files, for finding a text whatever the case of its
	// folder.
	names() []string
	Close() error
}

// zipArchive reads a .qdpx, with every entry checked when it opens.
type zipArchive struct {
	r     *zip.ReadCloser
	files map[string]*zip.File
	total int64 // bytes read so far
}

// openZip opens a .qdpx and checks its entries: their number, their names
// (no "..", absolute paths, drive letters, backslashes, NUL), no symbolic
// links, and the sizes and ratios their headers give.
func openZip(name string) (*zipArchive, error) {
	r, err := zip.OpenReader(name)
	if err != nil {
		return nil, fmt.Errorf("%w: %s is not a zip archive (a .qdpx is one): %v", ErrHostile, filepath.Base(name), err)
	}
	fail := func(format string, a ...any) (*zipArchive, error) {
		r.Close()
		return nil, fmt.Errorf("%w: "+format, append([]any{ErrHostile}, a...)...)
	}
	if len(r.File) > MaxEntries {
		return fail("it holds %d entries; a project may hold at most %d", len(r.File), MaxEntries)
	}
	z := &zipArchive{r: r, files: map[string]*zip.File{}}
	var declared uint64
	for _, f := range r.File {
		if why := badEntryName(f.Name); why != "" {
			return fail("the entry %q %s", clip(f.Name, 80), why)
		}
		mode := f.Mode()
		if mode&fs.ModeSymlink != 0 {
			return fail("the entry %q is a symbolic link", clip(f.Name, 80))
		}
		if mode.IsDir() || strings.HasSuffix(f.Name, "/") {
			continue
		}
		if f.UncompressedSize64 > ratioFreeSize && (f.CompressedSize64 == 0 || f.UncompressedSize64/f.CompressedSize64 > MaxRatio) {
			return fail("the entry %q inflates %d bytes to %d, more than %d times (a zip bomb)", clip(f.Name, 80), f.CompressedSize64, f.UncompressedSize64, MaxRatio)
		}
		declared += f.UncompressedSize64
		if declared > MaxTotalBytes {
			return fail("its entries hold more than %d MiB", MaxTotalBytes>>20)
		}
		z.files[f.Name] = f
	}
	return z, nil
}

// badEntryName says why an entry's name is refused ("" when it is not):
// it would lead out of the folder it is read into, or name nothing a file
// system can hold.
func badEntryName(name string) string {
	switch {
	case name == "":
		return "has no name"
	case strings.ContainsRune(name, 0):
		return "holds a NUL character"
	case strings.Contains(name, `\`):
		return "holds a backslash"
	case strings.HasPrefix(name, "/"):
		return "is an absolute path"
	case len(name) >= 2 && name[1] == ':':
		return "starts with a drive letter"
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." {
			return "climbs out of the folder with .."
		}
	}
	return ""
}

func (z *zipArchive) read(name string, max int64) ([]byte, error) {
	f := z.files[name]
	if f == nil {
		return nil, fs.ErrNotExist
	}
	if f.UncompressedSize64 > uint64(max) {
		return nil, fmt.Errorf("%w: %s holds %d MiB, more than %d MiB", ErrHostile, name, f.UncompressedSize64>>20, max>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	defer rc.Close()
	// The header may lie: read no more than it may hold.
	b, err := io.ReadAll(io.LimitReader(rc, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: %s holds more than %d MiB", ErrHostile, name, max>>20)
	}
	if z.total += int64(len(b)); z.total > MaxTotalBytes {
		return nil, fmt.Errorf("%w: its entries hold more than %d MiB", ErrHostile, MaxTotalBytes>>20)
	}
	return b, nil
}

func (z *zipArchive) names() []string {
	out := make([]string, 0, len(z.files))
	for n := range z.files {
		out = append(out, n)
	}
	return out
}

func (z *zipArchive) Close() error { return z.r.Close() }

// folderArchive reads a bare project.qde and the files beside it, never
// outside its folder (os.Root) and never through a symbolic link out of
// it.
type folderArchive struct {
	root  *os.Root
	qde   string
	total int64
}

func openFolder(qde string) (*folderArchive, error) {
	root, err := os.OpenRoot(filepath.Dir(qde))
	if err != nil {
		return nil, fmt.Errorf("open the folder of %s: %w", qde, err)
	}
	return &folderArchive{root: root, qde: filepath.Base(qde)}, nil
}

func (a *folderArchive) read(name string, max int64) ([]byte, error) {
	if name == "project.qde" {
		name = a.qde
	}
	if why := badEntryName(name); why != "" {
		return nil, fmt.Errorf("%w: the path %q %s", ErrHostile, clip(name, 80), why)
	}
	f, err := a.root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: %s is not a file", ErrHostile, name)
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: %s holds more than %d MiB", ErrHostile, name, max>>20)
	}
	if a.total += int64(len(b)); a.total > MaxTotalBytes {
		return nil, fmt.Errorf("%w: its files hold more than %d MiB", ErrHostile, MaxTotalBytes>>20)
	}
	return b, nil
}

func (a *folderArchive) names() []string {
	var out []string
	for _, dir := range []string{"sources", "Sources"} {
		entries, err := fs.ReadDir(a.root.FS(), dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			out = append(out, path.Join(dir, e.Name()))
		}
	}
	return out
}

func (a *folderArchive) Close() error { return a.root.Close() }

// textFiles finds the files plainTextPaths name: internal://NAME is NAME
// in the project's sources folder, whatever its case ("Sources/"). The
// archive's names are indexed once: a project may have tens of thousands.
type textFiles map[string]string // lower-cased name: the name

func indexTexts(a archive) textFiles {
	idx := textFiles{}
	for _, n := range a.names() {
		idx[strings.ToLower(n)] = n
	}
	return idx
}

func (idx textFiles) find(plainTextPath string) (string, bool) {
	name, ok := strings.CutPrefix(plainTextPath, "internal://")
	if !ok || name == "" {
		return "", false
	}
	n, ok := idx[strings.ToLower("sources/"+name)]
	return n, ok
}

// stripBOM drops a UTF-8 byte-order mark.
func stripBOM(b []byte) ([]byte, bool) {
	if bytes.HasPrefix(b, []byte("\ufeff")) {
		return b[3:], true
	}
	return b, false
}
