package cache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/alliance-timeline/alliance-timeline/atomicfile"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/gcpause"
)

// The corpus cache keeps what a load produced (the checked corpus with every
// annotation anchored, and its warnings), so that reopening an unchanged
// corpus decodes no YAML and anchors nothing. An entry is keyed by the
// content of every file the load read: the corpus file and each source file,
// by SHA-256. A reopen checks each again; any difference (or a changed
// program, or an entry that is damaged or cut short) means a full load,
// which replaces the entry.
//
// A file is read again and compared by digest unless its stamp vouches for
// it (load.Stamp): its size, modification and change times, device and
// inode, as they were when the load read it, kept in the entry (with a
// source file's text) when the file had last changed Settle or more before
// the load began; only a local file system gives such stamps (a network's
// caches a file's attributes, where an open checks them again). A reopen
// that finds the same stamp reads nothing of the file, and takes a source
// file's text from the entry. An entry is never trusted on sizes and
// modification times alone: every write sets a file's change time, which
// no program can set back, so an edit that keeps a file's size and
// modification time is still seen; and a file changed shortly before the
// load, when a second write in the same tick of the file system's clock
// could leave the same change time, is read again at every reopen.
//
// Entries live in the user's cache folder, never beside a corpus.

// Cache is a folder of corpus cache entries.
type Cache struct {
	// Dir holds the entries; it is made when first needed.
	Dir string
	// MaxEntries is how many corpora are kept; the least recently opened go
	// first. Zero means 8.
	MaxEntries int
	// Linger, when set, keeps the garbage collector paused after a hit or
	// a full load (it is paused while the entry is decoded or the files
	// loaded, within a budget) until gcpause.Resume or for that long at
	// most: for a window, whose views of the corpus keep what they make
	// too.
	Linger time.Duration
	// Defer, when set, leaves storing a new entry to the caller: Open
	// returns it as Outcome.Store, to run once what needs the corpus first
	// is done (a window: once it shows it).
	Defer bool
	// Settle is how long before a load a source file must have last
	// changed for its stamp to vouch for it; zero means DefaultSettle. A
	// negative one vouches for files changed during the load too (tests).
	Settle time.Duration
}

// DefaultSettle is well over the tick of the clocks that set change
// times (a few milliseconds on the local file systems whose stamps vouch;
// a second on some older ones).
const DefaultSettle = 3 * time.Second

// vouches reports whether a stamp taken by a load that began at started
// may stand for the file's bytes at a reopen.
func (c *Cache) vouches(s load.Stamp, started time.Time) bool {
	settle := c.Settle
	if settle == 0 {
		settle = DefaultSettle
	}
	before := started.Add(-settle).UnixNano()
	return s.Known() && s.Change < before && s.Mod < before
}

// DefaultDir is the folder for the cache in the user's cache folder.
func DefaultDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find the cache folder: %w", err)
	}
	return filepath.Join(dir, "alliance-timeline", "corpora"), nil
}

// Outcome says how Open served a corpus.
type Outcome struct {
	Hit bool
	// Why is why there was no hit (empty on a hit).
	Why string
	// Stored is set when a full load stored a new entry; StoreErr says why
	// one could not be.
	Stored   bool
	StoreErr error
	// Store, when the cache defers (Cache.Defer) and the load is to be
	// stored, stores it and gives the outcome with Stored or StoreErr set.
	// It only reads the corpus, which may be shown meanwhile: nothing
	// changes a loaded corpus (an edit loads a new one).
	Store func() Outcome
}

func (o Outcome) String() string {
	switch {
	case o.Hit:
		return "cache hit"
	case o.Stored:
		return "cache miss (" + o.Why + "); stored"
	case o.StoreErr != nil:
		return fmt.Sprintf("cache miss (%s); not stored: %v", o.Why, o.StoreErr)
	}
	return "cache miss (" + o.Why + ")"
}

// Load is Open without the outcome, in the shape of load.File.
func (c *Cache) Load(corpusPath string) (*data.Corpus, data.Problems, error) {
	corpus, problems, _, err := c.Open(corpusPath, nil)
	return corpus, problems, err
}

