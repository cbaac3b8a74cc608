package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/importdoc"
)

// runImport makes documents sources of a corpus.
func runImport(env Env, args []string) int {
	const argsHelp = "CORPUS.yaml [--meeting ID] [--title TEXT] [--encoding NAME] FILE..."
	fs := flagSet(env, "import", argsHelp,
		"Import documents (.txt, .html, .docx) as sources of a corpus: each one's text is written once as a new\n"+
			"UTF-8 file under sources/ beside the corpus file, and the corpus file gains the source (only its lines)")
	meeting := fs.String("meeting", "", "the `id` of the meeting the documents report")
	title := fs.String("title", "", "the source's `title`, for one document (else the document's own, or its file name)")
	encoding := fs.String("encoding", "", "the `encoding` of text and HTML files, when detection gets it wrong (utf-8, utf-16le, euc-kr, windows-1252)")
	positional, code := parse(env, fs, args, 1<<20)
	if code >= 0 {
		return code
	}
	if len(positional) < 2 {
		say(env.Stderr, "alliance-timeline import: give the corpus file and at least one document")
		return ExitUsage
	}
	path, files := positional[0], positional[1:]
	raw, err := edit.ReadFile(path)
	if err != nil {
		say(env.Stderr, "alliance-timeline import: %v", err)
		return ExitUsage
	}
	res, err := importdoc.Import(context.Background(), path, raw, importdoc.Request{Files: files, Meeting: *meeting, Title: *title,
		Options: importdoc.Options{Encoding: *encoding}, Today: time.Now().Format("2006-01-02")})
	if err != nil {
		say(env.Stderr, "alliance-timeline import: %s: %v", path, err)
		return ExitProblems
	}
	for _, f := range res.Failed {
		say(env.Stderr, "alliance-timeline import: %s: not imported: %v", f.File, f.Err)
	}
	if len(res.Imported) > 0 {
		if err := edit.WriteChecked(path, raw, res.Bytes, res.Corpus, nil); err != nil {
			for _, im := range res.Imported { // made by this import, and named by no corpus now
				os.Remove(filepath.Join(filepath.Dir(path), filepath.FromSlash(im.TextFile)))
			}
			say(env.Stderr, "alliance-timeline import: %s: %v", path, err)
			return ExitProblems
		}
	}
	for _, im := range res.Imported {
		say(env.Stdout, "Imported %s as source %s (%s, %d characters; %s)", filepath.Base(im.File), im.Source, im.TextFile,
			utf8.RuneCountInString(im.Doc.Text), describe(im))
	}
	if len(res.Failed) > 0 {
		return ExitProblems
	}
	return ExitOK
}

func describe(im importdoc.Imported) string {
	var parts []string
	if im.Doc.Encoding != "" {
		parts = append(parts, "read as "+im.Doc.Encoding)
	}
	if im.Doc.Pages > 0 {
		parts = append(parts, fmt.Sprintf("%d pages", im.Doc.Pages))
	}
	if im.Excluded > 0 {
		parts = append(parts, fmt.Sprintf("%d ranges of page furniture proposed as excluded", im.Excluded))
	}
	if len(parts) == 0 {
		return "no page furniture found"
	}
	return strings.Join(parts, "; ")
}
