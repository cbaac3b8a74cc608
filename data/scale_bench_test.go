package data_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/alliance-timeline/alliance-timeline/atomicfile"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/cache"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/data/refiqda"
	"github.com/alliance-timeline/alliance-timeline/data/suggest"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
	"github.com/alliance-timeline/alliance-timeline/data/wording"
	"github.com/alliance-timeline/alliance-timeline/gen"
)

// The scale corpus (10,000 meetings, 30,000 sources, 100,000 annotations)
// is generated once per run into build/bench-corpus, or reused when there.
var (
	scaleOnce sync.Once
	scalePath string
	scaleErr  error
)

func scaleCorpus(b *testing.B) string {
	b.Helper()
	scaleOnce.Do(func() {
		scalePath, scaleErr = gen.BenchCorpusPath("..")
	})
	if scaleErr != nil {
		b.Fatal(scaleErr)
	}
	return scalePath
}

// plainCorpus is the corpus file as plain structs, for the baseline: the
// same YAML decoded with no checks, no text files and no anchoring.
type plainCorpus struct {
	Corpus      map[string]any      `yaml:"corpus"`
	Topics      []map[string]any    `yaml:"topics"`
	Meetings    []map[string]any    `yaml:"meetings"`
	Sources     []map[string]string `yaml:"sources"`
	Annotations []struct {
		Source, Topic, Quote string
		Start                int
	} `yaml:"annotations"`
	Eras []map[string]string `yaml:"eras"`
}

// BenchmarkLoad100k loads, validates, reads 30,000 texts, anchors and
// indexes the scale corpus; BenchmarkDecodePlain100k is the baseline.
func BenchmarkLoad100k(b *testing.B) {
	path := scaleCorpus(b)
	for b.Loop() {
		c, ps, err := load.File(path)
		if err != nil || c == nil || len(ps) != 0 {
			b.Fatal(err, ps)
		}
	}
}

func BenchmarkDecodePlain100k(b *testing.B) {
	raw, err := os.ReadFile(scaleCorpus(b))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var p plainCorpus
		if err := yaml.Unmarshal(raw, &p); err != nil || len(p.Annotations) != 100000 {
			b.Fatal(err)
		}
	}
}

var (
	scaleCorpusOnce sync.Once
	loadedScale     *data.Corpus
)

func loadScale(b *testing.B) *data.Corpus {
	b.Helper()
	path := scaleCorpus(b)
	scaleCorpusOnce.Do(func() { loadedScale, _, _ = load.File(path) })
	if loadedScale == nil {
		b.Fatal("the scale corpus did not load")
	}
	return loadedScale
}

// BenchmarkDerive100k is what every load, cache hit and edit of the whole
// corpus ends with: the lookups by id, each source's meetings and
// annotations, the meetings by date.
func BenchmarkDerive100k(b *testing.B) {
	c := loadScale(b).Clone()
	for b.Loop() {
		c.Derive()
	}
}

