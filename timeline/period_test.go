package timeline

import (
	"testing"

	"github.com/corroborate/corroborate/document"
)

func TestParsePeriod(t *testing.T) {
	cases := []struct {
		value, mod, label, start, end, date string
		prec                                document.Precision
	}{
		{"2020-07-06", "", "6 July 2020", "2020-07-06", "2020-07-07", "2020-07-06", document.PrecisionDay},
		{"2020-07-06TEV", "", "6 July 2020", "2020-07-06", "2020-07-07", "2020-07-06", document.PrecisionDay},
		{"2020-07-06T14:30", "", "6 July 2020", "2020-07-06", "2020-07-07", "2020-07-06", document.PrecisionDay},
		{"2020-06", "END", "late June 2020", "2020-06-01", "2020-07-01", "2020-06", document.PrecisionMonth},
		{"2020-W27", "", "week of 29 June 2020", "2020-06-29", "2020-07-06", "2020-W27", document.PrecisionWeek},
		{"2020-W28-WE", "", "weekend of 11 July 2020", "2020-07-11", "2020-07-13", "2020-W28-WE", document.PrecisionWeek},
		{"2020-W28-2", "", "7 July 2020", "2020-07-07", "2020-07-08", "2020-07-07", document.PrecisionDay},
		{"2019-Q4", "", "Q4 2019", "2019-10-01", "2020-01-01", "2019-Q4", document.PrecisionQuarter},
		{"2019-H2", "", "H2 2019", "2019-07-01", "2020-01-01", "2019-H2", document.PrecisionYear},
		{"2020-SU", "", "summer 2020", "2020-06-01", "2020-09-01", "2020-SU", document.PrecisionSeason},
		{"2020-WI", "MID", "mid-winter 2020", "2020-12-01", "2021-03-01", "2020-WI", document.PrecisionSeason},
		{"2019", "START", "early 2019", "2019-01-01", "2020-01-01", "2019", document.PrecisionYear},
		{"2019", "APPROX", "about 2019", "2019-01-01", "2020-01-01", "2019", document.PrecisionYear},
		{"201", "", "the 2010s", "2010-01-01", "2020-01-01", "201", document.PrecisionDecade},
	}
	for _, c := range cases {
		p, err := ParsePeriod(c.value)
		if err != nil {
			t.Errorf("%s: %v", c.value, err)
			continue
		}
		if got := Label(p, c.mod); got != c.label {
			t.Errorf("%s: label %q, want %q", c.value, got, c.label)
		}
		if got, end := p.Start.Format("2006-01-02"), p.End.Format("2006-01-02"); got != c.start || end != c.end || p.Precision() != c.prec {
			t.Errorf("%s: [%s, %s) prec %s, want [%s, %s) %s", c.value, got, end, p.Precision(), c.start, c.end, c.prec)
		}
		if p.Value != c.date {
			t.Errorf("%s: entry date %q, want %q", c.value, p.Value, c.date)
		}
	}
	for _, bad := range []string{"", "P3M", "PRESENT_REF", "XXXX-07-01", "2020-13", "2020-02-30", "2020-W60", "19", "July", "2020-AU"} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}
