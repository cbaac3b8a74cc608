package edit

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	pathpkg "path"
	"path/filepath"

	"github.com/alliance-timeline/alliance-timeline/atomicfile"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
)

// The one way an edited corpus file is read and written, for the window
// and the command line alike.

// ReadFile reads the corpus file at path as it is on disk now.
func ReadFile(path string) ([]byte, error) {
	folder, name, err := load.OpenCorpusFolder(path)
	if err != nil {
		return nil, err
	}
	defer folder.Close()
	raw, _, err := load.ReadLimited(folder, name, load.MaxCorpusBytes)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return raw, nil
}

// ReadBeside reads a file the corpus file at path names by a path relative
// to itself (a coder's annotation file), as it is on disk now, through the
// corpus folder: never through a link out of it.
func ReadBeside(path, rel string) ([]byte, error) {
	folder, name, err := load.OpenCorpusFolder(path)
	if err != nil {
		return nil, err
	}
	defer folder.Close()
	raw, _, err := load.ReadLimited(folder, pathInFolder(name, rel), load.MaxCorpusBytes)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", rel, err)
	}
	return raw, nil
}

// pathInFolder is rel, relative to the corpus file name, as the corpus
// folder's file system names it.
func pathInFolder(name, rel string) string {
	return pathpkg.Join(pathpkg.Dir(filepath.ToSlash(name)), pathpkg.Clean(rel))
}

// Load loads the corpus file at path as if it held raw (its source files
// and the coders' annotation files read from disk); a corpus with errors
// is an error that names them.
func Load(path string, raw []byte) (*data.Corpus, error) { return LoadEdited(path, raw, nil) }

// LoadEdited is Load with the coders' annotation files named in edited
// (by the path the corpus lists) read as the bytes given there.
func LoadEdited(path string, raw []byte, edited map[string][]byte) (*data.Corpus, error) {
	folder, name, err := load.OpenCorpusFolder(path)
	if err != nil {
		return nil, err
	}
	defer folder.Close()
	res, err := load.Read(folder, name, path, load.Options{Corpus: raw, AnnotationFiles: edited})
	if err != nil {
		return nil, err
	}
	if res.Corpus == nil {
		return nil, fmt.Errorf("it would load with %s", res.Problems.Summary())
	}
	return res.Corpus, nil
}

// ErrLink is WriteChecked's error for a corpus file that is a symbolic
// link: the edit would be written wherever the link leads.
var ErrLink = errors.New("the corpus file is a symbolic link; open the file it leads to, to edit it")

// WriteChecked replaces the corpus file at path with edited, made from
// the bytes read, once edited loads as want (Same) and the file is still
// what was read (else ErrChangedOnDisk); write replaces a file whole (nil
// is atomicfile.Write). On any error the file is left as it is.
func WriteChecked(path string, read, edited []byte, want *data.Corpus, write func(string, []byte) error) error {
	s := NewSession(read)
	s.Apply("", func([]byte) ([]byte, error) { return edited, nil })
	_, err := WriteSnapshot(path, s.Snapshot(), want, write)
	return err
}

// WriteSnapshot writes the files a snapshot of a session left unsaved:
// the corpus file at path and the coders' annotation files beside it,
// once the edits load as want (Same), no file is a symbolic link or lies
// out of the corpus folder, and every one is still what was read (else
// ErrChangedOnDisk, naming the first that is not). Each is replaced
// whole, the corpus file last; written lists those that were, as the
// session names them, for MarkSaved. Nothing is written when a check
// fails.
func WriteSnapshot(path string, snap Snapshot, want *data.Corpus, write func(string, []byte) error) (written []string, err error) {
	if write == nil {
		write = atomicfile.Write
	}
	changed := snap.Changed()
	if len(changed) == 0 {
		return nil, nil
	}
	if changed[0] == "" { // the corpus file last: it lists the others
		changed = append(changed[1:], "")
	}
	if isLink(path) {
		return nil, ErrLink
	}
	if err := loadsAs(path, snap.now[""], snap.Edited(), want); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, name := range changed {
		target, disk := path, []byte(nil)
		if name == "" {
			disk, err = ReadFile(path)
		} else {
			target = filepath.Join(filepath.Dir(path), filepath.FromSlash(pathpkg.Clean(name)))
			if isLink(target) {
				return nil, fmt.Errorf("%s is a symbolic link; nothing was written", name)
			}
			if !load.Inside(filepath.Dir(path), filepath.Dir(target)) {
				return nil, fmt.Errorf("%s lies out of the corpus folder; nothing was written", name)
			}
			disk, err = ReadBeside(path, name)
		}
		if err != nil {
			return nil, err
		}
		if read, _ := snap.File(name); !bytes.Equal(disk, read) {
			if name == "" {
				return nil, ErrChangedOnDisk
			}
			return nil, &FileChangedError{File: name}
		}
		targets[name] = target
	}
	for _, name := range changed {
		_, now := snap.File(name)
		if err := write(filepath.Clean(targets[name]), now); err != nil {
			return written, err
		}
		written = append(written, name)
	}
	return written, nil
}

// isLink reports whether path is a symbolic link.
func isLink(path string) bool {
	info, err := os.Lstat(path)
	return err == nil && info.Mode()&os.ModeSymlink != 0
}

// loadsAs checks that edited, the edits of the corpus file at path (with
// the coders' files as in coders), loads as want: the check before any
// write.
func loadsAs(path string, edited []byte, coders map[string][]byte, want *data.Corpus) error {
	got, err := LoadEdited(path, edited, coders)
	if err != nil {
		return fmt.Errorf("the edited file would not load (%w); nothing was written", err)
	}
	if err := Same(want, got); err != nil {
		return fmt.Errorf("the edited file would not load as the edits alone (%w); nothing was written", err)
	}
	return nil
}

// ErrExists is SaveAs's error for a file that is there already: it never
// replaces one.
var ErrExists = errors.New("that file exists already; choose a new name")

// SaveAs writes edited, the edits of the corpus file at path, to a new
// file newPath beside it (in its folder, so its source files are found
// the same way), once edited loads there as want. It never replaces a
// file: the bytes go to a temporary file that is then linked to the new
// name, which fails when the name is taken.
func SaveAs(path, newPath string, edited []byte, want *data.Corpus) error {
	if filepath.Dir(filepath.Clean(newPath)) != filepath.Dir(filepath.Clean(path)) {
		return fmt.Errorf("save the copy in the corpus file's folder (%s), so its sources are found", filepath.Dir(path))
	}
	if _, err := os.Lstat(newPath); err == nil {
		return ErrExists
	}
	if err := loadsAs(path, edited, nil, want); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(newPath), "."+filepath.Base(newPath)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(edited); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Link(tmp.Name(), newPath); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return ErrExists
		}
		return fmt.Errorf("save as %s: %w", filepath.Base(newPath), err)
	}
	return nil
}
