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
	"time"

	"golang.org/x/sys/unix"

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
		raw, stamp, release, err := readCorpusFile(folder, c.name)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !bytes.Equal(raw, c.want) {
			t.Fatalf("%s: %d bytes, want %d", c.name, len(raw), len(c.want))
		}
		// Its stamp is the file's (read through the link, its size and
		// time alone).
		if now, err := folder.Stamp(c.name); stamp.Size != int64(len(raw)) || c.name != "link.yaml" && (err != nil || now != stamp) {
			t.Errorf("%s: stamp %+v, the folder's %+v (%v)", c.name, stamp, now, err)
		}
		release()
	}
	// Read directly, a link is left to the portable read, which follows
	// links that stay inside the folder.
	if _, _, _, err := folder.readOffHeap("link.yaml", MaxCorpusBytes); !errors.Is(err, errTryPortable) {
		t.Fatalf("a link read directly: %v", err)
	}
	if _, _, _, err := folder.readOffHeap("small.yaml", MaxCorpusBytes); !errors.Is(err, errTryPortable) {
		t.Fatalf("a small file read outside the heap: %v", err)
	}
	var tooBig *tooBigError
	if _, _, _, err := folder.readOffHeap("large.yaml", 1<<20); !errors.As(err, &tooBig) {
		t.Fatalf("over the limit: %v", err)
	}
}

// A folder's stamp of a file is the one its read gave, until the file
// changes: a write that keeps the size and modification time still moves
// the change time. A symbolic link has a stamp of its own, never the one
// of the file read through it, and one out of the folder gives none.
func TestFolderStamps(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "a text")
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "x.txt"), []byte("outside"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.txt", filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "out")); err != nil {
		t.Fatal(err)
	}
	folder, err := OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	_, read, err := folder.readWhole("a.txt", MaxTextBytes)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(filepath.Join(dir, "a.txt"))
	if !read.Known() || read.Size != 6 || !read.ModTime().Equal(info.ModTime()) {
		t.Fatalf("the read's stamp %+v (modified %v)", read, info.ModTime())
	}
	if now, err := folder.Stamp("a.txt"); err != nil || now != read {
		t.Errorf("the stamp now %+v (%v), want the read's %+v", now, err, read)
	}
	// Read through the link (the portable way, through the root), the
	// file's stamp has its size and time alone: which file system it is
	// on is not known.
	_, throughLink, err := folder.readWhole("link.txt", MaxTextBytes)
	if err != nil || throughLink.Known() || throughLink.Size != read.Size || throughLink.Mod != read.Mod {
		t.Fatalf("read through the link: %+v (%v), want a.txt's size and time alone", throughLink, err)
	}
	if link, err := folder.Stamp("link.txt"); err != nil || link == throughLink || link.Inode == read.Inode {
		t.Errorf("the link's stamp %+v (%v) is the file's %+v", link, err, throughLink)
	}
	if s, err := folder.Stamp("out/x.txt"); err == nil {
		t.Errorf("a file out of the folder has a stamp: %+v", s)
	}
	time.Sleep(50 * time.Millisecond) // past a tick of the file system's clock
	write("a.txt", "A text")
	os.Chtimes(filepath.Join(dir, "a.txt"), info.ModTime(), info.ModTime())
	if now, err := folder.Stamp("a.txt"); err != nil || now == read || now.Size != read.Size || now.Mod != read.Mod || now.Change == read.Change {
		t.Errorf("after a write keeping size and time, the stamp %+v (%v), was %+v", now, err, read)
	}
}

// Stamps vouch on the local file systems in use, never on a network's,
// FUSE's, FAT's or one not known.
func TestStampsVouchOnLocalFileSystems(t *testing.T) {
	for _, tc := range []struct {
		name   string
		fsType int64
		want   bool
	}{
		{"ext4", 0xef53, true}, {"xfs", 0x58465342, true}, {"btrfs", 0x9123683e, true}, {"tmpfs", 0x01021994, true},
		{"overlay", 0x794c7630, true}, {"zfs", 0x2fc12fc1, true},
		{"nfs", 0x6969, false}, {"smb2", 0xfe534d42, false}, {"cifs", 0xff534d42, false}, {"fuse", 0x65735546, false},
		{"vfat", 0x4d44, false}, {"9p", 0x01021997, false}, {"none", 0, false},
	} {
		if got := vouchingFileSystem(tc.fsType); got != tc.want {
			t.Errorf("%s: vouches %v, want %v", tc.name, got, tc.want)
		}
	}
	var st unix.Statfs_t
	if err := unix.Statfs(t.TempDir(), &st); err == nil && vouchingFileSystem(int64(st.Type)) {
		folder, err := OpenFolder(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		defer folder.Close()
		if d := folder.folder("."); d == nil || !d.stamps {
			t.Error("a folder on a vouching file system holds no stamps")
		}
	}
}
