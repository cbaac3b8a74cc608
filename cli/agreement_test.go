package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// agreementCorpus is data/agreement's test corpus: a and b code two
// sources differently.
func agreementCorpus(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "data", "agreement", "compare_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	start := strings.Index(text, "const twoCoders = `") + len("const twoCoders = `")
	return writeFile(t, t.TempDir(), "c.yaml", text[start:start+strings.Index(text[start:], "`")])
}

func TestAgreementCommand(t *testing.T) {
	corpus := agreementCorpus(t)
	code, out, stderr, _ := run(t, "agreement", corpus, "--coders", "a,b")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Agreement of a, b on the sentences of 2 sources", "Overall      12    0.667   0.250   0.281", "By year", "4 disagreements", `s1 14–27 cyber: coded by a, not by b: "Cyber is old."`} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
	code, out, _, _ = run(t, "agreement", corpus, "--coders", "a,b", "--format", "csv", "--unit", "source")
	if code != 0 || !strings.HasPrefix(out, "scope,id,label,units,percent,kappa,alpha,alpha_low,alpha_high\noverall,,Overall,4,0.750,") {
		t.Errorf("csv: exit %d\n%s", code, out)
	}
	code, out, _, _ = run(t, "agreement", corpus, "--coders", "a,b,c", "--format", "json")
	var rep struct {
		Coders  []string `json:"coders"`
		Figures []struct {
			Scope string   `json:"scope"`
			Kappa *float64 `json:"kappa"`
			Alpha *float64 `json:"alpha"`
		} `json:"figures"`
		Disagreements []struct {
			Quote string `json:"quote"`
		} `json:"disagreements"`
		Places []struct {
			Coders []string `json:"coders"`
		} `json:"places"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 0 {
		t.Fatalf("json: exit %d, %v\n%s", code, err, out)
	}
	if rep.Places == nil || len(rep.Places) != 0 || !strings.Contains(out, `"places": []`) {
		t.Errorf("json: places %+v", rep.Places) // a and b never coded one place differently
	}
	if len(rep.Coders) != 3 || rep.Figures[0].Kappa != nil || rep.Figures[0].Alpha == nil || *rep.Figures[0].Alpha != 0.281 || len(rep.Disagreements) != 4 {
		t.Errorf("json: %+v", rep)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--coders", "a"}, "--coders needs two coders or more"},
		{[]string{"--coders", "a,b", "--unit", "word"}, `unit "word": use sentence, paragraph or source`},
		{[]string{"--coders", "a,b", "--format", "xml"}, "--format must be table, csv or json"},
		{[]string{"--coders", "x,y"}, "no annotation is by x, y"},
		{[]string{"--coders", "a,a"}, `coder "a" is named twice`},
	} {
		code, _, stderr, _ := run(t, append([]string{"agreement", corpus}, c.args...)...)
		if code != ExitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %q; want %q", c.args, code, stderr, c.want)
		}
	}
}

// export --coders counts the chosen coders' annotations alone, in the
// charts and in the timeline's marks.
func TestExportByCoder(t *testing.T) {
	corpus := agreementCorpus(t)
	dir := t.TempDir()
	for _, c := range []struct {
		coders, chart, want string
	}{
		{"", "topics-by-year", "2012,true,1,1,3,3\n2013,true,1,1,4,2\n"},
		{"b", "topics-by-year", "2012,true,1,1,1,1\n2013,true,1,1,2,0\n"},
		{"a, b", "topics-by-year", "2012,true,1,1,2,2\n2013,true,1,1,3,1\n"},
		{"b", "timeline", "Space,space,m2,2013-10-02,,SCM,Second,true,2,false\nCyber,cyber,m1,2012-10-24,,SCM,First,true,1,false"},
	} {
		out := filepath.Join(dir, strings.ReplaceAll(c.coders+c.chart, ",", "")+".csv")
		args := []string{"export", "--corpus", corpus, "--chart", c.chart, "--out", out}
		if c.coders != "" {
			args = append(args, "--coders", c.coders)
		}
		code, _, stderr, _ := run(t, args...)
		got, _ := os.ReadFile(out)
		if code != 0 || !strings.Contains(string(got), c.want) {
			t.Errorf("--coders %q --chart %s: exit %d %s\n%s", c.coders, c.chart, code, stderr, got)
		}
	}
	code, _, stderr, _ := run(t, "export", "--corpus", corpus, "--chart", "timeline", "--out", filepath.Join(dir, "x.csv"), "--coders", "a,zed")
	if code != ExitUsage || !strings.Contains(stderr, "--coders: no annotation is by \"zed\"") {
		t.Errorf("an unknown coder: exit %d %q", code, stderr)
	}
}
