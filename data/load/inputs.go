package load

import (
	"crypto/sha256"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Input is one file a load read: its name in the corpus folder's file
// system, its size and the SHA-256 of its bytes; for a source file, the
// stamp of the bytes read where the file system gives one.
type Input struct {
	Name   string
	Size   int64
	Digest [sha256.Size]byte
	Stamp  Stamp
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
	Corpus Input
	// Annotations are the coders' annotation files, in the list's order.
	Annotations []Input
	// unsettled is set when a source file changed during the load.
	unsettled atomic.Bool

	// The source files, by source index (no name for inline text). Their
	// digests are made when SourceFiles first asks, from the bytes the
	// load read (which the texts are made of, so they are kept anyway):
	// the cache entry, stored once the corpus is shown, is the only one to
	// need them, and SHA-256 runs at 1.2 GB/s here, 7 ms of a load of
	// gen's 8 MB of texts, most of a second for a gigabyte of them.
	sources  []Input
	read     [][]byte // the bytes of each file, as read
	digested sync.Once
	started  time.Time
}

// Started is when the load began, before it read any file.
func (in *Inputs) Started() time.Time { return in.started }

// SourceFiles returns the sources' files, by source index (no name for
// inline text), with their sizes and digests.
func (in *Inputs) SourceFiles() []Input {
	in.digested.Do(in.digestSources)
	return in.sources
}

// SourceBytes returns the bytes the load read from the file of the source
// at index i (nil for inline text). They are the text's: the caller must
// not change them.
func (in *Inputs) SourceBytes(i int) []byte { return in.read[i] }

// sourceRead records that the load read raw from the file name for the
// source at index i, with the file's stamp as it was read.
func (in *Inputs) sourceRead(i int, name string, raw []byte, stamp Stamp) {
	in.sources[i] = Input{Name: name, Size: int64(len(raw))}
	if stamp.Size == int64(len(raw)) { // else it changed between the stat and the read
		in.sources[i].Stamp = stamp
	}
	in.read[i] = raw // the bytes the text is made of, not a copy
}

// digestSources makes the digests of the source files read, on every
// core.
func (in *Inputs) digestSources() {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(1, len(in.read)/64)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(in.read); i = int(next.Add(1) - 1) {
				if in.sources[i].Name != "" {
					in.sources[i].Digest = sha256.Sum256(in.read[i])
				}
			}
		})
	}
	wg.Wait()
}

// Unsettled reports whether a source file changed while the load read it:
// what was anchored may then not be what the digest describes.
func (in *Inputs) Unsettled() bool { return in.unsettled.Load() }
