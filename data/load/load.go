package load

import (
	"slices"
	"strconv"

	"github.com/alliance-timeline/alliance-timeline/data"

	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// Size limits: a corpus file or text over these is refused with a message
// instead of being read into memory. A million annotations take a corpus
// file of about 160 MB.
const (
	MaxCorpusBytes = 256 << 20
	MaxTextBytes   = 16 << 20
	// maxWholeBytes is the largest corpus file decoded whole; a larger one
	// must be decodable in pieces (pieces.go).
	maxWholeBytes = 64 << 20
)

// File reads the corpus file at path and the text files it names, which
// must lie in the corpus file's folder or below it.
//
// problems lists everything found, in file and line order. The corpus is nil
// when any problem is an error. err is set only when the corpus file itself
// cannot be opened (it does not exist, is unreadable or is a folder).
func File(corpusPath string) (*data.Corpus, data.Problems, error) {
	return FileReporting(corpusPath, nil)
}

// FileReporting is File that reports its progress to progress.
func FileReporting(corpusPath string, progress *Progress) (*data.Corpus, data.Problems, error) {
	folder, name, err := OpenCorpusFolder(corpusPath)
	if err != nil {
		return nil, nil, err
	}
	defer folder.Close()
	res, err := Read(folder, name, corpusPath, Options{Progress: progress})
	if err != nil {
		return nil, nil, err
	}
	return res.Corpus, res.Problems, nil
}

// FS is File on a file system: name is the corpus file inside fsys, and
// display is how messages name it. Text files are read from fsys only, so
// nothing outside it can be opened.
func FS(fsys fs.FS, name, display string) (*data.Corpus, data.Problems, error) {
	res, err := Read(fsys, name, display, Options{})
	if err != nil {
		return nil, nil, err
	}
	return res.Corpus, res.Problems, nil
}

// Options are the choices of one Read.
type Options struct {
	// Digests records the size and digest of every file read, in
	// Result.Inputs, for the cache.
	Digests  bool
	Progress *Progress
	// Corpus, when set, is read as the corpus file's bytes instead of the
	// file (the source files are still read from the file system): a save
	// loads what it is about to write, to check it first.
	Corpus []byte
	// AnnotationFiles, by the path the corpus lists them with, are read
	// instead of those files: the edits of coders' files a save checks.
	AnnotationFiles map[string][]byte
	// pieceMinBytes, pieceBytes and maxWholeBytes override the package's,
	// for tests.
	pieceMinBytes, pieceBytes, maxWholeBytes int
}

// Result is what one Read gives.
type Result struct {
	// Corpus is nil when any problem is an error.
	Corpus   *data.Corpus
	Problems data.Problems
	// Inputs is what was read, when Options.Digests asked for it.
	Inputs *Inputs
	// InPieces is set when the corpus file was decoded in pieces.
	InPieces bool
}

// Read runs one load of the corpus file name in fsys; display is how
// messages name it. err is set only when the corpus file cannot be read.
func Read(fsys fs.FS, name, display string, opts Options) (*Result, error) {
	l, err := loadFS(fsys, name, display, opts)
	if err != nil {
		return nil, err
	}
	res := &Result{Corpus: l.corpus, Problems: l.problems, Inputs: l.inputs, InPieces: l.inPieces}
	if l.problems.HasErrors() {
		res.Corpus = nil
	}
	return res, nil
}

// OpenCorpusFolder opens the folder of the corpus file at corpusPath, after
// symbolic links, for reading the corpus and its texts from it; name is the
// corpus file in it.
func OpenCorpusFolder(corpusPath string) (folder *Folder, name string, err error) {
	real, err := filepath.EvalSymlinks(corpusPath)
	if err != nil {
		return nil, "", fmt.Errorf("open corpus: %w", err)
	}
	folder, err = OpenFolder(filepath.Dir(real))
	if err != nil {
		return nil, "", fmt.Errorf("open corpus folder: %w", err)
	}
	return folder, filepath.Base(real), nil
}

// loadFS runs one load.
func loadFS(fsys fs.FS, name, display string, opts Options) (*loader, error) {
	started := time.Now()
	l := &loader{
		fsys:       fsys,
		name:       name,
		dir:        path.Dir(name),
		displayDir: filepath.Dir(display),
		r:          reader{file: display},
		corpus:     &data.Corpus{Path: display},
		started:    started,
		opts:       opts,
	}
	if l.opts.pieceBytes == 0 {
		l.opts.pieceMinBytes, l.opts.pieceBytes = pieceMinBytes, pieceBytes
	}
	if l.opts.maxWholeBytes == 0 {
		l.opts.maxWholeBytes = maxWholeBytes
	}
	l.reset()
	raw, err := opts.Corpus, error(nil)
	var stamp Stamp // none for bytes the caller gives
	if raw == nil {
		var release func()
		raw, stamp, release, err = readCorpusFile(fsys, name)
		l.dropRaw = release
		defer l.releaseRaw()
	}
	var tooBig *tooBigError
	if errors.As(err, &tooBig) {
		l.problems = data.Problems{{File: display, Line: 1, Col: 1, Severity: data.Error, Message: err.Error()}}
		return l, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read corpus %s: %w", display, err)
	}
	if opts.Digests {
		// Beside the decoding, which needs the bytes long after: made
		// first, it held up every large load (SHA-256 at 1.2 GB/s here:
		// 26 ms of the peer's 31 MB file).
		l.inputs = &Inputs{started: started}
		digested := make(chan struct{})
		go func() {
			defer close(digested)
			l.inputs.Corpus = inputOf(name, raw)
			if stamp.Size == int64(len(raw)) { // else it changed between the stat and the read
				l.inputs.Corpus.Stamp = stamp
			}
		}()
		l.corpusDigested = digested
		defer l.waitCorpusDigest()
	}
	l.load(raw)
	l.problems.Sort()
	return l, nil
}

// reset empties what reading the corpus file has made, for a start or a
// fresh start.
func (l *loader) reset() {
	l.problems = nil
	l.r.problems = &l.problems
	l.corpus = &data.Corpus{Path: l.corpus.Path}
	l.topics, l.sources, l.meetings = map[string]*data.Topic{}, map[string]*data.Source{}, map[string]*data.Meeting{}
	l.meetingRefs, l.meetingIDLines, l.sourceSpecs, l.annSpecs, l.rejSpecs = nil, nil, nil, nil, nil
	l.fuzzyWork.Reset()
	l.sourceRecords, l.meetingRecords, l.annotationRecords = records[data.Source]{}, records[data.Meeting]{}, records[data.Annotation]{}
}

type tooBigError struct {
	size, limit int64
}

func (e *tooBigError) Error() string {
	return fmt.Sprintf("the file has %d bytes (%.1f MiB); the limit is %d MiB", e.size, float64(e.size)/(1<<20), e.limit>>20)
}

// ReadLimited reads a regular file, refusing one larger than limit without
// reading it whole, and returns its stamp. A file system that reads whole
// files itself (the corpus folder's, on Linux) is asked to.
func ReadLimited(fsys fs.FS, name string, limit int64) ([]byte, Stamp, error) {
	if w, ok := fsys.(wholeFileReader); ok {
		return w.readWhole(name, limit)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, Stamp{}, err
	}
	defer f.Close()
	return readOpened(f, name, limit)
}

// readOpened reads the rest of an open file after checking what it is.
func readOpened(f fs.File, name string, limit int64) ([]byte, Stamp, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, Stamp{}, err
	}
	if err := checkRegular(name, info.Mode(), info.Size(), limit); err != nil {
		return nil, Stamp{}, err
	}
	data, err := readSized(f, info.Size(), limit)
	return data, stampOfInfo(info), err
}

