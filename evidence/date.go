package evidence

import (
	"fmt"
	"time"
)

// A Date is a calendar day, with no time of day and no time zone: the day
// an item was observed, or the day an assessment is made as of. The zero
// Date is unset.
type Date struct {
	Year  int        // the year, as in 2026
	Month time.Month // the month, 1 to 12
	Day   int        // the day of the month, from 1
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate parses a day written as 2006-01-02, years 0001 to 9999.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || len(s) != len(time.DateOnly) || t.Year() < 1 {
		return Date{}, fmt.Errorf("date %q is not a day written as YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d is a day of the calendar in the years 1 to 9999,
// as ParseDate returns: not unset, no 31 April.
func (d Date) Valid() bool {
	return d.Year >= 1 && d.Year <= 9999 && d.Month >= time.January && d.Month <= time.December &&
		d.Day >= 1 && DateOf(d.Time()) == d
}

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// String returns d as 2006-01-02, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format(time.DateOnly)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return d.Time().Compare(e.Time()) }

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	e, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = e
	return nil
}

// AddDays returns the day n days after d (before it for a negative n).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }
