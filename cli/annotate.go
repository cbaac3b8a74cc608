package cli

import (
	"errors"
	"fmt"
	"slices"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// annotateFailed is an edit refused for the corpus' sake (exit 1): the
// quote is not there, or the result would not load as asked.
type annotateFailed struct{ err error }

func (e annotateFailed) Error() string { return e.err.Error() }

func runAnnotate(env Env, args []string) int {
	const argsHelp = "CORPUS.yaml add|remove|retopic --source ID --topic ID --quote TEXT [options]"
	fs := flagSet(env, "annotate", argsHelp,
		"Add an annotation to a corpus file, remove one, or give one another topic, changing only its lines\n"+
			"(every other byte of the file stays); the result is loaded and checked before the file is replaced")
	source := fs.String("source", "", "the source `id`")
	topic := fs.String("topic", "", "the topic `id`")
	quote := fs.String("quote", "", "the annotated `text`, as in the source (case, spaces, dashes and quotes are matched loosely)")
	prefix := fs.String("prefix", "", "`text` just before the quote, when the quote occurs more than once")
	suffix := fs.String("suffix", "", "`text` just after the quote")
	start := fs.Int("start", -1, "the quote's `offset` in the source, in code points")
	note := fs.String("note", "", "add: a `note` on the annotation")
	coder := fs.String("coder", "", "add: who coded it (the annotation goes to their annotation file when the corpus lists one)")
	to := fs.String("to", "", "retopic: the new topic `id`")
	positional, code := parse(env, fs, args, 2)
	if code >= 0 {
		return code
	}
	if len(positional) != 2 || !slices.Contains([]string{"add", "remove", "retopic"}, positional[1]) {
		say(env.Stderr, "alliance-timeline annotate: give the corpus file and add, remove or retopic")
		return ExitUsage
	}
	path, op := positional[0], positional[1]
	switch {
	case *source == "" || *topic == "" || *quote == "":
		say(env.Stderr, "alliance-timeline annotate %s: --source, --topic and --quote are required", op)
		return ExitUsage
	case op == "retopic" && *to == "":
		say(env.Stderr, "alliance-timeline annotate retopic: --to is required")
		return ExitUsage
	}
	want := edit.Annotation{Source: *source, Topic: *topic, Quote: *quote, Prefix: *prefix, Suffix: *suffix, Start: *start, Note: *note, Coder: *coder}
	msg, err := annotate(path, op, want, *to)
	var failed annotateFailed
	switch {
	case errors.As(err, &failed):
		say(env.Stderr, "alliance-timeline annotate %s: %s: %v", op, path, err)
		return ExitProblems
	case err != nil:
		say(env.Stderr, "alliance-timeline annotate %s: %v", op, err)
		return ExitUsage
	}
	say(env.Stdout, "%s", msg)
	return ExitOK
}

// annotate makes one edit of the corpus at path, in the file the
// annotation is in (the corpus file, or its coder's annotation file; a new
// one goes to its coder's file when the corpus lists one), and replaces
// that file with the result once the corpus loads as the corpus with that
// edit.
func annotate(path, op string, want edit.Annotation, to string) (string, error) {
	raw, err := edit.ReadFile(path)
	if err != nil {
		return "", err
	}
	if err := edit.CheckLineBreaks(raw); err != nil {
		return "", annotateFailed{err}
	}
	before, err := edit.Load(path, raw)
	if err != nil {
		return "", annotateFailed{fmt.Errorf("the corpus does not load: %w", err)}
	}
	var found *data.Annotation
	file := before.AnnotationFileOf(want.Coder) // where a new one goes
	if op != "add" {
		if found, err = findAnnotation(before, want); err != nil {
			return "", annotateFailed{err}
		}
		file = found.File
	}
	s := edit.NewSession(raw)
	where := path
	if file != "" {
		theirs, err := edit.ReadBeside(path, file)
		if err == nil {
			err = edit.CheckLineBreaks(theirs)
		}
		if err != nil {
			return "", annotateFailed{err}
		}
		s.Open(file, theirs)
		where = file
	}
	var after *data.Corpus // what the edited files must load as
	var msg string
	err = s.ApplyTo(file, op, func(raw []byte) ([]byte, error) {
		switch op {
		case "add":
			placed, an, err := edit.Place(before, want)
			if err != nil {
				return nil, err
			}
			placed.File = file
			out, line, err := edit.AddAt(raw, placed)
			if err != nil {
				return nil, err
			}
			after = edit.Added(before, placed, an, line)
			msg = fmt.Sprintf("added to %s: topic %s, source %s, %s at %d–%d", where, placed.Topic, placed.Source, safetext.Quote(placed.Quote, 80), an.Start, an.End)
			return out, nil
		case "remove":
			out, lines, err := edit.RemoveAt(raw, found.Line)
			if err != nil {
				return nil, err
			}
			after = edit.Removed(before, found.Index, lines)
			msg = fmt.Sprintf("removed from %s: the annotation of line %d (topic %s, source %s, %s)", where, found.Line, found.Topic.ID, found.Source.ID, safetext.Quote(found.Quote, 80))
			return out, nil
		default:
			if before.Topic(to) == nil {
				return nil, fmt.Errorf("there is no topic %q", to)
			}
			out, err := edit.Retopic(raw, found.Line, to)
			if err != nil {
				return nil, err
			}
			after = edit.Retopicked(before, found.Index, to)
			msg = fmt.Sprintf("retopicked in %s: the annotation of line %d, from %s to %s", where, found.Line, found.Topic.ID, to)
			return out, nil
		}
	})
	if err != nil {
		return "", annotateFailed{err}
	}
	if _, err := edit.WriteSnapshot(path, s.Snapshot(), after, nil); err != nil {
		return "", annotateFailed{fmt.Errorf("%w; the files are left as they were", err)}
	}
	return msg, nil
}

// findAnnotation is the one annotation of a source and topic whose quote
// reads as given (as matching folds it), at the start when one is given.
func findAnnotation(c *data.Corpus, want edit.Annotation) (*data.Annotation, error) {
	var found []*data.Annotation
	for _, a := range c.Annotations {
		if a.Source.ID == want.Source && a.Topic.ID == want.Topic && textmatch.FoldForSearch(a.Quote) == textmatch.FoldForSearch(want.Quote) &&
			(want.Start < 0 || a.Anchor.Start == want.Start) {
			found = append(found, a)
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("no annotation of topic %q in source %q has that quote", want.Topic, want.Source)
	case 1:
		return found[0], nil
	}
	return nil, fmt.Errorf("%d annotations of topic %q in source %q have that quote; give --start", len(found), want.Topic, want.Source)
}
