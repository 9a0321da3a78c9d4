package timex

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/corroborate/corroborate/document"
)

// Grain is the unit a calendar TIMEX3 value is written in.
type Grain int

// Grains from finest to coarsest.
const (
	GrainSecond    Grain = iota + 1 // 2020-07-06T14:30:15
	GrainMinute                     // 2020-07-06T14:30
	GrainHour                       // 2020-07-06T14
	GrainPartOfDay                  // 2020-07-06TEV (MO, MI, AF, EV, NI, DT)
	GrainDay                        // 2020-07-06, 2020-W27-3
	GrainWeekend                    // 2020-W27-WE
	GrainWeek                       // 2020-W27
	GrainMonth                      // 2020-07
	GrainSeason                     // 2020-SU (SP, SU, FA, WI)
	GrainQuarter                    // 2020-Q3
	GrainHalf                       // 2020-H2
	GrainYear                       // 2020
	GrainDecade                     // 202 (the 2020s)
	GrainCentury                    // 20 (the 2000s: 2000–2099)
)

var grainNames = map[Grain]string{
	GrainSecond: "second", GrainMinute: "minute", GrainHour: "hour", GrainPartOfDay: "part of day",
	GrainDay: "day", GrainWeekend: "weekend", GrainWeek: "week", GrainMonth: "month",
	GrainSeason: "season", GrainQuarter: "quarter", GrainHalf: "half year", GrainYear: "year",
	GrainDecade: "decade", GrainCentury: "century",
}

// String names the grain ("weekend", "half year").
func (g Grain) String() string {
	if s, ok := grainNames[g]; ok {
		return s
	}
	return "unknown grain"
}

// Precision is the output precision of a value of this grain: times of day
// are PrecisionTime, weekends are weeks, halves are years (the output
// schema has no half), and a century has no precision of its own
// (PrecisionUnknown), as Tagger writes them.
func (g Grain) Precision() document.Precision {
	switch g {
	case GrainSecond, GrainMinute, GrainHour, GrainPartOfDay:
		return document.PrecisionTime
	case GrainDay:
		return document.PrecisionDay
	case GrainWeekend, GrainWeek:
		return document.PrecisionWeek
	case GrainMonth:
		return document.PrecisionMonth
	case GrainSeason:
		return document.PrecisionSeason
	case GrainQuarter:
		return document.PrecisionQuarter
	case GrainHalf, GrainYear:
		return document.PrecisionYear
	case GrainDecade:
		return document.PrecisionDecade
	}
	return document.PrecisionUnknown
}

// Period is the stretch of calendar time a TIMEX3 date or time value names:
// [Start, End), in civil time (UTC is used as a zone-free calendar; a zone
// suffix on a time is read and not applied).
type Period struct {
	// Value is the value as parsed.
	Value string
	Start time.Time
	End   time.Time
	Grain Grain
	// Season is SP, SU, FA or WI for a season; Part is MO, MI, AF, EV, NI
	// or DT for a part of the day.
	Season, Part string
}

// Precision is the output precision of the period (see Grain.Precision).
func (p Period) Precision() document.Precision { return p.Grain.Precision() }

// Day returns a period of a day or finer as its day, written yyyy-mm-dd
// (2020-07-06TEV and 2020-W28-1 give 2020-07-06); coarser periods are
// returned unchanged.
func (p Period) Day() Period {
	if p.Grain > GrainDay {
		return p
	}
	d := civil(p.Start.Year(), int(p.Start.Month()), p.Start.Day())
	return Period{Value: d.Format("2006-01-02"), Start: d, End: d.AddDate(0, 0, 1), Grain: GrainDay}
}

// Errors ParseValue wraps: values that are valid TIMEX3 but name no fixed
// stretch of the calendar. Any other error means a malformed value.
var (
	// ErrNotCalendar marks durations (P3M) and references (PRESENT_REF).
	ErrNotCalendar = errors.New("not a calendar value")
	// ErrUnresolved marks values with X placeholders (XXXX-07-01).
	ErrUnresolved = errors.New("unresolved value")
)