// BenchmarkCountAllCharts100k is the counting behind every chart after a
// filter change: by year, by meeting and over the range.
func BenchmarkCountAllCharts100k(b *testing.B) {
	c := loadScale(b)
	topics := []string{"space", "cyber", "extended-deterrence", "dprk-threat", "japan-trilateral"}
	for b.Loop() {
		for _, by := range []data.Grouping{data.ByYear, data.ByMeeting, data.ByRange} {
			if _, err := c.Count(data.Query{Unit: data.UnitSpans, By: by, Topics: topics, FromYear: 1980, ToYear: 2020}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkSearch100k searches a phrase across the 30,000 sources, once
// the search texts are folded (the first search folds them:
// BenchmarkSearchIndex100k measures that).
func BenchmarkSearch100k(b *testing.B) {
	searcher := textmatch.NewSearcher(loadScale(b))
	searcher.Search(context.Background(), "warm up", 1)
	for b.Loop() {
		if got, _ := searcher.Search(context.Background(), "extended deterrence", 0); got.Total == 0 {
			b.Fatal("no match")
		}
	}
}

// BenchmarkSearchIndex100k is the first search of a freshly loaded corpus,
// which folds every text once.
func BenchmarkSearchIndex100k(b *testing.B) {
	path := scaleCorpus(b)
	for b.Loop() {
		b.StopTimer()
		c, _, _ := load.File(path)
		b.StartTimer()
		textmatch.NewSearcher(c).Search(context.Background(), "extended deterrence", 0)
	}
}

// BenchmarkReopen100k reopens the unchanged scale corpus through the cache:
// the corpus file is read again and compared with its digest, the stored
// corpus decoded, and the 30,000 source files compared by their stamps
// ("stamps": the entry keeps their texts, as it does for files settled
// before the load) or read again and compared with their digests
// ("digests": files changed just before the load). Targets: at most 0.3 s,
// and at most a quarter of BenchmarkLoad100k in the same run.
func BenchmarkReopen100k(b *testing.B) {
	path := scaleCorpus(b)
	for _, v := range []struct {
		name   string
		settle time.Duration
	}{{"stamps", -time.Hour}, {"digests", 100 * 365 * 24 * time.Hour}} {
		b.Run(v.name, func(b *testing.B) {
			cache := &cache.Cache{Dir: b.TempDir(), Settle: v.settle}
			if _, _, out, err := cache.Open(path, nil); err != nil || !out.Stored {
				b.Fatal(out, err)
			}
			for b.Loop() {
				c, _, out, err := cache.Open(path, nil)
				if err != nil || c == nil || !out.Hit {
					b.Fatal(out, err)
				}
			}
			entries, _ := os.ReadDir(cache.Dir)
			if len(entries) == 1 {
				if info, err := entries[0].Info(); err == nil {
					b.ReportMetric(float64(info.Size())/(1<<20), "entry-MiB")
				}
			}
		})
	}
}

// BenchmarkLoadAndStore100k is a full load through the cache that stores a
// new entry: what a first open costs over BenchmarkLoad100k.
func BenchmarkLoadAndStore100k(b *testing.B) {
	path := scaleCorpus(b)
	dir := b.TempDir()
	for b.Loop() {
		os.RemoveAll(dir)
		cache := &cache.Cache{Dir: dir}
		if _, _, out, err := cache.Open(path, nil); err != nil || !out.Stored {
			b.Fatal(out, err)
		}
	}
}

// BenchmarkEditFollow100k is what the window does after coding a passage
// in the scale corpus: the corpus in memory follows the edit (a copy with
// one more annotation, derived again) and every chart is counted again. Its
// baseline is loading the edited file again (BenchmarkLoad100k). Target:
// within 50 ms.
func BenchmarkEditFollow100k(b *testing.B) {
	c := loadScale(b)
	s := c.Sources[len(c.Sources)/2]
	words := strings.Fields(s.Text)
	a, an, err := edit.Place(c, edit.Annotation{Source: s.ID, Topic: c.Topics[0].ID, Quote: strings.Join(words[2:6], " "), Start: -1})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		n := edit.Added(c, a, an, 1)
		for _, by := range []data.Grouping{data.ByYear, data.ByMeeting, data.ByRange} {
			if _, err := n.Count(data.Query{Unit: data.UnitSpans, By: by}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkSave100k is what Save does after an edit of the scale corpus:
// the edited bytes loaded again (sources read from disk) and compared with
// the corpus in memory, then written atomically. Baseline: a bare YAML
// decode of the file (BenchmarkDecodePlain100k). Target: at most 2×.
func BenchmarkSave100k(b *testing.B) {
	c := loadScale(b)
	path := scaleCorpus(b)
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	s := c.Sources[len(c.Sources)/2]
	words := strings.Fields(s.Text)
	a, an, err := edit.Place(c, edit.Annotation{Source: s.ID, Topic: c.Topics[0].ID, Quote: strings.Join(words[2:6], " "), Start: -1})
	if err != nil {
		b.Fatal(err)
	}
	out, line, err := edit.AddAt(raw, a)
	if err != nil {
		b.Fatal(err)
	}
	shown := edit.Added(c, a, an, line)
	target := filepath.Join(b.TempDir(), "saved.yaml")
	folder, name, err := load.OpenCorpusFolder(path)
	if err != nil {
		b.Fatal(err)
	}
	defer folder.Close()
	for b.Loop() {
		res, err := load.Read(folder, name, path, load.Options{Corpus: out})
		if err != nil || res.Corpus == nil {
			b.Fatal(err)
		}
		if err := edit.Same(shown, res.Corpus); err != nil {
			b.Fatal(err)
		}
		if err := atomicfile.Write(target, out); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSuggest100k finds the suggestions of every topic over the scale
// corpus: each topic's terms (the generator's clauses) matched in all
// 30,000 texts in one pass, then checked against the annotations of their
// source. Target: 300 ms. BenchmarkSearch100k, one phrase, is the
// baseline of the same run.
func BenchmarkSuggest100k(b *testing.B) {
	c := loadScale(b)
	for b.Loop() {
		if _, err := suggest.Find(context.Background(), c, suggest.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPhraseTrend100k is one phrase's trend per year (matched as
// terms are, counted per year, per 1,000 words); BenchmarkPhraseTrend4x100k
// four phrases at once. Target: 50 ms a phrase.
func BenchmarkPhraseTrend100k(b *testing.B) {
	benchTrend(b, "extended deterrence")
}

func BenchmarkPhraseTrend4x100k(b *testing.B) {
	benchTrend(b, "extended deterrence, missile*, space, 확장억제")
}

func benchTrend(b *testing.B, phrases string) {
	c := loadScale(b)
	q := wording.TrendQuery{Phrases: textmatch.ParseTerms(phrases), PerThousandWords: true}
	for b.Loop() {
		tr, err := wording.Trends(context.Background(), c, q)
		if err != nil || len(tr.Buckets) == 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkKeyness100k compares the scale corpus' two halves (meetings of
// 1975–1999 against 2000–2024): words and two-word phrases of both
// counted, G² and the log ratio of every term. Target: 500 ms.
func BenchmarkKeyness100k(b *testing.B) {
	c := loadScale(b)
	q := wording.KeynessQuery{A: wording.Part{FromYear: 1975, ToYear: 1999}, B: wording.Part{FromYear: 2000, ToYear: 2024}}
	for b.Loop() {
		k, err := wording.Compare(context.Background(), c, q)
		if err != nil || len(k.Terms) == 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportQDPX100k writes the scale corpus as a REFI-QDA project
// (30,000 texts, 100,000 selections, compressed), and
// BenchmarkImportQDPX100k reads it back into a new corpus folder, loaded
// to check it. Target: 5 s each. BenchmarkLoad100k is the baseline.
func BenchmarkExportQDPX100k(b *testing.B) {
	c := loadScale(b)
	for b.Loop() {
		if _, err := refiqda.Write(io.Discard, c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImportQDPX100k(b *testing.B) {
	benchImport(b, b.TempDir())
}

// BenchmarkImportQDPX100kInMemory is the same import into a folder in
// memory (/dev/shm): without the disk's cost of creating 30,000 files,
// which on the benchmark machine is most of the import (gen spends 18 s
// writing the same files there).
func BenchmarkImportQDPX100kInMemory(b *testing.B) {
	if info, err := os.Stat("/dev/shm"); err != nil || !info.IsDir() {
		b.Skip("no /dev/shm")
	}
	dir, err := os.MkdirTemp("/dev/shm", "bench-import-")
	if err != nil {
		b.Skip(err)
	}
	defer os.RemoveAll(dir)
	benchImport(b, dir)
}

func benchImport(b *testing.B, dir string) {
	c := loadScale(b)
	qdpx := filepath.Join(dir, "scale.qdpx")
	f, err := os.Create(qdpx)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := refiqda.Write(f, c); err != nil {
		b.Fatal(err)
	}
	f.Close()
	n := 0
	for b.Loop() {
		n++
		out := filepath.Join(dir, fmt.Sprint("import-", n))
		if _, rep, err := refiqda.Import(qdpx, out); err != nil || rep.Annotations != len(c.Annotations) {
			b.Fatal(err, rep.Annotations)
		}
		b.StopTimer()
		os.RemoveAll(out)
		b.StartTimer()
	}
}
