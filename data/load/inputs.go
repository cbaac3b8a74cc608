package load

import (
	"crypto/sha256"
	"fmt"
	"io"
	"sync/atomic"
)

// Input is one file a load read: its name in the corpus folder's file
// system, its size and the SHA-256 of its bytes.
type Input struct {
	Name   string
	Size   int64
	Digest [sha256.Size]byte
}

// Digest reads the file name in the folder as a stream, without holding
// it, and returns its size and digest: how the cache checks a large corpus
// file it does not need the bytes of. A file over limit is an error.
func (f *Folder) Digest(name string, limit int64) (Input, error) {
	file, err := f.openRegular(name, limit)
	if err != nil {
		return Input{}, err
	}
	defer file.Close()
	sum := sha256.New()
	n, err := io.Copy(sum, io.LimitReader(file, limit+1))
	switch {
	case err != nil:
		return Input{}, fmt.Errorf("read %s: %w", name, err)
	case n > limit:
		return Input{}, &tooBigError{n, limit}
	}
	in := Input{Name: name, Size: n}
	sum.Sum(in.Digest[:0])
	return in, nil
}

func inputOf(name string, raw []byte) Input {
	return Input{Name: name, Size: int64(len(raw)), Digest: sha256.Sum256(raw)}
}

// Inputs is what a load read, recorded when Options.Digests asks: what the
// corpus cache keys its entries by.
type Inputs struct {
	Corpus  Input
	Sources []Input // by source index; no name for inline text
	// Annotations are the coders' annotation files, in the list's order.
	Annotations []Input
	// unsettled is set when a source file changed during the load.
	unsettled atomic.Bool
}

// Unsettled reports whether a source file changed while the load read it:
// what was anchored may then not be what the digest describes.
func (in *Inputs) Unsettled() bool { return in.unsettled.Load() }