// A season value covers three months from the month seasonStart gives
// (meteorological seasons of the northern hemisphere, the table the tagger
// resolves with): winter runs from December of the value's year into the
// next (2020-WI is December 2020 to February 2021).

// dayParts are the TIMEX3 parts of the day. TimeML gives them no hours,
// so a part of the day covers its whole day.
var dayParts = map[string]bool{"MO": true, "MI": true, "AF": true, "EV": true, "NI": true, "DT": true}

// ParseValue reads a calendar TIMEX3 value (TimeML 1.2.1 with the TIDES
// conventions Tagger writes) into the period it names:
//
//	20                   century      2000-01-01 – 2100-01-01
//	202                  decade       2020-01-01 – 2030-01-01
//	2020                 year
//	2020-H2              half year    2020-07-01 – 2021-01-01
//	2020-Q3              quarter      2020-07-01 – 2020-10-01
//	2020-SU              season       2020-06-01 – 2020-09-01 (SP, SU, FA, WI)
//	2020-07              month
//	2020-W27             ISO week     Monday 2020-06-29 – Monday 2020-07-06
//	2020-W27-WE          weekend      Saturday 2020-07-04 – Monday 2020-07-06
//	2020-W27-3           ISO week day Wednesday 2020-07-01
//	2020-07-06           day
//	2020-07-06TEV        part of day  the whole day (MO, MI, AF, EV, NI, DT)
//	2020-07-06T14        hour; T14:30 minute; T14:30:15 second (a zone
//	                     suffix Z or ±hh:mm is accepted and not applied)
//
// Durations and references wrap ErrNotCalendar, values with X placeholders
// ErrUnresolved; anything else that does not parse, or names a day,
// month or week that does not exist, is malformed.
func ParseValue(v string) (Period, error) {
	switch {
	case v == "":
		return Period{}, fmt.Errorf("empty TIMEX3 value: %w", ErrNotCalendar)
	case v[0] == 'P' || strings.HasSuffix(v, "_REF"):
		return Period{}, fmt.Errorf("TIMEX3 value %q: %w", v, ErrNotCalendar)
	case strings.Contains(v, "X"):
		return Period{}, fmt.Errorf("TIMEX3 value %q: %w", v, ErrUnresolved)
	}
	p, ok := parseValue(v)
	if !ok {
		return Period{}, fmt.Errorf("malformed TIMEX3 value %q", v)
	}
	p.Value = v
	return p, nil
}

