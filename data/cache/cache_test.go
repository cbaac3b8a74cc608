package cache

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/gcpause"
	"github.com/alliance-timeline/alliance-timeline/internal/corpustest"
)

// openCached opens path through the cache and checks the outcome.
func openCached(t *testing.T, cache *Cache, path string, wantHit bool, wantWhy string) (*data.Corpus, data.Problems) {
	t.Helper()
	c, ps, out, err := cache.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if out.Hit != wantHit || !strings.Contains(out.Why, wantWhy) {
		t.Fatalf("outcome %q; want hit=%v and a reason with %q", out, wantHit, wantWhy)
	}
	return c, ps
}

// folderListing is every file under dir with its size and time, to show
// that nothing in a corpus folder changes.
func folderListing(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil {
			out = append(out, p+" "+info.ModTime().String()+" "+string(rune(info.Size())))
		}
		return nil
	})
	return out
}

// TestCacheHitEqualsTheLoad: what a hit gives is exactly what a full load
// gives, field for field, warnings included, and the corpus folder is
// never written to.
// The same holds with the source files' texts kept in the entry (their
// stamps taken at their word: a negative Settle).
func TestCacheHitEqualsTheLoad(t *testing.T) {
	for _, settle := range []time.Duration{0, -time.Hour} {
		t.Run(fmt.Sprint("settle ", settle), func(t *testing.T) { hitEqualsTheLoad(t, settle) })
	}
}

func hitEqualsTheLoad(t *testing.T, settle time.Duration) {
	dir := corpustest.WriteFolder(t, corpustest.Rich)
	path := filepath.Join(dir, "c.yaml")
	before := folderListing(t, dir)
	cache := &Cache{Dir: t.TempDir(), Settle: settle}
	cold, coldProblems := openCached(t, cache, path, false, "no entry")
	if cold == nil || len(coldProblems) != 6 { // 김관진's span and the uncredited one on it are two coders', not a repeat
		t.Fatalf("the rich corpus: %v\n%s", cold, coldProblems)
	}
	plain, plainProblems, err := load.File(path)
	if err != nil {
		t.Fatal(err)
	}
	warm, warmProblems := openCached(t, cache, path, true, "")
	real, _ := filepath.EvalSymlinks(path)
	if want := settle < 0 && stampsHere(t, dir); stampsKept(t, cache.entryPath(real)) != want {
		t.Errorf("the entry keeps the files' stamps: %v, want %v", !want, want)
	}
	for _, got := range []struct {
		name string
		c    *data.Corpus
		ps   data.Problems
	}{{"cold through the cache", cold, coldProblems}, {"hit", warm, warmProblems}} {
		if !reflect.DeepEqual(got.c, plain) {
			t.Errorf("%s: the corpus differs from Load's", got.name)
			diffCorpora(t, got.c, plain)
		}
		if !slices.Equal(got.ps, plainProblems) {
			t.Errorf("%s: problems\n%s\nwant\n%s", got.name, got.ps, plainProblems)
		}
	}
	if after := folderListing(t, dir); !slices.Equal(before, after) {
		t.Errorf("the corpus folder changed:\n%v\n%v", before, after)
	}
}

// diffCorpora names the first records that differ, to make a failure
// readable.
func diffCorpora(t *testing.T, got, want *data.Corpus) {
	t.Helper()
	for i := range min(len(got.Annotations), len(want.Annotations)) {
		if !reflect.DeepEqual(*got.Annotations[i], *want.Annotations[i]) {
			t.Errorf("annotation %d: %+v\nwant %+v", i, *got.Annotations[i], *want.Annotations[i])
			return
		}
	}
	for i := range min(len(got.Sources), len(want.Sources)) {
		g, w := *got.Sources[i], *want.Sources[i]
		g.Meetings, w.Meetings, g.Annotations, w.Annotations = nil, nil, nil, nil
		if !reflect.DeepEqual(g, w) {
			t.Errorf("source %d: %+v\nwant %+v", i, g, w)
			return
		}
	}
}

