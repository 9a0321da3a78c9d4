package timex

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
)

func TestParseValue(t *testing.T) {
	const f = "2006-01-02T15:04:05"
	cases := []struct {
		value      string
		start, end string
		grain      Grain
		prec       document.Precision
	}{
		{"19", "1900-01-01T00:00:00", "2000-01-01T00:00:00", GrainCentury, document.PrecisionUnknown},
		{"201", "2010-01-01T00:00:00", "2020-01-01T00:00:00", GrainDecade, document.PrecisionDecade},
		{"2019", "2019-01-01T00:00:00", "2020-01-01T00:00:00", GrainYear, document.PrecisionYear},
		{"2019-H1", "2019-01-01T00:00:00", "2019-07-01T00:00:00", GrainHalf, document.PrecisionYear},
		{"2019-H2", "2019-07-01T00:00:00", "2020-01-01T00:00:00", GrainHalf, document.PrecisionYear},
		{"2019-Q1", "2019-01-01T00:00:00", "2019-04-01T00:00:00", GrainQuarter, document.PrecisionQuarter},
		{"2019-Q4", "2019-10-01T00:00:00", "2020-01-01T00:00:00", GrainQuarter, document.PrecisionQuarter},
		{"2020-SP", "2020-03-01T00:00:00", "2020-06-01T00:00:00", GrainSeason, document.PrecisionSeason},
		{"2020-SU", "2020-06-01T00:00:00", "2020-09-01T00:00:00", GrainSeason, document.PrecisionSeason},
		{"2020-FA", "2020-09-01T00:00:00", "2020-12-01T00:00:00", GrainSeason, document.PrecisionSeason},
		{"2020-WI", "2020-12-01T00:00:00", "2021-03-01T00:00:00", GrainSeason, document.PrecisionSeason},
		{"2020-02", "2020-02-01T00:00:00", "2020-03-01T00:00:00", GrainMonth, document.PrecisionMonth},
		{"2020-12", "2020-12-01T00:00:00", "2021-01-01T00:00:00", GrainMonth, document.PrecisionMonth},
		{"2020-W27", "2020-06-29T00:00:00", "2020-07-06T00:00:00", GrainWeek, document.PrecisionWeek},
		{"2020-W01", "2019-12-30T00:00:00", "2020-01-06T00:00:00", GrainWeek, document.PrecisionWeek},
		{"2020-W53", "2020-12-28T00:00:00", "2021-01-04T00:00:00", GrainWeek, document.PrecisionWeek},
		{"2020-W27-WE", "2020-07-04T00:00:00", "2020-07-06T00:00:00", GrainWeekend, document.PrecisionWeek},
		{"2020-W27-3", "2020-07-01T00:00:00", "2020-07-02T00:00:00", GrainDay, document.PrecisionDay},
		{"2020-W27-7", "2020-07-05T00:00:00", "2020-07-06T00:00:00", GrainDay, document.PrecisionDay},
		{"2020-02-29", "2020-02-29T00:00:00", "2020-03-01T00:00:00", GrainDay, document.PrecisionDay},
		{"2020-07-06TEV", "2020-07-06T00:00:00", "2020-07-07T00:00:00", GrainPartOfDay, document.PrecisionTime},
		{"2020-07-06TMO", "2020-07-06T00:00:00", "2020-07-07T00:00:00", GrainPartOfDay, document.PrecisionTime},
		{"2020-07-06T14", "2020-07-06T14:00:00", "2020-07-06T15:00:00", GrainHour, document.PrecisionTime},
		{"2020-07-06T14:30", "2020-07-06T14:30:00", "2020-07-06T14:31:00", GrainMinute, document.PrecisionTime},
		{"2020-07-06T14:30:15", "2020-07-06T14:30:15", "2020-07-06T14:30:16", GrainSecond, document.PrecisionTime},
		{"2020-07-06T14:30Z", "2020-07-06T14:30:00", "2020-07-06T14:31:00", GrainMinute, document.PrecisionTime},
		{"2020-07-06T14:30+03:00", "2020-07-06T14:30:00", "2020-07-06T14:31:00", GrainMinute, document.PrecisionTime},
		{"2020-07-06T24:00", "2020-07-07T00:00:00", "2020-07-07T00:01:00", GrainMinute, document.PrecisionTime},
	}
	for _, c := range cases {
		p, err := ParseValue(c.value)
		if err != nil {
			t.Errorf("%s: %v", c.value, err)
			continue
		}
		if got := p.Start.Format(f); got != c.start {
			t.Errorf("%s: start %s, want %s", c.value, got, c.start)
		}
		if got := p.End.Format(f); got != c.end {
			t.Errorf("%s: end %s, want %s", c.value, got, c.end)
		}
		if p.Grain != c.grain || p.Precision() != c.prec || p.Value != c.value {
			t.Errorf("%s: grain %v precision %q value %q, want %v %q", c.value, p.Grain, p.Precision(), p.Value, c.grain, c.prec)
		}
	}
}

