package cli

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/alliance-timeline/alliance-timeline/assets"
)

// independentCounts counts phrase matches per year in a corpus as this
// test reads it itself: its own YAML decode, the files read, excluded
// ranges found by their markers, whole words found by hand (case folded;
// a trailing * allows any ending). A year without text is absent.
func independentCounts(t *testing.T, corpus string, phrases []string) map[int][]int {
	t.Helper()
	raw, err := os.ReadFile(corpus)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Meetings []struct {
			Date    string   `yaml:"date"`
			Sources []string `yaml:"sources"`
		} `yaml:"meetings"`
		Sources []struct {
			ID      string `yaml:"id"`
			File    string `yaml:"file"`
			Exclude []struct {
				From string `yaml:"from"`
				To   string `yaml:"to"`
			} `yaml:"exclude"`
		} `yaml:"sources"`
	}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, s := range doc.Sources {
		b, err := os.ReadFile(filepath.Join(filepath.Dir(corpus), s.File))
		if err != nil {
			t.Fatal(err)
		}
		text := []byte(strings.TrimPrefix(string(b), "\ufeff"))
		for _, ex := range s.Exclude { // blank the excluded text out, keeping its length
			from := strings.Index(string(text), ex.From)
			if from < 0 {
				t.Fatalf("%s: exclusion %q not found", s.ID, ex.From)
			}
			end := from + len(ex.From)
			if ex.To != "" {
				to := strings.Index(string(text[from:]), ex.To)
				if to < 0 {
					t.Fatalf("%s: exclusion end %q not found", s.ID, ex.To)
				}
				end = from + to + len(ex.To)
			}
			for i := from; i < end; i++ {
				text[i] = 0
			}
		}
		texts[s.ID] = string(text)
	}
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
	count := func(text, phrase string) int {
		prefix := strings.HasSuffix(phrase, "*")
		needle := strings.TrimSuffix(phrase, "*")
		lower := strings.ToLower(text) // ASCII phrases: offsets hold for what they match
		n := 0
		for at := 0; ; {
			i := strings.Index(lower[at:], needle)
			if i < 0 {
				return n
			}
			b, e := at+i, at+i+len(needle)
			before, _ := utf8.DecodeLastRuneInString(lower[:b])
			after, _ := utf8.DecodeRuneInString(lower[e:])
			if (b == 0 || !word(before)) && (prefix || e == len(lower) || !word(after)) && !strings.Contains(text[b:e], "\x00") {
				n++
			}
			at = b + 1
		}
	}
	out := map[int][]int{}
	seen := map[int]map[string]bool{}
	for _, m := range doc.Meetings {
		year, _ := strconv.Atoi(m.Date[:4])
		for _, id := range m.Sources {
			if seen[year] == nil {
				seen[year] = map[string]bool{}
				out[year] = make([]int, len(phrases))
			}
			if seen[year][id] {
				continue
			}
			seen[year][id] = true
			for p, phrase := range phrases {
				out[year][p] += count(texts[id], phrase)
			}
		}
	}
	return out
}

// The phrase trends' CSV matches counts made independently from the
// source files, year by year, with empty cells for years without text.
func TestPhraseTrendsExportMatchesTheSourceFiles(t *testing.T) {
	dir := t.TempDir()
	corpus, err := assets.WriteCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	rows := exportCSV(t, filepath.Join(dir, "trends.csv"), "--corpus", corpus, "--chart", "phrase-trends", "--phrases", "space,cyber*")
	if strings.Join(rows[0], ",") != "year,space,cyber*" {
		t.Fatalf("header %q", rows[0])
	}
	want := independentCounts(t, corpus, []string{"space", "cyber*"})
	withText := 0
	for _, row := range rows[1:] {
		year, _ := strconv.Atoi(row[0])
		counts, known := want[year]
		for p, cell := range row[1:] {
			switch {
			case !known && cell != "":
				t.Errorf("%d has no text but the cell says %q", year, cell)
			case known && cell != strconv.Itoa(counts[p]):
				t.Errorf("%d %s: %q, counted independently %d", year, rows[0][p+1], cell, counts[p])
			}
		}
		if known {
			withText++
		}
	}
	if withText != 4 || len(rows) != 13 {
		t.Errorf("%d years with text in %d rows; the built-in corpus has 2012–2023, with text in 2012, 2020, 2022 and 2023", withText, len(rows)-1)
	}
	for _, bad := range [][]string{
		{"export", "--chart", "phrase-trends", "--out", filepath.Join(dir, "x.csv")},
		{"export", "--chart", "phrase-trends", "--phrases", " , ", "--out", filepath.Join(dir, "x.csv")},
		{"export", "--chart", "keyness", "--out", filepath.Join(dir, "x.csv")},
		{"export", "--chart", "keyness", "--a", "2012", "--out", filepath.Join(dir, "x.png")},
		{"export", "--chart", "keyness", "--a", "20x2", "--out", filepath.Join(dir, "x.csv")},
	} {
		if code, _, stderr, _ := run(t, bad...); code != ExitUsage || stderr == "" {
			t.Errorf("%v: exit %d, %q", bad, code, stderr)
		}
	}
}

