package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/charts"
	"github.com/alliance-timeline/alliance-timeline/data"
)

// The second hostile round (issue 12): each class of input that broke a
// promise of "Bad input and safety", with variants.

// corpusWith writes a small valid corpus whose parts the case replaces, and
// returns its path.
func corpusWith(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "c.yaml")
}

// smallCorpus is a valid corpus; its text, topic label, title and meeting
// label are the case's.
func smallCorpus(title, label, short, text string) string {
	return fmt.Sprintf(`corpus: {title: %q, format: 1}
topics:
  - {id: space, label: %q, color: "#AA4499"}
  - {id: cyber, label: Cyber, color: "#0077BB"}
meetings:
  - {id: m1, title: First, short: %q, kind: SCM, date: 2012-10-24, sources: [s1, s2]}
  - {id: m2, title: Second, short: Second, kind: SCM, date: 2013-10-02, sources: [s2]}
sources:
  - {id: s1, title: One, kind: news, language: en, text: %q}
  - {id: s2, title: Caption, kind: news, language: en, text: "— — —"}
annotations:
  - {source: s1, topic: space, quote: cooperate in space}
  - {source: s1, topic: cyber, quote: cyber defense}
`, title, label, short, text)
}

const plainText = "They agreed to cooperate in space and on cyber defense."

func TestPerThousandWordsWithAWordlessSource(t *testing.T) {
	path := corpusWith(t, map[string]string{"c.yaml": smallCorpus("T", "Space", "First", plainText)})
	out := t.TempDir()
	for _, chart := range []string{"topics-by-year", "topic-trends", "topic-totals", "meeting-matrix"} {
		for _, ext := range []string{".csv", ".png", ".svg"} {
			file := filepath.Join(out, chart+ext)
			code, _, stderr, _ := run(t, "export", "--corpus", path, "--chart", chart, "--per-1k-words", "--out", file)
			if code != 0 {
				t.Errorf("%s%s: exit %d: %s", chart, ext, code, stderr)
			}
		}
	}
	csv, _ := os.ReadFile(filepath.Join(out, "meeting-matrix.csv"))
	if !strings.Contains(string(csv), "Second,false") && !strings.Contains(string(csv), "\nSecond,") {
		t.Errorf("meeting-matrix.csv:\n%s", csv)
	}
	for _, line := range strings.Split(string(csv), "\n") {
		if strings.HasPrefix(line, "Second,") && strings.Count(line, ",,") == 0 && !strings.HasSuffix(line, ",") {
			t.Errorf("the wordless meeting has values, not empty cells: %s", line)
		}
	}
}

// Labels that a spreadsheet would run as formulas reach every CSV the app
// writes as text.
func TestCSVFormulaInjection(t *testing.T) {
	for _, label := range []string{`=HYPERLINK("http://evil.example","click")`, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1+1", " =1", "＝1+1"} {
		path := corpusWith(t, map[string]string{"c.yaml": smallCorpus("T", "Space", label, plainText)})
		file := filepath.Join(t.TempDir(), "m.csv")
		if code, _, stderr, _ := run(t, "export", "--corpus", path, "--chart", "meeting-matrix", "--out", file); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		raw, _ := os.ReadFile(file)
		for _, line := range strings.Split(string(raw), "\n") {
			cell := strings.TrimPrefix(line, `"`)
			if r := []rune(strings.TrimLeft(cell, " ")); len(r) > 0 && strings.ContainsRune("=+-@\t＝", r[0]) {
				t.Errorf("label %q: a CSV line starts with a formula: %q", label, line)
			}
		}
		if !strings.Contains(string(raw), "'") {
			t.Errorf("label %q: not defused:\n%s", label, raw)
		}
	}
}