// TestCacheSeesEveryChange: an entry is used only while every input has the
// same content; a change that keeps a file's size and time is seen too.
func TestCacheSeesEveryChange(t *testing.T) {
	cases := []struct {
		name    string
		change  func(t *testing.T, dir, entry string)
		wantWhy string
	}{
		{"a source file, same size and time", func(t *testing.T, dir, _ string) {
			rewriteKeepingTime(t, filepath.Join(dir, "texts", "s3.txt"), func(b []byte) []byte {
				return bytes.Replace(b, []byte("everywhere"), []byte("EVERYWHERE"), 1)
			})
		}, "source file texts/s3.txt changed"},
		{"the corpus file, same size and time", func(t *testing.T, dir, _ string) {
			rewriteKeepingTime(t, filepath.Join(dir, "c.yaml"), func(b []byte) []byte {
				return bytes.Replace(b, []byte("The first."), []byte("The 1st.  "), 1)
			})
		}, "corpus file changed"},
		{"the entry cut short", func(t *testing.T, _, entry string) {
			b, _ := os.ReadFile(entry)
			os.WriteFile(entry, b[:len(b)/2], 0o600)
		}, "entry damaged"},
		{"a byte of the entry flipped", func(t *testing.T, _, entry string) {
			b, _ := os.ReadFile(entry)
			b[len(b)/2] ^= 0x20
			os.WriteFile(entry, b, 0o600)
		}, "checksum does not match"},
		{"the entry replaced by something else", func(t *testing.T, _, entry string) {
			os.WriteFile(entry, []byte("not a cache"), 0o600)
		}, "not a cache entry"},
		{"the entry emptied", func(t *testing.T, _, entry string) {
			os.WriteFile(entry, nil, 0o600)
		}, "not a cache entry"},
		{"the entry removed", func(t *testing.T, _, entry string) {
			os.Remove(entry)
		}, "no entry"},
	}
	cases = append(cases, struct {
		name    string
		change  func(t *testing.T, dir, entry string)
		wantWhy string
	}{"a source file replaced by another of the same size and time", func(t *testing.T, dir, _ string) {
		path := filepath.Join(dir, "texts", "s3.txt")
		info, _ := os.Stat(path)
		b, _ := os.ReadFile(path)
		other := filepath.Join(dir, "texts", "s3.new")
		os.WriteFile(other, bytes.Replace(b, []byte("everywhere"), []byte("EVERYWHERE"), 1), 0o644)
		os.Chtimes(other, info.ModTime(), info.ModTime())
		if err := os.Rename(other, path); err != nil {
			t.Fatal(err)
		}
	}, "source file texts/s3.txt changed"}, struct {
		name    string
		change  func(t *testing.T, dir, entry string)
		wantWhy string
	}{"the corpus file replaced by another of the same size and time", func(t *testing.T, dir, _ string) {
		path := filepath.Join(dir, "c.yaml")
		info, _ := os.Stat(path)
		b, _ := os.ReadFile(path)
		other := filepath.Join(dir, "c.new")
		os.WriteFile(other, bytes.Replace(b, []byte("The first."), []byte("The 1st.  "), 1), 0o644)
		os.Chtimes(other, info.ModTime(), info.ModTime())
		if err := os.Rename(other, path); err != nil {
			t.Fatal(err)
		}
	}, "corpus file changed"})
	// Each change with the source files compared by digest (files written
	// just now, as here, are: DefaultSettle), and with their stamps taken
	// at their word (a negative Settle): the change made a while after the
	// load, as Settle makes sure, so that it lands in a later tick of the
	// file system's clock.
	for _, settle := range []time.Duration{0, -time.Hour} {
		for _, tc := range cases {
			t.Run(fmt.Sprintf("%s, settle %v", tc.name, settle), func(t *testing.T) {
				dir := corpustest.WriteFolder(t, corpustest.Rich)
				path := filepath.Join(dir, "c.yaml")
				cache := &Cache{Dir: t.TempDir(), Settle: settle}
				openCached(t, cache, path, false, "no entry")
				openCached(t, cache, path, true, "")
				real, _ := filepath.EvalSymlinks(path)
				if want := settle < 0 && stampsHere(t, dir); stampsKept(t, cache.entryPath(real)) != want {
					t.Fatalf("the entry keeps the files' stamps: %v, want %v", !want, want)
				}
				time.Sleep(50 * time.Millisecond)
				tc.change(t, dir, cache.entryPath(real))
				changed, _ := openCached(t, cache, path, false, tc.wantWhy)
				fresh, _, _ := load.File(path)
				if !reflect.DeepEqual(changed, fresh) {
					t.Error("after the change, the corpus is not what a load gives")
				}
				again, _ := openCached(t, cache, path, true, "")
				if !reflect.DeepEqual(again, fresh) {
					t.Error("the new entry does not give what a load gives")
				}
			})
		}
	}
}

