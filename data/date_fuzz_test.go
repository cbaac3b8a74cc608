package data

import (
	"strings"
	"testing"
)

// FuzzParseDate parses arbitrary dates: no panic, and a date that parses
// writes back to the same form.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2012-10-24", "2013-10", "2013", "2023-02-30", "0000", "9999-12-31", "2020-02-29", "-001", "2020-1-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
		if d.LastDay() < d.FirstDay() {
			t.Fatalf("%q ends before it starts", s)
		}
		if back, err := ParseDate(d.String()); err != nil || back != d {
			t.Fatalf("round trip of %q: %v %v", s, back, err)
		}
		if strings.ContainsAny(s, " T:") {
			t.Fatalf("%q parsed with a time or spaces", s)
		}
	})
}
