package timex

import "time"

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

// monthAbbrevs are short month names; most need a following period or a
// day number to count as months.
var monthAbbrevs = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdayNames = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
	"sunday": time.Sunday,
}

var seasonNames = map[string]string{
	"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}

// seasonStart is the month each season starts in (northern hemisphere).
var seasonStart = map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}

var partsOfDay = map[string]string{
	"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
	"a": 1, "an": 1, "single": 1, "dozen": 12,
}

// vagueAmounts are quantity words that leave the amount unspecified (X).
var vagueAmounts = map[string]bool{
	"several": true, "few": true, "many": true, "some": true, "couple": true,
}

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
	"twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "twenty-first": 21, "thirtieth": 30,
}

// unit is a calendar unit a duration or a relative date counts in.
type unit string

const (
	uSecond  unit = "second"
	uMinute  unit = "minute"
	uHour    unit = "hour"
	uDay     unit = "day"
	uWeek    unit = "week"
	uWeekend unit = "weekend"
	uMonth   unit = "month"
	uQuarter unit = "quarter"
	uYear    unit = "year"
	uDecade  unit = "decade"
	uCentury unit = "century"
)

var unitWords = map[string]unit{
	"second": uSecond, "seconds": uSecond, "minute": uMinute, "minutes": uMinute,
	"hour": uHour, "hours": uHour, "day": uDay, "days": uDay, "week": uWeek,
	"weeks": uWeek, "fortnight": uWeek, "month": uMonth, "months": uMonth,
	"quarter": uQuarter, "quarters": uQuarter, "year": uYear, "years": uYear,
	"decade": uDecade, "decades": uDecade, "century": uCentury, "centuries": uCentury,
	"weekend": uWeekend, "weekends": uWeekend,
}

// approxMods maps words placed before a duration or date to TIMEX3 mods.
var approxMods = map[string]string{
	"about": "APPROX", "around": "APPROX", "approximately": "APPROX",
	"roughly": "APPROX", "some": "APPROX", "nearly": "LESS_THAN",
	"almost": "LESS_THAN", "over": "MORE_THAN", "under": "LESS_THAN",
}

// twoWordMods are two-word approximators.
var twoWordMods = map[[2]string]string{
	{"more", "than"}: "MORE_THAN", {"less", "than"}: "LESS_THAN",
	{"fewer", "than"}: "LESS_THAN", {"at", "least"}: "EQUAL_OR_MORE",
	{"up", "to"}: "EQUAL_OR_LESS", {"at", "most"}: "EQUAL_OR_LESS",
	{"no", "more"}: "", {"just", "over"}: "MORE_THAN", {"just", "under"}: "LESS_THAN",
}

// pointMods are words placing a date inside its period.
var pointMods = map[string]string{
	"early": "START", "late": "END", "mid": "MID", "earlier": "START", "later": "END",
}

// refWords are one-word references to the present, past or future.
var refWords = map[string]string{
	"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
	"recently": "PAST_REF", "lately": "PAST_REF", "formerly": "PAST_REF",
}

// setWords are adverbs of frequency.
var setWords = map[string]string{
	"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
	"yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D",
}