func TestParseValueRefuses(t *testing.T) {
	cases := []struct {
		value string
		want  error // nil: malformed
	}{
		{"", ErrNotCalendar},
		{"P3M", ErrNotCalendar},
		{"PT1H", ErrNotCalendar},
		{"PRESENT_REF", ErrNotCalendar},
		{"PAST_REF", ErrNotCalendar},
		{"XXXX-07-01", ErrUnresolved},
		{"XXXX-WXX-1", ErrUnresolved},
		{"201X", ErrUnresolved},
		{"2020-XX-XXTEV", ErrUnresolved},
		{"2020-13", nil},
		{"2020-00", nil},
		{"2020-02-30", nil},
		{"2019-02-29", nil},
		{"2020-W54", nil},
		{"2019-W53", nil}, // 2019 has 52 ISO weeks
		{"2020-W00", nil},
		{"2020-W7", nil},
		{"2020-W27-8", nil},
		{"2020-W27-WD", nil},
		{"2020-Q5", nil},
		{"2020-H3", nil},
		{"2020-AU", nil}, // not a TIMEX3 season (FA is autumn)
		{"2020-07-06TLU", nil},
		{"2020-07-06T25:00", nil},
		{"2020-07-06T14:60", nil},
		{"2020-07-06T", nil},
		{"2020-07T10", nil},
		{"1", nil},
		{"20200", nil},
		{"2020-7", nil},
		{"July", nil},
		{"FY2020", nil},
	}
	for _, c := range cases {
		p, err := ParseValue(c.value)
		if err == nil {
			t.Errorf("%q: parsed as %v–%v, want an error", c.value, p.Start, p.End)
			continue
		}
		if c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%q: error %v, want %v", c.value, err, c.want)
		}
		if c.want == nil && (errors.Is(err, ErrNotCalendar) || errors.Is(err, ErrUnresolved)) {
			t.Errorf("%q: error %v, want a malformed-value error", c.value, err)
		}
	}
}

func TestPeriodDay(t *testing.T) {
	p, err := ParseValue("2020-07-06T21:15")
	if err != nil {
		t.Fatal(err)
	}
	d := p.Day()
	if d.Value != "2020-07-06" || d.Grain != GrainDay || d.End.Sub(d.Start).Hours() != 24 {
		t.Errorf("Day() = %+v", d)
	}
	if w, _ := ParseValue("2020-W28-2"); w.Day().Value != "2020-07-07" {
		t.Errorf("week day: Day() = %+v", w.Day())
	}
	y, _ := ParseValue("2020")
	if y.Day() != y {
		t.Errorf("Day() changed a year: %+v", y.Day())
	}
}

// TestParseValueReadsTagger tags reports and checks that every calendar
// value the tagger writes reads back at the precision the tagger gave it,
// and that every other DATE or TIME value is refused as unresolved or not
// calendar, never as malformed.
func TestParseValueReadsTagger(t *testing.T) {
	text := strings.Join([]string{
		"Rain is forecast for the weekend.",
		"Sales fell in the first half of 2019 and rose in the second half of 2019.",
		"The festival returns in summer 2021, after the winter of 2020.",
		"The town grew fast in the 1990s and in the 20th century.",
		"Shots were heard Monday night; the ferry leaves at 3:30 p.m. from the pier.",
		"The harvest was late in the third quarter of 2019 and last week.",
		"Residents gather every Monday; prices are rising now; the siege lasted three months.",
		"The council met on 6 July 2020, in January and in mid-February.",
	}, " ")
	grains := map[Grain]bool{}
	n := 0
	for _, x := range New().Tag(text, nil, time.Date(2020, 7, 7, 0, 0, 0, 0, time.UTC)) {
		if x.Type != "DATE" && x.Type != "TIME" {
			continue
		}
		p, err := ParseValue(x.Value)
		switch {
		case errors.Is(err, ErrUnresolved) || errors.Is(err, ErrNotCalendar):
			continue
		case err != nil:
			t.Errorf("%q: tagger wrote %q, which ParseValue calls malformed: %v", x.Text, x.Value, err)
			continue
		}
		n++
		grains[p.Grain] = true
		if p.Precision() != x.Precision {
			t.Errorf("%q = %s: precision %q read back as %q", x.Text, x.Value, x.Precision, p.Precision())
		}
	}
	for _, g := range []Grain{GrainWeekend, GrainHalf, GrainSeason, GrainDecade, GrainCentury, GrainPartOfDay, GrainMinute, GrainQuarter, GrainWeek, GrainDay, GrainMonth} {
		if !grains[g] {
			t.Errorf("no %s value among the %d read back", g, n)
		}
	}
}
