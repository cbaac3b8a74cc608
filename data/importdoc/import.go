package importdoc

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
)

// Request asks for documents to be imported into a corpus.
type Request struct {
	Files   []string
	Meeting string // the id of a meeting of the corpus the sources report; "" for none
	Title   string // the source's title, for one file (else the document's, or its name)
	Options
	Today string // the import's day, YYYY-MM-DD
}

// Imported is a document made a source.
type Imported struct {
	File     string // the document
	Source   string // the new source's id
	TextFile string // its text file, relative to the corpus file
	Doc      Document
	Excluded int // ranges proposed and written as exclude
}

// Failure is a document that could not be imported, and why; nothing was
// written for it.
type Failure struct {
	File string
	Err  error
}

// Result is what an import did: the corpus file's bytes with the new
// sources (not written: the caller saves them), and each document's fate.
type Result struct {
	Bytes    []byte
	Corpus   *data.Corpus // Bytes loaded
	Imported []Imported
	Failed   []Failure
}

// SourcesDir is the folder, beside the corpus file, that imported texts go
// into.
const SourcesDir = "sources"

// Import makes each document a source of the corpus file at path, whose
// bytes are raw: its text written once as a new UTF-8 file under
// sources/ (never over a file, never outside the corpus folder), the
// source added to the corpus file's bytes with where it came from, the
// furniture the document marks proposed as excluded ranges, and the
// source attached to the meeting asked for. A document that cannot be
// imported is reported, and nothing is left of it: each one's result must
// load before the next is made.
func Import(ctx context.Context, path string, raw []byte, req Request) (Result, error) {
	res := Result{Bytes: raw}
	if info, err := os.Lstat(path); err == nil && info.Mode()&os.ModeSymlink != 0 {
		return res, edit.ErrLink // its texts would go beside the link, the corpus elsewhere
	}
	c, err := edit.Load(path, raw)
	if err != nil {
		return res, fmt.Errorf("the corpus does not load: %w", err)
	}
	res.Corpus = c
	if req.Meeting != "" && c.Meeting(req.Meeting) == nil {
		return res, fmt.Errorf("there is no meeting %q", req.Meeting)
	}
	root, err := os.OpenRoot(filepath.Dir(path))
	if err != nil {
		return res, err
	}
	defer root.Close()
	taken := map[string]bool{}
	for _, s := range c.Sources {
		taken[s.ID] = true
	}
	for _, file := range req.Files {
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
		im, out, next, err := importOne(ctx, path, root, res.Bytes, file, req, taken)
		if err != nil {
			res.Failed = append(res.Failed, Failure{file, err})
			continue
		}
		res.Bytes, res.Corpus = out, next
		res.Imported = append(res.Imported, im)
	}
	return res, nil
}

