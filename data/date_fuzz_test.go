package data

import (
	"strings"
	"testing"
	"time"
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

// FuzzDayNumber: the arithmetic count of days agrees with time.Date for
// any year, month and day time.Date itself can hold.
func FuzzDayNumber(f *testing.F) {
	f.Add(2016, 2, 29)
	f.Add(-1, 3, 1)
	f.Add(2023, 13, 0)
	f.Fuzz(func(t *testing.T, y, m, d int) {
		if y < -1_000_000 || y > 1_000_000 || m < -10_000 || m > 10_000 || d < -100_000 || d > 100_000 {
			return
		}
		want := int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
		if got := DayNumber(y, m, d); got != want {
			t.Fatalf("DayNumber(%d, %d, %d) = %d; time.Date gives %d", y, m, d, got, want)
		}
	})
}
