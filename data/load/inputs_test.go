package load

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/internal/corpustest"
)

// The inputs a load records are the bytes it read: the corpus file's
// digest, made beside the decoding, and each source file's, made when
// asked for after the load (from the same bytes, a byte-order mark
// included, which the text drops); an inline text has no file.
func TestInputsAreTheBytesRead(t *testing.T) {
	files := map[string]string{
		"c.yaml": `corpus: {title: Inputs, format: 1}
topics: [{id: space, label: Space}]
meetings:
  - {id: m1, title: One, kind: SCM, date: 2020-01-02, sources: [a, b, c]}
sources:
  - {id: a, title: A, file: texts/a.txt}
  - {id: b, title: B, text: "inline space"}
  - {id: c, title: C, file: texts/c.txt}
annotations:
  - {source: a, topic: space, quote: space}
  - {source: c, topic: space, quote: space}
`,
		"texts/a.txt": "\uFEFFspace with a byte-order mark\r\n",
		"texts/c.txt": "plain space",
	}
	dir := corpustest.WriteFolder(t, files)
	for _, pieces := range []bool{false, true} {
		folder, name, err := OpenCorpusFolder(filepath.Join(dir, "c.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		opts := Options{Digests: true}
		if pieces {
			opts.pieceMinBytes, opts.pieceBytes = 1, 1
		}
		res, err := Read(folder, name, "c.yaml", opts)
		if err != nil || res.Corpus == nil {
			t.Fatal(err, res.Problems)
		}
		// Each file's stamp is the one the folder gives now; its bytes are
		// the file's.
		for i, f := range res.Inputs.SourceFiles() {
			if f.Name == "" {
				continue
			}
			now, err := folder.Stamp(f.Name)
			vouching := runtime.GOOS == "linux" && folder.folder("texts") != nil && folder.folder("texts").stamps
			if err != nil || now != f.Stamp || f.Stamp.Size != f.Size || f.Stamp.Known() != vouching {
				t.Errorf("%s: stamp %+v as read, %+v now (%v)", f.Name, f.Stamp, now, err)
			}
			if got := string(res.Inputs.SourceBytes(i)); got != files[f.Name] {
				t.Errorf("%s: bytes %q, want %q", f.Name, got, files[f.Name])
			}
		}
		if now, err := folder.Stamp("c.yaml"); err != nil || now != res.Inputs.Corpus.Stamp {
			t.Errorf("the corpus file's stamp %+v as read, %+v now (%v)", res.Inputs.Corpus.Stamp, now, err)
		}
		folder.Close()
		if res.Corpus.Source("a").Text != "space with a byte-order mark\r\n" {
			t.Errorf("source a's text %q", res.Corpus.Source("a").Text)
		}
		raw, _ := os.ReadFile(filepath.Join(dir, "c.yaml"))
		corpus := res.Inputs.Corpus
		corpus.Stamp = Stamp{}
		if want := (Input{Name: "c.yaml", Size: int64(len(raw)), Digest: sha256.Sum256(raw)}); corpus != want {
			t.Errorf("pieces %v: corpus input %+v, want %+v", pieces, res.Inputs.Corpus, want)
		}
		got := res.Inputs.SourceFiles()
		want := []Input{
			{Name: "texts/a.txt", Size: int64(len(files["texts/a.txt"])), Digest: sha256.Sum256([]byte(files["texts/a.txt"]))},
			{},
			{Name: "texts/c.txt", Size: int64(len(files["texts/c.txt"])), Digest: sha256.Sum256([]byte(files["texts/c.txt"]))},
		}
		if len(got) != len(want) {
			t.Fatalf("%d source inputs, want %d", len(got), len(want))
		}
		for i := range want {
			if got[i].Stamp = (Stamp{}); got[i] != want[i] {
				t.Errorf("pieces %v: source %d input %+v, want %+v", pieces, i, got[i], want[i])
			}
		}
		if again := res.Inputs.SourceFiles(); &again[0] != &got[0] {
			t.Error("the digests were made twice")
		}
	}
}
