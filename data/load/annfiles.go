package load

import (
	"bytes"
	"errors"
	"io"
	"path"
	"path/filepath"

	"go.yaml.in/yaml/v3"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// A corpus may keep each coder's annotations in a file of its own, listed
// in the corpus file:
//
//	annotation_files: [coding/alice.yaml, coding/bob.yaml]
//
// Each is a mapping of the coder's name and their annotations (and
// rejections), written as the corpus file's are:
//
//	coder: alice
//	annotations:
//	  - {source: s1, topic: space, quote: "…"}
//
// Every annotation in the file is the coder's (one that names another
// coder is an error): two coders never write to one file, so a git merge
// of their work never conflicts. The annotations follow the corpus file's
// own, file by file, in the list's order.

// MaxAnnotationFiles bounds the annotation files of one corpus.
const MaxAnnotationFiles = 256

// annotationFile is the annotation file being read: its path as listed
// (cleaned), how messages name it, and its coder.
type annotationFile struct {
	rel, display, coder string
}

// readAnnotationFiles reads the files the annotation_files list names.
func (l *loader) readAnnotationFiles(n *yaml.Node) {
	items := l.r.sequence(n, "annotation_files")
	if len(items) > MaxAnnotationFiles {
		l.r.errorf(n, "annotation_files lists %d files; the limit is %d", len(items), MaxAnnotationFiles)
		return
	}
	seenPath := map[string]int{}
	seenCoder := map[string]string{}
	// The corpus' other files: a coder's edits written into one of them
	// would be written into the corpus file or a source's text.
	taken := map[string]string{l.name: "the corpus file"}
	for _, spec := range l.sourceSpecs {
		if name, ok := l.textPath(spec.file); ok {
			taken[name] = "the text of " + spec.what
		}
	}
	for _, item := range items {
		if !l.r.plain(item) {
			continue
		}
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" || item.Value == "" {
			l.r.errorf(item, "annotation_files: every entry must be a file's path, relative to the corpus file, not %s", kindName(item))
			continue
		}
		rel := path.Clean(item.Value)
		if line, dup := seenPath[rel]; dup {
			l.r.errorf(item, "annotation_files: %s is listed twice (first at line %d)", safetext.Quote(item.Value, 80), line)
			continue
		}
		seenPath[rel] = item.Line
		if name, _ := l.textPath(rel); taken[name] != "" {
			l.r.errorf(item, "annotation_files: %s is %s; a coder's annotations need a file of their own", safetext.Quote(item.Value, 80), taken[name])
			continue
		}
		raw, edited := l.opts.AnnotationFiles[rel]
		display := filepath.Join(l.displayDir, filepath.FromSlash(rel))
		if !edited { // else a file a load of these paths read before, with its edits
			var ok bool
			if raw, _, _, display, ok = l.readRelative(posOf(item), item.Value, "annotation_files", MaxCorpusBytes, &l.r); !ok {
				continue
			}
		}
		if l.inputs != nil {
			l.inputs.Annotations = append(l.inputs.Annotations, inputOf(path.Join(l.dir, rel), raw))
		}
		af := annotationFile{rel: rel, display: display}
		saved := l.r
		l.r = reader{file: display, problems: &l.problems}
		l.readAnnotationFile(&af, raw, seenCoder)
		l.r = saved
	}
}

// readAnnotationFile reads one coder's file, its problems placed in it.
func (l *loader) readAnnotationFile(af *annotationFile, raw []byte, seenCoder map[string]string) {
	doc := l.decodeWhole(raw, "the annotation file")
	if doc == nil {
		return
	}
	top, ok := l.r.mapping(doc, "the annotation file", Keys["annotation file"]...)
	if !ok {
		return
	}
	af.coder = top.str("coder", true)
	if af.coder == "" {
		return
	}
	if other, dup := seenCoder[af.coder]; dup {
		l.r.errorf(top.at("coder"), "coder %s has a file already, %s: keep each coder's annotations in one file", safetext.Quote(af.coder, 60), other)
		return
	}
	seenCoder[af.coder] = af.display
	l.corpus.AnnotationFiles = append(l.corpus.AnnotationFiles, data.AnnotationFile{Path: af.rel, Coder: af.coder})
	l.inFile = af
	l.readAnnotations(top.value("annotations"))
	l.readRejections(top.value("rejections"))
	l.inFile = nil
}

// decodeWhole decodes a file of one YAML document (what names it in
// messages) into its top node, reporting through l.r what keeps it from
// being read: nil then.
func (l *loader) decodeWhole(raw []byte, what string) *yaml.Node {
	if len(bytes.TrimSpace(raw)) == 0 {
		l.r.errorf(nil, "%s is empty", what)
		return nil
	}
	if line, col, ok := invalidUTF8(raw); !ok {
		l.problems = append(l.problems, data.Problem{File: l.r.file, Line: line, Col: col, Severity: data.Error,
			Message: what + " is not valid UTF-8 here"})
		return nil
	}
	if f := checkDecodeBounds(raw, 1); f != nil {
		l.r.errorAt(pos{f.line, 1}, "%s", f.msg)
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	var doc yaml.Node
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		l.r.errorf(nil, "%s is empty", what)
		return nil
	} else if err != nil {
		l.yamlError(raw, err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		l.r.errorf(&extra, "%s holds more than one YAML document; keep one", what)
	} else if !errors.Is(err, io.EOF) {
		l.yamlError(raw, err)
	}
	if len(doc.Content) == 0 {
		l.r.errorf(nil, "%s is empty", what)
		return nil
	}
	placeOnRealLines(raw, &doc)
	return doc.Content[0]
}
