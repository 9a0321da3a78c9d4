package clean

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/corroborate/corroborate/document"
)

// bylinePattern matches author lines: "By Jane Doe", "Written by …",
// "Reporting by …; Editing by …", "Author: …".
var bylinePattern = regexp.MustCompile(`^(by|written by|words by|story by|posted by|reporting by|reported by|edited by|editing by|compiled by|author|authors)\s*[: ]\s*\S`)

// contributorCredit matches the credit lines that close wire and newspaper
// stories: "Additional reporting by …", "X contributed reporting from Y."
var contributorCredit = regexp.MustCompile(`^(additional reporting by|with additional reporting by|with reporting by)\s|\bcontributed (reporting|to this report|to this story)\b`)

// matchByline removes contributor credit lines, and author lines that name
// an author the document's metadata already holds or its outlet ("By Track
// Persia"), unless Options.KeepMetadataLines is set. A byline naming nobody
// the metadata knows stays: removing it would lose the author.
func matchByline(st *state, u *unit) string {
	if st.opts.KeepMetadataLines {
		return ""
	}
	if u.words <= 25 && strings.Contains(u.norm, "report") && contributorCredit.MatchString(u.norm) && sentenceEnds(u.text) <= 1 {
		return "contributor credit line"
	}
	if u.words > 14 || !bylinePattern.MatchString(u.norm) {
		return ""
	}
	// "By the time …" is prose, not a byline: names are capitalized.
	rest := strings.TrimSpace(u.text[strings.IndexByte(u.text, ' ')+1:])
	if strings.HasPrefix(u.norm, "by ") && !startsUpper(rest) {
		return ""
	}
	if endsSentence(u.text) && sentenceEnds(u.text) > 1 {
		return ""
	}
	key := nameKey(u.text)
	for _, a := range st.d.Authors {
		if k := nameKey(a); len(k) >= 3 && strings.Contains(key, k) {
			return "author line (the author is in the document metadata)"
		}
	}
	if k := nameKey(st.d.Outlet); len(k) >= 3 && strings.Contains(key, k) {
		return "author line naming the outlet (in the document metadata)"
	}
	return ""
}

// matchDateline removes lines that are only a publication date when the
// document's metadata holds its publication date.
func matchDateline(st *state, u *unit) string {
	if st.opts.KeepMetadataLines || u.words > 16 || st.d.Published.IsZero() {
		return ""
	}
	if isDateLine(u.norm) && yearsKnown(u.norm, st.d.Published, st.d.Updated) {
		return "date line (kept in the document metadata)"
	}
	return ""
}

// yearRE finds four-digit years.
var yearRE = regexp.MustCompile(`\b(19|20)\d\d\b`)

// yearsKnown reports whether every year on the line is the year of one of
// the metadata dates, so that a date range of an event ("29 November 2018 |
// 20 January 2019") is not taken for the publication date.
func yearsKnown(n string, dates ...document.Date) bool {
	var known []string
	for _, d := range dates {
		switch {
		case !d.Time.IsZero():
			known = append(known, strconv.Itoa(d.Time.Year()))
		case len(d.Value) >= 4:
			known = append(known, d.Value[:4])
		}
	}
	for _, y := range yearRE.FindAllString(n, -1) {
		if !slices.Contains(known, y) {
			return false
		}
	}
	return true
}

// dateWords are the words a date line may hold besides numbers and times.
var dateWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`published updated last first posted date on at modified created
		jan january feb february mar march apr april may jun june jul july aug august sep sept september
		oct october nov november dec december
		mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday
		am pm a.m p.m gmt utc est edt pst pdt cst cdt mst mdt bst cet cest eet eest ist ast et pt ct msk`) {
		dateWords[w] = true
	}
}

// monthWords are the month names and abbreviations among dateWords.
var monthWords = regexp.MustCompile(`^(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)$`)

// dateToken matches numbers, ordinals, clock times, numeric and ISO dates.
var dateToken = regexp.MustCompile(`^(\d{1,4}(st|nd|rd|th)?|\d{1,2}[:.]\d{2}([:.]\d{2})?(am|pm)?|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(t[\d:.+z-]+)?|(gmt|utc)[+-]\d{1,2}(:?\d{2})?)$`)

// isDateLine reports whether normalized line n is nothing but a date, with
// optional weekday, time, time zone and "Published"/"Updated" labels.
func isDateLine(n string) bool {
	fields := strings.FieldsFunc(n, func(r rune) bool {
		return strings.ContainsRune(" ,/|–—·()", r)
	})
	month, year, clock, numericDate := false, false, false, false
	n2 := 0
	for _, f := range fields {
		f = strings.TrimRight(f, ".:")
		if f == "" || f == "-" {
			continue // a separator
		}
		n2++
		switch {
		case dateWords[f]:
			month = month || monthWords.MatchString(f)
		case dateToken.MatchString(f):
			switch {
			case strings.ContainsAny(f, ":") || strings.HasSuffix(f, "am") || strings.HasSuffix(f, "pm"):
				clock = true
			case strings.Count(f, "/") == 2 || strings.Count(f, "-") == 2 || strings.Count(f, ".") == 2:
				numericDate = true
			case len(f) == 4 && (f[:2] == "19" || f[:2] == "20"):
				year = true
			}
		default:
			return false
		}
	}
	return n2 > 0 && (month || numericDate) && (year || clock || numericDate)
}

// matchCopyright removes short copyright notices: "© 2027 Outlet",
// "Copyright …", "… All rights reserved."
func matchCopyright(st *state, u *unit) string {
	if u.words > 20 {
		return ""
	}
	n := u.norm
	rights := strings.Contains(n, "rights reserved") || strings.Contains(n, "may not be") || strings.Contains(n, "without permission")
	if strings.HasSuffix(strings.TrimRight(n, ". "), "all rights reserved") {
		return "copyright notice"
	}
	notice := strings.HasPrefix(n, "©") || strings.HasPrefix(n, "(c) ") || n == "copyright" || strings.HasPrefix(n, "copyright ")
	// A notice is one line of furniture; a "©" credit glued to a paragraph
	// of prose ("© AgencyThe storm came…") is not one.
	if notice && (rights || sentenceEnds(u.text) <= 1 && !hasReportingVerb(n)) {
		return "copyright notice"
	}
	return ""
}

// tagsPattern matches topic and tag lists.
var tagsPattern = regexp.MustCompile(`^(tags|topics|tagged|filed under|keywords|categories)\s*:`)

// matchTags removes tag and topic lists.
func matchTags(st *state, u *unit) string {
	if u.words <= 25 && tagsPattern.MatchString(u.norm) && !endsSentence(u.text) {
		return "list of topic tags"
	}
	return ""
}