// Options out of range are refused for every format, CSV included, with a
// message that names the option and its range.
func TestExportOptionsOutOfRange(t *testing.T) {
	out := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--chart", "topic-trends", "--moving-average", "99", "--out", "t.csv"}, "--moving-average 99"},
		{[]string{"--chart", "topic-trends", "--moving-average", "-1", "--out", "t.png"}, "--moving-average -1"},
		{[]string{"--chart", "timeline", "--scale", "NaN", "--out", "t.png"}, "--scale NaN: give a number from 0.5 to 8"},
		{[]string{"--chart", "topics-by-year", "--scale", "+Inf", "--out", "t.svg"}, "--scale +Inf"},
		{[]string{"--chart", "topics-by-year", "--scale", "0.1", "--out", "t.csv"}, "--scale 0.1"},
	} {
		args := append([]string{"export"}, tc.args...)
		args[len(args)-1] = filepath.Join(out, args[len(args)-1])
		code, _, stderr, _ := run(t, args...)
		if code != 2 || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "-9223372036854775808") {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
		if _, err := os.Stat(args[len(args)-1]); err == nil {
			t.Errorf("%v: a file was written", tc.args)
		}
	}
	// The library refuses the same, whoever calls it.
	if _, err := chartsCSV("topic-trends", 99); err == nil || !strings.Contains(err.Error(), "moving average of 99 years") {
		t.Errorf("charts.CSV with a moving average of 99: %v", err)
	}
}

func chartsCSV(kind string, movingAverage int) ([]byte, error) {
	c, _, err := assets.LoadCorpus()
	if err != nil {
		return nil, err
	}
	k, err := charts.ParseKind(kind)
	if err != nil {
		return nil, err
	}
	table, err := charts.TableFor(c, k, data.Query{})
	if err != nil {
		return nil, err
	}
	return charts.CSV(table, charts.Options{Kind: k, MovingAverage: movingAverage})
}

// An export never replaces the corpus' own files, whatever name it is
// given for them, and replaces another existing file only with --replace.
func TestExportNeverReplacesTheCorpus(t *testing.T) {
	dir := t.TempDir()
	corpus := `corpus: {title: T, format: 1}
topics: [{id: space, label: Space}]
meetings: [{id: m1, title: M, short: M, kind: SCM, date: 2012-10-24, sources: [s1]}]
sources: [{id: s1, title: S, kind: news, language: en, file: s1.csv}]
annotations: [{source: s1, topic: space, quote: cooperate in space}]
`
	path := writeFile(t, dir, "corpus.csv", corpus)
	writeFile(t, dir, "s1.csv", plainText)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.Symlink(filepath.Join(dir, "s1.csv"), filepath.Join(dir, "link.csv"))
	os.Link(path, filepath.Join(dir, "hard.csv"))
	for _, out := range []string{
		path, filepath.Join(dir, "s1.csv"), filepath.Join(dir, "sub", "..", "s1.csv"),
		filepath.Join(dir, "link.csv"), filepath.Join(dir, "hard.csv"),
	} {
		for _, extra := range [][]string{nil, {"--replace"}} {
			args := append([]string{"export", "--corpus", path, "--chart", "topics-by-year", "--out", out}, extra...)
			code, _, stderr, _ := run(t, args...)
			if code != 2 || !strings.Contains(stderr, "of the open corpus") {
				t.Errorf("%v: exit %d, %q", args, code, stderr)
			}
		}
	}
	if b, _ := os.ReadFile(path); string(b) != corpus {
		t.Fatal("the corpus file changed")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "s1.csv")); string(b) != plainText {
		t.Fatal("the source file changed")
	}
	// Any other file: refused without --replace, replaced with it.
	other := writeFile(t, dir, "mine.csv", "my own numbers")
	if code, _, stderr, _ := run(t, "export", "--corpus", path, "--chart", "topics-by-year", "--out", other); code != 2 || !strings.Contains(stderr, "add --replace") {
		t.Errorf("an existing file without --replace: exit %d, %q", code, stderr)
	}
	if code, _, stderr, _ := run(t, "export", "--corpus", path, "--chart", "topics-by-year", "--out", other, "--replace"); code != 0 {
		t.Errorf("with --replace: exit %d, %q", code, stderr)
	}
	if b, _ := os.ReadFile(other); !strings.HasPrefix(string(b), "column,") {
		t.Errorf("not replaced: %q", b)
	}
}