// checkRegular refuses folders, devices, pipes and the like (a pipe would
// make the load wait for a writer), and files over the limit.
func checkRegular(name string, mode fs.FileMode, size, limit int64) error {
	switch {
	case !mode.IsRegular():
		return &notFileError{name, mode}
	case size > limit:
		return &tooBigError{size, limit}
	}
	return nil
}

// notFileError is a path that names something other than a regular file.
type notFileError struct {
	name string
	mode fs.FileMode
}

func (e *notFileError) Error() string {
	switch t := e.mode.Type(); {
	case t&fs.ModeDir != 0:
		return fmt.Sprintf("%s is a folder, not a file", e.name)
	case t&fs.ModeNamedPipe != 0:
		return fmt.Sprintf("%s is not a regular file but a named pipe", e.name)
	case t&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return fmt.Sprintf("%s is not a regular file but a device", e.name)
	case t&fs.ModeSocket != 0:
		return fmt.Sprintf("%s is not a regular file but a socket", e.name)
	}
	return fmt.Sprintf("%s is not a regular file", e.name)
}

// readSized reads r to its end into a buffer sized for the size the file
// reported, so a file is read without regrowing; a file that grew past
// limit since is refused.
func readSized(r io.Reader, size, limit int64) ([]byte, error) {
	buf := make([]byte, 0, min(size, limit)+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, &tooBigError{int64(len(buf)), limit}
		}
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// releaseRaw frees the corpus file's bytes, once, when the load read them
// (and its digest, when made, is done with them).
func (l *loader) releaseRaw() {
	l.waitCorpusDigest()
	if l.dropRaw != nil {
		l.dropRaw()
		l.dropRaw = nil
	}
}

// waitCorpusDigest waits until the corpus file's digest is made, when it
// is.
func (l *loader) waitCorpusDigest() {
	if l.corpusDigested != nil {
		<-l.corpusDigested
	}
}

// loader holds the state of one load.
type loader struct {
	fsys       fs.FS
	name       string // the corpus file inside fsys
	dir        string // the corpus file's folder inside fsys
	displayDir string // the same folder as messages name it
	r          reader
	problems   data.Problems
	corpus     *data.Corpus
	// the ids read so far; the corpus' own lookups are made last, by Derive
	topics   map[string]*data.Topic
	sources  map[string]*data.Source
	meetings map[string]*data.Meeting

	opts           Options
	dropRaw        func()        // frees the corpus file's bytes (releaseRaw); nil when done or not ours
	pieceFailed    *pieceFailure // why the pieces failed, while the whole file is decoded for its messages
	inPieces       bool          // the corpus file was decoded in pieces
	prefetch       *prefetcher
	inputs         *Inputs       // what was read, when the cache asked
	corpusDigested chan struct{} // closed when inputs has the corpus file's digest
	started        time.Time     // when the corpus file was read
	meetingRefs    [][]ref       // per meeting: the source ids it lists
	sourceSpecs    []sourceSpec
	annSpecs       []annSpec
	rejSpecs       []annSpec        // the rejections', as annSpecs
	meetingIDLines []int            // per meeting: the line of its id (0 for none)
	fuzzyWork      textmatch.Budget // approximate matching, bounded per load
	inFile         *annotationFile  // the coder's file being read; nil: the corpus file
	// The records come from arrays made to the lists' lengths: one
	// allocation each was a third of a large load's objects.
	sourceRecords     records[data.Source]
	meetingRecords    records[data.Meeting]
	annotationRecords records[data.Annotation]
}

// records hands out zeroed records from arrays, a batch at a time.
type records[T any] struct{ batch []T }

// reserve makes room for n more records in one array.
func (r *records[T]) reserve(n int) {
	if cap(r.batch)-len(r.batch) < n {
		r.batch = make([]T, 0, n)
	}
}

// next is a fresh record.
func (r *records[T]) next() *T {
	if len(r.batch) == cap(r.batch) {
		r.batch = make([]T, 0, max(64, cap(r.batch)/4))
	}
	r.batch = r.batch[:len(r.batch)+1]
	return &r.batch[len(r.batch)-1]
}

// reserve makes room for n more items of a list ("sources", "meetings",
// "annotations"), so that reading them grows nothing.
func (l *loader) reserve(list string, n int) {
	switch list {
	case "sources":
		l.corpus.Sources = slices.Grow(l.corpus.Sources, n)
		l.sourceSpecs = slices.Grow(l.sourceSpecs, n)
		l.sourceRecords.reserve(n)
		l.sources = growMap(l.sources, n)
	case "meetings":
		l.corpus.Meetings = slices.Grow(l.corpus.Meetings, n)
		l.meetingRefs = slices.Grow(l.meetingRefs, n)
		l.meetingRecords.reserve(n)
		l.meetings = growMap(l.meetings, n)
		l.meetingIDLines = slices.Grow(l.meetingIDLines, n)
	case "annotations":
		l.corpus.Annotations = slices.Grow(l.corpus.Annotations, n)
		l.annSpecs = slices.Grow(l.annSpecs, n)
		l.annotationRecords.reserve(n)
	}
}

// growMap is m with room for n more keys: a new map when m is empty and
// small.
func growMap[V any](m map[string]V, n int) map[string]V {
	if len(m) == 0 && n > 64 {
		return make(map[string]V, n)
	}
	return m
}

// ref is an id written in the corpus file, with where it was written.
type ref struct {
	id string
	at pos
}

// cloneNode copies a node tree, for a record that keeps one past its
// piece, whose nodes serve again (pieces.go).
func cloneNode(n *yaml.Node) *yaml.Node {
	if n == nil {
		return nil
	}
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, kid := range n.Content {
		c.Content[i] = cloneNode(kid)
	}
	return &c
}

// sourceSpec is what the later steps of a load need of a source's record:
// where its text is and where to place problems.
type sourceSpec struct {
	what    string
	at      pos // the record
	idLine  int // the line of its id (0 for none)
	file    string
	fileAt  pos
	inline  bool // the record has a text key
	text    string
	textAt  pos
	exclude *yaml.Node // the exclude list, when there is one (rare and small)
}

// annSpec is what the later steps of a load need of an annotation's record
// to place problems.
type annSpec struct {
	what                 string
	at, quoteAt, startAt pos
	rejection            bool   // an item of the rejections list
	file                 string // the annotation file it is in, as messages name it; "": the corpus file
}

// Keys lists the keys each kind of mapping may hold. docs/corpus.schema.json
// describes the same keys (a test keeps the two in step).
var Keys = map[string][]string{
	"file":            {"corpus", "topics", "meetings", "sources", "annotations", "eras", "rejections", "annotation_files"},
	"annotation file": {"coder", "annotations", "rejections"},
	"corpus":          {"title", "description", "format"},
	"topic":           {"id", "label", "color", "description", "terms"},
	"meeting":         {"id", "title", "short", "kind", "date", "end", "place", "participants", "summary", "notes", "sources"},
	"participant":     {"name", "hangul", "role", "country"},
	"source": {"id", "title", "publisher", "author", "published", "published_note", "url",
		"kind", "language", "file", "text", "exclude", "imported_from", "sha256", "extractor", "imported", "first_page"},
	"exclude":    {"from", "to", "reason"},
	"annotation": {"source", "topic", "quote", "prefix", "suffix", "start", "note", "coder", "created"},
	"era":        {"group", "label", "start", "end"},
	"rejection":  {"source", "topic", "quote", "prefix", "suffix", "start", "note", "coder", "created"},
}

var yamlErrorLine = regexp.MustCompile(`line (\d+)(?:, column (\d+))?`)

func (l *loader) load(raw []byte) {
	if len(bytes.TrimSpace(raw)) == 0 {
		l.r.errorf(nil, "the corpus file is empty")
		return
	}
	if line, col, ok := invalidUTF8(raw); !ok {
		l.problems = append(l.problems, data.Problem{File: l.r.file, Line: line, Col: col, Severity: data.Error,
			Message: "the corpus file is not valid UTF-8 here"})
		return
	}
	l.prefetch = l.startPrefetch(raw)
	defer close(l.prefetch.stop)
	// A large file is decoded in pieces (pieces.go); one over maxWholeBytes
	// only so, since its whole node tree would take gigabytes.
	big := len(raw) > l.opts.maxWholeBytes
	plan, stop := planPieces(raw, l.opts.pieceMinBytes, l.opts.pieceBytes)
	switch {
	case len(plan.pieces) > 0:
		fail := l.loadInPieces(plan)
		if fail == nil {
			// The records are made: the file's bytes, as large as they,
			// need not wait for the texts.
			l.releaseRaw()
			l.opts.Progress.Stage(0, stageCorpusFile, 1, 1)
			l.loadSources()
			l.link()
			return
		}
		l.reset()
		if big {
			l.r.errorAt(pos{fail.line, fail.col}, "%s", fail.msg)
			return
		}
		l.pieceFailed = fail
	case big:
		if stop == nil {
			stop = &uncut{1, "it was not cut"}
		}
		l.r.errorAt(pos{stop.line, 1}, "the corpus file has %.1f MiB; files over %d MiB are decoded in pieces, which this line prevents: %s",
			float64(len(raw))/(1<<20), l.opts.maxWholeBytes>>20, stop.reason)
		return
	}
	doc := l.decodeWhole(raw, "the corpus file")
	l.pieceFailed = nil
	if doc == nil {
		return
	}
	top, ok := l.r.mapping(doc, "the corpus file", Keys["file"]...)
	if !ok {
		return
	}
	l.readHeader(top)
	l.readTopics(top.value("topics"))
	l.readSources(top.value("sources"))
	l.readMeetings(top.value("meetings"))
	l.readAnnotations(top.value("annotations"))
	l.readEras(top.value("eras"))
	l.readRejections(top.value("rejections"))
	l.readAnnotationFiles(top.value("annotation_files"))
	l.opts.Progress.Stage(0, stageCorpusFile, 1, 1)
	l.loadSources()
	l.link()
}

func (l *loader) yamlError(raw []byte, err error) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimLeft(yamlErrorLine.ReplaceAllString(msg, ""), ": ")
	line, col := locateSyntaxError(raw, msg, reportedLine(err))
	if f := l.pieceFailed; f != nil && len(raw) > maxLocateBytes && f.msg == "YAML syntax: "+msg {
		// The piece that failed the same way was located exactly.
		line, col = f.line, f.col
	}
	l.problems = append(l.problems, data.Problem{File: l.r.file, Line: line, Col: col, Severity: data.Error, Message: "YAML syntax: " + msg})
}