// Keyness on a small corpus with a word planted in 2012: its G² is the
// one computed here, to 1%, and A's terms come first.
func TestKeynessExportAgreesWithG2ByHand(t *testing.T) {
	dir := t.TempDir()
	filler := strings.Repeat("The ministers discussed alliance policy and regional security. ", 20) // 160 words
	writeFile(t, dir, "a.txt", filler+strings.Repeat("Submarines ", 25)+filler)                     // 345
	writeFile(t, dir, "b.txt", filler+filler+filler+"submarines.")                                  // 481
	corpus := writeFile(t, dir, "c.yaml", `corpus: {title: Planted, format: 1}
topics:
  - {id: t, label: T}
meetings:
  - {id: m1, title: One, kind: SCM, date: 2012-10-24, sources: [a]}
  - {id: m2, title: Two, kind: SCM, date: 2021-12-02, sources: [b]}
sources:
  - {id: a, title: A, file: a.txt}
  - {id: b, title: B, file: b.txt}
`)
	rows := exportCSV(t, filepath.Join(dir, "k.csv"), "--corpus", corpus, "--chart", "keyness", "--a", "2012", "--b", "2020-2023")
	if strings.Join(rows[0], ",") != "term,a,b,g2,log_ratio" {
		t.Fatalf("header %q", rows[0])
	}
	var found []string
	for _, r := range rows[1:] {
		if r[0] == "submarines" {
			found = r
		}
	}
	if found == nil || found[1] != "25" || found[2] != "1" {
		t.Fatalf("submarines: %q in\n%q", found, rows)
	}
	na, nb, a, b := 345.0, 481.0, 25.0, 1.0
	e1, e2 := na*(a+b)/(na+nb), nb*(a+b)/(na+nb)
	want := 2 * (a*math.Log(a/e1) + b*math.Log(b/e2))
	got, _ := strconv.ParseFloat(found[3], 64)
	if math.Abs(got-want)/want > 0.01 {
		t.Errorf("G² %v, by hand %v", got, want)
	}
	if lr, _ := strconv.ParseFloat(rows[1][4], 64); lr <= 0 {
		t.Errorf("the first row %q is not a term of A", rows[1])
	}
}

// exportCSV runs export with args into out and reads the CSV it wrote.
func exportCSV(t *testing.T, out string, args ...string) [][]string {
	t.Helper()
	if code, _, stderr, _ := run(t, append(append([]string{"export"}, args...), "--out", out)...); code != ExitOK {
		t.Fatalf("export %v: exit %d: %s", args, code, stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: %v", out, err)
	}
	return rows
}

// export --format writes the corpus for other tools, by the extension the
// format asks; a wrong extension or --chart beside it is a usage error.
func TestExportFormats(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []struct{ format, name, starts string }{
		{"qdpx", "p.qdpx", "PK"},
		{"w3c", "a.jsonld", "{"},
		{"segments", "s.csv", "meeting,meeting_title,date,date_precision,source,topic"},
	} {
		out := filepath.Join(dir, f.name)
		if code, _, stderr, _ := run(t, "export", "--format", f.format, "--out", out); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", f.format, code, stderr)
		}
		if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), f.starts) {
			t.Errorf("%s: the file starts %.20q", f.format, b)
		}
		if code, _, _, _ := run(t, "export", "--format", f.format, "--out", out); code != ExitUsage {
			t.Errorf("%s: an existing file was replaced without --replace (exit %d)", f.format, code)
		}
	}
	for _, bad := range [][]string{
		{"export", "--format", "qdpx", "--out", filepath.Join(dir, "p.zip")},
		{"export", "--format", "w3c", "--chart", "timeline", "--out", filepath.Join(dir, "a2.jsonld")},
		{"export", "--format", "xlsx2", "--out", filepath.Join(dir, "x.csv")},
	} {
		if code, _, stderr, _ := run(t, bad...); code != ExitUsage || stderr == "" {
			t.Errorf("%v: exit %d, %q", bad, code, stderr)
		}
	}
}
