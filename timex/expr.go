package timex

import "time"

// kind says what an expression denotes before normalization.
type kind int

const (
	kDate     kind = iota // a calendar date, possibly relative
	kDuration             // an amount of time
	kSet                  // a recurrence
	kRef                  // PRESENT_REF, PAST_REF, FUTURE_REF
)

// expr is a parsed time expression over tokens [i, j): the fields the text
// gives, before they are resolved against an anchor.
type expr struct {
	i, j int
	kind kind

	// Calendar fields; zero means "not given".
	year     int
	fiscal   bool
	decade   int // e.g. 199 for the 1990s
	century  int // e.g. 19 for the 20th century
	month    int
	day      int
	weekday  time.Weekday
	hasWday  bool
	season   string
	quarter  int
	half     int
	part     string // MO, AF, EV, NI
	hour     int
	minute   int
	clock    bool
	holiday  string
	weekend  bool
	yearOnly bool // the year is the finest field (so "2019" not "2019-XX")

	// Relative: shift the anchor by relN units of relUnit.
	rel     bool
	relUnit unit
	relN    int

	// dir is -1 for "last", +1 for "next", 0 for "this" or none; dirSet
	// says it was written.
	dir    int
	dirSet bool

	ref string // PRESENT_REF, PAST_REF, FUTURE_REF
	dur string // duration value, e.g. P3M
	set string // set value, e.g. P1D or XXXX-WXX-1
	mod string
}

// hasCalendar reports whether any calendar field is set.
func (e *expr) hasCalendar() bool {
	return e.year != 0 || e.decade != 0 || e.century != 0 || e.month != 0 || e.day != 0 ||
		e.hasWday || e.season != "" || e.quarter != 0 || e.half != 0 || e.holiday != "" ||
		e.clock || e.part != "" || e.weekend
}
