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
	coder := fs.String("coder", "", "add: who coded it")
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

// annotate makes one edit of the corpus file at path and replaces the file
// with the result once it loads as the corpus with that edit.
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
	var out []byte
	var after *data.Corpus // what the edited file must load as
	var msg string
	switch op {
	case "add":
		placed, an, err := edit.Place(before, want)
		if err != nil {
			return "", annotateFailed{err}
		}
		var line int
		if out, line, err = edit.AddAt(raw, placed); err != nil {
			return "", annotateFailed{err}
		}
		after = edit.Added(before, placed, an, line)
		msg = fmt.Sprintf("added to %s: topic %s, source %s, %s at %d–%d", path, placed.Topic, placed.Source, safetext.Quote(placed.Quote, 80), an.Start, an.End)
	case "remove", "retopic":
		a, err := findAnnotation(before, want)
		if err != nil {
			return "", annotateFailed{err}
		}
		if op == "remove" {
			var lines int
			out, lines, err = edit.RemoveAt(raw, a.Line)
			if err == nil {
				after = edit.Removed(before, a.Index, lines)
			}
			msg = fmt.Sprintf("removed from %s: the annotation of line %d (topic %s, source %s, %s)", path, a.Line, a.Topic.ID, a.Source.ID, safetext.Quote(a.Quote, 80))
		} else {
			if before.Topic(to) == nil {
				return "", annotateFailed{fmt.Errorf("there is no topic %q", to)}
			}
			out, err = edit.Retopic(raw, a.Line, to)
			if err == nil {
				after = edit.Retopicked(before, a.Index, to)
			}
			msg = fmt.Sprintf("retopicked in %s: the annotation of line %d, from %s to %s", path, a.Line, a.Topic.ID, to)
		}
		if err != nil {
			return "", annotateFailed{err}
		}
	}
	if err := edit.WriteChecked(path, raw, out, after, nil); err != nil {
		return "", annotateFailed{fmt.Errorf("%w; the file is left as it was", err)}
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
