// Package gen writes synthetic corpora for trying the app at scale and for
// benchmarks: valid, deterministic for a seed, with topical sentences in
// English and some in Korean, dates spread over decades (some known only to
// the month), and annotations that anchor exactly.
package gen

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/alliance-timeline/alliance-timeline/atomicfile"
	"github.com/alliance-timeline/alliance-timeline/data"
)

// Options size a corpus.
type Options struct {
	Meetings, Sources, Annotations int
	Seed                           int64
}

// The largest counts Write accepts: a corpus of these sizes is far past
// what anyone tries, still within the corpus file's 256 MiB, and a few
// minutes' work; larger counts would only exhaust memory or time.
const (
	MaxMeetings    = 1_000_000
	MaxSources     = 1_000_000
	MaxAnnotations = 2_000_000
)

// Check reports the first count out of range, naming it as a flag does.
func (o Options) Check() error {
	for _, c := range []struct {
		name     string
		n, least int
		most     int
	}{
		{"meetings", o.Meetings, 1, MaxMeetings},
		{"sources", o.Sources, 1, MaxSources},
		{"annotations", o.Annotations, 0, MaxAnnotations},
	} {
		switch {
		case c.n < c.least && c.least == 1:
			return fmt.Errorf("--%s %d: a corpus needs at least one", c.name, c.n)
		case c.n < c.least:
			return fmt.Errorf("--%s %d: the count cannot be negative", c.name, c.n)
		case c.n > c.most:
			return fmt.Errorf("--%s %d: at most %d", c.name, c.n, c.most)
		}
	}
	return nil
}

type topic struct {
	id, label, color string
	phrases          []string // English clauses that express the topic
	korean           []string
}

var topics = []topic{
	{"extended-deterrence", "Extended deterrence", "#332288", []string{"reaffirmed the commitment to extended deterrence", "pledged the full range of capabilities", "called the commitment ironclad"}, []string{"확장억제 공약을 재확인했다", "확장억제 실행력을 강화하기로 했다"}},
	{"tailored-deterrence", "Tailored deterrence", "#6699CC", []string{"updated the tailored deterrence strategy", "met in the deterrence strategy committee"}, []string{"맞춤형 억제전략을 개정했다"}},
	{"nuclear-consultation", "Nuclear consultation", "#88CCEE", []string{"convened the nuclear consultative group", "reviewed the consultation group on extended deterrence"}, []string{"핵협의그룹을 열었다"}},
	{"strategic-assets", "Strategic assets", "#44AA99", []string{"welcomed the visit of an aircraft carrier", "noted the deployment of strategic bombers"}, []string{"전략자산 전개를 환영했다"}},
	{"missile-defense", "Missile defense", "#117733", []string{"strengthened combined missile defense", "discussed counter-missile capabilities"}, []string{"미사일 방어 협력을 강화했다"}},
	{"dprk-threat", "North Korean threat", "#CC3311", []string{"condemned the latest missile launch", "called the nuclear program a serious threat", "warned against further provocation"}, []string{"북한의 도발을 규탄했다", "탄도미사일 발사를 규탄했다"}},
	{"counterproliferation", "Counterproliferation", "#EE7733", []string{"expanded cooperation against weapons of mass destruction", "backed counterproliferation efforts"}, []string{"대량살상무기 대응 협력을 확대했다"}},
	{"opcon-transition", "OPCON transition", "#999933", []string{"reviewed the wartime operational control transition", "assessed the conditions for OPCON transition"}, []string{"전시작전통제권 전환을 점검했다"}},
	{"combined-readiness", "Combined readiness and exercises", "#DDCC77", []string{"agreed to expand combined exercises", "praised the combined readiness of the forces"}, []string{"연합훈련 확대에 합의했다"}},
	{"usfk-posture", "U.S. forces posture", "#997700", []string{"affirmed the presence of U.S. Forces Korea", "discussed the Combined Forces Command"}, []string{"주한미군의 역할을 확인했다"}},
	{"space", "Space", "#AA4499", []string{"deepened cooperation in space", "shared space situational awareness"}, []string{"우주 협력을 심화했다"}},
	{"cyber", "Cyber", "#0077BB", []string{"strengthened cooperation in cyberspace", "agreed to counter cyber threats"}, []string{"사이버 위협에 공동 대응하기로 했다"}},
	{"science-technology", "Science, technology and industry", "#33BBEE", []string{"expanded science and technology cooperation", "linked their defense industries"}, []string{"국방과학기술 협력을 확대했다"}},
	{"japan-trilateral", "Trilateral cooperation with Japan", "#CC6677", []string{"welcomed trilateral cooperation with Japan", "held trilateral exercises"}, []string{"한미일 안보협력을 환영했다"}},
	{"regional-strategy", "Regional strategy", "#009988", []string{"aligned their Indo-Pacific strategies", "discussed regional security cooperation"}, []string{"인도태평양 전략을 조율했다"}},
	{"rules-based-order", "Rules-based order", "#882255", []string{"upheld the rules-based international order", "defended freedom of navigation"}, []string{"규칙기반 국제질서를 강조했다"}},
	{"global-security", "Global security and humanitarian", "#EE3377", []string{"supported peacekeeping operations", "coordinated humanitarian assistance"}, []string{"평화유지활동을 지원했다"}},
	{"alliance-milestones", "Alliance milestones", "#BBBBBB", []string{"celebrated the anniversary of the alliance", "called the alliance a linchpin of peace"}, []string{"동맹 70주년을 기념했다"}},
	{"covid-19", "COVID-19", "#555555", []string{"coordinated their response to the pandemic"}, []string{"코로나19 대응을 협력했다"}},
}

