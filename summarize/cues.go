package summarize

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/spans"
)

var (
	timeCue = regexp.MustCompile(`(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|last night|this morning|this evening|january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.)\b|\b(19|20)\d\d\b`)
	// backgroundCue marks sentences about earlier events whatever the
	// publication date.
	backgroundCue = regexp.MustCompile(`(?i)\b(last year|last month|years ago|months ago|a year ago|earlier this year|in the past|previously|since (19|20)\d\d|back in)\b`)
	yearCue       = regexp.MustCompile(`\b(19|20)\d\d\b`)
	monthCue      = regexp.MustCompile(`\b(?:in|since|during|last|early|late|mid-)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b`)
	// placeCue defines what placeCueAt finds (its test checks they agree).
	placeCue = regexp.MustCompile(`\b(?:in|outside|near|at|from)\s+(?:the\s+)?[A-Z][\p{L}'’-]+`)
)

var months = map[string]time.Month{
	"January": time.January, "February": time.February, "March": time.March, "April": time.April,
	"May": time.May, "June": time.June, "July": time.July, "August": time.August,
	"September": time.September, "October": time.October, "November": time.November, "December": time.December,
}

// isBackground reports whether the sentence at sp of d is about an earlier
// event: its dated time expressions all lie more than days away from the
// publication date, or (without time expressions) it carries a cue such as
// "last year" or names an earlier year or month.
func isBackground(x *indexed, sp document.Span, text string, days int) bool {
	d := x.d
	pub := d.Published.Time
	var dated, near, far int
	var buf [16]int
	for _, ti := range x.timexesIn(buf[:0], sp) {
		tx := d.Timexes[ti]
		if pub.IsZero() {
			continue
		}
		lo, hi, ok := timexInterval(tx.Value)
		if !ok {
			continue
		}
		dated++
		gap := 0.0
		switch {
		case pub.Before(lo):
			gap = lo.Sub(pub).Hours() / 24
		case pub.After(hi):
			gap = pub.Sub(hi).Hours() / 24
		}
		if gap > float64(days) {
			far++
		} else {
			near++
		}
	}
	if dated > 0 {
		return far > 0 && near == 0
	}
	if backgroundCueMatcher.MatchString(text) {
		return true
	}
	if pub.IsZero() {
		return false
	}
	// A year needs "19" or "20"; a month cue needs a month's name.
	for _, m := range findYears(text) {
		if y, err := strconv.Atoi(m); err == nil && y < pub.Year() {
			return true
		}
	}
	for _, m := range findMonthCues(text) {
		mo := months[m[1]]
		diff := (int(pub.Month()) - int(mo) + 12) % 12
		if diff >= 2 {
			return true
		}
	}
	return false
}

// timexInterval parses a TIMEX3 date value (2020, 2020-07, 2020-07-06,
// possibly with a time) into the interval it covers.
func timexInterval(v string) (time.Time, time.Time, bool) {
	if i := strings.IndexByte(v, 'T'); i > 0 {
		v = v[:i]
	}
	for _, f := range []struct {
		layout string
		add    func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if len(v) != len(f.layout) {
			continue
		}
		if t, err := time.Parse(f.layout, v); err == nil {
			return t, f.add(t).Add(-time.Second), true
		}
	}
	return time.Time{}, time.Time{}, false
}

// hasTime reports whether the sentence names when something happened.
func hasTime(x *indexed, sp document.Span, text string) bool {
	var buf [16]int
	for _, ti := range x.timexesIn(buf[:0], sp) {
		if tx := x.d.Timexes[ti]; tx.Type == "DATE" || tx.Type == "TIME" {
			return true
		}
	}
	return timeCueMatcher.MatchString(text)
}

// hasPlace reports whether the sentence names where something happened.
func hasPlace(x *indexed, sp document.Span, text string) bool {
	var buf [16]int
	for _, mi := range x.mentionsIn(buf[:0], sp) {
		if x.d.Mentions[mi].Type == document.EntityLoc {
			return true
		}
	}
	return placeCueAt(text)
}

// findYears is yearCue.FindAllString(text, -1), skipping the regexp when
// the text cannot hold a year.
func findYears(text string) []string {
	if !strings.Contains(text, "19") && !strings.Contains(text, "20") {
		return nil
	}
	return yearCue.FindAllString(text, -1)
}

// findMonthCues is monthCue.FindAllStringSubmatch(text, -1), skipping the
// regexp when the text names no month.
func findMonthCues(text string) [][]string {
	for name := range months {
		if strings.Contains(text, name) {
			return monthCue.FindAllStringSubmatch(text, -1)
		}
	}
	return nil
}

// indexed is a document with indexes of its mentions' and time
// expressions' spans, so that those inside a sentence are found without
// scanning the whole document for each sentence.
type indexed struct {
	d                 *document.Document
	mentions, timexes *spans.Index
}

func indexDoc(d *document.Document) *indexed {
	return &indexed{d: d, mentions: spans.Mentions(d.Mentions), timexes: spans.Timexes(d.Timexes)}
}

// mentionsIn appends the positions of d's mentions inside sp, in order.
func (x *indexed) mentionsIn(dst []int, sp document.Span) []int { return x.mentions.Inside(dst, sp) }

// timexesIn appends the positions of d's time expressions inside sp, in
// order.
func (x *indexed) timexesIn(dst []int, sp document.Span) []int { return x.timexes.Inside(dst, sp) }
