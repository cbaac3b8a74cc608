package cli

import (
	"fmt"
	"sort"

	"github.com/alliance-timeline/alliance-timeline/data/refiqda"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// runImportQDPX makes a new corpus of a REFI-QDA project.
func runImportQDPX(env Env, args []string) int {
	fs := flagSet(env, "import-qdpx", "PROJECT.qdpx|PROJECT.qde --out DIR",
		"Make a new corpus in a new or empty folder from a REFI-QDA project (MAXQDA, ATLAS.ti, NVivo,\n"+
			"QualCoder): codes become topics, text sources sources, coded selections annotations (checked against\n"+
			"the text, and re-anchored where the tool counted line ends or a byte-order mark otherwise), cases\n"+
			"with a date meetings. A bare project.qde is read with the sources folder beside it. An archive that\n"+
			"could do harm (zip bombs, paths out of the folder, links, entities, too many or too large entries) is\n"+
			"refused before anything is written; a failed import leaves nothing behind. Exit 1 when refused")
	out := fs.String("out", "", "the new or empty `folder` to write corpus.yaml and sources/ into")
	positional, code := parse(env, fs, args, 1)
	if code >= 0 {
		return code
	}
	if len(positional) != 1 || *out == "" {
		say(env.Stderr, "alliance-timeline import-qdpx: give the project and --out")
		return ExitUsage
	}
	path, rep, err := refiqda.Import(positional[0], *out)
	if err != nil {
		say(env.Stderr, "alliance-timeline import-qdpx: %s: %s", positional[0], safetext.Visible(err.Error()))
		return ExitProblems
	}
	for _, r := range rep.Reanchored {
		say(env.Stderr, "%s: warning: re-anchored: %s", positional[0], safetext.Visible(r))
	}
	for _, w := range rep.Warnings {
		say(env.Stderr, "%s: warning: %s", positional[0], safetext.Visible(w))
	}
	kinds := make([]string, 0, len(rep.Skipped))
	for k := range rep.Skipped {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		say(env.Stderr, "%s: warning: not imported (the corpus holds text only): %d %s", positional[0], rep.Skipped[k], k)
	}
	say(env.Stdout, "Wrote %s: %s, %s, %s, %s%s.", path, safetext.Plural(rep.Topics, "topic"), safetext.Plural(rep.Sources, "source"),
		safetext.Plural(rep.Annotations, "annotation"), safetext.Plural(rep.Meetings, "meeting"), excludedNote(rep.Excluded))
	return ExitOK
}

func excludedNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(", %s", safetext.Plural(n, "excluded range"))
}