// stampsKept reports whether the entry keeps its files' stamps (the corpus
// file's and every source file's, or none: a mix fails the test), with the
// source files' texts.
func stampsKept(t *testing.T, entry string) bool {
	t.Helper()
	raw, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	payload, err := openEntry(raw, mustFingerprint(t))
	if err != nil {
		t.Fatal(err)
	}
	d := &decoder{s: payload}
	key := d.key()
	known := 0
	for i, in := range key.sources {
		if in.Name == "" {
			continue
		}
		if in.Stamp.Known() {
			known++
			if int64(len(key.texts[i])) > in.Size || key.texts[i] == "" {
				t.Errorf("%s: a kept text of %d bytes for a file of %d", in.Name, len(key.texts[i]), in.Size)
			}
		}
	}
	files := 0
	for _, in := range key.sources {
		if in.Name != "" {
			files++
		}
	}
	if files == 0 || known != 0 && known != files || key.corpus.Stamp.Known() != (known > 0) {
		t.Fatalf("%d of %d source files' stamps kept, the corpus file's %v", known, files, key.corpus.Stamp.Known())
	}
	return known > 0
}

// stampsHere reports whether the folder's file system gives stamps that
// vouch for files (on Linux, the local ones): where it does not, no entry
// keeps one, whatever the settle.
func stampsHere(t *testing.T, dir string) bool {
	t.Helper()
	folder, err := load.OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	s, err := folder.Stamp("c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !s.Known() {
		t.Logf("%s: its file system gives no stamps that vouch", dir)
	}
	return s.Known()
}

