// Package fonts owns the typefaces every raster draws with, the timeline's
// and the charts', on screen and in exports: the window theme's regular
// and bold fonts, so a raster reads like the rest of the window, and the
// bundled NanumGothic for what they lack (Hangul above all). One place
// parses them, once, and one rule decides which font draws a code point:
// the theme's when it has a glyph of its own, else NanumGothic's when it
// has one. A machine with no CJK font still draws Korean everywhere.
package fonts

import (
	"fmt"
	"sync"

	"fyne.io/fyne/v2/theme"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"

	"github.com/alliance-timeline/alliance-timeline/assets"
)

// Set is the three fonts, parsed for both rendering libraries: sfnt for
// the timeline's own glyph cache, truetype for go-chart.
type Set struct {
	Regular, Bold, Fallback *opentype.Font
	// TrueType holds the same fonts for go-chart, which draws with
	// golang/freetype.
	TrueType struct{ Regular, Bold, Fallback *truetype.Font }
}

var (
	once   sync.Once
	loaded Set
	err    error
)

// Load parses the fonts on first use; every later call returns the same
// set. The fonts are shared and read-only, so concurrent renders may use
// them (go-chart's own lazily loaded default font is shared state they
// would race on).
func Load() (*Set, error) {
	once.Do(func() {
		sources := []struct {
			name string
			raw  []byte
			sf   **opentype.Font
			tt   **truetype.Font
		}{
			{"regular", theme.DefaultTextFont().Content(), &loaded.Regular, &loaded.TrueType.Regular},
			{"bold", theme.DefaultTextBoldFont().Content(), &loaded.Bold, &loaded.TrueType.Bold},
			{"NanumGothic", assets.NanumGothic, &loaded.Fallback, &loaded.TrueType.Fallback},
		}
		for _, s := range sources {
			if *s.sf, err = opentype.Parse(s.raw); err == nil {
				*s.tt, err = truetype.Parse(s.raw)
			}
			if err != nil {
				err = fmt.Errorf("parse the %s font: %w", s.name, err)
				return
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return &loaded, nil
}

// Has reports whether font f has a glyph of its own for r (not .notdef).
// buf may be nil; a caller that asks often passes its own.
func Has(f *opentype.Font, buf *sfnt.Buffer, r rune) bool {
	x, err := f.GlyphIndex(buf, r)
	return err == nil && x != 0
}

// UseFallback reports whether the fallback font draws r in place of
// primary (the set's Regular or Bold): primary lacks it and the fallback
// has it. This is the one rule both rasters follow.
func (s *Set) UseFallback(primary *opentype.Font, buf *sfnt.Buffer, r rune) bool {
	return !Has(primary, buf, r) && Has(s.Fallback, buf, r)
}

// NeedsFallback reports whether any code point of the texts is drawn by
// the fallback font. go-chart draws a label in one font, so a chart whose
// labels need the fallback anywhere is drawn in it throughout (it has
// Latin letters too), never with gaps.
func (s *Set) NeedsFallback(texts ...string) bool {
	var buf sfnt.Buffer
	for _, t := range texts {
		for _, r := range t {
			if r > 0x7f && s.UseFallback(s.Regular, &buf, r) {
				return true
			}
		}
	}
	return false
}
