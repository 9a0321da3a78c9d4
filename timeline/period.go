package timeline

import (
	"fmt"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/timex"
)

// seasonNames are the reader's words for the TIMEX3 seasons.
var seasonNames = map[string]string{"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}

// ParsePeriod reads the TIMEX3 value of a timeline entry with
// timex.ParseValue, the project's one reader of TIMEX3 values, and cuts
// values finer than a day to their day (2020-07-06TEV gives 2020-07-06):
// a timeline is drawn in days. Values with X placeholders, references,
// durations and centuries (which have no output precision) are refused.
func ParsePeriod(v string) (timex.Period, error) {
	p, err := timex.ParseValue(v)
	if err != nil {
		return timex.Period{}, err
	}
	if p.Precision() == document.PrecisionUnknown {
		return timex.Period{}, fmt.Errorf("TIMEX3 value %q: a %s is too coarse for the timeline: %w", v, p.Grain, timex.ErrNotCalendar)
	}
	return p.Day(), nil
}

// Label renders period p for a reader ("6 July 2020", "July 2020",
// "late June 2020", "week of 29 June 2020", "weekend of 4 July 2020",
// "summer 2020", "Q4 2019", "H2 2019", "the 2010s"), with the TIMEX3 mod
// as "early", "mid-", "late" or "about".
func Label(p timex.Period, mod string) string {
	var s string
	switch p.Grain {
	case timex.GrainSecond, timex.GrainMinute, timex.GrainHour, timex.GrainPartOfDay, timex.GrainDay:
		s = p.Start.Format("2 January 2006")
	case timex.GrainMonth:
		s = p.Start.Format("January 2006")
	case timex.GrainWeekend:
		s = "weekend of " + p.Start.Format("2 January 2006")
	case timex.GrainWeek:
		s = "week of " + p.Start.Format("2 January 2006")
	case timex.GrainQuarter:
		s = fmt.Sprintf("Q%d %d", (int(p.Start.Month())-1)/3+1, p.Start.Year())
	case timex.GrainHalf:
		s = fmt.Sprintf("H%d %d", (int(p.Start.Month())-1)/6+1, p.Start.Year())
	case timex.GrainSeason:
		s = fmt.Sprintf("%s %d", seasonNames[p.Season], p.Start.Year())
	case timex.GrainDecade:
		s = fmt.Sprintf("the %ds", p.Start.Year())
	case timex.GrainCentury:
		s = fmt.Sprintf("the %ds", p.Start.Year())
	default:
		s = fmt.Sprint(p.Start.Year())
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
