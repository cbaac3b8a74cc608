package data

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// ParseColor reads "#RRGGBB" or "#RGB".
func ParseColor(s string) (color.NRGBA, error) {
	hex := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if !strings.HasPrefix(strings.TrimSpace(s), "#") || (len(hex) != 6 && len(hex) != 3) {
		return color.NRGBA{}, fmt.Errorf("colour %q must be #RRGGBB or #RGB", safetext.Clip(s, 20))
	}
	if len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		return color.NRGBA{}, fmt.Errorf("colour %q must be #RRGGBB or #RGB with hexadecimal digits", safetext.Clip(s, 20))
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}, nil
}

// defaultTopicColors is used for topics without a colour of their own: Paul
// Tol's colour-blind-safe "muted" scheme, then his "vibrant" one.
var defaultTopicColors = []string{
	"#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499",
	"#0077BB", "#33BBEE", "#009988", "#EE7733", "#CC3311", "#EE3377", "#BBBBBB",
}

// DefaultTopicColor returns the palette colour for the i-th topic.
func DefaultTopicColor(i int) color.NRGBA {
	c, _ := ParseColor(defaultTopicColors[i%len(defaultTopicColors)])
	return c
}
