package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data/load"
)

// mergeCorpus keeps alice's and bob's annotations in files of their own.
const mergeCorpus = `corpus: {title: Two coders' files, format: 1}
topics:
  - {id: space, label: Space}
  - {id: cyber, label: Cyber}
meetings:
  - {id: m1, title: First, kind: SCM, date: 2012-10-24, sources: [s1]}
sources:
  - {id: s1, title: One, text: "Space is new. Cyber is old. Both matter to the alliance."}
annotations:
  - {source: s1, topic: space, quote: Space is new}
annotation_files:
  - coding/alice.yaml
  - coding/bob.yaml
`

// git runs git in dir, failing the test on an error.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// Two coders code in two clones, each through annotate into their own
// file; git merges their work without a conflict, and the merged corpus
// validates with both coders' annotations, each in its coder's file.
func TestCodersFilesMergeWithoutConflict(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is needed for the merge test")
		}
		t.Skip("no git here")
	}
	origin := t.TempDir()
	writeFile(t, origin, "corpus.yaml", mergeCorpus)
	os.Mkdir(filepath.Join(origin, "coding"), 0o755)
	writeFile(t, origin, "coding/alice.yaml", "coder: alice\nannotations: []\n")
	writeFile(t, origin, "coding/bob.yaml", "# Bob's coding.\ncoder: bob\nannotations:\n")
	git(t, origin, "init", "-q")
	git(t, origin, "add", ".")
	git(t, origin, "commit", "-q", "-m", "the corpus")
	parent := t.TempDir()
	alice, bob := filepath.Join(parent, "alice"), filepath.Join(parent, "bob")
	git(t, parent, "clone", "-q", origin, alice)
	git(t, parent, "clone", "-q", origin, bob)

	code := func(dir, coder, topic, quote string) {
		t.Helper()
		c, out, stderr, _ := run(t, "annotate", filepath.Join(dir, "corpus.yaml"), "add", "--source", "s1", "--topic", topic, "--quote", quote, "--coder", coder)
		if c != 0 || !strings.Contains(out, "added to coding/"+coder+".yaml") {
			t.Fatalf("annotate as %s: exit %d\n%s%s", coder, c, out, stderr)
		}
	}
	code(alice, "alice", "space", "Space is new")
	code(alice, "alice", "cyber", "Cyber is old")
	git(t, alice, "commit", "-q", "-am", "alice's coding")
	code(bob, "bob", "space", "Space is new")
	code(bob, "bob", "cyber", "Both matter")
	git(t, bob, "commit", "-q", "-am", "bob's coding")
	corpusBefore, _ := os.ReadFile(filepath.Join(alice, "corpus.yaml"))

	git(t, alice, "pull", "-q", "--no-rebase", "--no-edit", bob, "main")
	if status := git(t, alice, "status", "--porcelain"); status != "" {
		t.Fatalf("the merge left changes: %s", status)
	}
	if after, _ := os.ReadFile(filepath.Join(alice, "corpus.yaml")); string(after) != string(corpusBefore) {
		t.Error("coding changed the corpus file")
	}
	c, out, stderr, _ := run(t, "validate", filepath.Join(alice, "corpus.yaml"))
	if c != 0 || !strings.Contains(out+stderr, "0 errors, 0 warnings") {
		t.Fatalf("the merged corpus: exit %d\n%s%s", c, out, stderr)
	}
	merged, ps, err := load.File(filepath.Join(alice, "corpus.yaml"))
	if err != nil || merged == nil {
		t.Fatalf("%v\n%s", err, ps)
	}
	by := map[string]int{}
	for _, a := range merged.Annotations {
		by[a.Coder+" in "+a.File]++
	}
	if by["alice in coding/alice.yaml"] != 2 || by["bob in coding/bob.yaml"] != 2 || by[" in "] != 1 || len(merged.Annotations) != 5 {
		t.Errorf("merged annotations by coder and file: %v", by)
	}
	// And their agreement is measured on the merged corpus.
	c, out, _, _ = run(t, "agreement", filepath.Join(alice, "corpus.yaml"), "--coders", "alice,bob")
	if c != 0 || !strings.Contains(out, "Agreement of alice, bob on the sentences of 1 source") {
		t.Errorf("agreement: exit %d\n%s", c, out)
	}
}
