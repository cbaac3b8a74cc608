package cli

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/timeline"
)

func runExport(env Env, args []string) int {
	fs := flagSet(env, "export", "--chart timeline --out FILE.png [--corpus CORPUS.yaml] [--width W --height H --scale S] [--from YEAR --to YEAR] [--theme light|dark]",
		"Draw a chart into a file without a display")
	chart := fs.String("chart", "", "the `chart` to draw: timeline")
	out := fs.String("out", "", "the `file` to write; the format follows the extension (.png)")
	corpus := fs.String("corpus", "", "the corpus `file` (default: the built-in corpus)")
	width := fs.Int("width", 1600, "width in `points`")
	height := fs.Int("height", 0, "height in `points` (default: what the lanes need)")
	scale := fs.Float64("scale", 1, "pixels per point, 2 for print")
	from := fs.Int("from", 0, "first `year` to show (default: the corpus' first)")
	to := fs.Int("to", 0, "last `year` to show (default: the corpus' last)")
	themeName := fs.String("theme", "light", "colours: light or dark")
	pos, code := parse(env, fs, args, 1)
	if code >= 0 {
		return code
	}
	if len(pos) == 1 && *corpus == "" {
		*corpus = pos[0]
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(env.Stderr, "alliance-timeline export: "+format+"\n", a...)
		return ExitUsage
	}
	switch {
	case *chart == "":
		return usageErr("--chart is required (timeline)")
	case *chart != "timeline":
		return usageErr("--chart %q is not a chart this version draws (timeline)", *chart)
	case *out == "":
		return usageErr("--out is required")
	case strings.ToLower(filepath.Ext(*out)) != ".png":
		return usageErr("--out %q: the timeline is exported as .png", *out)
	case *themeName != "light" && *themeName != "dark":
		return usageErr("--theme must be light or dark, not %q", *themeName)
	case (*from != 0 || *to != 0) && (*from == 0 || *to == 0 || *to < *from):
		return usageErr("--from and --to must both be years, --from not after --to")
	}
	c, _, code := loadReporting(env, "export", []string{*corpus})
	if code >= 0 {
		return code
	}
	m := timeline.NewModel(c)
	palette := timeline.LightPalette
	if *themeName == "dark" {
		palette = timeline.DarkPalette
	}
	h := *height
	if h == 0 {
		h = timeline.NaturalHeight(m)
	}
	opts := timeline.RenderOptions{Width: int(float64(*width) * *scale), Height: int(float64(h) * *scale), Scale: *scale, Palette: palette}
	if *from != 0 {
		opts.From, opts.To = float64(data.DayNumber(*from, 1, 1)), float64(data.DayNumber(*to+1, 1, 1))
	}
	img, err := timeline.Render(m, opts)
	if err != nil {
		return usageErr("%v", err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return usageErr("encode PNG: %v", err)
	}
	if err := WriteFileAtomic(*out, buf.Bytes()); err != nil {
		return usageErr("%v", err)
	}
	fmt.Fprintf(env.Stderr, "wrote %s (%d×%d pixels)\n", *out, img.Bounds().Dx(), img.Bounds().Dy())
	return ExitOK
}

// WriteFileAtomic writes data to a temporary file beside path and renames it
// over path, so a failed or interrupted write leaves any old file whole.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