var fillers = []string{
	"The delegations met for several hours.", "Officials briefed reporters afterwards.",
	"The talks followed a working dinner.", "Both sides issued a joint statement.",
}

// Corpus file structures, in the order the format documents them.
type (
	fileCorpus struct {
		Corpus      header       `yaml:"corpus"`
		Topics      []fileTopic  `yaml:"topics"`
		Meetings    []fileMeet   `yaml:"meetings"`
		Sources     []fileSource `yaml:"sources"`
		Annotations []fileAnn    `yaml:"annotations"`
		Eras        []fileEra    `yaml:"eras"`
	}
	header struct {
		Title       string `yaml:"title"`
		Description string `yaml:"description"`
		Format      int    `yaml:"format"`
	}
	fileTopic struct {
		ID    string   `yaml:"id"`
		Label string   `yaml:"label"`
		Color string   `yaml:"color"`
		Terms []string `yaml:"terms,flow"`
	}
	fileMeet struct {
		ID      string   `yaml:"id"`
		Title   string   `yaml:"title"`
		Short   string   `yaml:"short"`
		Kind    string   `yaml:"kind"`
		Date    string   `yaml:"date"`
		Sources []string `yaml:"sources,flow"`
	}
	fileSource struct {
		ID       string `yaml:"id"`
		Title    string `yaml:"title"`
		Language string `yaml:"language"`
		File     string `yaml:"file,omitempty"`
		Text     string `yaml:"text,omitempty"`
	}
	fileAnn struct {
		Source string `yaml:"source"`
		Topic  string `yaml:"topic"`
		Quote  string `yaml:"quote"`
		Start  int    `yaml:"start"`
	}
	fileEra struct {
		Group string `yaml:"group"`
		Label string `yaml:"label"`
		Start string `yaml:"start"`
		End   string `yaml:"end"`
	}
)

// BenchCorpus is the generated corpus the benchmarks share: 10,000
// meetings, 30,000 sources, 100,000 annotations.
var BenchCorpus = Options{Meetings: 10000, Sources: 30000, Annotations: 100000, Seed: 1}

// BenchCorpusPath is the path of BenchCorpus in build/bench-corpus-100k
// below root (the project's folder, as a benchmark's "../.." names it),
// written there first when it is not there yet.
func BenchCorpusPath(root string) (string, error) {
	dir := filepath.Join(root, "build", "bench-corpus-100k")
	path := filepath.Join(dir, "corpus.yaml")
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	return Write(dir, BenchCorpus)
}

