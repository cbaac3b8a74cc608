// Package cli owns the command line: parsing arguments, the validate, stats
// and version commands, and handing over to the window. It needs no
// display; main.go supplies the one function that opens a window.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/cache"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
	"github.com/alliance-timeline/alliance-timeline/gcpause"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitProblems = 1 // the corpus has errors
	ExitUsage    = 2 // bad arguments or unreadable input
)

// Env is what the commands need from the outside world.
type Env struct {
	Stdout, Stderr io.Writer
	Version        string
	// OpenWindow opens the app's window on a corpus ("" for the built-in
	// one), offering to import the documents given, and returns when the
	// window closes.
	OpenWindow func(corpusPath string, imports []string) error
	// Display, when set, says why no window can open here (DisplayCheck),
	// so that a missing display is a message, not a panic.
	Display func() error
}

type command struct {
	name, args, summary string
	run                 func(env Env, args []string) int
}

func commands() []command {
	return []command{
		{"open", "[CORPUS.yaml]", "open the window on a corpus (the default command)", runOpen},
		{"validate", "[CORPUS.yaml]", "check a corpus and print every problem", runValidate},
		{"stats", "[CORPUS.yaml] [--format table|csv|json]", "print counts of a corpus", runStats},
		{"export", "--chart NAME --out FILE [options]", "draw the timeline or a chart into a PNG, SVG or CSV file; with --format, write the corpus for other tools", runExport},
		{"new", "DIR --title TEXT", "write a new, empty corpus into a folder", runNew},
		{"import", "CORPUS.yaml [options] FILE...", "make documents (.txt, .html, .docx, .pdf) sources of a corpus", runImport},
		{"import-annotations", "CORPUS.yaml FILE.jsonld [--dry-run]", "add W3C Web Annotations or a Hypothesis export to a corpus, anchored by quote", runImportAnnotations},
		{"import-qdpx", "PROJECT.qdpx --out DIR", "make a new corpus of a REFI-QDA project (MAXQDA, ATLAS.ti, NVivo, QualCoder)", runImportQDPX},
		{"suggest", "[CORPUS.yaml] [--topic ID] [--format csv|json]", "list passages that topics' terms point at and nothing codes", runSuggest},
		{"agreement", "[CORPUS.yaml] --coders a,b[,c] [--unit sentence|paragraph|source] [--format table|csv|json]", "measure how far coders agree: percent, Cohen's kappa, Krippendorff's alpha", runAgreement},
		{"annotate", "CORPUS.yaml add|remove|retopic [options]", "add, remove or retopic an annotation, changing only its lines", runAnnotate},
		{"gen", "--out DIR [options]", "write a synthetic corpus for trying the app at scale", runGen},
		{"version", "", "print the version", runVersion},
		{"help", "[COMMAND]", "show help", runHelp},
	}
}

// Run runs the command line and returns the process exit code.
func Run(args []string, env Env) int {
	if len(args) == 0 {
		return runOpen(env, nil)
	}
	switch args[0] {
	case "-h", "-help", "--help":
		return runHelp(env, nil)
	case "-version", "--version":
		return runVersion(env, nil)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			if c.name == "open" {
				return c.run(env, args[1:]) // the window, on GLFW's thread
			}
			return offCallersThread(func() int { return c.run(env, args[1:]) })
		}
	}
	if strings.HasPrefix(args[0], "-") {
		say(env.Stderr, "alliance-timeline: unknown option %s", args[0])
		usage(env.Stderr)
		return ExitUsage
	}
	if !looksLikeCorpus(args[0]) {
		var names []string
		for _, c := range commands() {
			names = append(names, c.name)
		}
		msg := fmt.Sprintf("alliance-timeline: %q is neither a command nor a corpus file", args[0])
		if s := textmatch.Suggest(args[0], names); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		say(env.Stderr, "%s", msg)
		say(env.Stderr, "Run 'alliance-timeline --help' for the commands.")
		return ExitUsage
	}
	return runOpen(env, args)
}

