package load

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/gen"
)

// A large corpus file is read outside the Go heap and unmapped once its
// records are made: the load must give what a load from the heap gives,
// and nothing of the corpus may point into the unmapped bytes (reading
// such a string would crash the test, as DeepEqual reads every one).
func TestOffHeapLoadIsTheHeapLoad(t *testing.T) {
	dir := t.TempDir()
	path, err := gen.WritePoints(dir, gen.Points{Items: 15000, Lanes: 5, From: 2012, To: 2023, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(raw) < offHeapBytes {
		t.Fatalf("the corpus has %d bytes, under the %d read outside the heap", len(raw), offHeapBytes)
	}
	// A broken line in the middle: the pieces fail, and the whole file is
	// decoded again from the same (still mapped) bytes for its message.
	lines := strings.SplitAfter(string(raw), "\n")
	lines[len(lines)/2] = "      title: [not closed\n"
	broken := filepath.Join(dir, "broken.yaml")
	if err := os.WriteFile(broken, []byte(strings.Join(lines, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"corpus.yaml", "broken.yaml"} {
		t.Run(name, func(t *testing.T) {
			folder, err := OpenFolder(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer folder.Close()
			offHeap, err := Read(folder, name, name, Options{})
			if err != nil {
				t.Fatal(err)
			}
			heap, err := Read(os.DirFS(dir), name, name, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(offHeap.Problems, heap.Problems) {
				t.Fatalf("problems read outside the heap:\n%s\nfrom the heap:\n%s", offHeap.Problems, heap.Problems)
			}
			if broken := name == "broken.yaml"; broken != offHeap.Problems.HasErrors() {
				t.Fatalf("errors: %v, want %v:\n%s", offHeap.Problems.HasErrors(), broken, offHeap.Problems)
			}
			if !reflect.DeepEqual(offHeap.Corpus, heap.Corpus) {
				t.Fatal("the corpus read outside the heap differs")
			}
			if name == "corpus.yaml" && (!offHeap.InPieces || len(offHeap.Corpus.Meetings) != 15000) {
				t.Fatalf("in pieces: %v, %d meetings", offHeap.InPieces, len(offHeap.Corpus.Meetings))
			}
		})
	}
}

func TestReadOffHeap(t *testing.T) {
	dir := t.TempDir()
	large := bytes.Repeat([]byte("0123456789abcdef"), offHeapBytes/16+1)
	small := []byte("corpus:\n  title: small\n")
	for name, content := range map[string][]byte{"large.yaml": large, "small.yaml": small} {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("large.yaml", filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	folder, err := OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	for _, c := range []struct {
		name string
		want []byte
	}{{"large.yaml", large}, {"small.yaml", small}, {"link.yaml", large}} {
		raw, release, err := readCorpusFile(folder, c.name)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !bytes.Equal(raw, c.want) {
			t.Fatalf("%s: %d bytes, want %d", c.name, len(raw), len(c.want))
		}
		release()
	}
	// Read directly, a link is left to the portable read, which follows
	// links that stay inside the folder.
	if _, _, err := folder.readOffHeap("link.yaml", MaxCorpusBytes); !errors.Is(err, errTryPortable) {
		t.Fatalf("a link read directly: %v", err)
	}
	if _, _, err := folder.readOffHeap("small.yaml", MaxCorpusBytes); !errors.Is(err, errTryPortable) {
		t.Fatalf("a small file read outside the heap: %v", err)
	}
	var tooBig *tooBigError
	if _, _, err := folder.readOffHeap("large.yaml", 1<<20); !errors.As(err, &tooBig) {
		t.Fatalf("over the limit: %v", err)
	}
}