// A source file with no text (0 bytes, a byte-order mark alone, white
// space) never validates while annotations point into it: each one is
// reported orphaned, and the empty file is named for what it is.
func TestEmptySourceFilesDoNotValidate(t *testing.T) {
	corpus := `corpus: {title: T, format: 1}
topics: [{id: space, label: Space}]
meetings: [{id: m1, title: M, short: M, kind: SCM, date: 2012-10-24, sources: [s1]}]
sources: [{id: s1, title: S, kind: news, language: en, file: s1.txt}]
annotations:
  - {source: s1, topic: space, quote: cooperate in space}
  - {source: s1, topic: space, quote: in space}
`
	for name, text := range map[string]string{"0 bytes": "", "BOM only": "\uFEFF", "white space": " \n\t\n", "BOM and CRLF": "\uFEFF\r\n"} {
		t.Run(name, func(t *testing.T) {
			path := corpusWith(t, map[string]string{"c.yaml": corpus, "s1.txt": text})
			code, _, stderr, _ := run(t, "validate", path)
			if code != 1 {
				t.Fatalf("exit %d, want 1:\n%s", code, stderr)
			}
			if n := strings.Count(stderr, "error: annotation"); n != 2 || !strings.Contains(stderr, "orphaned") {
				t.Errorf("%d annotations reported:\n%s", n, stderr)
			}
			if !strings.Contains(stderr, `file "s1.txt" is empty`) && !strings.Contains(stderr, "holds only white space") {
				t.Errorf("the empty file is not named:\n%s", stderr)
			}
		})
	}
}

// A source listed by two meetings of different years counts once in a
// topic's total, in stats (table and JSON) as in the topic-totals chart,
// and once in each of the two years.
func TestSourceOfTwoMeetingsCountsOncePerTopic(t *testing.T) {
	path := corpusWith(t, map[string]string{"c.yaml": smallCorpus("T", "Space", "First", plainText)})
	// s2 is listed by both meetings; give it a span.
	raw, _ := os.ReadFile(path)
	yaml := strings.Replace(string(raw), `text: "— — —"`, `text: "Space, again, in space."`, 1) + "  - {source: s2, topic: space, quote: in space}\n"
	os.WriteFile(path, []byte(yaml), 0o644)
	code, stdout, stderr, _ := run(t, "stats", "--format", "json", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var stats struct {
		PerTopic map[string]int            `json:"per_topic"`
		PerYear  map[string]map[string]int `json:"per_year_topic"`
	}
	if err := json.Unmarshal([]byte(stdout), &stats); err != nil {
		t.Fatal(err)
	}
	if stats.PerTopic["space"] != 2 || stats.PerYear["2012"]["space"] != 2 || stats.PerYear["2013"]["space"] != 1 {
		t.Errorf("want space 2 in all, 2 in 2012, 1 in 2013: %+v", stats)
	}
	csv := filepath.Join(t.TempDir(), "totals.csv")
	if code, _, stderr, _ := run(t, "export", "--corpus", path, "--chart", "topic-totals", "--out", csv); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(csv)
	if !strings.Contains(string(b), ",2,1\n") {
		t.Errorf("topic-totals: want space 2, cyber 1:\n%s", b)
	}
	_, table, _, _ := run(t, "stats", path)
	if !strings.Contains(table, "Space  2") && !strings.Contains(table, "Space   2") {
		t.Errorf("table:\n%s", table)
	}
}

func TestDisplayCheck(t *testing.T) {
	listening := map[string]bool{"unix /tmp/.X11-unix/X0": true, "unix @/tmp/.X11-unix/X1": true, "tcp localhost:6010": true}
	dial := func(network, addr string) error {
		if listening[network+" "+addr] {
			return nil
		}
		return fmt.Errorf("connection refused")
	}
	for _, tc := range []struct {
		goos, display, wayland string
		want                   string // "" for no problem
	}{
		{"linux", ":0", "", ""},
		{"linux", ":0.0", "", ""},
		{"linux", "unix:1", "", ""},
		{"linux", "localhost:10.0", "", ""},
		{"freebsd", ":0", "", ""},
		{"linux", "", "", "no display was found (DISPLAY is not set)"},
		{"linux", "", "wayland-0", "only Wayland"},
		{"linux", ":99", "", `the display ":99" does not answer`},
		{"linux", "elsewhere:0", "", `the display "elsewhere:0" does not answer`},
		{"linux", "nonsense", "", "is not a display name"},
		{"windows", "", "", ""},
		{"darwin", "", "", ""},
	} {
		env := map[string]string{"DISPLAY": tc.display, "WAYLAND_DISPLAY": tc.wayland}
		err := DisplayCheck(tc.goos, func(k string) string { return env[k] }, dial)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s DISPLAY=%q: %v", tc.goos, tc.display, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s DISPLAY=%q: %v, want %q", tc.goos, tc.display, err, tc.want)
		}
	}
}

