package load

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// fileValuePattern is what fileValues scans for, written as the regular
// expression it replaced (which was too slow on large corpus files).
var fileValuePattern = regexp.MustCompile(`(?m)(?:^|[{,\s])file:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s,}#'"][^\s,}#]*))`)

func fileValuesByPattern(raw []byte) []string {
	var out []string
	for _, m := range fileValuePattern.FindAllSubmatch(raw, -1) {
		out = append(out, string(m[1])+string(m[2])+string(m[3]))
	}
	return out
}

func TestFileValuesMatchesThePattern(t *testing.T) {
	cases := []string{
		"file: a.txt",
		"  file: sources/a.txt\n  file: 'b c.txt'\n  file: \"d.txt\" # note",
		"{id: x, file: e.txt, title: y}",
		"{file:f.txt}",
		"profile: no.txt\nxfile: no.txt",
		"file: 'unclosed\nfile: next.txt",
		"file: \"unclosed\nfile: ok.txt",
		"file:\n  file: #comment\nfile: ,\nfile: }",
		"file: a\tb",
		"file:",
		"file: \"\"",
		"\tfile:\tx.txt",
		"file: x.txt\r\nfile: y.txt\r\n",
		"file: 한국.txt",
	}
	for _, c := range cases {
		if got, want := fileValues([]byte(c)), fileValuesByPattern([]byte(c)); !slices.Equal(got, want) {
			t.Errorf("fileValues(%q) = %q, want %q", c, got, want)
		}
	}
	// Random texts over the characters that matter.
	alphabet := []byte("file: \t\n\r'\",}{#ax/.")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		if got, want := fileValues(b), fileValuesByPattern(b); !slices.Equal(got, want) {
			t.Fatalf("fileValues(%q) = %q, want %q", b, got, want)
		}
	}
	// Every corpus file in the test data.
	paths, _ := filepath.Glob(filepath.Join("testdata", "*", "*.yaml"))
	more, _ := filepath.Glob(filepath.Join("testdata", "*", "*", "*.yaml"))
	for _, p := range append(paths, more...) {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := fileValues(raw), fileValuesByPattern(raw); !slices.Equal(got, want) {
			t.Errorf("%s: fileValues = %q, want %q", p, got, want)
		}
	}
}
