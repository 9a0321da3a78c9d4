package timex

import (
	"fmt"
	"time"

	"github.com/corroborate/corroborate/document"
)

// Anchor names written to document.Timex.Anchor.
const (
	AnchorPublished = "published" // resolved against the publication date
	AnchorAbsolute  = "absolute"  // the text gives the full value
	AnchorUnknown   = "unknown"   // relative, but no anchor was known
	AnchorInferred  = "inferred-latest-mention"
)

// anchor is the reference date relative expressions resolve against.
type anchor struct {
	t time.Time // midnight UTC of the anchor day
	// known is false when there is no anchor at all.
	known bool
	// grain is the finest unit the anchor is trusted to: uDay for a known
	// publication day, uMonth or uYear for coarser ones (an inferred anchor
	// is trusted to its year only). Expressions finer than grain stay
	// unresolved.
	grain unit
	name  string
}

// newAnchor builds an anchor from a date.
func newAnchor(t time.Time, name string) anchor {
	if t.IsZero() {
		return anchor{name: AnchorUnknown}
	}
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return anchor{t: t, known: true, name: name, grain: uDay}
}

// resolved is a normalized expression.
type resolved struct {
	typ    string
	value  string
	prec   document.Precision
	anchor string
	mod    string
}

// resolve normalizes e against the anchor, with tn the tense of its
// sentence.
func resolve(e expr, a anchor, tn tense) resolved {
	r := resolved{typ: "DATE", mod: e.mod}
	switch e.kind {
	case kDuration:
		r.typ, r.value = "DURATION", e.dur
		return r
	case kSet:
		r.typ, r.value = "SET", e.set
		return r
	case kRef:
		r.value = e.ref
		return r
	}
	if e.clock || e.part != "" {
		r.typ = "TIME"
	}
	switch {
	case e.decade != 0:
		r.value, r.prec, r.anchor = fmt.Sprintf("%03d", e.decade), document.PrecisionDecade, AnchorAbsolute
		return r
	case e.century != 0:
		r.value, r.prec, r.anchor = fmt.Sprintf("%02d", e.century), document.PrecisionUnknown, AnchorAbsolute
		return r
	case e.rel:
		return resolveRelative(e, a, r)
	case e.year != 0:
		r.anchor = AnchorAbsolute
		r.value, r.prec = calendarValue(e, e.year)
		return r
	}
	// the year (or the day) must come from the anchor
	needs := uYear // a month, season or quarter needs the anchor's year
	if e.hasWday || e.clock || e.part != "" {
		needs = uDay
	}
	if !a.known || coarser(a.grain, needs) {
		r.anchor = AnchorUnknown
		r.value, r.prec = calendarValue(e, 0)
		return r
	}
	r.anchor = a.name
	if e.month == 0 && e.season == "" && e.quarter == 0 && e.half == 0 && e.holiday == "" {
		// weekday and/or time of day only
		d := a.t
		if e.hasWday {
			d = weekdayDate(a.t, e.weekday, e.dir, e.dirSet, tn)
		}
		if e.weekend {
			y, w := d.ISOWeek()
			r.value, r.prec = fmt.Sprintf("%04d-W%02d-WE", y, w), document.PrecisionWeek
			return r
		}
		r.value, r.prec = dayValue(d, e)
		return r
	}
	y := inferYear(e, a.t, tn)
	if e.hasWday && e.day != 0 {
		// prefer the neighbouring year whose calendar matches the weekday
		for _, c := range []int{y, y - 1, y + 1} {
			if validDay(c, e.month, e.day) && time.Date(c, time.Month(e.month), e.day, 0, 0, 0, 0, time.UTC).Weekday() == e.weekday {
				y = c
				break
			}
		}
	}
	r.value, r.prec = calendarValue(e, y)
	return r
}

// unitOrder ranks calendar units from finest to coarsest.
var unitOrder = map[unit]int{
	uSecond: 0, uMinute: 1, uHour: 2, uDay: 3, uWeek: 4, uWeekend: 4, uMonth: 5,
	uQuarter: 6, uYear: 7, uDecade: 8, uCentury: 9,
}

// coarser reports whether unit a is coarser than unit b.
func coarser(a, b unit) bool { return unitOrder[a] > unitOrder[b] }

