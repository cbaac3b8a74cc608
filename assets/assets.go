// Package assets owns the files compiled into the binary: the built-in
// corpus (a YAML file and its source texts).
package assets

import (
	"embed"
	"io/fs"
)

//go:embed corpus
var files embed.FS

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