// Open loads the corpus at corpusPath as load.FileReporting does, from the
// cache when every file it was made from is unchanged. After a full load
// without errors it stores a new entry.
func (c *Cache) Open(corpusPath string, progress *load.Progress) (*data.Corpus, data.Problems, Outcome, error) {
	folder, name, err := load.OpenCorpusFolder(corpusPath)
	if err != nil {
		return nil, nil, Outcome{}, err
	}
	defer folder.Close()
	entry := c.entryPath(filepath.Join(folder.Dir(), name))
	fingerprint, fingerprintErr := programFingerprint()
	var out Outcome
	if fingerprintErr != nil {
		out.Why = fingerprintErr.Error()
	} else {
		corpus, problems, why := readEntry(entry, fingerprint, folder, name, corpusPath, progress, c.Linger)
		if corpus != nil {
			now := time.Now()
			os.Chtimes(entry, now, now) // the least recently opened are pruned first
			return corpus, problems, Outcome{Hit: true}, nil
		}
		out.Why = why
	}
	progress.Restart()
	endPause := gcpause.Hold(missPauseBudget(folder, name))
	res, err := load.Read(folder, name, corpusPath, load.Options{Digests: fingerprintErr == nil, Progress: progress})
	if c.Linger > 0 && err == nil && res.Corpus != nil {
		gcpause.Linger(endPause, c.Linger)
	} else {
		endPause()
	}
	if err != nil {
		return nil, nil, out, err
	}
	switch {
	case res.Corpus == nil || fingerprintErr != nil:
	case res.Inputs.Unsettled():
		out.StoreErr = errors.New("a source file changed while the corpus was loading")
	case len(res.Corpus.AnnotationFiles) > 0:
		// The entry format holds one corpus file's annotations; the
		// coders' files are read afresh each time.
		out.StoreErr = errors.New("a corpus with annotation files is not cached")
	default:
		missed := out
		store := func() Outcome {
			o := missed
			o.StoreErr = c.store(entry, fingerprint, corpusPath, res)
			o.Stored = o.StoreErr == nil
			return o
		}
		if c.Defer {
			out.Store = store
		} else {
			out = store()
		}
	}
	return res.Corpus, res.Problems, out, nil
}

// entryPath names the entry for a corpus file by its real path.
func (c *Cache) entryPath(real string) string {
	sum := sha256.Sum256([]byte(real))
	return filepath.Join(c.Dir, hex.EncodeToString(sum[:16])+entrySuffix)
}

const entrySuffix = ".corpus-cache"

// programFingerprint identifies the running program, so an entry written by
// another build (whose loader may check or anchor differently) is not used:
// the cache format, and the executable's path, size and time.
var programFingerprint = sync.OnceValues(func() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("cannot tell which program this is: %w", err)
	}
	info, err := os.Stat(exe)
	if err != nil {
		return "", fmt.Errorf("cannot tell which program this is: %w", err)
	}
	return fmt.Sprintf("format %d; %s; %d bytes; %s; %s", cacheFormat, exe, info.Size(),
		info.ModTime().UTC().Format(time.RFC3339Nano), runtime.Version()), nil
})

// store writes the entry for a load and prunes the oldest entries.
func (c *Cache) store(entry, fingerprint, display string, res *load.Result) error {
	if err := os.MkdirAll(c.Dir, 0o700); err != nil {
		return fmt.Errorf("make the cache folder: %w", err)
	}
	err := atomicfile.WriteFunc(entry, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 256<<10)
		vouched := func(s load.Stamp) bool { return c.vouches(s, res.Inputs.Started()) }
		if err := writeEntry(bw, fingerprint, display, res.Inputs, vouched, res.Corpus, res.Problems); err != nil {
			return err
		}
		return bw.Flush()
	})
	if err != nil {
		return fmt.Errorf("store the cache entry: %w", err)
	}
	c.prune(entry)
	return nil
}

// prune removes the least recently used entries over MaxEntries, and
// temporary files left by a write that was killed.
func (c *Cache) prune(keep string) {
	limit := c.MaxEntries
	if limit <= 0 {
		limit = 8
	}
	dirEntries, err := os.ReadDir(c.Dir)
	if err != nil {
		return
	}
	type aged struct {
		path string
		mod  time.Time
	}
	var entries []aged
	for _, e := range dirEntries {
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		p := filepath.Join(c.Dir, e.Name())
		switch {
		case strings.HasSuffix(e.Name(), entrySuffix) && p != keep:
			entries = append(entries, aged{p, info.ModTime()})
		case strings.Contains(e.Name(), entrySuffix+".tmp-") && time.Since(info.ModTime()) > time.Hour:
			os.Remove(p)
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].mod.After(entries[j].mod) })
	for i := limit - 1; i < len(entries); i++ {
		os.Remove(entries[i].path)
	}
}

// readEntry serves a corpus from its entry when the entry is whole, was
// written by this program for the same display name, and every file it was
// made from still has the same content. why says what failed otherwise.
func readEntry(entry, fingerprint string, folder *load.Folder, name, display string, progress *load.Progress, linger time.Duration) (*data.Corpus, data.Problems, string) {
	raw, err := os.ReadFile(entry)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, "no entry"
	}
	if err != nil {
		return nil, nil, fmt.Sprintf("entry unreadable: %v", err)
	}
	payload, err := openEntry(raw, fingerprint)
	if err != nil {
		return nil, nil, err.Error()
	}
	d := &decoder{s: payload}
	key := d.key()
	switch {
	case d.err != nil:
		return nil, nil, "entry damaged: " + d.err.Error()
	case key.display != display:
		return nil, nil, "entry made for the corpus named " + key.display
	case key.corpus.Name != name:
		return nil, nil, "entry made for another corpus file"
	}
	// The corpus file and the source files are checked while the entry is
	// decoded; the first difference stops the reading.
	var stop atomic.Bool
	inputs := make(chan readResult, 1)
	go func() {
		texts, why := readInputs(folder, key, &stop, progress)
		inputs <- readResult{texts, why}
	}()
	checked := make(chan string, 1)
	go func() {
		why := ""
		// Where the stamp vouches, the file is not read (16 MB and its
		// SHA-256 for gen's corpus: 30 ms of a reload in the window).
		if !unchanged(folder, key.corpus) {
			if in, err := folder.Digest(name, load.MaxCorpusBytes); err != nil || in.Size != key.corpus.Size || in.Digest != key.corpus.Digest {
				why = "corpus file changed"
			}
		}
		if why != "" {
			stop.Store(true)
		}
		checked <- why
	}()
	endPause := gcpause.Hold(pauseBudget(len(payload)))
	corpus, problems := d.corpus(display, key.sources)
	why := ""
	if d.err != nil {
		stop.Store(true)
		why = "entry damaged: " + d.err.Error()
	} else {
		// What needs no text is made while the files are still read: the
		// two cores are shared either way, and it left a reload's end
		// (BENCHMARKS.md).
		corpus.Derive()
		if !stop.Load() { // nothing found changed yet
			progress.RecordsReady(corpus)
		}
	}
	read, checkedWhy := <-inputs, <-checked
	switch {
	case checkedWhy != "":
		why = checkedWhy
	case why != "":
	case read.why != "":
		why = read.why
	default:
		if err := attachTexts(corpus, read.texts); err != nil {
			why = "entry damaged: " + err.Error()
		}
	}
	if why != "" || linger <= 0 {
		endPause()
	} else {
		gcpause.Linger(endPause, linger)
	}
	if why != "" {
		return nil, nil, why
	}
	progress.Stage(0, 1, 1, 1)
	return corpus, problems, ""
}

// missPauseBudget is what a full load of the corpus file name may add to
// the memory in use with the collector paused: twice to four times less
// than the load keeps (its live heap is 3.5 to 5 times the file, source
// texts included), so that the pause is spent before the load ends at
// 100,000 meetings. A window's memory is what bounds it: a pause never
// spent there (8 times the file and 64 MiB, as the commands take) raised
// the peer's first-open peak from 371–392 to 404–406 MB, where this one
// lowered it to 358–359 MB (BENCHMARKS.md).
func missPauseBudget(folder *load.Folder, name string) int64 {
	var size int64
	if info, err := fs.Stat(folder, name); err == nil {
		size = info.Size()
	}
	return 4*size + 32<<20
}

// pauseBudget is what decoding an entry of payload bytes may allocate
// before the collector runs anyway: the records it decodes take a few
// times the entry's bytes, which hold their texts.
func pauseBudget(payload int) int64 { return 8*int64(payload) + 64<<20 }

type readResult struct {
	texts []string
	why   string
}

