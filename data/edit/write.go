package edit

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
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

// Load loads the corpus file at path as if it held raw (its source files
// read from disk); a corpus with errors is an error that names them.
func Load(path string, raw []byte) (*data.Corpus, error) {
	folder, name, err := load.OpenCorpusFolder(path)
	if err != nil {
		return nil, err
	}
	defer folder.Close()
	res, err := load.Read(folder, name, path, load.Options{Corpus: raw})
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
	if write == nil {
		write = atomicfile.Write
	}
	if info, err := os.Lstat(path); err == nil && info.Mode()&os.ModeSymlink != 0 {
		return ErrLink
	}
	if err := loadsAs(path, edited, want); err != nil {
		return err
	}
	disk, err := ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Equal(disk, read) {
		return ErrChangedOnDisk
	}
	return write(filepath.Clean(path), edited)
}

// loadsAs checks that edited, the edits of the corpus file at path, loads
// as want: the check before any write.
func loadsAs(path string, edited []byte, want *data.Corpus) error {
	got, err := Load(path, edited)
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
	if err := loadsAs(path, edited, want); err != nil {
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