// Write writes corpus.yaml and sources/ into dir, which must be new or
// empty, and returns the corpus file's path. It never replaces a file and
// never follows a symbolic link: dir itself may not be one, and every file
// is created inside it through an os.Root, new (O_EXCL). corpus.yaml is
// written last, to a temporary name first, so an interrupted run leaves
// no corpus file at all rather than a truncated one.
func Write(dir string, o Options) (string, error) {
	if err := o.Check(); err != nil {
		return "", err
	}
	root, rng, err := start(dir, o.Seed)
	if err != nil {
		return "", err
	}
	defer root.Close()
	if err := root.Mkdir("sources", 0o755); err != nil {
		return "", fmt.Errorf("make %s: %w", filepath.Join(dir, "sources"), err)
	}
	fc := fileCorpus{Corpus: header{Title: fmt.Sprintf("Generated corpus (%d meetings, %d sources, %d annotations, seed %d)", o.Meetings, o.Sources, o.Annotations, o.Seed),
		Description: "Synthetic text for trying Alliance Timeline at scale; not real documents.", Format: data.FormatVersion}}
	for _, t := range topics {
		fc.Topics = append(fc.Topics, fileTopic{ID: t.id, Label: t.label, Color: t.color, Terms: t.phrases})
	}
	kinds := []string{"SCM", "ministerial", "summit", "working group"}
	for i := 0; i < o.Meetings; i++ {
		y, m, d := data.DayDate(data.DayNumber(1975, 1, 1) + rng.Intn(data.DayNumber(2025, 1, 1)-data.DayNumber(1975, 1, 1)))
		date := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		if rng.Intn(10) == 0 {
			date = fmt.Sprintf("%04d-%02d", y, m) // some dates are known only to the month
		}
		id := fmt.Sprintf("m%06d", i+1)
		fc.Meetings = append(fc.Meetings, fileMeet{ID: id, Title: fmt.Sprintf("Meeting %d", i+1), Short: fmt.Sprintf("M%d", i+1), Kind: kinds[rng.Intn(len(kinds))], Date: date})
	}
	// Annotations are spread over the sources: each source gets its share,
	// and its text is made of the sentences those annotations quote.
	perSource := make([]int, o.Sources)
	for i := 0; i < o.Annotations; i++ {
		perSource[i%o.Sources]++
	}
	for si := 0; si < o.Sources; si++ {
		id := fmt.Sprintf("s%06d", si+1)
		korean := rng.Intn(10) == 0
		lang := "en"
		if korean {
			lang = "ko"
		}
		meeting := &fc.Meetings[si%o.Meetings]
		meeting.Sources = append(meeting.Sources, id)
		var text strings.Builder
		runes := 0
		write := func(s string) {
			text.WriteString(s)
			runes += utf8.RuneCountInString(s)
		}
		for a := 0; a < perSource[si]; a++ {
			t := topics[rng.Intn(len(topics))]
			clause := t.phrases[rng.Intn(len(t.phrases))]
			subject := "The ministers "
			if korean {
				clause, subject = t.korean[rng.Intn(len(t.korean))], "양국 장관은 "
			}
			if rng.Intn(2) == 0 {
				write(fillers[rng.Intn(len(fillers))] + " ")
			}
			write(subject)
			fc.Annotations = append(fc.Annotations, fileAnn{Source: id, Topic: t.id, Quote: clause, Start: runes})
			write(clause + ".\n")
		}
		if perSource[si] == 0 {
			write(fillers[rng.Intn(len(fillers))] + "\n")
		}
		file := "sources/" + id + ".txt"
		if err := atomicfile.WriteNew(root, file, []byte(text.String())); err != nil {
			return "", fmt.Errorf("write %s: %w", filepath.Join(dir, file), err)
		}
		fc.Sources = append(fc.Sources, fileSource{ID: id, Title: fmt.Sprintf("Report %d", si+1), Language: lang, File: file})
	}
	fc.Eras = []fileEra{
		{"U.S. president", "Barack Obama", "2009-01-20", "2017-01-20"},
		{"U.S. president", "Donald Trump", "2017-01-20", "2021-01-20"},
		{"U.S. president", "Joe Biden", "2021-01-20", "2025-01-20"},
	}
	return writeCorpus(root, dir, fc)
}

// start opens dir for a new corpus (new or empty, not a link) and the
// random source of the seed.
func start(dir string, seed int64) (*os.Root, *rand.Rand, error) {
	root, _, err := atomicfile.OpenEmptyFolder(dir, "gen")
	if err != nil {
		return nil, nil, err
	}
	return root, rand.New(rand.NewSource(seed)), nil
}

// writeCorpus encodes the corpus and writes it as dir's corpus.yaml.
func writeCorpus(root *os.Root, dir string, fc fileCorpus) (string, error) {
	out, err := yaml.Marshal(fc)
	if err != nil {
		return "", fmt.Errorf("encode the corpus: %w", err)
	}
	return writeFile(root, dir, out)
}

// writeFile writes dir's corpus.yaml: to a temporary name first, renamed
// only if no corpus.yaml appeared meanwhile.
func writeFile(root *os.Root, dir string, out []byte) (string, error) {
	path := filepath.Join(dir, "corpus.yaml")
	const partial = ".corpus.yaml.partial"
	if err := atomicfile.WriteNew(root, partial, out); err != nil {
		root.Remove(partial)
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := root.Lstat("corpus.yaml"); !errors.Is(err, fs.ErrNotExist) {
		root.Remove(partial)
		return "", fmt.Errorf("write %s: a file of that name appeared while gen was writing; it is left as it is", path)
	}
	if err := root.Rename(partial, "corpus.yaml"); err != nil {
		root.Remove(partial)
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	return path, nil
}