func parseValue(v string) (Period, bool) {
	date, clock, hasClock := strings.Cut(v, "T")
	if hasClock && len(date) != 10 {
		return Period{}, false
	}
	switch {
	case len(date) == 2 && digits(date):
		c := atoi(date)
		return span(civil(100*c, 1, 1), 100, 0, 0, GrainCentury), true
	case len(date) == 3 && digits(date):
		d := atoi(date)
		return span(civil(10*d, 1, 1), 10, 0, 0, GrainDecade), true
	case len(date) < 4 || !digits(date[:4]) || (len(date) > 4 && date[4] != '-'):
		return Period{}, false
	}
	y := atoi(date[:4])
	rest := ""
	if len(date) > 4 {
		rest = date[5:]
	}
	switch {
	case rest == "":
		return span(civil(y, 1, 1), 1, 0, 0, GrainYear), true
	case len(rest) == 2 && digits(rest):
		m := atoi(rest)
		if m < 1 || m > 12 {
			return Period{}, false
		}
		return span(civil(y, m, 1), 0, 1, 0, GrainMonth), true
	case len(rest) == 5 && digits(rest[:2]) && rest[2] == '-' && digits(rest[3:]):
		d, ok := validDate(y, atoi(rest[:2]), atoi(rest[3:]))
		if !ok {
			return Period{}, false
		}
		p := span(d, 0, 0, 1, GrainDay)
		if hasClock {
			return timeOfDay(p, clock)
		}
		return p, true
	case len(rest) == 2 && (rest[0] == 'Q' || rest[0] == 'H') && digits(rest[1:]):
		n := atoi(rest[1:])
		if rest[0] == 'Q' && n >= 1 && n <= 4 {
			return span(civil(y, 3*n-2, 1), 0, 3, 0, GrainQuarter), true
		}
		if rest[0] == 'H' && n >= 1 && n <= 2 {
			return span(civil(y, 6*n-5, 1), 0, 6, 0, GrainHalf), true
		}
		return Period{}, false
	case len(rest) == 2 && seasonStart[rest] != 0:
		p := span(civil(y, seasonStart[rest], 1), 0, 3, 0, GrainSeason)
		p.Season = rest
		return p, true
	case len(rest) >= 3 && rest[0] == 'W' && digits(rest[1:3]):
		monday, ok := isoWeek(y, atoi(rest[1:3]))
		if !ok {
			return Period{}, false
		}
		switch suffix := rest[3:]; {
		case suffix == "":
			return span(monday, 0, 0, 7, GrainWeek), true
		case suffix == "-WE":
			return span(monday.AddDate(0, 0, 5), 0, 0, 2, GrainWeekend), true
		case len(suffix) == 2 && suffix[0] == '-' && suffix[1] >= '1' && suffix[1] <= '7':
			return span(monday.AddDate(0, 0, int(suffix[1]-'1')), 0, 0, 1, GrainDay), true
		}
	}
	return Period{}, false
}

// timeOfDay narrows day p to the clock time or part of the day c.
func timeOfDay(p Period, c string) (Period, bool) {
	if dayParts[c] {
		p.Grain, p.Part = GrainPartOfDay, c
		return p, true
	}
	c = stripZone(c)
	var hms []int
	for _, f := range strings.Split(c, ":") {
		if len(f) != 2 || !digits(f) {
			return Period{}, false
		}
		hms = append(hms, atoi(f))
	}
	if len(hms) == 0 || len(hms) > 3 || hms[0] > 24 || (hms[0] == 24 && len(hms) > 1 && hms[1]+hms[len(hms)-1] != 0) {
		return Period{}, false
	}
	for _, n := range hms[1:] {
		if n > 59 {
			return Period{}, false
		}
	}
	for len(hms) < 3 {
		hms = append(hms, 0)
	}
	start := p.Start.Add(time.Duration(hms[0])*time.Hour + time.Duration(hms[1])*time.Minute + time.Duration(hms[2])*time.Second)
	grain, step := GrainSecond, time.Second
	switch strings.Count(c, ":") {
	case 0:
		grain, step = GrainHour, time.Hour
	case 1:
		grain, step = GrainMinute, time.Minute
	}
	return Period{Start: start, End: start.Add(step), Grain: grain}, true
}

// stripZone drops a trailing Z or ±hh:mm (±hhmm, ±hh) zone designator.
func stripZone(c string) string {
	if strings.HasSuffix(c, "Z") {
		return c[:len(c)-1]
	}
	if i := strings.LastIndexAny(c, "+-"); i > 0 {
		return c[:i]
	}
	return c
}

// isoWeek returns the Monday of ISO week w of year y, refusing a week the
// year does not have (week 53 exists only in years with 53 ISO weeks).
func isoWeek(y, w int) (time.Time, bool) {
	if w < 1 || w > 53 {
		return time.Time{}, false
	}
	jan4 := civil(y, 1, 4) // 4 January is always in week 1
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
	if yy, ww := monday.ISOWeek(); yy != y || ww != w {
		return time.Time{}, false
	}
	return monday, true
}

func span(start time.Time, years, months, days int, g Grain) Period {
	return Period{Start: start, End: start.AddDate(years, months, days), Grain: g}
}

func civil(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func validDate(y, m, d int) (time.Time, bool) {
	t := civil(y, m, d)
	return t, m >= 1 && m <= 12 && d >= 1 && t.Month() == time.Month(m) && t.Day() == d
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }
