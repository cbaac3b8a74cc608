package cli

import (
	"errors"

	"github.com/alliance-timeline/alliance-timeline/data/edit"
)

// runNew writes a new, empty corpus into a folder.
func runNew(env Env, args []string) int {
	fs := flagSet(env, "new", "DIR --title TEXT",
		"Write a new, empty corpus (corpus.yaml, with its title) into a folder, made when it is not there;\n"+
			"a folder that holds a corpus already is refused, and no file is ever replaced")
	title := fs.String("title", "", "the corpus' `title`")
	positional, code := parse(env, fs, args, 1)
	if code >= 0 {
		return code
	}
	if len(positional) != 1 || *title == "" {
		say(env.Stderr, "alliance-timeline new: give the folder and --title")
		return ExitUsage
	}
	path, err := edit.Create(positional[0], *title)
	if err != nil {
		say(env.Stderr, "alliance-timeline new: %s", err.Error())
		if errors.Is(err, edit.ErrHasCorpus) {
			return ExitUsage
		}
		return ExitProblems
	}
	say(env.Stdout, "Wrote %s; add sources with 'alliance-timeline import %s FILE...' or open it in the window.", path, path)
	return ExitOK
}