// maxLocateBytes bounds the files whose syntax errors are located by
// re-parsing prefixes; in larger ones the list item around the line yaml.v3
// reports is re-parsed alone (locateAround).
const maxLocateBytes = 4 << 20

// reportedLine is the line a yaml.v3 error names (where the structure
// around the error began, or a line before it), 1 when it names none.
func reportedLine(err error) int {
	m := yamlErrorLine.FindStringSubmatch(err.Error())
	if m == nil {
		return 1
	}
	n, convErr := strconv.Atoi(m[1])
	if convErr != nil || n < 1 {
		return 1
	}
	return n
}

// locateSyntaxError finds the line of a YAML syntax error. The YAML library
// reports the line where the enclosing structure began (and sometimes one
// line early), so this finds the shortest prefix of whole lines that fails
// with the same message: the line where the error first shows. A tab in a
// line's indentation is placed exactly. reported is the line yaml.v3 gave.
func locateSyntaxError(raw []byte, msg string, reported int) (line, col int) {
	if strings.Contains(msg, "control characters are not allowed") {
		if line, col, ok := firstControl(raw); ok {
			return line, col
		}
	}
	lines := bytes.SplitAfter(raw, []byte("\n"))
	if len(lines) > 1 && len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1] // a final line feed ends the last line, it starts none
	}
	for i, text := range lines {
		indent := len(text) - len(bytes.TrimLeft(text, " \t"))
		if j := bytes.IndexByte(text[:indent], '\t'); j >= 0 {
			return i + 1, j + 1
		}
	}
	if len(raw) > maxLocateBytes {
		return locateAround(lines, msg, reported)
	}
	if line, col := firstFailingLine(lines, msg); line > 0 {
		return line, col
	}
	return max(reported, 1), 1
}

