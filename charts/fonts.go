package charts

import (
	"fmt"
	"sync"
	"unicode"

	"fyne.io/fyne/v2/theme"
	"github.com/golang/freetype/truetype"

	"github.com/alliance-timeline/alliance-timeline/assets"
)

// Fonts are parsed once, before any render: go-chart's lazily loaded
// default font is shared state that concurrent renders race on.
type fontSet struct {
	regular, bold, hangul *truetype.Font
}

var (
	fontsOnce sync.Once
	loaded    fontSet
	fontsErr  error
)

func fonts() (fontSet, error) {
	fontsOnce.Do(func() {
		parse := func(name string, b []byte) *truetype.Font {
			f, err := truetype.Parse(b)
			if err != nil && fontsErr == nil {
				fontsErr = fmt.Errorf("parse the %s font: %w", name, err)
			}
			return f
		}
		// The window's own font, so charts read like the rest of the app.
		loaded.regular = parse("regular", theme.DefaultTextFont().Content())
		loaded.bold = parse("bold", theme.DefaultTextBoldFont().Content())
		loaded.hangul = parse("NanumGothic", assets.NanumGothic)
	})
	return loaded, fontsErr
}

// hasHangul reports whether any text needs the Hangul font.
func hasHangul(texts ...string) bool {
	for _, s := range texts {
		for _, r := range s {
			if unicode.Is(unicode.Hangul, r) {
				return true
			}
		}
	}
	return false
}