// Without a display the window is not tried: a message and exit 2, never a
// panic; a mistyped command word is named, with the command meant.
func TestNoDisplayAndMistypedCommands(t *testing.T) {
	var out, errOut strings.Builder
	opened := false
	env := Env{Stdout: &out, Stderr: &errOut, OpenWindow: func(string, []string) error { opened = true; return nil },
		Display: func() error { return fmt.Errorf("no display was found") }}
	if code := Run([]string{"open"}, env); code != 2 || opened || !strings.Contains(errOut.String(), "cannot open the window: no display was found") {
		t.Errorf("open without a display: exit %d, opened %v, %q", code, opened, errOut.String())
	}
	for _, tc := range []struct{ arg, want string }{
		{"valdate", `did you mean "validate"?`},
		{"stat", `did you mean "stats"?`},
		{"exprot", `did you mean "export"?`},
		{"zzzzzz", `"zzzzzz" is neither a command nor a corpus file`},
		{"\x1b[2Jvaldate", `"\x1b[2Jvaldate" is neither`},
	} {
		code, _, stderr, opened := run(t, tc.arg)
		if code != 2 || len(opened) > 0 || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "\x1b") {
			t.Errorf("%q: exit %d, opened %v, %q; want %q", tc.arg, code, opened, stderr, tc.want)
		}
	}
	// A corpus named without a command still opens, existing or not yet.
	for _, arg := range []string{"corpus.yaml", "dir/c.yml", "./corpus"} {
		if code, _, stderr, opened := run(t, arg); code != 0 || len(opened) != 1 {
			t.Errorf("%q: exit %d, opened %v, %q", arg, code, opened, stderr)
		}
	}
}

