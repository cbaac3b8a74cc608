package cli

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data/load"
)

// suggestRows runs suggest --format json and decodes its rows.
func suggestRows(t *testing.T, args ...string) []suggestionRow {
	t.Helper()
	code, out, stderr, _ := run(t, append([]string{"suggest", "--format", "json"}, args...)...)
	if code != ExitOK {
		t.Fatalf("suggest %v: exit %d\n%s", args, code, stderr)
	}
	var rows []suggestionRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("suggest %v: not JSON: %v\n%s", args, err, out)
	}
	return rows
}

// On the built-in corpus, with and without its space annotations: no
// space suggestion stands on "cyberspace" alone or on a passage coded
// space, and every quote is the text at its offsets.
func TestSuggestOnTheBuiltinCorpus(t *testing.T) {
	path, err := assets.WriteCorpus(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	var kept []string
	for _, line := range strings.SplitAfter(string(raw), "\n") {
		if !strings.Contains(line, "topic: space,") {
			kept = append(kept, line)
		}
	}
	uncoded := strings.TrimSuffix(path, ".yaml") + "-no-space.yaml"
	if err := os.WriteFile(uncoded, []byte(strings.Join(kept, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	word := regexp.MustCompile(`(?i)(^|[^\pL\pN])space([^\pL\pN]|$)`)
	for _, corpus := range []string{path, uncoded} {
		c, ps, err := load.File(corpus)
		if err != nil || ps.HasErrors() {
			t.Fatalf("%s: %v %s", corpus, err, ps)
		}
		rows := suggestRows(t, corpus, "--topic", "space")
		if corpus == uncoded && len(rows) < 5 {
			t.Fatalf("only %d space suggestions once the space codes are gone", len(rows))
		}
		for _, r := range rows {
			s := c.Source(r.Source)
			if got := string([]rune(s.Text)[r.Start:r.End]); got != r.Quote || r.Topic != "space" {
				t.Errorf("row %+v: the text at %d–%d is %q", r, r.Start, r.End, got)
			}
			if !word.MatchString(r.Quote) && !strings.Contains(strings.ToLower(r.Quote), "space ") {
				t.Errorf("%q: no word space in it (cyberspace is not space)", r.Quote)
			}
			for _, a := range s.Annotations {
				if a.Topic.ID == "space" && a.Anchor.Start < r.End && r.Start < a.Anchor.End {
					t.Errorf("%q overlaps the space span %q", r.Quote, a.Quote)
				}
			}
		}
	}
	all := suggestRows(t, path)
	for _, r := range all {
		if c, _, _ := load.File(path); string([]rune(c.Source(r.Source).Text)[r.Start:r.End]) != r.Quote {
			t.Errorf("row %+v: quote not at its offsets", r)
		}
	}
	if code, _, stderr, _ := run(t, "suggest", path, "--topic", "spac"); code != ExitUsage || !strings.Contains(stderr, `did you mean "space"`) {
		t.Errorf("unknown topic: exit %d, %s", code, stderr)
	}
	if code, out, _, _ := run(t, "suggest", path, "--format", "csv", "--topic", "space,cyber"); code != ExitOK || !strings.HasPrefix(out, "source,topic,term,start,end,quote\n") {
		t.Errorf("csv: exit %d, %.80q", code, out)
	}
}