// resolveRelative shifts the anchor by the expression's units.
func resolveRelative(e expr, a anchor, r resolved) resolved {
	if !a.known || coarser(a.grain, e.relUnit) {
		r.anchor = AnchorUnknown
		switch e.relUnit {
		case uDay:
			r.value, r.prec = "XXXX-XX-XX", document.PrecisionDay
			if e.part != "" {
				r.value += "T" + e.part
			}
		case uWeek:
			r.value, r.prec = "XXXX-WXX", document.PrecisionWeek
		case uMonth:
			r.value, r.prec = "XXXX-XX", document.PrecisionMonth
		case uQuarter:
			r.value, r.prec = "XXXX-QX", document.PrecisionQuarter
		case uYear:
			r.value, r.prec = "XXXX", document.PrecisionYear
		default:
			r.value, r.prec = "XXX", document.PrecisionDecade
		}
		return r
	}
	r.anchor = a.name
	t := a.t
	switch e.relUnit {
	case uDay:
		r.value, r.prec = dayValue(t.AddDate(0, 0, e.relN), e)
	case uWeek:
		d := t.AddDate(0, 0, 7*e.relN)
		y, w := d.ISOWeek()
		r.value, r.prec = fmt.Sprintf("%04d-W%02d", y, w), document.PrecisionWeek
		if e.weekend {
			r.value += "-WE"
		}
	case uMonth:
		d := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, e.relN, 0)
		r.value, r.prec = d.Format("2006-01"), document.PrecisionMonth
	case uQuarter:
		q := (t.Year()*4 + (int(t.Month())-1)/3) + e.relN
		r.value, r.prec = fmt.Sprintf("%04d-Q%d", q/4, q%4+1), document.PrecisionQuarter
	case uYear:
		ee := e
		ee.rel = false
		r.value, r.prec = calendarValue(ee, t.Year()+e.relN)
		if ee.month == 0 && ee.season == "" && ee.quarter == 0 && ee.half == 0 {
			r.value, r.prec = fmt.Sprintf("%04d", t.Year()+e.relN), document.PrecisionYear
		}
	case uDecade:
		r.value, r.prec = fmt.Sprintf("%03d", t.Year()/10+e.relN), document.PrecisionDecade
	case uCentury:
		r.value, r.prec = fmt.Sprintf("%02d", t.Year()/100+e.relN), document.PrecisionUnknown
	default:
		r.value = "XXXX-XX-XX"
	}
	return r
}

// dayValue renders day d with the expression's time of day.
func dayValue(d time.Time, e expr) (string, document.Precision) {
	v := d.Format("2006-01-02")
	switch {
	case e.clock:
		return v + fmt.Sprintf("T%02d:%02d", e.hour, e.minute), document.PrecisionTime
	case e.part != "":
		return v + "T" + e.part, document.PrecisionTime
	}
	return v, document.PrecisionDay
}

// calendarValue renders the calendar fields with year y (0: unknown, XXXX).
func calendarValue(e expr, y int) (string, document.Precision) {
	ys := "XXXX"
	if y != 0 {
		ys = fmt.Sprintf("%04d", y)
	}
	switch {
	case e.holiday != "":
		if y == 0 {
			return "XXXX-XX-XX", document.PrecisionDay
		}
		if d, ok := holidayDate(e.holiday, y); ok {
			return dayValue(d, e)
		}
		return ys, document.PrecisionYear
	case e.month != 0 && e.day != 0:
		if y != 0 && validDay(y, e.month, e.day) {
			return dayValue(time.Date(y, time.Month(e.month), e.day, 0, 0, 0, 0, time.UTC), e)
		}
		v := fmt.Sprintf("%s-%02d-%02d", ys, e.month, e.day)
		if e.part != "" {
			return v + "T" + e.part, document.PrecisionTime
		}
		return v, document.PrecisionDay
	case e.month != 0:
		return fmt.Sprintf("%s-%02d", ys, e.month), document.PrecisionMonth
	case e.season != "":
		return ys + "-" + e.season, document.PrecisionSeason
	case e.quarter != 0:
		return fmt.Sprintf("%s-Q%d", ys, e.quarter), document.PrecisionQuarter
	case e.half != 0:
		return fmt.Sprintf("%s-H%d", ys, e.half), document.PrecisionYear
	case e.hasWday && y == 0:
		return fmt.Sprintf("XXXX-WXX-%d", isoWeekday(e.weekday)), document.PrecisionDay
	case (e.clock || e.part != "") && y == 0:
		return "XXXX-XX-XXT" + timeSuffix(e), document.PrecisionTime
	}
	return ys, document.PrecisionYear
}

func timeSuffix(e expr) string {
	if e.clock {
		return fmt.Sprintf("%02d:%02d", e.hour, e.minute)
	}
	return e.part
}

func isoWeekday(w time.Weekday) int {
	if w == time.Sunday {
		return 7
	}
	return int(w)
}

func validDay(y, m, d int) bool {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Month() == time.Month(m) && t.Day() == d
}