// Messages say what is wrong: a loop of links and an absolute link inside
// the folder are not called a way out, and a quote that fits more places
// than are counted says "at least".
func TestMessagesThatMisled(t *testing.T) {
	corpus := func(file string) string {
		return `corpus: {title: T, format: 1}
topics: [{id: space, label: Space}]
meetings: [{id: m1, title: M, short: M, kind: SCM, date: 2012-10-24, sources: [s1]}]
sources: [{id: s1, title: S, kind: news, language: en, file: ` + file + `}]
annotations: [{source: s1, topic: space, quote: cooperate in space}]
`
	}
	dir := t.TempDir()
	writeFile(t, dir, "real.txt", plainText)
	links := map[string]string{"loop1": "loop2", "loop2": "loop1", "abs.txt": filepath.Join(dir, "real.txt"), "out.txt": "../../etc/hostname", "self": "self"}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	for _, tc := range []struct{ file, want, not string }{
		{"loop1", "part of a loop of links", "leads out"},
		{"self", "part of a loop of links", "leads out"},
		{"abs.txt", "to the absolute path", "leads out"},
		{"out.txt", "leads out of the corpus folder through the symbolic link", ""},
	} {
		path := writeFile(t, dir, "c.yaml", corpus(tc.file))
		_, _, stderr, _ := run(t, "validate", path)
		if !strings.Contains(stderr, tc.want) || tc.not != "" && strings.Contains(stderr, tc.not) {
			t.Errorf("%s: %s", tc.file, stderr)
		}
	}
	// Two million places for a two-letter quote.
	huge := strings.Repeat("in ", 2_000_000)
	path := corpusWith(t, map[string]string{"c.yaml": strings.Replace(corpus("s1.txt"), "quote: cooperate in space", "quote: in", 1), "s1.txt": huge})
	_, _, stderr, _ := run(t, "validate", path)
	if !strings.Contains(stderr, "fits at least 10000 places") {
		t.Errorf("a quote of two million places: %s", stderr)
	}
}

// Lists far under the size limits whose node trees would take gigabytes
// are refused at the line where the bound is passed, with bounded memory:
// 15 million one-letter terms in 30 MB used to exhaust 4 GB.
func TestHugeListsAreRefusedWithBoundedMemory(t *testing.T) {
	header := "corpus: {title: Huge, format: 1}\n"
	for _, tc := range []struct {
		name, text, want string
	}{
		{"15 million terms in a flow list", header + "topics:\n  - {id: space, label: Space, terms: [" + strings.Repeat("a,", 15_000_000) + "a]}\n",
			"3: a [ ] or { } list here has more than 100000 items"},
		{"flow list of terms over lines", header + "topics:\n  - id: space\n    label: Space\n    terms: [\n" + strings.Repeat("      a,\n", 200_000) + "    ]\n",
			"100005: a [ ] or { } list here has more than 100000 items"},
		{"3 million topics in block style", header + "topics:\n" + strings.Repeat("  - {id: a}\n", 3_000_000),
			"1000001: the corpus file holds more than 4000000 YAML values where it is decoded whole"},
		{"a source item with 10 million exclusions, in a file cut in pieces", header + "sources:\n" +
			strings.Repeat("  - {id: s, title: S, kind: news, language: en, text: \"Some text here.\"}\n", 30_000) +
			"  - {id: big, title: B, kind: news, language: en, text: x, exclude: [" + strings.Repeat("{from: a},", 3_000_000) + "{from: a}]}\n",
			"30003: a [ ] or { } list here has more than 100000 items"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := corpusWith(t, map[string]string{"c.yaml": tc.text})
			runHostileWithin(t, path, 400<<20, tc.want)
		})
	}
}

// Problems are placed on their real lines: after a document-end marker,
// after the line separators YAML counts and editors do not, and for a NUL
// anywhere in a file, small or large.
func TestProblemsOnTheirRealLines(t *testing.T) {
	bad := "topics: [{id: x, label: X, colr: red}]\n"
	items := strings.Repeat("  - {source: s, topic: t, quote: a quote that fills the file up}\n", 80000) // 5 MB: decoded in pieces
	for _, tc := range []struct{ name, text, want string }{
		{"after ...", "corpus: {title: T, format: 1}\n...\n" + bad, "3:1: error: YAML syntax"},
		{"after ... at the end", "corpus: {title: T, format: 1}\ntopics: [{id: x, label: X, colr: red}]\n...\n", "2:28: error: topic \"x\": unknown key \"colr\""},
		{"U+2028, U+2029 and U+0085 in a quoted title", "corpus: {title: \"a\u2028b\u2029c\u0085d\", format: 1}\n" + bad, "2:28: error: topic"},
		{"U+2028 in a quoted description", "corpus:\n  title: T\n  description: 'one\u2028two\u2028three'\n  format: 1\n" + bad, "5:28: error: topic"},
		{"U+2028 before the key on its line", "corpus: {title: \"x\u2028\", format: 1, colr: 2}\n", "1:34: error: corpus: unknown key \"colr\""},
		{"a NUL in a small file", "corpus: {title: T, format: 1}\ntopics: [{id: x, label: \"X\x00\"}]\n", "2:27: error: YAML syntax: control characters"},
		{"a NUL deep in a large file", "corpus: {title: T, format: 1}\nannotations:\n" + items + "  - {source: s, topic: t, quote: x\x00y}\n" + items, "80003:35: error: YAML syntax: control characters"},
		{"trailing NULs in a large file", "corpus: {title: T, format: 1}\nannotations:\n" + items + items + "\x00\x00\x00", "160003:1: error: YAML syntax: control characters"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := corpusWith(t, map[string]string{"c.yaml": tc.text})
			code, _, stderr, _ := run(t, "validate", path)
			if code != 1 || !strings.Contains(stderr, path+":"+tc.want) {
				t.Errorf("exit %d; want %s:%s in\n%s", code, path, tc.want, stderr)
			}
		})
	}
}

