package edit

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrHasCorpus is Create's error for a folder that holds a corpus already.
var ErrHasCorpus = errors.New("the folder holds a corpus already")

// CorpusFileName is the name a new corpus file takes.
const CorpusFileName = "corpus.yaml"

// Create writes a new, empty corpus (its title and format) as corpus.yaml
// in dir, making dir when it is not there, and gives the file's path. It
// never replaces a file: a folder that holds a corpus already (a
// corpus.yaml, or a YAML file with a top-level "corpus:" key) is
// ErrHasCorpus, and the file is created exclusively.
func Create(dir, title string) (string, error) {
	title = strings.TrimSpace(title)
	if title == "" {
		return "", errors.New("give the corpus a title")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("make %s: %w", dir, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !(strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")) {
			continue
		}
		if name == CorpusFileName || holdsCorpusKey(filepath.Join(dir, name)) {
			return "", fmt.Errorf("%w: %s", ErrHasCorpus, filepath.Join(dir, name))
		}
	}
	path := filepath.Join(dir, CorpusFileName)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("%w: %s", ErrHasCorpus, path)
		}
		return "", err
	}
	text := "# An Alliance Timeline corpus: see docs/corpus-format.md in the app's sources.\n" +
		"corpus:\n  title: " + quoted(title) + "\n  format: 1\n"
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		os.Remove(path) // ours, and half written
		return "", err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return "", err
	}
	return path, nil
}

// holdsCorpusKey reports whether a YAML file starts a line with "corpus:"
// in its first 64 KiB: a corpus file.
func holdsCorpusKey(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	raw, _ := io.ReadAll(io.LimitReader(f, 64<<10))
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "corpus:") {
			return true
		}
	}
	return false
}