// readInputs gives the text of every source file an entry lists, checked
// on all cores: the entry's text where the file's stamp is still the one
// stored with it, else the file read again and compared with its digest.
// texts holds each file's text by source index. Setting stop ends the
// checking early.
func readInputs(folder *load.Folder, key entryKey, stop *atomic.Bool, progress *load.Progress) (texts []string, why string) {
	files := key.sources
	texts = make([]string, len(files))
	whys := make([]string, len(files))
	var next, read atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				f := files[i]
				if f.Name == "" {
					continue
				}
				if unchanged(folder, f) {
					texts[i] = key.texts[i]
					progress.Stage(0, 0.9, int(read.Add(1)), len(files))
					continue
				}
				raw, err := folder.ReadExpecting(f.Name, f.Size, load.MaxTextBytes)
				if err != nil || int64(len(raw)) != f.Size || sha256.Sum256(raw) != f.Digest {
					whys[i] = "source file " + f.Name + " changed"
					stop.Store(true)
					return
				}
				texts[i] = load.SourceText(raw)
				progress.Stage(0, 0.9, int(read.Add(1)), len(files))
			}
		}()
	}
	wg.Wait()
	for _, w := range whys {
		if w != "" {
			return nil, w
		}
	}
	if stop.Load() {
		return nil, "stopped"
	}
	return texts, ""
}

// unchanged reports whether a file's stamp now is the one an entry keeps
// for it, which then vouches for its bytes: one stat, where the file is
// not opened.
func unchanged(folder *load.Folder, f load.Input) bool {
	if !f.Stamp.Known() {
		return false
	}
	now, err := folder.Stamp(f.Name)
	return err == nil && now == f.Stamp
}

// An entry is a header, the payload and a trailer:
//
//	magic, format (uvarint), fingerprint (string),
//	payload,
//	payload size (8 bytes, little-endian), CRC-32C of the payload (4 bytes,
//	big-endian, as hash.Hash32 gives it).
//
// The trailer finds a damaged or truncated entry before anything is
// decoded; it comes last so an entry can be written as it is encoded. A
// checksum, not a digest: it guards against damage (a disk's, a write cut
// short), as Btrfs's CRC-32C guards its data; anyone who can write the
// cache folder could write a matching SHA-256 as well. On gen's 18 MB
// entry it takes 1 ms, where SHA-256 took 12–14 ms of every reopen.
const (
	entryMagic  = "ALLIANCE-TIMELINE CORPUS CACHE\n"
	cacheFormat = 7 // 3: annotations carry coder and created; 4: sources, where they were imported from, and their first page's number; 5: rejected suggestions; 6: source files' stamps, and the texts they vouch for; 7: a CRC-32C in the trailer, nothing but an empty name for an inline source's input, the sources and meetings a section of their own
	trailerSize = 8 + crc32.Size
)

// entryChecksum is the CRC-32C table: the polynomial the CPU computes
// (SSE 4.2 on amd64, the CRC instructions on arm64).
var entryChecksum = crc32.MakeTable(crc32.Castagnoli)

// openEntry checks an entry's header and trailer and returns its payload.
// The digest is checked before anything is decoded: a damaged count could
// ask for gigabytes (the decoder bounds counts by the bytes left, not by
// sense). raw is the caller's and must not change after: the payload is
// its bytes as a string, not a copy of them, and every text decoded from
// it is a substring.
func openEntry(raw []byte, fingerprint string) (string, error) {
	if !bytes.HasPrefix(raw, []byte(entryMagic)) {
		return "", errors.New("entry damaged: not a cache entry")
	}
	d := &decoder{s: unsafe.String(unsafe.SliceData(raw), len(raw))[len(entryMagic):]}
	format := d.uint()
	if d.err == nil && format != cacheFormat {
		return "", fmt.Errorf("entry written in cache format %d", format)
	}
	if got := d.str(); d.err == nil && got != fingerprint {
		return "", errors.New("entry written by another build of the program")
	}
	if d.err != nil || len(d.s) < trailerSize {
		return "", errors.New("entry damaged: cut short")
	}
	payload, trailer := d.s[:len(d.s)-trailerSize], d.s[len(d.s)-trailerSize:]
	if size := binary.LittleEndian.Uint64([]byte(trailer[:8])); size != uint64(len(payload)) {
		return "", fmt.Errorf("entry damaged: its payload has %d bytes, not %d", len(payload), size)
	}
	start := len(raw) - len(d.s)
	if got := crc32.Checksum(raw[start:start+len(payload)], entryChecksum); got != binary.BigEndian.Uint32([]byte(trailer[8:])) {
		return "", errors.New("entry damaged: its checksum does not match")
	}
	return payload, nil
}