// No text from a corpus reaches the terminal raw: escape sequences,
// control characters and bidi overrides in titles, labels and file names
// come out as visible escapes, and no value can forge a line of output.
func TestTerminalEscapesAreNeutralised(t *testing.T) {
	nasty := []string{
		"\x1b]0;owned\x07", "\x1b[2J\x1b[H", "\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\",
		"\u202eevil\u202c", "\u2066iso\u2069", "\x9b31m", "a\rb", "new\nc.yaml:1:1: error: injected",
	}
	for _, s := range nasty {
		path := corpusWith(t, map[string]string{"c.yaml": smallCorpus("Title "+s, "Label "+s, "Short", plainText)})
		for _, format := range []string{"table", "json", "csv"} {
			code, stdout, stderr, _ := run(t, "stats", "--format", format, path)
			if code != 0 {
				t.Fatalf("%q: exit %d: %s", s, code, stderr)
			}
			checkInert(t, "stats --format "+format, s, stdout+stderr)
		}
	}
	// Values echoed in problems: a file name with an escape and a line
	// break, a NUL, an id, a path on the command line.
	for _, file := range []string{"x\x1b[31m.txt\nc.yaml:1:1: error: injected", "a\x00b.txt", "\u202etxt.exe"} {
		yaml := strings.Replace(smallCorpus("T", "Space", "First", plainText), `text: "They`, `file: `+strconvQuote(file)+`, txt: "They`, 1)
		path := corpusWith(t, map[string]string{"c.yaml": yaml})
		_, _, stderr, _ := run(t, "validate", path)
		checkInert(t, "validate", file, stderr)
		for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
			if !strings.HasPrefix(line, path+":") {
				t.Errorf("%q: a line that is not a problem of the file: %q", file, line)
			}
		}
	}
	_, _, stderr, _ := run(t, "validate", "/nowhere/\x1b[2Jc.yaml")
	checkInert(t, "validate PATH", "\x1b[2J", stderr)
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// checkInert fails when out holds a control or bidi character other than
// the line feeds that end lines.
func checkInert(t *testing.T, what, input, out string) {
	t.Helper()
	for _, r := range out {
		if r != '\n' && (r < 0x20 || r == 0x7f || 0x80 <= r && r <= 0x9f || 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c) {
			t.Errorf("%s with %q: %U reached the output:\n%q", what, input, r, out)
			return
		}
	}
	if strings.Contains(out, "\nc.yaml:1:1: error: injected") {
		t.Errorf("%s with %q: a forged problem line:\n%s", what, input, out)
	}
}

