package timeline

import (
	"testing"

	"github.com/corroborate/corroborate/document"
)

func TestParsePeriod(t *testing.T) {
	cases := []struct {
		value, mod, label, start string
		prec                     document.Precision
	}{
		{"2020-07-06", "", "6 July 2020", "2020-07-06", document.PrecisionDay},
		{"2020-07-06TEV", "", "6 July 2020", "2020-07-06", document.PrecisionDay},
		{"2020-06", "END", "late June 2020", "2020-06-01", document.PrecisionMonth},
		{"2020-W27", "", "week of 29 June 2020", "2020-06-29", document.PrecisionWeek},
		{"2020-W28-WE", "", "weekend of 11 July 2020", "2020-07-11", document.PrecisionWeek},
		{"2019-Q4", "", "Q4 2019", "2019-10-01", document.PrecisionQuarter},
		{"2019-H2", "", "H2 2019", "2019-07-01", document.PrecisionYear},
		{"2020-SU", "", "summer 2020", "2020-06-01", document.PrecisionSeason},
		{"2019", "START", "early 2019", "2019-01-01", document.PrecisionYear},
		{"201", "", "the 2010s", "2010-01-01", document.PrecisionDecade},
	}
	for _, c := range cases {
		p, err := ParsePeriod(c.value)
		if err != nil {
			t.Errorf("%s: %v", c.value, err)
			continue
		}
		if got := p.Label(c.mod); got != c.label {
			t.Errorf("%s: label %q, want %q", c.value, got, c.label)
		}
		if got := p.Start.Format("2006-01-02"); got != c.start || p.Precision != c.prec {
			t.Errorf("%s: start %s prec %s, want %s %s", c.value, got, p.Precision, c.start, c.prec)
		}
	}
	for _, bad := range []string{"", "P3M", "PRESENT_REF", "XXXX-07-01", "2020-13", "2020-02-30", "2020-W60", "19", "July"} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}
