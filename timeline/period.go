package timeline

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/corroborate/corroborate/document"
)

// Period is a calendar period read from a TIMEX3 value.
type Period struct {
	// Value is the period's value at its own precision (a time of day is
	// cut to its day: 2020-07-06TEV gives 2020-07-06).
	Value     string
	Start     time.Time
	Precision document.Precision
	// Year, Month and Day are the parts a reader sees (Month and Day zero
	// when coarser).
	Year, Month, Day int
}

var seasonMonths = map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}
var seasonNames = map[string]string{"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}

// ParsePeriod reads a calendar TIMEX3 value: 2020-07-06, 2020-07-06TEV,
// 2020-07, 2020-W27, 2020-W27-WE, 2019-Q4, 2019-H1, 2020-SU, 2020, 199.
// Values with X placeholders, references and durations are refused.
func ParsePeriod(v string) (Period, error) {
	if v == "" || v[0] == 'P' {
		return Period{}, fmt.Errorf("not a calendar value: %q", v)
	}
	if strings.Contains(v, "X") || strings.HasSuffix(v, "_REF") {
		return Period{}, fmt.Errorf("unresolved value %q", v)
	}
	if i := strings.IndexByte(v, 'T'); i == 10 {
		v = v[:10]
	}
	if len(v) == 3 && isDigits(v) {
		y, _ := strconv.Atoi(v)
		return Period{Value: v, Start: day(10*y, 1, 1), Precision: document.PrecisionDecade, Year: 10 * y}, nil
	}
	if len(v) < 4 || !isDigits(v[:4]) {
		return Period{}, fmt.Errorf("not a calendar value: %q", v)
	}
	y, _ := strconv.Atoi(v[:4])
	rest := v[4:]
	p := Period{Value: v, Year: y}
	switch {
	case rest == "":
		p.Start, p.Precision = day(y, 1, 1), document.PrecisionYear
	case len(rest) == 3 && isDigits(rest[1:]):
		m, _ := strconv.Atoi(rest[1:])
		if m < 1 || m > 12 {
			return Period{}, fmt.Errorf("bad month in %q", v)
		}
		p.Start, p.Precision, p.Month = day(y, m, 1), document.PrecisionMonth, m
	case len(rest) == 6 && isDigits(rest[1:3]) && isDigits(rest[4:]):
		m, _ := strconv.Atoi(rest[1:3])
		d, _ := strconv.Atoi(rest[4:])
		t := day(y, m, d)
		if int(t.Month()) != m || t.Day() != d {
			return Period{}, fmt.Errorf("bad day in %q", v)
		}
		p.Start, p.Precision, p.Month, p.Day = t, document.PrecisionDay, m, d
	case strings.HasPrefix(rest, "-W"):
		ws := strings.TrimSuffix(rest[2:], "-WE")
		w, err := strconv.Atoi(ws)
		if err != nil || w < 1 || w > 53 {
			return Period{}, fmt.Errorf("bad week in %q", v)
		}
		t := isoWeekStart(y, w)
		if strings.HasSuffix(rest, "-WE") {
			t = t.AddDate(0, 0, 5)
		}
		p.Start, p.Precision = t, document.PrecisionWeek
		p.Month, p.Day = int(t.Month()), t.Day()
	case len(rest) == 3 && (rest[1] == 'Q' || rest[1] == 'H') && rest[2] >= '1' && rest[2] <= '4':
		n := int(rest[2] - '0')
		if rest[1] == 'Q' {
			p.Start, p.Precision = day(y, 3*n-2, 1), document.PrecisionQuarter
		} else if n <= 2 {
			p.Start, p.Precision = day(y, 6*n-5, 1), document.PrecisionYear
		} else {
			return Period{}, fmt.Errorf("bad half in %q", v)
		}
		p.Month = int(p.Start.Month())
	case len(rest) == 3 && seasonMonths[rest[1:]] != 0:
		p.Start, p.Precision = day(y, seasonMonths[rest[1:]], 1), document.PrecisionSeason
		p.Month = seasonMonths[rest[1:]]
	default:
		return Period{}, fmt.Errorf("unsupported value %q", v)
	}
	return p, nil
}

// Label renders the period for a reader ("6 July 2020", "July 2020",
// "late June 2020", "week of 29 June 2020", "Q4 2019", "the 2010s"), with
// the TIMEX3 mod as "early", "mid-" or "late".
func (p Period) Label(mod string) string {
	var s string
	switch p.Precision {
	case document.PrecisionDay:
		s = p.Start.Format("2 January 2006")
	case document.PrecisionMonth:
		s = p.Start.Format("January 2006")
	case document.PrecisionWeek:
		if strings.HasSuffix(p.Value, "-WE") {
			s = "weekend of " + p.Start.Format("2 January 2006")
		} else {
			s = "week of " + p.Start.Format("2 January 2006")
		}
	case document.PrecisionQuarter:
		s = fmt.Sprintf("Q%d %d", (p.Month-1)/3+1, p.Year)
	case document.PrecisionSeason:
		s = fmt.Sprintf("%s %d", seasonNames[p.Value[len(p.Value)-2:]], p.Year)
	case document.PrecisionDecade:
		s = fmt.Sprintf("the %ds", p.Year)
	default:
		if len(p.Value) == 7 && p.Value[5] == 'H' {
			s = fmt.Sprintf("H%c %d", p.Value[6], p.Year)
		} else {
			s = fmt.Sprint(p.Year)
		}
	}
	switch mod {
	case "START":
		return "early " + s
	case "MID":
		return "mid-" + s
	case "END":
		return "late " + s
	case "APPROX":
		return "about " + s
	}
	return s
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// isoWeekStart returns the Monday of ISO week w of year y.
func isoWeekStart(y, w int) time.Time {
	t := day(y, 1, 4) // 4 January is always in week 1
	for t.Weekday() != time.Monday {
		t = t.AddDate(0, 0, -1)
	}
	return t.AddDate(0, 0, 7*(w-1))
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