// gen writes only into a new or empty folder, never through a link, and
// refuses counts it cannot write, naming the flag.
func TestGenReplacesNothing(t *testing.T) {
	small := []string{"--meetings", "3", "--sources", "4", "--annotations", "5"}
	gen := func(out string, extra ...string) (int, string) {
		code, _, stderr, _ := run(t, append(append([]string{"gen", "--out", out}, small...), extra...)...)
		return code, stderr
	}
	// A folder with the user's corpus in it.
	dir := t.TempDir()
	writeFile(t, dir, "corpus.yaml", "my corpus")
	os.Mkdir(filepath.Join(dir, "sources"), 0o755)
	writeFile(t, filepath.Join(dir, "sources"), "s000001.txt", "my text")
	if code, stderr := gen(dir); code != 2 || !strings.Contains(stderr, "is not empty") {
		t.Errorf("a folder with a corpus: exit %d, %q", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "corpus.yaml")); string(b) != "my corpus" {
		t.Error("corpus.yaml was replaced")
	}
	// A folder holding only links out: nothing outside is written.
	outside := t.TempDir()
	target := writeFile(t, outside, "precious", "keep me")
	links := t.TempDir()
	os.Symlink(target, filepath.Join(links, "corpus.yaml"))
	os.Symlink(outside, filepath.Join(links, "sources"))
	if code, _ := gen(links); code != 2 {
		t.Errorf("a folder of links: exit %d", code)
	}
	// The folder itself a link.
	linked := filepath.Join(t.TempDir(), "link")
	os.Symlink(t.TempDir(), linked)
	if code, stderr := gen(linked); code != 2 || !strings.Contains(stderr, "symbolic link") {
		t.Errorf("--out a link: exit %d, %q", code, stderr)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep me" {
		t.Error("a file outside the folder was written through a link")
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 1 {
		t.Errorf("files appeared outside: %v", entries)
	}
	// A file, not a folder.
	if code, stderr := gen(target); code != 2 || !strings.Contains(stderr, "not a folder") {
		t.Errorf("--out a file: exit %d, %q", code, stderr)
	}
	// A new folder and an empty one work, with the files' usual mode.
	for _, out := range []string{filepath.Join(t.TempDir(), "new", "corpus"), t.TempDir()} {
		if code, stderr := gen(out); code != 0 {
			t.Fatalf("%s: exit %d, %q", out, code, stderr)
		}
		if code, _, stderr, _ := run(t, "validate", filepath.Join(out, "corpus.yaml")); code != 0 {
			t.Errorf("the generated corpus: exit %d, %s", code, stderr)
		}
		if entries, _ := os.ReadDir(out); len(entries) != 2 {
			t.Errorf("left in %s: %v", out, entries)
		}
	}
	// Counts out of range, each named.
	for _, tc := range []struct {
		flag, value, want string
	}{
		{"--sources", "1000000000000", "--sources 1000000000000: at most 1000000"},
		{"--annotations", "1000000000000", "--annotations 1000000000000: at most 2000000"},
		{"--meetings", "99999999999", "--meetings 99999999999: at most 1000000"},
		{"--annotations", "-1", "--annotations -1: the count cannot be negative"},
		{"--meetings", "0", "--meetings 0: a corpus needs at least one"},
		{"--sources", "-5", "--sources -5: a corpus needs at least one"},
		{"--points", "2000000", "--points 2000000: between 1 and 1000000"},
		{"--lanes", "0 --points 10", "--lanes 0: between 1 and 100"},
		{"--burst", "3 --points 10", `--burst "3": give a lane and a year, as 3:2016`},
		{"--gap", "30:2016 --points 10", "--gap 30:2016: the lane must be 1–20 and the year 2012–2023"},
		{"--from", "2030 --points 10", "--from 2030 --to 2023: the years must run forward"},
	} {
		out := filepath.Join(t.TempDir(), "g")
		args := append([]string{"gen", "--out", out, tc.flag}, strings.Fields(tc.value)...)
		code, _, stderr, _ := run(t, args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%s %s: exit %d, %q; want %q", tc.flag, tc.value, code, stderr, tc.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s %s: the folder was made", tc.flag, tc.value)
		}
	}
}
