package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data/cache"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string, opened []string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errOut, Version: "1.2.3",
		OpenWindow: func(p string, _ []string) error { opened = append(opened, p); return nil }}
	code = Run(args, env)
	return code, out.String(), errOut.String(), opened
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCommands(t *testing.T) {
	dir := t.TempDir()
	broken := writeFile(t, dir, "broken.yaml", "corpus: {title: B, format: 1}\ntopics: [{id: x, label: X, colr: red}]\n")
	good := writeFile(t, dir, "good.yaml", "corpus: {title: Good, format: 1}\n")
	tests := []struct {
		args       []string
		code       int
		stdout     string
		stderr     string
		opensPaths []string
	}{
		{args: []string{"validate"}, code: 0, stderr: "0 errors, 0 warnings; 21 meetings, 5 sources, 23 topics"},
		{args: []string{"validate", good}, code: 0, stderr: "0 errors, 0 warnings"},
		{args: []string{"validate", broken}, code: 1, stderr: `broken.yaml:2:28: error: topic "x": unknown key "colr"; did you mean "color"?`},
		{args: []string{"validate", filepath.Join(dir, "missing.yaml")}, code: 2, stderr: "missing.yaml"},
		{args: []string{"validate", dir}, code: 2, stderr: "folder"},
		{args: []string{"validate", "a.yaml", "b.yaml"}, code: 2, stderr: `unexpected argument "b.yaml"`},
		{args: []string{"validate", "--nope"}, code: 2, stderr: "flag provided but not defined: -nope"},
		{args: []string{"validate", "--help"}, code: 0, stdout: "Usage: alliance-timeline validate [CORPUS.yaml]"},
		{args: []string{"stats", "--format", "xml"}, code: 2, stderr: "--format must be table, csv or json"},
		{args: []string{"stats", broken, "--format", "json"}, code: 1, stderr: "unknown key"},
		{args: []string{"stats"}, code: 0, stdout: "spans per topic"},
		{args: []string{"stats", "--format", "csv"}, code: 0, stdout: "bucket,meetings,sources,words,has_text,extended-deterrence"},
		{args: []string{"stats", "--help"}, code: 0, stdout: "--format"},
		{args: []string{"version"}, code: 0, stdout: "alliance-timeline 1.2.3"},
		{args: []string{"--version"}, code: 0, stdout: "1.2.3"},
		{args: []string{"version", "--help"}, code: 0, stdout: "Usage: alliance-timeline version"},
		{args: []string{"--help"}, code: 0, stdout: "Commands:"},
		{args: []string{"help", "stats"}, code: 0, stdout: "Usage: alliance-timeline stats"},
		{args: []string{"help", "nope"}, code: 2, stderr: `no command "nope"`},
		{args: []string{"--bogus"}, code: 2, stderr: "unknown option --bogus"},
		{args: nil, code: 0, opensPaths: []string{""}},
		{args: []string{good}, code: 0, opensPaths: []string{good}},
		{args: []string{"open", good}, code: 0, opensPaths: []string{good}},
		{args: []string{"open", "--help"}, code: 0, stdout: "Usage: alliance-timeline open"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr, opened := run(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, stdout)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr)
			}
			if strings.Join(opened, "|") != strings.Join(tt.opensPaths, "|") {
				t.Errorf("opened %q, want %q", opened, tt.opensPaths)
			}
		})
	}
}

func TestStatsJSON(t *testing.T) {
	code, stdout, stderr, _ := run(t, "stats", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"meetings", "sources", "topics", "annotations", "eras", "first_date", "last_date", "anchors", "per_topic", "per_year"} {
		if _, ok := got[key]; !ok {
			t.Errorf("missing key %q", key)
		}
	}
	anchors := got["anchors"].(map[string]any)
	for _, k := range []string{"exact", "relocated", "fuzzy", "ambiguous", "orphaned"} {
		if _, ok := anchors[k]; !ok {
			t.Errorf("anchors lacks %q", k)
		}
	}
	if got["annotations"].(float64) != anchors["exact"].(float64) {
		t.Errorf("not all annotations exact: %v", anchors)
	}
	if got["first_date"] != "2012-06-14" || got["last_date"] != "2023-11-13" {
		t.Errorf("dates %v to %v", got["first_date"], got["last_date"])
	}
	// A year without source text is null, not a count of zero, in every
	// per-year figure: 2013 to 2019 and 2021 in the built-in corpus.
	perYear := got["per_year"].(map[string]any)
	perYearTopic := got["per_year_topic"].(map[string]any)
	for year := 2012; year <= 2023; year++ {
		y := fmt.Sprint(year)
		noText := year >= 2013 && year <= 2019 || year == 2021
		if v, ok := perYear[y]; !ok || (v == nil) != noText {
			t.Errorf("per_year %s = %v (present %v), want null: %v", y, v, ok, noText)
		}
		if v, ok := perYearTopic[y]; !ok || (v == nil) != noText {
			t.Errorf("per_year_topic %s = %v (present %v), want null: %v", y, v, ok, noText)
		}
	}
}

