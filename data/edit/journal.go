package edit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/alliance-timeline/alliance-timeline/atomicfile"
)

// Journal keeps the unsaved edits of corpus files in a folder of its own
// (the user's cache folder), written after every edit, so that a crash or
// a kill loses none: the next start finds them and offers to restore them.
// An entry names the corpus file, the digest of the bytes the edits were
// made on, when it was written, and the edited bytes.
type Journal struct {
	Dir string
}

// Entry is a corpus file's unsaved edits.
type Entry struct {
	Corpus  string    // the corpus file, as an absolute path
	Base    [32]byte  // SHA-256 of the file the edits were made on
	Written time.Time // when the entry was written
	Bytes   []byte    // the file as edited
}

const journalMagic = "ALLIANCE-TIMELINE JOURNAL 1\n"

// DefaultJournalDir is the journal's folder in the user's cache folder.
func DefaultJournalDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find the cache folder: %w", err)
	}
	return filepath.Join(dir, "alliance-timeline", "journal"), nil
}

func (j Journal) path(corpus string) string {
	sum := sha256.Sum256([]byte(corpus))
	return filepath.Join(j.Dir, hex.EncodeToString(sum[:16])+".journal")
}

// Write keeps the edits of a corpus file made on base.
func (j Journal) Write(corpus string, base, edited []byte) error {
	if err := os.MkdirAll(j.Dir, 0o700); err != nil {
		return fmt.Errorf("make the journal folder: %w", err)
	}
	sum := sha256.Sum256(base)
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s%s\n%s\n%s\n", journalMagic, corpus, hex.EncodeToString(sum[:]), time.Now().UTC().Format(time.RFC3339))
	b.Write(edited)
	if err := atomicfile.Write(j.path(corpus), b.Bytes()); err != nil {
		return fmt.Errorf("write the journal: %w", err)
	}
	return nil
}

// Read finds the unsaved edits of a corpus file; ok is false when there
// are none (or the entry is damaged, which counts as none).
func (j Journal) Read(corpus string) (e Entry, ok bool) {
	raw, err := os.ReadFile(j.path(corpus))
	if err != nil || !bytes.HasPrefix(raw, []byte(journalMagic)) {
		return Entry{}, false
	}
	rest := string(raw[len(journalMagic):])
	parts := strings.SplitN(rest, "\n", 4)
	if len(parts) != 4 || parts[0] != corpus {
		return Entry{}, false
	}
	sum, err := hex.DecodeString(parts[1])
	if err != nil || len(sum) != 32 {
		return Entry{}, false
	}
	written, err := time.Parse(time.RFC3339, parts[2])
	if err != nil {
		return Entry{}, false
	}
	e = Entry{Corpus: corpus, Written: written, Bytes: []byte(parts[3])}
	copy(e.Base[:], sum)
	return e, true
}

// Drop forgets a corpus file's unsaved edits (they were saved or
// discarded).
func (j Journal) Drop(corpus string) error {
	err := os.Remove(j.path(corpus))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}