func importOne(ctx context.Context, path string, root *os.Root, raw []byte, file string, req Request, taken map[string]bool) (Imported, []byte, *data.Corpus, error) {
	im := Imported{File: file}
	doc, digest, extractor, err := readDocument(ctx, file, req.Options)
	if err != nil {
		return im, nil, nil, err
	}
	im.Doc = doc
	title := strings.TrimSpace(req.Title)
	if title == "" || len(req.Files) > 1 {
		title = doc.Title
	}
	if title == "" {
		title = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	}
	// A title without Latin letters (제54차 …) gives no id: the file name may.
	fallback := edit.NewID(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)), "source", func(string) bool { return false })
	id := edit.NewID(title, fallback, func(id string) bool { return taken[id] })
	if strings.Trim(id, "0123456789-") == "" { // digits alone (54) say nothing
		id = edit.NewID(fallback, "source", func(id string) bool { return taken[id] })
	}
	textFile, err := writeNew(root, id, doc.Text)
	if err != nil {
		return im, nil, nil, err
	}
	keep := false
	defer func() {
		if !keep {
			root.Remove(textFile) // ours, just made: nothing is left of a failed import
		}
	}()
	out, _, err := edit.AddSource(raw, edit.Source{ID: id, Title: title, Author: doc.Author, Published: doc.Published,
		File: filepath.ToSlash(textFile), ImportedFrom: filepath.Base(file), SHA256: digest, Extractor: extractor, Imported: req.Today,
		FirstPage: doc.FirstPage})
	if err != nil {
		return im, nil, nil, err
	}
	// The furniture, each piece where it stands in the text, in order.
	from := 0
	src := &data.Source{ID: id, Text: doc.Text}
	for _, p := range doc.Exclude {
		at := strings.Index(doc.Text[from:], p.Text)
		if at < 0 {
			continue
		}
		start := utf8.RuneCountInString(doc.Text[:from+at])
		ex, _, err := edit.Markers(src, start, start+utf8.RuneCountInString(p.Text))
		from += at + len(p.Text)
		if err != nil {
			continue
		}
		ex.Reason = p.Reason + " (proposed on import)"
		if next, _, _, err := edit.AddExclusion(out, ex); err == nil {
			out = next
			im.Excluded++
		}
	}
	if req.Meeting != "" {
		if out, err = edit.AttachSource(out, req.Meeting, id); err != nil {
			return im, nil, nil, err
		}
	}
	next, err := edit.Load(path, out)
	if err != nil {
		return im, nil, nil, fmt.Errorf("the corpus with it would not load: %w", err)
	}
	if s := next.Source(id); s == nil || s.Text != doc.Text {
		return im, nil, nil, errors.New("the new source does not read back as its text")
	}
	keep = true
	taken[id] = true
	im.Source, im.TextFile = id, filepath.ToSlash(textFile)
	return im, out, next, nil
}

// readDocument reads and extracts a document, bounded in size.
func readDocument(ctx context.Context, file string, o Options) (Document, string, string, error) {
	f, err := os.Open(file)
	if err != nil {
		return Document{}, "", "", err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return Document{}, "", "", err
	}
	if !info.Mode().IsRegular() {
		return Document{}, "", "", fmt.Errorf("%s is not a regular file", filepath.Base(file))
	}
	if info.Size() > MaxFileBytes {
		return Document{}, "", "", fmt.Errorf("%s is %d MiB; import takes documents of up to %d MiB", filepath.Base(file), info.Size()>>20, MaxFileBytes>>20)
	}
	raw, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return Document{}, "", "", err
	}
	if len(raw) > MaxFileBytes {
		return Document{}, "", "", fmt.Errorf("%s grew past %d MiB while it was read", filepath.Base(file), MaxFileBytes>>20)
	}
	x, err := ForFile(file, raw)
	if err != nil {
		return Document{}, "", "", err
	}
	doc, err := x.Extract(ctx, raw, o)
	if err != nil {
		return Document{}, "", "", err
	}
	if strings.TrimSpace(doc.Text) == "" {
		return Document{}, "", "", fmt.Errorf("%s holds no text", filepath.Base(file))
	}
	sum := sha256.Sum256(raw)
	return doc, hex.EncodeToString(sum[:]), x.Name(), nil
}

// writeNew writes text as a new file sources/ID.txt in the corpus folder
// (ID-2.txt and so on when the name is taken), never over a file, and
// gives its path relative to the folder.
func writeNew(root *os.Root, id, text string) (string, error) {
	if err := root.Mkdir(SourcesDir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("make %s/: %w", SourcesDir, err)
	}
	for n := 1; n < 1000; n++ {
		name := filepath.Join(SourcesDir, id+".txt")
		if n > 1 {
			name = filepath.Join(SourcesDir, fmt.Sprintf("%s-%d.txt", id, n))
		}
		f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil && strings.Contains(err.Error(), "path escapes") {
			return "", fmt.Errorf("%s/ leads out of the corpus folder (a symbolic link?); texts are written only inside it", SourcesDir)
		}
		if err != nil {
			return "", fmt.Errorf("write %s: %w", name, err)
		}
		_, err = f.WriteString(text)
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			root.Remove(name)
			return "", fmt.Errorf("write %s: %w", name, err)
		}
		return name, nil
	}
	return "", fmt.Errorf("no free name for %s in %s/", id, SourcesDir)
}