// offCallersThread runs a command on a goroutine of its own and returns
// its exit code. The binary's main goroutine is locked to the main thread
// for the window (Fyne's GLFW driver does so when it is linked in), and a
// locked goroutine hands its thread over at every wait: a load, which
// waits for its reads and workers tens of thousands of times, spent a
// fifth of its time so (validate of gen's corpus: 0.74 s → 0.60 s).
func offCallersThread(run func() int) int {
	code := make(chan int, 1)
	go func() { code <- run() }()
	return <-code
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: alliance-timeline [COMMAND] [ARGUMENTS]")
	fmt.Fprintln(w, "\nWith no command, or with a corpus file, opens the window.")
	fmt.Fprintln(w, "A corpus is a YAML file (see docs/corpus-format.md); with none, the built-in SCM corpus is used.")
	fmt.Fprintln(w, "\nCommands:")
	// The command and its arguments on one line, what it does indented
	// under them: the longer commands no longer fit a column.
	for _, c := range commands() {
		fmt.Fprintf(w, "  %s %s\n      %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'alliance-timeline COMMAND --help' for a command's options.")
}

func runHelp(env Env, args []string) int {
	if len(args) > 0 {
		for _, c := range commands() {
			if c.name == args[0] {
				return c.run(env, []string{"--help"})
			}
		}
		say(env.Stderr, "alliance-timeline: no command %q", args[0])
		return ExitUsage
	}
	usage(env.Stdout)
	return ExitOK
}

// flagSet makes a flag set for a command whose errors and help go to the
// right stream.
func flagSet(env Env, name, args, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: alliance-timeline %s %s\n\n%s.\n", name, args, summary)
		var opts strings.Builder
		fs.SetOutput(&opts)
		fs.PrintDefaults()
		fs.SetOutput(env.Stderr)
		if opts.Len() > 0 {
			fmt.Fprintf(env.Stderr, "\nOptions:\n%s", opts.String())
		}
	}
	return fs
}

// parse parses flags and positional arguments in any order. It returns the
// exit code to stop with, or -1 to go on.
func parse(env Env, fs *flag.FlagSet, args []string, maxPositional int) ([]string, int) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(env.Stdout)
				fs.Usage()
				return nil, ExitOK
			}
			return nil, ExitUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	if len(positional) > maxPositional {
		say(env.Stderr, "alliance-timeline %s: unexpected argument %q", fs.Name(), positional[maxPositional])
		return nil, ExitUsage
	}
	return positional, -1
}

func runVersion(env Env, args []string) int {
	fs := flagSet(env, "version", "", "Print the version")
	if _, code := parse(env, fs, args, 0); code >= 0 {
		return code
	}
	say(env.Stdout, "alliance-timeline %s", env.Version)
	return ExitOK
}

func runOpen(env Env, args []string) int {
	fs := flagSet(env, "open", "[CORPUS.yaml] [--import FILE]...", "Open the window on a corpus, or on the built-in corpus; with --import, offer to import those documents into it")
	var imports multiFlag
	fs.Var(&imports, "import", "a document (.txt, .html, .docx, .pdf) to import, as if dropped on the window; repeat for more")
	pos, code := parse(env, fs, args, 1)
	if code >= 0 {
		return code
	}
	path := ""
	if len(pos) == 1 {
		path = pos[0]
	}
	if len(imports) > 0 && path == "" {
		say(env.Stderr, "alliance-timeline open: --import needs a corpus file to import into (the built-in corpus is read-only)")
		return ExitUsage
	}
	if env.OpenWindow == nil {
		say(env.Stderr, "alliance-timeline: this build has no window")
		return ExitUsage
	}
	if env.Display != nil {
		if err := env.Display(); err != nil {
			say(env.Stderr, "alliance-timeline: cannot open the window: %v", err)
			return ExitUsage
		}
	}
	if err := env.OpenWindow(path, imports); err != nil {
		say(env.Stderr, "alliance-timeline: %v", err)
		return ExitUsage
	}
	return ExitOK
}

// multiFlag is a flag that may be given several times.
type multiFlag []string

func (m *multiFlag) String() string { return strings.Join(*m, ", ") }

// Set implements flag.Value.
func (m *multiFlag) Set(v string) error {
	*m = append(*m, v)
	return nil
}

// say writes one line to w: the message formatted, then every control and
// bidi character in it made visible, so that no value it echoes (a path, a
// corpus' text) can act on the terminal or forge another line.
func say(w io.Writer, format string, a ...any) {
	io.WriteString(w, safetext.Visible(fmt.Sprintf(format, a...))+"\n")
}

// LoadCorpus loads the corpus at path, or the built-in corpus when path is
// empty: the commands' load, with the garbage collector paused. A load
// keeps nearly all it makes, and in a fresh process the collector runs at
// each doubling of the heap and marks all of it for little: validate of
// gen's corpus took 0.50 s paused, against 0.60 s, for 23 MB more at its
// peak (BENCHMARKS.md). The window's load pauses it within a smaller
// budget (data/cache), which its memory bounds.
func LoadCorpus(path string) (*data.Corpus, data.Problems, error) {
	return loadOrBuiltin(path, func() (*data.Corpus, data.Problems, error) {
		defer gcpause.Hold(loadPauseBudget(path))()
		return load.File(path)
	})
}

// loadPauseBudget is what loading the corpus file at path may add to the
// memory in use before the collector runs anyway: a few times the file's
// size (the live heap of gen's and the peer's loads is 3.5 to 5 times it,
// source texts included), and room for the source files (gcpause).
func loadPauseBudget(path string) int64 {
	var size int64
	if info, err := os.Stat(path); err == nil {
		size = info.Size()
	}
	return 8*size + 64<<20
}

