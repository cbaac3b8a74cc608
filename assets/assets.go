// Package assets owns the files compiled into the binary: the built-in
// corpus (a YAML file and its source texts), the chart font with Hangul and
// the app's icon.
package assets

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
)

//go:embed corpus
var files embed.FS

// Icon is the app's icon (drawn by icongen.go), 1024×1024 PNG.
//
//go:embed icon.png
var Icon []byte

// WindowIcon is the same icon at 256×256 for the window (icongen.go):
// GLFW gives X the whole image at every start, 8 bytes a pixel, and the
// desktop draws it at 16–64 px.
//
//go:embed icon-window.png
var WindowIcon []byte

// NanumGothic is a TrueType font with Hangul (SIL Open Font License 1.1,
// see fonts/OFL-NanumGothic.txt), for chart labels in Korean: the charts'
// renderer reads TrueType only.
//
//go:embed fonts/NanumGothic.ttf
var NanumGothic []byte

// HangulFallback is NanumGothic's Hangul alone (scripts/make-hangul-font.sh:
// syllables, jamo, CJK punctuation and full-width forms; renamed, as the
// licence asks of a modified font), for the window's theme, which puts it
// before the default font: a font without Latin letters leaves Latin text
// to the default font, and Hangul is drawn on machines without a Korean
// font.
//
//go:embed fonts/HangulFallback.ttf
var HangulFallback []byte

// CorpusFile is the built-in corpus' file inside CorpusFS.
const CorpusFile = "scm.yaml"

// CorpusName is how messages and window titles name the built-in corpus.
const CorpusName = "built-in/scm.yaml"

// CorpusFS holds the built-in corpus file and its sources folder.
func CorpusFS() fs.FS {
	sub, err := fs.Sub(files, "corpus")
	if err != nil {
		panic(err) // the embedded folder is fixed at build time
	}
	return sub
}

// LoadCorpus loads the built-in corpus: the one way the command line, the
// window and the tests open it.
func LoadCorpus() (*data.Corpus, data.Problems, error) {
	return load.FS(CorpusFS(), CorpusFile, CorpusName)
}

// WriteCorpus writes the built-in corpus into a new folder inside
// parent ("alliance-timeline-corpus", or with a number when that is taken)
// and returns its corpus file. It creates every file anew: nothing there
// is overwritten.
func WriteCorpus(parent string) (string, error) {
	var dir string
	for n := 1; n < 100; n++ {
		dir = filepath.Join(parent, "alliance-timeline-corpus")
		if n > 1 {
			dir += fmt.Sprintf("-%d", n)
		}
		if err := os.Mkdir(dir, 0o755); err == nil {
			break
		} else if !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("make a folder for the copy: %w", err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return "", err
	}
	defer root.Close()
	src := CorpusFS()
	err = fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == "." {
			return err
		}
		if d.IsDir() {
			return root.Mkdir(p, 0o755)
		}
		raw, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		f, err := root.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		if _, err := f.Write(raw); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	})
	if err != nil {
		return "", fmt.Errorf("copy the built-in corpus to %s: %w", dir, err)
	}
	return filepath.Join(dir, CorpusFile), nil
}
