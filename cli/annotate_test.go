package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
)

// builtinCopy copies the built-in corpus into a folder, with comments and
// blank lines added by hand, and line ends as given.
func builtinCopy(t *testing.T, eol string) string {
	t.Helper()
	path, err := assets.WriteCorpus(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(raw), "annotations:\n", "# Coded by hand.\n\nannotations:\n  # (a comment of the editor's)\n\n", 1)
	if err := os.WriteFile(path, []byte(strings.ReplaceAll(text, "\n", eol)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestAnnotateChangesOnlyItsLines(t *testing.T) {
	for _, eol := range []string{"\n", "\r\n"} {
		path := builtinCopy(t, eol)
		orig, _ := os.ReadFile(path)
		add := []string{"annotate", path, "add", "--source", "dod-2022-11-03-repost", "--topic", "global-security", "--quote", "a source of security in the area"}
		if code, out, stderr, _ := run(t, add...); code != ExitOK || !strings.Contains(out, "added") {
			t.Fatalf("add: exit %d\n%s%s", code, out, stderr)
		}
		added, _ := os.ReadFile(path)
		before, after := strings.Split(string(orig), eol), strings.Split(string(added), eol)
		if len(after) != len(before)+1 {
			t.Fatalf("%d lines became %d", len(before), len(after))
		}
		for i, j := 0, 0; i < len(before); i, j = i+1, j+1 {
			if before[i] != after[j] {
				if j != i { // the one line added
					t.Fatalf("line %d changed: %q", i+1, before[i])
				}
				i--
			}
		}
		c, ps, err := load.File(path)
		if err != nil || c == nil || ps.Count(data.Error) != 0 || len(c.Annotations) != 103 {
			t.Fatalf("the added file: %v, %d annotations\n%s", err, len(c.Annotations), ps)
		}
		for _, a := range c.Annotations {
			if a.Anchor.Status != data.Exact {
				t.Errorf("line %d is %s", a.Line, a.Anchor.Status)
			}
		}
		remove := append([]string{"annotate", path, "remove"}, add[3:]...)
		if code, out, stderr, _ := run(t, remove...); code != ExitOK {
			t.Fatalf("remove: exit %d\n%s%s", code, out, stderr)
		}
		if back, _ := os.ReadFile(path); !bytes.Equal(back, orig) {
			t.Errorf("eol %q: remove did not give the file back byte for byte", eol)
		}
		for _, bad := range [][]string{
			{"add", "--source", "dod-2022-11-03-repost", "--topic", "regional-strategy", "--quote", "words that are nowhere"},
			{"add", "--source", "dod-2022-11-03-repost", "--topic", "no-such-topic", "--quote", "a source of security in the area"},
			{"add", "--source", "afps-2012-10-24", "--topic", "space", "--quote", "the"},
			{"remove", "--source", "afps-2012-10-24", "--topic", "space", "--quote", "not coded"},
			{"retopic", "--source", "afps-2012-10-24", "--topic", "space", "--quote", "strengthen their cooperation in space and cyberspace", "--to", "nope"},
		} {
			code, _, stderr, _ := run(t, append([]string{"annotate", path}, bad...)...)
			if code != ExitProblems || stderr == "" {
				t.Errorf("%v: exit %d, %q", bad, code, stderr)
			}
			if now, _ := os.ReadFile(path); !bytes.Equal(now, orig) {
				t.Fatalf("%v changed the file", bad)
			}
		}
	}
	for _, usage := range [][]string{{"annotate"}, {"annotate", "x.yaml", "paint"}, {"annotate", "x.yaml", "add", "--topic", "t"}, {"annotate", "x.yaml", "retopic", "--source", "s", "--topic", "t", "--quote", "q"}} {
		if code, _, _, _ := run(t, usage...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", usage, code, ExitUsage)
		}
	}
}