// loadOrBuiltin is the one place where no path means the built-in corpus.
func loadOrBuiltin(path string, load func() (*data.Corpus, data.Problems, error)) (*data.Corpus, data.Problems, error) {
	if path == "" {
		return assets.LoadCorpus()
	}
	return load()
}

// The environment variables that govern the corpus cache.
const (
	// NoCacheEnv, when set to anything, turns the window's corpus cache off.
	NoCacheEnv = "ALLIANCE_TIMELINE_NO_CACHE"
	// CacheDirEnv names another folder for the corpus cache.
	CacheDirEnv = "ALLIANCE_TIMELINE_CACHE_DIR"
)

// WindowLoader is how the window loads a corpus: as LoadCorpus, reporting
// its progress, and through the corpus cache (cache.Cache) in the user's
// cache folder, so an unchanged corpus reopens without being decoded and
// anchored again. The cache is off when NoCacheEnv is set or there is no
// cache folder. report, when set, hears how each corpus file was served.
//
// A first open's new entry is stored only when settle is called, which the
// window does once it shows the corpus (app.Options.Shown): storing it
// took 60 ms at 100,000 meetings, and the corpus need not wait for it.
// report hears of such an entry then.
func WindowLoader(getenv func(string) string, report func(path string, o cache.Outcome)) (loadCorpus func(string, *load.Progress) (*data.Corpus, data.Problems, error), settle func()) {
	uncached := func(path string, progress *load.Progress) (*data.Corpus, data.Problems, error) {
		return loadOrBuiltin(path, func() (*data.Corpus, data.Problems, error) { return load.FileReporting(path, progress) })
	}
	nothingToSettle := func() {}
	if getenv(NoCacheEnv) != "" {
		return uncached, nothingToSettle
	}
	dir := getenv(CacheDirEnv)
	if dir == "" {
		var err error
		if dir, err = cache.DefaultDir(); err != nil {
			return uncached, nothingToSettle
		}
	}
	if report == nil {
		report = func(string, cache.Outcome) {}
	}
	// The window makes its views of a corpus, loaded or from the cache,
	// with the collector still paused (unless the pause's budget is
	// spent), and resumes it once it has shown them.
	cache := &cache.Cache{Dir: dir, Linger: 2 * time.Second, Defer: true}
	var mu sync.Mutex
	var stores []func() // the entries left to store, in the order loaded
	loadCorpus = func(path string, progress *load.Progress) (*data.Corpus, data.Problems, error) {
		return loadOrBuiltin(path, func() (*data.Corpus, data.Problems, error) {
			c, problems, outcome, err := cache.Open(path, progress)
			switch {
			case err != nil:
			case outcome.Store != nil:
				mu.Lock()
				stores = append(stores, func() { report(path, outcome.Store()) })
				mu.Unlock()
			default:
				report(path, outcome)
			}
			return c, problems, err
		})
	}
	settle = func() {
		mu.Lock()
		pending := stores
		stores = nil
		mu.Unlock()
		for _, store := range pending {
			store()
		}
	}
	return loadCorpus, settle
}

// loadReporting loads a corpus and prints its problems; code is -1 when the
// corpus loaded without errors.
func loadReporting(env Env, command string, pos []string) (*data.Corpus, data.Problems, int) {
	path := ""
	if len(pos) > 0 {
		path = pos[0]
	}
	c, problems, err := LoadCorpus(path)
	if err != nil {
		say(env.Stderr, "alliance-timeline %s: %v", command, err)
		return nil, nil, ExitUsage
	}
	for _, p := range problems {
		say(env.Stderr, "%s", p)
	}
	if problems.HasErrors() {
		return nil, problems, ExitProblems
	}
	return c, problems, -1
}

func runValidate(env Env, args []string) int {
	fs := flagSet(env, "validate", "[CORPUS.yaml]", "Check a corpus and print every problem as FILE:LINE:COL: error|warning: message.\nExit status: 0 without errors (warnings allowed), 1 with errors, 2 for bad usage or an unreadable file")
	pos, code := parse(env, fs, args, 1)
	if code >= 0 {
		return code
	}
	c, problems, code := loadReporting(env, "validate", pos)
	name := assets.CorpusName
	if len(pos) > 0 {
		name = pos[0]
	}
	if code == ExitUsage {
		return code
	}
	if code == ExitProblems {
		say(env.Stderr, "%s: %s", name, problems.Summary())
		return code
	}
	say(env.Stderr, "%s: %s; %d meetings, %d sources, %d topics, %d annotations, %d eras",
		name, problems.Summary(), len(c.Meetings), len(c.Sources), len(c.Topics), len(c.Annotations), len(c.Eras))
	return ExitOK
}
