// Command alliance-timeline charts how the official language of the
// U.S.–ROK alliance changes over time, from an annotated corpus of meeting
// records. See README.md.
//
// This file is the only one that creates the Fyne app (it needs cgo and
// OpenGL); everything else lives in packages that build without them.
package main

import (
	_ "embed"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/BurntSushi/toml"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/alliance-timeline/alliance-timeline/app"
	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/cli"
	"github.com/alliance-timeline/alliance-timeline/cli/exitwatch"
	_ "github.com/alliance-timeline/alliance-timeline/cli/quietlocale" // before Fyne's lang package: see its doc
	"github.com/alliance-timeline/alliance-timeline/data/cache"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
)

// FyneApp.toml is the one place that holds the app's name, id and version.
//
//go:embed FyneApp.toml
var fyneAppTOML string

type appDetails struct {
	Details struct {
		Name, ID, Version string
		Build             int
	}
	Migrations map[string]bool
}

// metadata is what Fyne knows of the app. Without it, Fyne looks for a
// FyneApp.toml beside the binary (or in the working folder, for a binary
// under the temporary folder) and, finding the project's, scales its
// 1024-pixel icon to 512 at every start (65 ms of CPU); finding none, it
// takes the app for one that has not moved to fyne.Do. `fyne package`
// sets the same from the same file.
func (d appDetails) metadata() fyne.AppMetadata {
	return fyne.AppMetadata{
		ID:         d.Details.ID,
		Name:       d.Details.Name,
		Version:    d.Details.Version,
		Build:      d.Details.Build,
		Icon:       windowIcon,
		Migrations: d.Migrations,
	}
}

// windowIcon is the icon the window shows (assets.WindowIcon).
var windowIcon = fyne.NewStaticResource("icon.png", assets.WindowIcon)

func details() appDetails {
	var d appDetails
	if _, err := toml.Decode(fyneAppTOML, &d); err != nil {
		panic("FyneApp.toml: " + err.Error()) // embedded at build time; a test decodes it
	}
	return d
}

func main() {
	d := details()
	os.Exit(cli.Run(os.Args[1:], cli.Env{
		Stdout:  os.Stdout,
		Stderr:  os.Stderr,
		Version: d.Details.Version,
		Display: func() error { return cli.DisplayCheck(runtime.GOOS, os.Getenv, cli.Dial) },
		OpenWindow: func(corpusPath string, imports []string) (err error) {
			// GLFW panics when the display goes away between the check and
			// the window (or refuses it): a message, not a stack trace.
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("could not open the window: %v", r)
				}
			}()
			// Profiling the window (BENCHMARKS.md): a CPU profile of the
			// whole run, written when the window closes.
			if path := os.Getenv("ALLIANCE_TIMELINE_CPUPROFILE"); path != "" {
				f, err := os.Create(path)
				if err != nil {
					return fmt.Errorf("create the CPU profile: %w", err)
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return fmt.Errorf("start the CPU profile: %w", err)
				}
				defer pprof.StopCPUProfile()
			}
			opts := app.Options{
				AppName:     d.Details.Name,
				Version:     d.Details.Version,
				CorpusPath:  corpusPath,
				RestoreLast: true,
				Import:      imports,
			}
			// Unsaved edits are journaled in the user's cache folder; with no
			// cache folder, they are not.
			if dir, err := edit.DefaultJournalDir(); err == nil {
				opts.Journal = &edit.Journal{Dir: dir}
			}
			// The end-to-end tests read what the app did from an event log.
			if path := os.Getenv("ALLIANCE_TIMELINE_EVENTS"); path != "" {
				f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
				if err != nil {
					return fmt.Errorf("open the event log: %w", err)
				}
				defer f.Close()
				opts.Events = f
			}
			opts.Load, opts.Shown = cli.WindowLoader(os.Getenv, func(path string, o cache.Outcome) {
				if opts.Events != nil {
					line := fmt.Sprintf("cache path=%q hit=%v stored=%v why=%q", path, o.Hit, o.Stored, o.Why)
					if o.StoreErr != nil { // a full disk, say: the corpus is shown all the same
						line += fmt.Sprintf(" error=%q", o.StoreErr.Error())
					}
					fmt.Fprintln(opts.Events, line)
				}
			})
			if corpusPath != "" {
				// The corpus loads while the app and its window are made.
				opts.Load = cli.Prefetch(opts.Load, corpusPath)
			}
			// Fyne can hang on its way out (cli/exitwatch): a quit begun,
			// by the window or by a signal, ends the process within a grace.
			watch := exitwatch.New(exitwatch.Grace, os.Exit)
			opts.Quitting = watch.Quitting
			defer watch.Signals()()
			fyneapp.SetMetadata(d.metadata())
			a := fyneapp.NewWithID(d.Details.ID)
			a.SetIcon(windowIcon)
			app.NewMainWindow(a, opts).ShowAndRun()
			watch.Ended()
			return nil
		},
	}))
}