// maxItemLines bounds the list item locateAround re-parses.
const maxItemLines = 20000

// locateAround places the error of a file too large to re-parse in
// prefixes: the list item around the reported line (from the item's "- "
// to the next line as little indented) is re-parsed alone, as a piece of
// the file would be, and when it fails the same way the error is placed
// in it. Otherwise the reported line stands.
func locateAround(lines [][]byte, msg string, reported int) (line, col int) {
	at := min(max(reported, 1), len(lines)) - 1
	atIndent, _ := indentOf(lines[at])
	start, indent := -1, 0
	for i := at; i >= 0 && at-i < maxItemLines; i-- {
		if n, _ := indentOf(lines[i]); isItemStart(lines[i][n:]) && n <= atIndent {
			start, indent = i, n
			break
		}
	}
	if start < 0 {
		return reported, 1
	}
	end := at + 2 // the error may show on the line after the reported one
	for end < len(lines) && end-start < maxItemLines {
		if n, _ := indentOf(lines[end]); !blankOrComment(lines[end]) && (n < indent || n == indent && isItemStart(lines[end][n:])) {
			break
		}
		end++
	}
	end = min(end, len(lines))
	if l, c := firstFailingLine(lines[start:end], msg); l > 0 {
		return start + l, c
	}
	return reported, 1
}

