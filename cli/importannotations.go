package cli

import (
	"os"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/webanno"
)

// runImportAnnotations adds W3C Web Annotations (or a Hypothesis export)
// to a corpus, each anchored by its quote.
func runImportAnnotations(env Env, args []string) int {
	fs := flagSet(env, "import-annotations", "CORPUS.yaml FILE.jsonld|FILE.json [--dry-run]",
		"Add the annotations of a W3C Web Annotation file (an AnnotationCollection or a list) or of a Hypothesis\n"+
			"export to a corpus: each targets a source by its url (or urn:alliance-timeline:source:ID), takes the\n"+
			"topic its tag names (an id or a label), and is anchored by its quote, prefix and suffix (a W3C position\n"+
			"counts code points; a Hypothesis one counts UTF-16 units of the web page and is only a hint). Every\n"+
			"annotation's status is printed. Only the new lines are added, as annotate does. Exit 1 when some could\n"+
			"not be placed (the others are added unless --dry-run)")
	dry := fs.Bool("dry-run", false, "report, and write nothing")
	positional, code := parse(env, fs, args, 2)
	if code >= 0 {
		return code
	}
	if len(positional) != 2 {
		say(env.Stderr, "alliance-timeline import-annotations: give the corpus and the file of annotations")
		return ExitUsage
	}
	path, file := positional[0], positional[1]
	b, err := os.ReadFile(file)
	if err != nil {
		say(env.Stderr, "alliance-timeline import-annotations: %v", err)
		return ExitUsage
	}
	in, err := webanno.Read(b)
	if err != nil {
		say(env.Stderr, "%s: error: %s", file, safetext.Visible(err.Error()))
		return ExitProblems
	}
	raw, err := edit.ReadFile(path)
	if err == nil {
		err = edit.CheckLineBreaks(raw)
	}
	var c *data.Corpus
	if err == nil {
		c, err = edit.Load(path, raw)
	}
	if err != nil {
		say(env.Stderr, "alliance-timeline import-annotations: %s: %v", path, err)
		return ExitProblems
	}
	placed := webanno.Match(c, in)
	out, after := raw, c
	added, failed := 0, 0
	for _, p := range placed {
		if p.Known {
			say(env.Stdout, "%s: not added: %s", safetext.Visible(p.In.Description), p.Status)
			continue
		}
		if !p.OK {
			failed++
			say(env.Stderr, "%s: warning: %s not imported: %s", file, safetext.Visible(p.In.Description), safetext.Visible(p.Status))
			continue
		}
		var line int
		if out, line, err = edit.AddAt(out, p.Annotation); err != nil {
			say(env.Stderr, "alliance-timeline import-annotations: %s: %v; nothing is written", path, err)
			return ExitProblems
		}
		after = edit.Added(after, p.Annotation, p.Anchor, line)
		added++
		say(env.Stdout, "%s: %s in %s at %d–%d, topic %s", safetext.Visible(p.In.Description), p.Status, p.Annotation.Source, p.Anchor.Start, p.Anchor.End, p.Annotation.Topic)
	}
	switch {
	case *dry:
		say(env.Stdout, "%d of %d would be added (--dry-run: nothing written)", added, len(placed))
	case added > 0:
		if err := edit.WriteChecked(path, raw, out, after, nil); err != nil {
			say(env.Stderr, "alliance-timeline import-annotations: %s: %v; the file is left as it was", path, err)
			return ExitProblems
		}
		say(env.Stdout, "added %d of %d annotations to %s", added, len(placed), path)
	default:
		say(env.Stdout, "no annotation added to %s", path)
	}
	if failed > 0 {
		return ExitProblems
	}
	return ExitOK
}
