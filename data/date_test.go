package data

import (
	"math/rand"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in        string
		want      Date
		wantError bool
	}{
		{in: "2012-10-24", want: Date{2012, 10, 24, PrecisionDay}},
		{in: "2020-02-29", want: Date{2020, 2, 29, PrecisionDay}},
		{in: "2013-10", want: Date{2013, 10, 0, PrecisionMonth}},
		{in: "2013", want: Date{2013, 0, 0, PrecisionYear}},
		{in: "2023-02-30", wantError: true},
		{in: "2023-02-29", wantError: true},
		{in: "2023-04-31", wantError: true},
		{in: "2023-13-01", wantError: true},
		{in: "2023-00", wantError: true},
		{in: "2023-01-00", wantError: true},
		{in: "0000-01-01", wantError: true},
		{in: "999", wantError: true},
		{in: "2023-2-3", wantError: true},
		{in: "2023/02/03", wantError: true},
		{in: "2023-02-03T10:00", wantError: true},
		{in: "", wantError: true},
		{in: "20a3", wantError: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if tt.wantError {
				if err == nil {
					t.Fatalf("ParseDate(%q) = %v, want an error", tt.in, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			if got.String() != tt.in {
				t.Errorf("String() = %q, want %q", got.String(), tt.in)
			}
		})
	}
}

func TestDateDaysByPrecision(t *testing.T) {
	tests := []struct {
		in          string
		first, last string
		human       string
	}{
		{"2012-10-24", "2012-10-24", "2012-10-24", "24 October 2012"},
		{"2013-10", "2013-10-01", "2013-10-31", "October 2013"},
		{"2024-02", "2024-02-01", "2024-02-29", "February 2024"},
		{"2013", "2013-01-01", "2013-12-31", "2013"},
	}
	// A local zone far from UTC must not move any date to another day.
	saved := time.Local
	time.Local = time.FixedZone("UTC-12", -12*3600)
	defer func() { time.Local = saved }()
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := dayString(d.FirstDay()); got != tt.first {
			t.Errorf("%s FirstDay = %s, want %s", tt.in, got, tt.first)
		}
		if got := dayString(d.LastDay()); got != tt.last {
			t.Errorf("%s LastDay = %s, want %s", tt.in, got, tt.last)
		}
		if d.Human() != tt.human {
			t.Errorf("%s Human = %q, want %q", tt.in, d.Human(), tt.human)
		}
	}
}

func dayString(n int) string {
	y, m, d := DayDate(n)
	return Date{y, m, d, PrecisionDay}.String()
}

func TestDayNumberRoundTrip(t *testing.T) {
	for n := DayNumber(1900, 1, 1); n < DayNumber(2100, 1, 1); n += 17 {
		y, m, d := DayDate(n)
		if back := DayNumber(y, m, d); back != n {
			t.Fatalf("DayNumber(DayDate(%d)) = %d", n, back)
		}
	}
	if DayNumber(1970, 1, 1) != 0 {
		t.Fatal("day 0 is not 1970-01-01")
	}
}

// Valid holds exactly for the dates ParseDate gives back from their own
// form.
func TestDateValidIsParseDateRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for range 20000 {
		d := Date{Year: 990 + rng.Intn(40), Month: rng.Intn(14) - 1, Day: rng.Intn(33) - 1, Precision: Precision(rng.Intn(5))}
		if rng.Intn(2) == 0 {
			d.Year = []int{999, 1000, 2024, 9999, 10000}[rng.Intn(5)]
		}
		back, err := ParseDate(d.String())
		want := err == nil && back == d
		if d.Valid() != want {
			t.Fatalf("%+v: Valid() = %v, parse round trip %v (%v)", d, d.Valid(), want, err)
		}
	}
}

// DayNumber counts the same days as time.Date: every day of years 1000 to
// 9999 (the corpus' range) and around year 0, and months and days off the
// calendar, which time.Date normalizes.
func TestDayNumberAgreesWithTime(t *testing.T) {
	viaTime := func(y, m, d int) int {
		return int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	}
	check := func(y, m, d int) {
		t.Helper()
		if got, want := DayNumber(y, m, d), viaTime(y, m, d); got != want {
			t.Fatalf("DayNumber(%d, %d, %d) = %d; time.Date gives %d", y, m, d, got, want)
		}
	}
	for _, span := range [][2]int{{1000, 9999}, {-801, 801}} {
		for y := span[0]; y <= span[1]; y++ {
			for m := 1; m <= 12; m++ {
				for d := 1; d <= daysIn(y, m); d++ {
					check(y, m, d)
				}
			}
		}
	}
	for _, c := range [][3]int{{2023, 2, 29}, {2024, 2, 30}, {2023, 13, 1}, {2023, 0, 1}, {2023, 1, 0}, {2023, 12, 32}, {2023, -5, 40}, {1900, 2, 29}, {2000, 2, 29}, {2023, 15, 1}} {
		check(c[0], c[1], c[2])
	}
}

// daysIn agrees with time.Date for every month, leap years included.
func TestDaysInAgreesWithTime(t *testing.T) {
	for y := -401; y <= 2401; y++ {
		for m := -1; m <= 14; m++ {
			want := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			if got := daysIn(y, m); got != want {
				t.Fatalf("daysIn(%d, %d) = %d; want %d", y, m, got, want)
			}
		}
	}
}

func BenchmarkDayNumber(b *testing.B) {
	var sink int
	for b.Loop() {
		for m := 1; m <= 12; m++ {
			sink += DayNumber(2016, m, 15)
		}
	}
	_ = sink
}