// firstFailingLine is the line, and the column its text starts at, of the
// shortest prefix of lines that fails to decode with msg; 0 when all of
// them decode, or fail otherwise.
func firstFailingLine(lines [][]byte, msg string) (line, col int) {
	fails := func(k int) bool {
		// Every document, as the load reads them: an error after a "..."
		// shows only in the document that follows it.
		dec := yaml.NewDecoder(bytes.NewReader(bytes.Join(lines[:k], nil)))
		for {
			var n yaml.Node
			err := dec.Decode(&n)
			if errors.Is(err, io.EOF) {
				return false
			}
			if err != nil {
				m := strings.TrimPrefix(err.Error(), "yaml: ")
				return strings.TrimLeft(yamlErrorLine.ReplaceAllString(m, ""), ": ") == msg
			}
		}
	}
	if len(lines) == 0 || !fails(len(lines)) {
		return 0, 0
	}
	lo, hi := 1, len(lines)
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	n, _ := indentOf(lines[lo-1])
	return lo, n + 1
}

// placeOnRealLines corrects the positions of a decoded tree for the line
// breaks that YAML counts and editors do not: NEL (U+0085), LINE
// SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029), which the YAML
// library counts as line ends even inside a quoted string, so that every
// later problem would be placed a line further down for each. A file
// without them (nearly all) costs a scan for their first bytes.
func placeOnRealLines(raw []byte, doc *yaml.Node) {
	if !bytes.Contains(raw, []byte("\u0085")) && !bytes.Contains(raw, []byte("\u2028")) && !bytes.Contains(raw, []byte("\u2029")) {
		return
	}
	// For each line as YAML counts them (from 1): the real line, and the
	// code points of the real line before it.
	type place struct{ line, col int }
	table := []place{{}, {1, 0}}
	line, col := 1, 0
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		i += size
		switch r {
		case '\r':
			if i < len(raw) && raw[i] == '\n' {
				i++
			}
			fallthrough
		case '\n':
			line, col = line+1, 0
			table = append(table, place{line, 0})
		case 0x85, 0x2028, 0x2029:
			col++
			table = append(table, place{line, col})
		default:
			col++
		}
	}
	stack := []*yaml.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Line > 0 && n.Line < len(table) {
			p := table[n.Line]
			n.Line, n.Column = p.line, n.Column+p.col
		}
		stack = append(stack, n.Content...)
	}
}

// firstControl finds the first character YAML refuses as a control
// character (C0 but tab, line feed and carriage return; DEL; C1 but NEL),
// with its line and column in code points, wherever it is in the file.
func firstControl(b []byte) (line, col int, ok bool) {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || 0x80 <= r && r <= 0x9f && r != 0x85 {
			line, col = position(string(b[:i]), -1)
			return line, col, true
		}
		i += size
	}
	return 0, 0, false
}

// invalidUTF8 finds the first invalid UTF-8 sequence and its line and column.
func invalidUTF8(b []byte) (line, col int, ok bool) {
	if utf8.Valid(b) {
		return 0, 0, true
	}
	line, col = 1, 1
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			return line, col, false
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		b = b[size:]
	}
	return line, col, false
}