// periodBounds returns the start and end of the period e names in year y.
func periodBounds(e expr, y int) (time.Time, time.Time) {
	switch {
	case e.holiday != "":
		if d, ok := holidayDate(e.holiday, y); ok {
			return d, d.AddDate(0, 0, 1)
		}
	case e.month != 0 && e.day != 0:
		d := time.Date(y, time.Month(e.month), e.day, 0, 0, 0, 0, time.UTC)
		return d, d.AddDate(0, 0, 1)
	case e.month != 0:
		d := time.Date(y, time.Month(e.month), 1, 0, 0, 0, 0, time.UTC)
		return d, d.AddDate(0, 1, 0)
	case e.season != "":
		d := time.Date(y, time.Month(seasonStart[e.season]), 1, 0, 0, 0, 0, time.UTC)
		return d, d.AddDate(0, 3, 0)
	case e.quarter != 0:
		d := time.Date(y, time.Month(3*e.quarter-2), 1, 0, 0, 0, 0, time.UTC)
		return d, d.AddDate(0, 3, 0)
	case e.half != 0:
		d := time.Date(y, time.Month(6*e.half-5), 1, 0, 0, 0, 0, time.UTC)
		return d, d.AddDate(0, 6, 0)
	}
	d := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	return d, d.AddDate(1, 0, 0)
}

// pastSlack is how far past the anchor a past-tense date may lie before it
// moves to the year before (publication dates given by users are often
// approximate, and TimeBank annotators keep the anchor's year), and
// futureSlack how far before the anchor a future-tense date may lie before
// it moves to the year after.
const (
	pastSlack   = 60 * 24 * time.Hour
	futureSlack = 7 * 24 * time.Hour
)

// inferYear picks the year of a date written without one.
func inferYear(ex expr, at time.Time, tn tense) int {
	y := at.Year()
	start, end := periodBounds(ex, y)
	if ex.dirSet {
		switch ex.dir {
		case -1: // last November: the most recent one that has ended
			if end.After(at) {
				return y - 1
			}
		case 1: // next November: the first one that has not started
			if !start.After(at) {
				return y + 1
			}
		}
		return y
	}
	switch tn {
	case tensePast:
		if start.After(at.Add(pastSlack)) {
			return y - 1
		}
	case tenseFuture:
		if !end.After(at.Add(-futureSlack)) {
			return y + 1
		}
	default:
		// no tense: the occurrence nearest to the anchor
		best, bestDist := y, distance(start, end, at)
		for _, c := range []int{y - 1, y + 1} {
			s, e := periodBounds(ex, c)
			if d := distance(s, e, at); d < bestDist {
				best, bestDist = c, d
			}
		}
		return best
	}
	return y
}

// distance is how far instant at lies from the period [start, end).
func distance(start, end, at time.Time) time.Duration {
	switch {
	case at.Before(start):
		return start.Sub(at)
	case !at.Before(end):
		return at.Sub(end)
	}
	return 0
}

// weekdayDate picks the date of a weekday named relative to day at.
func weekdayDate(at time.Time, wd time.Weekday, dir int, dirSet bool, tn tense) time.Time {
	fwd := (int(wd) - int(at.Weekday()) + 7) % 7
	back := (int(at.Weekday()) - int(wd) + 7) % 7
	if dirSet && dir == -1 {
		if back == 0 {
			back = 7
		}
		return at.AddDate(0, 0, -back)
	}
	if dirSet && dir == 1 {
		if fwd == 0 {
			fwd = 7
		}
		return at.AddDate(0, 0, fwd)
	}
	switch tn {
	case tenseFuture:
		return at.AddDate(0, 0, fwd)
	case tensePresent:
		if fwd < back {
			return at.AddDate(0, 0, fwd)
		}
	}
	return at.AddDate(0, 0, -back)
}

// holidayDate returns the date of a holiday in year y.
func holidayDate(h string, y int) (time.Time, bool) {
	switch h {
	case "thanksgiving": // fourth Thursday of November
		return nthWeekday(y, time.November, time.Thursday, 4), true
	case "labor": // first Monday of September
		return nthWeekday(y, time.September, time.Monday, 1), true
	case "memorial": // last Monday of May
		d := time.Date(y, time.May, 31, 0, 0, 0, 0, time.UTC)
		for d.Weekday() != time.Monday {
			d = d.AddDate(0, 0, -1)
		}
		return d, true
	}
	var m, d int
	if _, err := fmt.Sscanf(h, "%d-%d", &m, &d); err != nil {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

func nthWeekday(y int, m time.Month, wd time.Weekday, n int) time.Time {
	d := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	for d.Weekday() != wd {
		d = d.AddDate(0, 0, 1)
	}
	return d.AddDate(0, 0, 7*(n-1))
}
