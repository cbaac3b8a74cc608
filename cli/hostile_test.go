package cli

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// hostileLimit bounds the time of one hostile case; a hang fails the case
// instead of the whole run.
const hostileLimit = 10 * time.Second

// TestHostileCorpora runs validate on every case under
// data/load/testdata/hostile: exit 1, and each line of the case's want file
// ("LINE: message" in c.yaml, or "FILE:LINE: message") among the problems.
func TestHostileCorpora(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "data", "load", "testdata", "hostile", "*"))
	if err != nil || len(dirs) < 40 {
		t.Fatalf("%d hostile cases (%v), want at least 40", len(dirs), err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(dir, "want"))
			if err != nil {
				t.Fatal(err)
			}
			runHostile(t, filepath.Join(dir, "c.yaml"), strings.Split(strings.TrimSpace(string(want)), "\n"))
		})
	}
}

// runHostile validates one corpus and checks the expected problems.
func runHostile(t *testing.T, path string, want []string) {
	t.Helper()
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		code, stdout, stderr, _ := run(t, "validate", path)
		done <- result{code, stdout, stderr}
	}()
	var res result
	select {
	case res = <-done:
	case <-time.After(hostileLimit):
		t.Fatalf("validate did not finish within %v", hostileLimit)
	}
	if res.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", res.code, res.stderr)
	}
	for _, w := range want {
		file, rest := path, w
		if parts := strings.SplitN(w, ":", 3); len(parts) == 3 {
			if _, err := strconv.Atoi(parts[0]); err != nil { // FILE:LINE: message
				file, rest = filepath.Join(filepath.Dir(path), parts[0]), parts[1]+":"+parts[2]
			}
		}
		line, msg, _ := strings.Cut(rest, ": ")
		prefix := fmt.Sprintf("%s:%s:", file, line)
		found := false
		for _, l := range strings.Split(res.stderr, "\n") {
			if strings.HasPrefix(l, prefix) && strings.Contains(l, msg) {
				found = true
			}
		}
		if !found {
			t.Errorf("no problem at %s… containing %q:\n%s", prefix, msg, res.stderr)
		}
	}
}

// TestHostileGenerated covers the cases too large to keep in the
// repository, and the one that needs a symbolic link.
func TestHostileGenerated(t *testing.T) {
	// A valid corpus: the unknown-key case without its unknown key.
	raw, err := os.ReadFile(filepath.Join("..", "data", "load", "testdata", "hostile", "21-unknown-key", "c.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	base := strings.Replace(string(raw), "    venue: Seoul\n", "", 1)
	text := "They agreed on space cooperation and cyber defense.\n"
	t.Run("300 MB corpus file", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "c.yaml")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("corpus: {title: Huge, format: 1}\n")
		if err := f.Truncate(300 << 20); err != nil { // sparse: no 300 MB written
			t.Fatal(err)
		}
		f.Close()
		runHostileWithin(t, path, 50<<20, "1: the file has 314572800 bytes")
	})
	t.Run("100 MB corpus file that cannot be cut", func(t *testing.T) {
		// Over the 64 MiB decoded whole, a file must be decodable in pieces:
		// a list in flow style is refused with its line, not decoded into a
		// node tree of gigabytes.
		dir := t.TempDir()
		path := filepath.Join(dir, "c.yaml")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriterSize(f, 1<<20)
		w.WriteString("corpus: {title: Huge, format: 1}\nannotations: [\n")
		line := "  {source: s, topic: t, quote: a quote that fills the file up},\n"
		for range (100 << 20) / len(line) {
			w.WriteString(line)
		}
		w.WriteString("]\n")
		w.Flush()
		f.Close()
		runHostileWithin(t, path, 1<<30, "2: the corpus file has 100.0 MiB; files over 64 MiB are decoded in pieces, which this line prevents: a [ ] or { } list that goes on to the next line")
	})
	t.Run("10,000 topics", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("corpus: {title: Many, format: 1}\ntopics:\n")
		for i := 0; i < 10000; i++ {
			fmt.Fprintf(&b, "  - {id: t%05d, label: Topic %d}\n", i, i)
		}
		b.WriteString("  - {id: t00042, label: Again}\n")
		runHostile(t, corpusWith(t, map[string]string{"c.yaml": b.String()}), []string{`10003: id "t00042" is already used at line 45`})
	})
	t.Run("1 MB quote", func(t *testing.T) {
		quote := strings.Repeat("space cooperation ", 60000)
		yaml := strings.Replace(base, "quote: cyber defense", "quote: "+strings.TrimSpace(quote), 1)
		runHostile(t, corpusWith(t, map[string]string{"c.yaml": yaml, "s1.txt": text}), []string{"26: orphaned"})
	})
	t.Run("symbolic link out of the folder", func(t *testing.T) {
		outside := t.TempDir()
		os.WriteFile(filepath.Join(outside, "secret.txt"), []byte(text), 0o644)
		yaml := strings.Replace(base, "file: s1.txt", "file: texts/secret.txt", 1)
		path := corpusWith(t, map[string]string{"c.yaml": yaml})
		if err := os.Symlink(outside, filepath.Join(filepath.Dir(path), "texts")); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		runHostile(t, path, []string{"19: leads out of the corpus folder through the symbolic link"})
	})
}

// runHostileWithin is runHostile on one expected problem, failing when
// refusing the corpus allocates more than limit bytes.
func runHostileWithin(t *testing.T, path string, limit uint64, want string) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	runHostile(t, path, []string{want})
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > limit {
		t.Errorf("refusing %s allocated %d MB (limit %d MB)", path, grew>>20, limit>>20)
	}
}