// TestAcceptanceFiveProblems runs the broken corpus through the
// command: five errors, each on its line, exit 1.
func TestAcceptanceFiveProblems(t *testing.T) {
	path := filepath.Join("..", "data", "load", "testdata", "five-problems", "c.yaml")
	code, _, stderr, _ := run(t, "validate", path)
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		path + ":5:3: error:", path + ":9:", "2023-02-30", path + ":12:", "leads out of the corpus folder",
		path + ":14:", `no topic "spaec"`, path + ":15:", "orphaned", "5 errors, 0 warnings",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestExport(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "timeline.png")
	code, _, stderr, _ := run(t, "export", "--chart", "timeline", "--out", out, "--width", "1000", "--height", "500")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1000 || b.Dy() != 500 {
		t.Errorf("size %v, want 1000×500", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	for _, tt := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"export", "--out", out}, "--chart is required"},
		{[]string{"export", "--chart", "pie", "--out", out}, `--chart "pie" is not one of timeline, topics-by-year`},
		{[]string{"export", "--chart", "timeline"}, "--out is required"},
		{[]string{"export", "--chart", "timeline", "--out", "x.jpg"}, "the extension must be .png, .svg or .csv"},
		{[]string{"export", "--chart", "topics-by-year", "--out", out, "--from", "2020", "--to", "2019"}, "--from 2020 is after --to 2019"},
		{[]string{"export", "--chart", "topics-by-year", "--out", out, "--unit", "words"}, "--unit: unknown unit"},
		{[]string{"export", "--chart", "topics-by-year", "--out", out, "--topics", "space,nope"}, `--topics: there is no topic "nope"`},
		{[]string{"export", "--chart", "topic-trends", "--out", out, "--moving-average", "99"}, "moving average"},
		{[]string{"export", "--chart", "timeline", "--out", out, "--width", "10"}, "out of range"},
		{[]string{"export", "--chart", "timeline", "--out", out, "--theme", "pink"}, "--theme must be light or dark"},
		{[]string{"export", "--chart", "timeline", "--out", filepath.Join(dir, "no", "such", "x.png")}, "write"},
	} {
		code, _, stderr, _ := run(t, tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.stderr)
		}
	}
}

func TestWindowLoaderUsesTheCache(t *testing.T) {
	corpus := filepath.Join("..", "data", "load", "testdata", "five-problems", "c.yaml")
	good := writeFile(t, t.TempDir(), "good.yaml", "corpus: {title: Good, format: 1}\n")
	tests := []struct {
		name      string
		env       map[string]string
		path      string
		wantHits  []bool // per load, when reported
		wantEntry bool
	}{
		{name: "cached", env: map[string]string{CacheDirEnv: "DIR"}, path: good, wantHits: []bool{false, true}, wantEntry: true},
		{name: "off", env: map[string]string{CacheDirEnv: "DIR", NoCacheEnv: "1"}, path: good},
		{name: "a corpus with errors is never stored", env: map[string]string{CacheDirEnv: "DIR"}, path: corpus, wantHits: []bool{false, false}},
		{name: "the built-in corpus needs no cache", env: map[string]string{CacheDirEnv: "DIR"}, path: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "cache")
			getenv := func(k string) string { return strings.Replace(tc.env[k], "DIR", dir, 1) }
			var hits []bool
			load, settle := WindowLoader(getenv, func(_ string, o cache.Outcome) { hits = append(hits, o.Hit) })
			for range 2 {
				if _, _, err := load(tc.path, nil); err != nil {
					t.Fatal(err)
				}
				// The entry waits until the window has shown the corpus.
				if entries, _ := os.ReadDir(dir); len(hits) == 0 && len(entries) > 0 {
					t.Errorf("an entry was stored before settle: %v", entries)
				}
				settle()
			}
			if fmt.Sprint(hits) != fmt.Sprint(tc.wantHits) {
				t.Errorf("hits %v, want %v", hits, tc.wantHits)
			}
			entries, _ := os.ReadDir(dir)
			if (len(entries) > 0) != tc.wantEntry {
				t.Errorf("cache entries: %v", entries)
			}
		})
	}
}
