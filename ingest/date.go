package ingest

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/corroborate/corroborate/document"
	dateparser "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
)

// isoLayouts are tried first, finest first, with the precision each carries.
var isoLayouts = []struct {
	layout string
	prec   document.Precision
}{
	{time.RFC3339Nano, document.PrecisionTime},
	{"2006-01-02T15:04:05Z0700", document.PrecisionTime},
	{"2006-01-02T15:04Z07:00", document.PrecisionTime},
	{"2006-01-02 15:04:05Z07:00", document.PrecisionTime},
	{"2006-01-02 15:04:05 -0700", document.PrecisionTime},
	{"2006-01-02T15:04:05.999999999", document.PrecisionTime},
	{"2006-01-02 15:04:05.999999999", document.PrecisionTime},
	{"2006-01-02T15:04", document.PrecisionTime},
	{"2006-01-02 15:04", document.PrecisionTime},
	{"2006-01-02", document.PrecisionDay},
	{"2006/01/02", document.PrecisionDay},
	{"20060102", document.PrecisionDay},
	{"2006-01", document.PrecisionMonth},
	{"2006", document.PrecisionYear},
}

var (
	parserOnce sync.Once
	parser     *dateparser.Parser
)

// dateParser returns the shared go-dateparser parser, limited to absolute
// forms so that words like "yesterday" never resolve against the clock.
func dateParser() *dateparser.Parser {
	parserOnce.Do(func() {
		parser = &dateparser.Parser{ParserTypes: []dateparser.ParserType{
			dateparser.CustomFormat, dateparser.AbsoluteTime,
		}}
	})
	return parser
}

// ParseDate reads a date string from a record field or a user option into a
// document.Date with the precision the string carries, tagged with source.
// ISO 8601 / RFC 3339 forms are parsed exactly; other absolute forms ("July
// 6, 2020", "06.07.2020 21:10") go through go-dateparser. A time of exactly
// midnight with no zone ("2020-07-06 00:00:00", as news-please writes
// dates it knows only to the day) counts as day precision.
func ParseDate(s, source string) (document.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return document.Date{}, fmt.Errorf("empty date")
	}
	for _, l := range isoLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		prec := l.prec
		if prec == document.PrecisionTime && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 && !hasZone(s) {
			prec = document.PrecisionDay
		}
		return makeDate(t, prec, source), nil
	}
	if len(s) > 100 {
		return document.Date{}, fmt.Errorf("unrecognised date %.40q…", s)
	}
	cfg := &dateparser.Configuration{
		DefaultTimezone:      time.UTC,
		CurrentTime:          time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		PreferredDayOfMonth:  dateparser.First,
		PreferredMonthOfYear: dateparser.FirstMonth,
		ReturnTimeAsPeriod:   true,
	}
	dt, err := dateParser().Parse(cfg, s)
	if err != nil || dt.IsZero() {
		return document.Date{}, fmt.Errorf("unrecognised date %q", s)
	}
	var prec document.Precision
	switch dt.Period {
	case date.Year:
		prec = document.PrecisionYear
	case date.Month:
		prec = document.PrecisionMonth
	case date.Day:
		prec = document.PrecisionDay
	default:
		prec = document.PrecisionTime
	}
	return makeDate(dt.Time, prec, source), nil
}

// hasZone reports whether an ISO string names a zone (Z or an offset after
// the time).
func hasZone(s string) bool {
	_, clock, ok := strings.Cut(strings.Replace(s, " ", "T", 1), "T")
	return ok && (strings.ContainsAny(clock, "Z+") || strings.Contains(clock, "-"))
}

func makeDate(t time.Time, prec document.Precision, source string) document.Date {
	var v string
	switch prec {
	case document.PrecisionYear:
		v = t.Format("2006")
	case document.PrecisionMonth:
		v = t.Format("2006-01")
	case document.PrecisionWeek:
		y, w := t.ISOWeek()
		v = fmt.Sprintf("%04d-W%02d", y, w)
	case document.PrecisionDay:
		v = t.Format("2006-01-02")
	default:
		v = t.Format("2006-01-02T15:04")
		if t.Second() != 0 {
			v = t.Format("2006-01-02T15:04:05")
		}
	}
	return document.Date{Value: v, Time: t, Precision: prec, Source: source}
}