func mustFingerprint(t *testing.T) string {
	t.Helper()
	f, err := programFingerprint()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// A hit gives its corpus to Progress.BeforeTexts once it is decoded and
// derived, before its sources have their files' texts, and returns that corpus
// with its texts; a source changed since makes it a miss, which returns
// another corpus.
func TestRecordsComeBeforeTheTexts(t *testing.T) {
	dir := corpustest.WriteFolder(t, corpustest.Rich)
	path := filepath.Join(dir, "c.yaml")
	cache := &Cache{Dir: t.TempDir()}
	openCached(t, cache, path, false, "no entry")
	var early []*data.Corpus
	progress := &load.Progress{BeforeTexts: func(c *data.Corpus) {
		early = append(early, c)
		for _, s := range c.Sources {
			if s.File != "" && s.Text != "" { // a text written in the corpus file is there already
				t.Errorf("source %s has its file's text before the files were checked", s.ID)
			}
		}
		if len(c.MeetingsByDate()) != len(c.Meetings) || c.Source(c.Sources[0].ID) != c.Sources[0] {
			t.Error("the corpus given before its texts is not derived")
		}
	}}
	c, _, out, err := cache.Open(path, progress)
	if err != nil || !out.Hit || len(early) != 1 || early[0] != c {
		t.Fatalf("a hit: %v %v, given %d corpora before the texts", out, err, len(early))
	}
	fresh, _, _ := load.File(path)
	if !reflect.DeepEqual(c, fresh) {
		t.Error("the hit is not what a load gives")
	}
	rewriteKeepingTime(t, filepath.Join(dir, "texts", "s3.txt"), func(b []byte) []byte {
		return bytes.Replace(b, []byte("everywhere"), []byte("EVERYWHERE"), 1)
	})
	early = nil
	c, _, out, err = cache.Open(path, progress)
	if err != nil || out.Hit || len(early) > 1 || len(early) == 1 && early[0] == c {
		t.Fatalf("after a change: %v %v, given %d corpora before the texts", out, err, len(early))
	}
}

// rewriteKeepingTime edits a file in place and puts its time back.
func rewriteKeepingTime(t *testing.T, path string, edit func([]byte) []byte) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	nb := edit(b)
	if len(nb) != len(b) || bytes.Equal(nb, b) {
		t.Fatal("the edit must keep the size and change the content")
	}
	if err := os.WriteFile(path, nb, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
}

func TestCacheEntryFromAnotherBuildIsNotUsed(t *testing.T) {
	dir := corpustest.WriteFolder(t, corpustest.Rich)
	path := filepath.Join(dir, "c.yaml")
	cache := &Cache{Dir: t.TempDir()}
	openCached(t, cache, path, false, "no entry")
	saved := programFingerprint
	defer func() { programFingerprint = saved }()
	programFingerprint = func() (string, error) { return "another build", nil }
	openCached(t, cache, path, false, "another build")
	openCached(t, cache, path, true, "")
}

// A cache that defers leaves the store to the caller, who may show the
// corpus first; the entry it then stores serves the next open.
func TestCacheDefersTheStore(t *testing.T) {
	dir := corpustest.WriteFolder(t, corpustest.Rich)
	path := filepath.Join(dir, "c.yaml")
	cache := &Cache{Dir: t.TempDir(), Defer: true}
	loaded, _, out, err := cache.Open(path, nil)
	if err != nil || out.Hit || out.Stored || out.Store == nil {
		t.Fatalf("outcome %q (store %v), err %v", out, out.Store != nil, err)
	}
	if entries, _ := os.ReadDir(cache.Dir); len(entries) != 0 {
		t.Fatalf("stored before Store: %v", entries)
	}
	if stored := out.Store(); !stored.Stored || stored.StoreErr != nil || stored.Why != out.Why {
		t.Fatalf("Store: %q", stored)
	}
	hit, _ := openCached(t, cache, path, true, "")
	if !reflect.DeepEqual(hit, loaded) {
		t.Error("the deferred entry gives another corpus")
	}
	// A hit leaves nothing to store.
	if _, _, out, _ := cache.Open(path, nil); out.Store != nil {
		t.Error("a hit left a store")
	}
}

func TestCacheStoresNothingForABrokenCorpus(t *testing.T) {
	files := map[string]string{}
	for k, v := range corpustest.Rich {
		files[k] = v
	}
	files["c.yaml"] = strings.Replace(files["c.yaml"], "topic: cyber, quote: cyber}", "topic: cyberr, quote: cyber}", 1)
	dir := corpustest.WriteFolder(t, files)
	cache := &Cache{Dir: t.TempDir()}
	c, ps, out, err := cache.Open(filepath.Join(dir, "c.yaml"), nil)
	if err != nil || c != nil || !ps.HasErrors() || out.Stored {
		t.Fatalf("corpus %v, outcome %q, err %v\n%s", c != nil, out, err, ps)
	}
	if entries, _ := os.ReadDir(cache.Dir); len(entries) != 0 {
		t.Errorf("entries: %v", entries)
	}
}

// A source file that changes while the corpus loads may not match what was
// anchored; nothing is stored for that load.
func TestCacheStoresNothingWhenASourceChangedDuringTheLoad(t *testing.T) {
	dir := corpustest.WriteFolder(t, corpustest.Rich)
	future := time.Now().Add(time.Hour)
	os.Chtimes(filepath.Join(dir, "texts", "s3.txt"), future, future)
	cache := &Cache{Dir: t.TempDir()}
	c, _, out, err := cache.Open(filepath.Join(dir, "c.yaml"), nil)
	if err != nil || c == nil || out.Stored || out.StoreErr == nil {
		t.Fatalf("outcome %q, err %v", out, err)
	}
}

func TestCacheKeepsTheMostRecentlyOpened(t *testing.T) {
	cache := &Cache{Dir: t.TempDir(), MaxEntries: 2}
	var paths []string
	for range 3 {
		paths = append(paths, filepath.Join(corpustest.WriteFolder(t, corpustest.Rich), "c.yaml"))
	}
	openCached(t, cache, paths[0], false, "no entry")
	openCached(t, cache, paths[1], false, "no entry")
	past := time.Now().Add(-time.Minute)
	for _, p := range paths[:2] {
		real, _ := filepath.EvalSymlinks(p)
		os.Chtimes(cache.entryPath(real), past, past)
	}
	openCached(t, cache, paths[0], true, "") // now the most recent of the two
	openCached(t, cache, paths[2], false, "no entry")
	entries, _ := os.ReadDir(cache.Dir)
	if len(entries) != 2 {
		t.Fatalf("%d entries, want 2", len(entries))
	}
	openCached(t, cache, paths[0], true, "")
	openCached(t, cache, paths[1], false, "no entry")
}

// FuzzCacheEntry: no entry, however damaged, makes decoding panic or
// hang; the seeds are real entries.
func FuzzCacheEntry(f *testing.F) {
	dir := corpustest.WriteFolder(f, corpustest.Rich)
	path := filepath.Join(dir, "c.yaml")
	folder, err := load.OpenFolder(dir)
	if err != nil {
		f.Fatal(err)
	}
	defer folder.Close()
	l, err := load.Read(folder, "c.yaml", path, load.Options{Digests: true})
	if err != nil {
		f.Fatal(err)
	}
	// Seeds with every source file read again, and with every one's stamp
	// and text kept.
	for _, vouch := range []bool{false, true} {
		var entry bytes.Buffer
		if err := writeEntry(&entry, "fuzz", path, l.Inputs, func(load.Stamp) bool { return vouch }, l.Corpus, l.Problems); err != nil {
			f.Fatal(err)
		}
		payload, err := openEntry(entry.Bytes(), "fuzz")
		if err != nil {
			f.Fatal(err)
		}
		f.Add([]byte(payload))
		f.Add([]byte(payload[:len(payload)/3]))
	}
	f.Fuzz(func(t *testing.T, payload []byte) {
		d := &decoder{s: string(payload)}
		key := d.key()
		texts := make([]string, len(key.sources))
		for i, in := range key.sources {
			if in.Size < 0 || in.Size > load.MaxCorpusBytes {
				t.Fatalf("a decoded input of %d bytes", in.Size)
			}
			texts[i] = strings.Repeat("x", int(min(in.Size, 1000)))
			if in.Stamp.Known() {
				texts[i] = key.texts[i]
			}
		}
		c, _ := d.corpus(path, key.sources)
		if c == nil || d.err != nil {
			return
		}
		c.Derive() // as readEntry does, before the texts
		if attachTexts(c, texts) == nil {
			for _, a := range c.Annotations {
				if a.Anchor.Status != data.Orphaned {
					_ = a.Text()
				}
			}
		}
	})
}

// TestProgressReachesTheEnd: a cache miss and a cache hit each report
// their progress up to 1.
func TestProgressReachesTheEnd(t *testing.T) {
	path := filepath.Join(corpustest.WriteFolder(t, corpustest.Rich), "c.yaml")
	cache := &Cache{Dir: t.TempDir()}
	for _, want := range []bool{false, true} {
		var p load.Progress
		c, _, out, err := cache.Open(path, &p)
		if err != nil || c == nil || out.Hit != want {
			t.Fatalf("hit %v: %v, outcome %s", want, err, out)
		}
		if p.Fraction() != 1 {
			t.Errorf("hit %v: progress ends at %v", want, p.Fraction())
		}
	}
}

// A corpus whose coders keep their own files is never stored, so an edit
// of a coder's file is seen at the next open.
func TestCacheStoresNothingForACorpusWithAnnotationFiles(t *testing.T) {
	files := map[string]string{}
	for k, v := range corpustest.Rich {
		files[k] = v
	}
	files["c.yaml"] += "annotation_files: [coding/ann.yaml]\n"
	files["coding/ann.yaml"] = "coder: ann\nannotations: []\n"
	dir := corpustest.WriteFolder(t, files)
	cache := &Cache{Dir: t.TempDir()}
	path := filepath.Join(dir, "c.yaml")
	c, ps, out, err := cache.Open(path, nil)
	if err != nil || c == nil || out.Stored || out.StoreErr == nil {
		t.Fatalf("outcome %q, err %v\n%s", out, err, ps)
	}
	before := len(c.Annotations)
	quote := c.Annotations[0].Quote
	src := c.Annotations[0].Source.ID
	os.WriteFile(filepath.Join(dir, "coding", "ann.yaml"), []byte("coder: ann\nannotations:\n  - {source: "+src+", topic: "+c.Annotations[0].Topic.ID+", quote: \""+quote+"\"}\n"), 0o644)
	c, ps = openCached(t, cache, path, false, "no entry")
	if c == nil || len(c.Annotations) != before+1 || c.Annotations[before].Coder != "ann" {
		t.Fatalf("the coder's new annotation is not seen:\n%s", ps)
	}
}

// A stamp vouches for a file when it can tell a change and the file had
// last changed, and been modified, Settle or more before the load began.
func TestStampsVouchOnceSettled(t *testing.T) {
	started := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	at := func(d time.Duration) int64 { return started.Add(d).UnixNano() }
	stamp := func(mod, change time.Duration) load.Stamp {
		return load.Stamp{Size: 10, Mod: at(mod), Change: at(change), Device: 1, Inode: 2}
	}
	cases := []struct {
		name   string
		settle time.Duration
		s      load.Stamp
		want   bool
	}{
		{"changed an hour before", 0, stamp(-time.Hour, -time.Hour), true},
		{"changed just over DefaultSettle before", 0, stamp(-time.Hour, -DefaultSettle-time.Millisecond), true},
		{"changed DefaultSettle before, to the nanosecond", 0, stamp(-time.Hour, -DefaultSettle), false},
		{"changed a second before", 0, stamp(-time.Hour, -time.Second), false},
		{"changed during the load", 0, stamp(-time.Hour, time.Millisecond), false},
		{"modified in the future", 0, stamp(time.Hour, -time.Hour), false},
		{"no change time", 0, load.Stamp{Size: 10, Mod: at(-time.Hour), Inode: 2}, false},
		{"no inode", 0, load.Stamp{Size: 10, Mod: at(-time.Hour), Change: at(-time.Hour)}, false},
		{"a settle of its own", 10 * time.Second, stamp(-time.Hour, -5*time.Second), false},
		{"a negative settle: during the load", -time.Hour, stamp(time.Millisecond, time.Millisecond), true},
	}
	for _, tc := range cases {
		c := &Cache{Settle: tc.settle}
		if got := c.vouches(tc.s, started); got != tc.want {
			t.Errorf("%s: vouches %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A source file (or the corpus file) replaced, after the entry was made,
// by a symbolic link out of the folder to a copy of the same bytes: its
// stamp is the link's, so the reopen reads the file, which the folder
// refuses; the load that follows reports the link and stores nothing, and
// nothing outside the folder is read.
func TestCacheRefusesALinkOutThatCameAfterTheEntry(t *testing.T) {
	for _, name := range []string{filepath.Join("texts", "s3.txt"), "c.yaml"} {
		t.Run(name, func(t *testing.T) {
			dir := corpustest.WriteFolder(t, corpustest.Rich)
			path := filepath.Join(dir, "c.yaml")
			cache := &Cache{Dir: t.TempDir(), Settle: -time.Hour}
			openCached(t, cache, path, false, "no entry")
			openCached(t, cache, path, true, "")
			target := filepath.Join(dir, name)
			b, err := os.ReadFile(target)
			if err != nil {
				t.Fatal(err)
			}
			outside := filepath.Join(t.TempDir(), "copy")
			if err := os.WriteFile(outside, b, 0o644); err != nil {
				t.Fatal(err)
			}
			time.Sleep(50 * time.Millisecond) // past a tick of the file system's clock
			if err := os.Remove(target); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(outside, target); err != nil {
				t.Fatal(err)
			}
			c, problems, out, err := cache.Open(path, nil)
			if out.Hit || out.Stored {
				t.Fatalf("a link out of the folder: outcome %s", out)
			}
			if err == nil && (c != nil || !problems.HasErrors()) {
				t.Errorf("a link out of the folder loaded: %v, problems %s", c != nil, problems)
			}
		})
	}
}

// failingWriter takes n bytes, then fails every write, as a full disk does.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errors.New("no space left on device")
	}
	w.n -= len(p)
	return len(p), nil
}

// An entry that cannot be written whole says why once, not once for each
// part that failed after the first.
func TestEntryWriteFailureSaysWhyOnce(t *testing.T) {
	dir := corpustest.WriteFolder(t, corpustest.Rich)
	folder, err := load.OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	l, err := load.Read(folder, "c.yaml", filepath.Join(dir, "c.yaml"), load.Options{Digests: true})
	if err != nil {
		t.Fatal(err)
	}
	err = writeEntry(&failingWriter{n: 100}, "test", "c.yaml", l.Inputs, func(load.Stamp) bool { return true }, l.Corpus, l.Problems)
	if err == nil || strings.Count(err.Error(), "no space left") != 1 {
		t.Errorf("a full disk: %v", err)
	}
}

// With Linger, a load leaves the collector paused, a hit as well as a full
// load (a miss), until gcpause.Resume: the window makes its views of the
// corpus meanwhile. A broken corpus, whose views are not made, and a cache
// without Linger leave it running.
func TestLoadsLeaveTheCollectorPausedToLinger(t *testing.T) {
	good := corpustest.WriteFolder(t, corpustest.Rich)
	files := map[string]string{}
	for k, v := range corpustest.Rich {
		files[k] = v
	}
	files["c.yaml"] = strings.Replace(files["c.yaml"], "topic: cyber, quote: cyber}", "topic: cyberr, quote: cyber}", 1)
	broken := corpustest.WriteFolder(t, files)
	lingering := &Cache{Dir: t.TempDir(), Linger: time.Hour}
	cases := []struct {
		name   string
		cache  *Cache
		path   string
		paused bool
	}{
		{"a miss", lingering, filepath.Join(good, "c.yaml"), true},
		{"a hit", lingering, filepath.Join(good, "c.yaml"), true},
		{"a broken corpus", lingering, filepath.Join(broken, "c.yaml"), false},
		{"no linger", &Cache{Dir: t.TempDir()}, filepath.Join(good, "c.yaml"), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			defer gcpause.Resume()
			if _, _, _, err := tc.cache.Open(tc.path, nil); err != nil {
				t.Fatal(err)
			}
			if gcpause.Holding() != tc.paused {
				t.Errorf("collector paused %v after the load; want %v", gcpause.Holding(), tc.paused)
			}
			gcpause.Resume()
			if gcpause.Holding() {
				t.Error("still paused after Resume")
			}
		})
	}
}
