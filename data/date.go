package data

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision is how much of a date is known.
type Precision int

const (
	// PrecisionYear: only the year is known ("2013").
	PrecisionYear Precision = iota + 1
	// PrecisionMonth: the year and month are known ("2013-10").
	PrecisionMonth
	// PrecisionDay: the exact day is known ("2013-10-02").
	PrecisionDay
)

func (p Precision) String() string {
	switch p {
	case PrecisionYear:
		return "year"
	case PrecisionMonth:
		return "month"
	case PrecisionDay:
		return "day"
	}
	return "unknown"
}

// Date is a calendar date with a precision. It has no time of day and no
// time zone, so no conversion can move it to the day before.
type Date struct {
	Year, Month, Day int // Month and Day are 0 when the precision leaves them out
	Precision        Precision
}

// ParseDate reads "YYYY", "YYYY-MM" or "YYYY-MM-DD"; the form sets the
// precision. It rejects dates that are not on the calendar (2023-02-30) and
// years outside 1000–9999.
func ParseDate(s string) (Date, error) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("%q is not of the form YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if (i > 0 && len(p) != 2) || !allDigits(p) {
			return Date{}, fmt.Errorf("%q is not of the form YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		nums[i], _ = strconv.Atoi(p)
	}
	d := Date{Year: nums[0], Precision: Precision(len(parts))}
	if d.Year < 1000 {
		return Date{}, fmt.Errorf("%q: year %d is out of range (1000–9999)", s, d.Year)
	}
	if len(nums) > 1 {
		d.Month = nums[1]
		if d.Month < 1 || d.Month > 12 {
			return Date{}, fmt.Errorf("%q: month %d does not exist", s, d.Month)
		}
	}
	if len(nums) > 2 {
		d.Day = nums[2]
		if d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
			return Date{}, fmt.Errorf("%q: %s %d has %d days", s, time.Month(d.Month), d.Year, daysIn(d.Year, d.Month))
		}
	}
	return d, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func daysIn(year, month int) int {
	switch {
	case month < 1 || month > 12:
		return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	case month == 2 && isLeap(year):
		return 29
	}
	return monthDays[month-1]
}

var monthDays = [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func isLeap(year int) bool { return year%4 == 0 && (year%100 != 0 || year%400 == 0) }

// String returns the date in the form it was written, which also shows its
// precision.
func (d Date) String() string {
	switch d.Precision {
	case PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case PrecisionDay:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// Valid reports whether the date is one ParseDate gives: a year from 1000
// to 9999, and a month and day that exist, set as far as its precision
// goes and no further. The cache checks a stored date with it, without
// writing and parsing it again.
func (d Date) Valid() bool {
	if d.Year < 1000 || d.Year > 9999 {
		return false
	}
	switch d.Precision {
	case PrecisionYear:
		return d.Month == 0 && d.Day == 0
	case PrecisionMonth:
		return d.Month >= 1 && d.Month <= 12 && d.Day == 0
	case PrecisionDay:
		return d.Month >= 1 && d.Month <= 12 && d.Day >= 1 && d.Day <= daysIn(d.Year, d.Month)
	}
	return false
}

// IsZero reports whether the date was never set.
func (d Date) IsZero() bool { return d.Precision == 0 }

// FirstDay is the first calendar day the date can mean, as a day number
// (days since 1970-01-01).
func (d Date) FirstDay() int {
	month, day := d.Month, d.Day
	if month == 0 {
		month = 1
	}
	if day == 0 {
		day = 1
	}
	return DayNumber(d.Year, month, day)
}

// LastDay is the last calendar day the date can mean: the 31st of December
// for a year, the month's last day for a month, the day itself otherwise.
func (d Date) LastDay() int {
	switch d.Precision {
	case PrecisionYear:
		return DayNumber(d.Year, 12, 31)
	case PrecisionMonth:
		return DayNumber(d.Year, d.Month, daysIn(d.Year, d.Month))
	}
	return d.FirstDay()
}

// DayNumber counts days since 1970-01-01 in the proleptic Gregorian
// calendar, computed in UTC so that no local time zone shifts it.
// A day on the calendar is counted by arithmetic (Howard Hinnant's
// days_from_civil), 5 to 10 times faster than time.Date, which the counts
// behind every chart and the timeline's model call for each meeting (a
// sixth of their time at 100,000 meetings); a month or day off the
// calendar (month 13, day 0) is normalized by time.Date, as before.
func DayNumber(year, month, day int) int {
	if month < 1 || month > 12 || day < 1 || (day > 28 && day > daysIn(year, month)) {
		return int(time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	}
	y := year
	if month <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era-- // floor division
	}
	yearOfEra := y - era*400
	shifted := month - 3 // the year starting in March puts the leap day last
	if month <= 2 {
		shifted = month + 9
	}
	dayOfYear := (153*shifted+2)/5 + day - 1
	dayOfEra := yearOfEra*365 + yearOfEra/4 - yearOfEra/100 + dayOfYear
	return era*146097 + dayOfEra - 719468
}

// DayDate is the inverse of DayNumber.
func DayDate(n int) (year, month, day int) {
	t := time.Unix(int64(n)*86400, 0).UTC()
	return t.Year(), int(t.Month()), t.Day()
}

// Human returns the date for people: "24 October 2012", "October 2013" or
// "2013".
func (d Date) Human() string {
	switch d.Precision {
	case PrecisionYear:
		return strconv.Itoa(d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%s %d", time.Month(d.Month), d.Year)
	case PrecisionDay:
		return fmt.Sprintf("%d %s %d", d.Day, time.Month(d.Month), d.Year)
	}
	return ""
}
