package account

import (
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/corroborate/corroborate/document"
)

var (
	doubledHyphen = regexp.MustCompile(`(\pL)--(\pL)`)
	// dateline: "BASRA, March 11, 2026 (Gulf Wire) - ", "BAGHDAD (AP) — ",
	// "BAGHDAD — " at the start of a sentence.
	dateline = regexp.MustCompile(`^\p{Lu}{3,}[\p{Lu}\p{M} .'’-]*(?:,[\pL\d ,.]{0,40}?)?(?:\s*\([^()\n]{1,40}\))?\s*(?:-{1,2}|–|—)\s+`)
	// byline on its own line or before a dateline: "By Jane Doe\n",
	// "By Jane Doe and John Roe, ".
	byline     = regexp.MustCompile(`^By\s+\p{Lu}[\pL.'’-]*(?:\s+\p{Lu}[\pL.'’-]*){0,3}(?:\s+and\s+\p{Lu}[\pL.'’-]*(?:\s+\p{Lu}[\pL.'’-]*){0,3})?(?:\s*\n|\s*[|,]\s*|\s+(?:\p{Lu}{3,}))`)
	yearInText = regexp.MustCompile(`\b\d{4}\b`)
	// relativeWord finds the words that make a time expression relative
	// to when it was written ("Monday", "yesterday", "last month").
	relativeWord = regexp.MustCompile(`(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|tomorrow|last|this|next|ago|earlier|previous|coming|past)\b`)
)

var weekdays = []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// Display returns the text of span sp of d tidied for people to read:
// datelines and bylines at its start removed, doubled hyphens inside
// words ("al--Hashemi") made single, relative dates followed by the date
// they resolve to in brackets ("Monday [6 July 2020]"), and whitespace
// put on one line. The text is for display only: citations keep
// pointing at the original bytes. main is the main event's date; a
// weekday the time tagger could not resolve is dated with it when it
// names the same weekday and stands in a sentence that tells the main
// event (mainSentences, by index in d.Sentences); pass a zero date to
// leave such weekdays alone.
func Display(d *document.Document, sp document.Span, main document.Date, mainSentences map[int]bool) string {
	if !sp.Valid(len(d.Text)) {
		return ""
	}
	type insert struct {
		at   int
		text string
	}
	var ins []insert
	for _, t := range d.Timexes {
		if t.Start < sp.Start || t.End > sp.End {
			continue
		}
		if label := resolvedLabel(d, t, main, mainSentences); label != "" {
			ins = append(ins, insert{t.End, " [" + label + "]"})
		}
	}
	sort.SliceStable(ins, func(i, j int) bool { return ins[i].at < ins[j].at })
	b := &strings.Builder{}
	at := sp.Start
	for _, in := range ins {
		b.WriteString(d.Text[at:in.at])
		b.WriteString(in.text)
		at = in.at
	}
	b.WriteString(d.Text[at:sp.End])
	return Tidy(b.String())
}

// Tidy tidies text for display: a byline and a dateline at its start
// removed, doubled hyphens inside words made single, whitespace put on
// one line.
func Tidy(s string) string {
	s = strings.TrimSpace(s)
	if m := byline.FindString(s); m != "" {
		rest := strings.TrimLeft(s[len(m):], " \t\n|,")
		// keep the dateline's first word the byline pattern consumed
		if !strings.HasSuffix(m, "\n") && !strings.HasSuffix(strings.TrimSpace(m), ",") && !strings.HasSuffix(strings.TrimSpace(m), "|") {
			f := strings.Fields(m)
			rest = f[len(f)-1] + s[len(m):]
		}
		s = rest
	}
	if loc := dateline.FindStringIndex(s); loc != nil && loc[1] < len(s) {
		s = s[loc[1]:]
	}
	s = doubledHyphen.ReplaceAllString(s, "$1-$2")
	s = strings.Join(strings.Fields(s), " ")
	if s != "" {
		r := []rune(s)
		if r[0] >= 'a' && r[0] <= 'z' {
			r[0] -= 'a' - 'A'
			s = string(r)
		}
	}
	return s
}

// resolvedLabel returns the date a relative time expression names, as
// "6 July 2020", "June 2020" or "2020", or "" when it states its year or
// cannot be dated.
func resolvedLabel(d *document.Document, t document.Timex, main document.Date, mainSentences map[int]bool) string {
	if t.Type != "DATE" && t.Type != "TIME" {
		return ""
	}
	if yearInText.MatchString(t.Text) || !relativeWord.MatchString(t.Text) {
		return ""
	}
	if label := dateLabel(t.Value); label != "" {
		return label
	}
	// an unresolved weekday next to the main event, naming its weekday
	if main.Precision != document.PrecisionDay || main.Time.IsZero() || mainSentences == nil {
		return ""
	}
	low := strings.ToLower(t.Text)
	day := weekdays[main.Time.Weekday()]
	if !strings.Contains(low, day) {
		return ""
	}
	for _, w := range weekdays {
		if w != day && strings.Contains(low, w) {
			return ""
		}
	}
	if !mainSentences[sentenceOf(d, t.Start)] {
		return ""
	}
	return main.Time.Format("2 January 2006")
}

// dateLabel renders a fully resolved TIMEX3 date value at its precision;
// "" when the value is not a plain calendar date.
func dateLabel(v string) string {
	if len(v) > 10 {
		v = v[:10]
	}
	for _, f := range []struct{ layout, out string }{
		{"2006-01-02", "2 January 2006"},
		{"2006-01", "January 2006"},
	} {
		if len(v) == len(f.layout) {
			if t, err := time.Parse(f.layout, v); err == nil {
				return t.Format(f.out)
			}
		}
	}
	return ""
}

// inDateline reports whether span sp of d lies in a dateline at the
// start of its sentence ("BASRA, March 11, 2026 (Gulf Wire) -"): a date
// there is when the report was filed, not when the event happened.
func inDateline(d *document.Document, sp document.Span) bool {
	i := sentenceOf(d, sp.Start)
	if i < 0 {
		return false
	}
	st := d.Sentences[i]
	loc := dateline.FindStringIndex(d.Text[st.Start:st.End])
	return loc != nil && st.Start+loc[1] >= sp.End
}

func sentenceOf(d *document.Document, at int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > at })
	if i < len(d.Sentences) && d.Sentences[i].Start <= at {
		return i
	}
	return -1
}