// position returns the line and column of code point offset off in text.
func position(text string, off int) (line, col int) {
	line, col = 1, 1
	i := 0
	for _, r := range text {
		if i == off {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i++
	}
	return line, col
}

func (l *loader) readHeader(top fields) {
	n := top.value("corpus")
	if n == nil {
		top.missing("corpus")
		return
	}
	f, ok := l.r.mapping(n, "corpus", Keys["corpus"]...)
	if !ok {
		return
	}
	c := l.corpus
	c.Title = f.str("title", true)
	c.Description = f.str("description", false)
	if v, ok := f.integer("format", true); ok {
		c.Format = v
		if v < 1 || v > data.FormatVersion {
			l.r.errorf(f.at("format"), "corpus: format %d is not one this version reads (it reads format %d)", v, data.FormatVersion)
		}
	}
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(?:[._-][a-z0-9]+)*$`)

const maxIDLength = 64

// readID reads and checks an id and returns it with its line, reporting
// a duplicate of one seen before (firstLine says where that one is).
func (l *loader) readID(f fields, firstLine func(id string) (line int, seen bool)) (string, int) {
	id := f.str("id", true)
	if id == "" {
		return "", 0
	}
	at := f.at("id")
	switch {
	case len(id) > maxIDLength:
		l.r.errorf(at, "%s: id is %d characters long; the limit is %d", f.what, len(id), maxIDLength)
	case !idPattern.MatchString(id):
		l.r.errorf(at, "%s: id %q must be lower-case letters and digits, joined by single '-', '_' or '.'", f.what, safetext.Clip(id, 40))
	}
	if first, dup := firstLine(id); dup {
		l.r.errorf(at, "%s: id %q is already used at line %d", f.what, id, first)
	}
	return id, at.Line
}

// sourceIDLine and meetingIDLine are where the source or meeting that
// first has an id gives it, for readID: the records' own lookups, rather
// than maps of their own, which at 100,000 items took 6 MB.
func (l *loader) sourceIDLine(id string) (int, bool) {
	s, ok := l.sources[id]
	if !ok {
		return 0, false
	}
	return l.sourceSpecs[s.Index].idLine, true
}

func (l *loader) meetingIDLine(id string) (int, bool) {
	m, ok := l.meetings[id]
	if !ok {
		return 0, false
	}
	return l.meetingIDLines[m.Index], true
}

func (l *loader) readTopics(n *yaml.Node) {
	seen := map[string]int{}
	for i, item := range l.r.sequence(n, "topics") {
		f, ok := l.r.mapping(item, itemName(item, "topic", i+1), Keys["topic"]...)
		if !ok {
			continue
		}
		t := &data.Topic{Index: len(l.corpus.Topics)}
		var line int
		t.ID, line = l.readID(f, func(id string) (int, bool) { first, ok := seen[id]; return first, ok })
		if _, dup := seen[t.ID]; t.ID != "" && !dup {
			seen[t.ID] = line
		}
		t.Label = f.str("label", true)
		t.Description = f.str("description", false)
		t.Terms = f.strList("terms")
		if s := f.str("color", false); s != "" {
			c, err := data.ParseColor(s)
			if err != nil {
				l.r.errorf(f.at("color"), "%s: %v", f.what, err)
			}
			t.Color = c
		} else {
			t.Color = data.DefaultTopicColor(t.Index)
		}
		if _, dup := l.topics[t.ID]; t.ID != "" && !dup {
			l.topics[t.ID] = t
		}
		l.corpus.Topics = append(l.corpus.Topics, t)
	}
}

func (l *loader) readSources(n *yaml.Node) {
	items := l.r.sequence(n, "sources")
	l.reserve("sources", len(items))
	for i, item := range items {
		l.readSource(i, item)
	}
}

// readSource reads item i (from 0) of the sources list.
func (l *loader) readSource(i int, item *yaml.Node) {
	f, ok := l.r.mapping(item, itemName(item, "source", i+1), Keys["source"]...)
	if !ok {
		return
	}
	s := l.sourceRecords.next()
	s.Index = len(l.corpus.Sources)
	var idLine int
	s.ID, idLine = l.readID(f, l.sourceIDLine)
	s.Title = f.str("title", true)
	d := data.SourceDetails{
		Publisher:     f.str("publisher", false),
		Author:        f.str("author", false),
		Published:     f.str("published", false),
		PublishedNote: f.str("published_note", false),
		URL:           f.str("url", false),
	}
	if d.URL != "" && !strings.HasPrefix(d.URL, "https://") && !strings.HasPrefix(d.URL, "http://") {
		l.r.warnf(f.at("url"), "%s: url %q does not start with http:// or https://", f.what, safetext.Clip(d.URL, 60))
	}
	s.Kind = f.str("kind", false)
	s.Language = f.str("language", false)
	d.Origin = data.Origin{File: f.str("imported_from", false), SHA256: f.str("sha256", false), Extractor: f.str("extractor", false), Date: f.str("imported", false)}
	if fp := f.str("first_page", false); fp != "" {
		if n, err := strconv.Atoi(fp); err != nil || n < 1 {
			l.r.errorf(f.at("first_page"), "%s: first_page %q is not a page number (1 or more)", f.what, safetext.Clip(fp, 20))
		} else {
			d.FirstPage = n
		}
	}
	if d.Origin.SHA256 != "" && !isSHA256(d.Origin.SHA256) {
		l.r.warnf(f.at("sha256"), "%s: sha256 %q is not 64 hexadecimal digits", f.what, safetext.Clip(d.Origin.SHA256, 70))
	}
	s.SetDetails(d)
	if _, dup := l.sources[s.ID]; s.ID != "" && !dup {
		l.sources[s.ID] = s
	}
	spec := sourceSpec{what: f.what, at: posOf(f.node), idLine: idLine, fileAt: posOf(f.at("file")), textAt: posOf(f.at("text")),
		file: f.str("file", false), exclude: cloneNode(f.value("exclude"))}
	_, spec.inline = f.get("text")
	if spec.inline && spec.file == "" {
		spec.text = f.str("text", true)
	}
	l.corpus.Sources = append(l.corpus.Sources, s)
	l.sourceSpecs = append(l.sourceSpecs, spec)
}

func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}

func (l *loader) readDate(f fields, key string, required bool) data.Date {
	s := f.str(key, required)
	if s == "" {
		return data.Date{}
	}
	d, err := data.ParseDate(strings.TrimSpace(s))
	if err != nil {
		l.r.errorf(f.at(key), "%s: %s: %v", f.what, key, err)
	}
	return d
}

func (l *loader) readMeetings(n *yaml.Node) {
	items := l.r.sequence(n, "meetings")
	l.reserve("meetings", len(items))
	for i, item := range items {
		l.readMeeting(i, item)
	}
}

// readMeeting reads item i (from 0) of the meetings list.
func (l *loader) readMeeting(i int, item *yaml.Node) {
	f, ok := l.r.mapping(item, itemName(item, "meeting", i+1), Keys["meeting"]...)
	if !ok {
		return
	}
	m := l.meetingRecords.next()
	m.Index = len(l.corpus.Meetings)
	var idLine int
	m.ID, idLine = l.readID(f, l.meetingIDLine)
	m.Title = f.str("title", true)
	m.Short = f.str("short", false)
	if m.Short == "" {
		m.Short = m.Title
	}
	m.Kind = f.str("kind", true)
	m.Date = l.readDate(f, "date", true)
	m.End = l.readDate(f, "end", false)
	if !m.Date.IsZero() && !m.End.IsZero() && m.End.LastDay() < m.Date.FirstDay() {
		l.r.errorf(f.at("end"), "%s: end %s is before the start %s", f.what, m.End, m.Date)
	}
	m.Place = f.str("place", false)
	m.Summary = f.str("summary", false)
	m.Notes = f.str("notes", false)
	for j, p := range l.r.sequence(f.value("participants"), f.what+": participants") {
		pf, ok := l.r.mapping(p, fmt.Sprintf("%s: participant %d", f.what, j+1), Keys["participant"]...)
		if !ok {
			continue
		}
		m.Participants = append(m.Participants, data.Participant{
			Name: pf.str("name", true), Hangul: pf.str("hangul", false),
			Role: pf.str("role", false), Country: pf.str("country", false),
		})
	}
	var refs []ref
	if v := f.value("sources"); v != nil && v.Kind == yaml.SequenceNode {
		for _, item := range v.Content {
			refs = append(refs, ref{item.Value, posOf(item)})
		}
	}
	f.strList("sources") // reports entries that are not text
	if _, dup := l.meetings[m.ID]; m.ID != "" && !dup {
		l.meetings[m.ID] = m
	}
	l.corpus.Meetings = append(l.corpus.Meetings, m)
	l.meetingRefs = append(l.meetingRefs, refs)
	l.meetingIDLines = append(l.meetingIDLines, idLine)
}

func (l *loader) readAnnotations(n *yaml.Node) {
	items := l.r.sequence(n, "annotations")
	l.reserve("annotations", len(items))
	for i, item := range items {
		l.readAnnotation(i, item)
	}
}

// readRejections reads the rejected suggestions, each written as an
// annotation is.
func (l *loader) readRejections(n *yaml.Node) {
	for i, item := range l.r.sequence(n, "rejections") {
		l.readSelection(i, item, "rejection")
	}
}

// readAnnotation reads item i (from 0) of the annotations list.
func (l *loader) readAnnotation(i int, item *yaml.Node) { l.readSelection(i, item, "annotation") }

// readSelection reads item i (from 0) of the annotations list, or of the
// rejections list (kind "rejection"): the same keys, in lists of their own.
func (l *loader) readSelection(i int, item *yaml.Node, kind string) {
	f, ok := l.r.mapping(item, itemName(item, kind, i+1), Keys[kind]...)
	if !ok {
		return
	}
	list := &l.corpus.Annotations
	if kind == "rejection" {
		list = &l.corpus.Rejections
	}
	a := l.annotationRecords.next()
	a.Index, a.Line, a.Start = len(*list), item.Line, -1
	sourceID := f.str("source", true)
	topicID := f.str("topic", true)
	a.Quote = f.str("quote", true)
	details := data.AnnotationDetails{Prefix: f.str("prefix", false), Suffix: f.str("suffix", false), Note: f.str("note", false)}
	a.Coder = f.str("coder", false)
	if af := l.inFile; af != nil {
		a.File = af.rel
		switch {
		case a.Coder == "":
			a.Coder = af.coder
		case a.Coder != af.coder:
			l.r.errorf(f.at("coder"), "%s: coder %s in the file of coder %s; move it to that coder's file, or drop the coder (a coder's file holds their annotations alone)",
				f.what, safetext.Quote(a.Coder, 60), safetext.Quote(af.coder, 60))
		}
	}
	if created := f.str("created", false); created != "" {
		if d, err := data.ParseDate(created); err != nil || d.Precision != data.PrecisionDay {
			l.r.errorf(f.at("created"), "%s: created must be a day, YYYY-MM-DD, not %q", f.what, safetext.Clip(created, 40))
		} else {
			details.Created = created
		}
	}
	a.SetDetails(details)
	if v, ok := f.integer("start", false); ok {
		if v < 0 {
			l.r.errorf(f.at("start"), "%s: start must not be negative", f.what)
		} else {
			a.Start = v
		}
	}
	if sourceID != "" {
		if a.Source = l.sources[sourceID]; a.Source == nil {
			l.unknownRef(posOf(f.at("source")), f.what, "source", sourceID, idsOf(l.sources))
		}
	}
	if topicID != "" {
		if a.Topic = l.topics[topicID]; a.Topic == nil {
			l.unknownRef(posOf(f.at("topic")), f.what, "topic", topicID, idsOf(l.topics))
		}
	}
	spec := annSpec{what: f.what, at: posOf(f.node), quoteAt: posOf(f.at("quote")), startAt: posOf(f.at("start"))}
	if l.inFile != nil {
		spec.file = l.inFile.display
	}
	*list = append(*list, a)
	if kind == "rejection" {
		spec.rejection = true
		l.rejSpecs = append(l.rejSpecs, spec)
	} else {
		l.annSpecs = append(l.annSpecs, spec)
	}
}

// unknownRef reports a reference to an id that does not exist, suggesting
// the closest existing id.
func (l *loader) unknownRef(at pos, what, kind, id string, known []string) {
	msg := fmt.Sprintf("%s: there is no %s %q", what, kind, safetext.Clip(id, 60))
	if s := textmatch.Suggest(id, known); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	l.r.errorAt(at, "%s", msg)
}

// idsOf lists a lookup's ids for suggestions; a huge list gives none, so a
// file full of broken references cannot make the loader crawl.
func idsOf[T any](byID map[string]T) []string {
	if len(byID) > 2000 {
		return nil
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	return ids
}

func (l *loader) readEras(n *yaml.Node) {
	for i, item := range l.r.sequence(n, "eras") {
		f, ok := l.r.mapping(item, itemName(item, "era", i+1), Keys["era"]...)
		if !ok {
			continue
		}
		e := &data.Era{Group: f.str("group", true), Label: f.str("label", true)}
		e.Start = l.readDate(f, "start", true)
		e.End = l.readDate(f, "end", true)
		if !e.Start.IsZero() && !e.End.IsZero() && e.End.LastDay() < e.Start.FirstDay() {
			l.r.errorf(f.at("end"), "%s: end %s is before the start %s", f.what, e.End, e.Start)
		}
		l.corpus.Eras = append(l.corpus.Eras, e)
	}
}

// Progress tells how far a load has come, as a fraction that only
// grows. The loader sets it from its goroutines; any goroutine may read it
// (a progress bar polls it). The zero value is ready; a nil one is ignored.
type Progress struct {
	permille atomic.Int64

	// BeforeTexts, when set before the load starts, is given the corpus
	// of a load whose records are whole and derived before its source
	// texts are (a cache entry's, whose files are read and checked beside
	// the decoding): what needs no text, such as the window's timeline,
	// can be made from it meanwhile. It must not read the sources' texts
	// or pages. The load waits for it to return before it gives the
	// sources their texts; the corpus the load returns is that one unless
	// the check failed.
	BeforeTexts func(*data.Corpus)
}

// RecordsReady gives c to BeforeTexts, if it is set.
func (p *Progress) RecordsReady(c *data.Corpus) {
	if p != nil && p.BeforeTexts != nil {
		p.BeforeTexts(c)
	}
}

// Fraction is how much of the load is done, from 0 to 1.
func (p *Progress) Fraction() float64 {
	if p == nil {
		return 0
	}
	return float64(p.permille.Load()) / 1000
}

// Restart sets the fraction back to 0, for a load that starts over.
func (p *Progress) Restart() {
	if p != nil {
		p.permille.Store(0)
	}
}

// Stage records done of total in the stage that spans from to to of the
// whole load.
func (p *Progress) Stage(from, to float64, done, total int) {
	if p != nil && total > 0 {
		p.Report(from + (to-from)*float64(min(done, total))/float64(total))
	}
}

// Report records that the fraction f of the load is done; the fraction
// never goes back (workers that finish out of order may report less).
func (p *Progress) Report(f float64) {
	if p == nil {
		return
	}
	v := int64(1000 * min(max(f, 0), 1))
	for {
		old := p.permille.Load()
		if v <= old || p.permille.CompareAndSwap(old, v) {
			return
		}
	}
}

// The stages of a load, as fractions of the whole: reading the corpus file,
// then reading and anchoring the sources.
const (
	stageCorpusFile = 0.6
	stageSources    = 1.0
)
