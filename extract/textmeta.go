package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/corroborate/corroborate/document"
	dateparser "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
)

// Outlet sources for plain text (HTML uses sourceHTMLMeta and sourceURL).
const (
	sourceHeadlineSuffix = "headline-suffix" // "Headline | Outlet"
	sourceSectionPath    = "section-path"    // "World - Middle East - Outlet"
	sourceByline         = "byline"          // "By Outlet" (an organization)
	sourceAboutFooter    = "about-footer"    // "About Outlet"
	sourceDateline       = "dateline"        // "CITY, Month D (Outlet) -"
)

// headLines is how many non-blank lines from the top are searched for
// bylines and datelines.
const headLines = 8

// textRules reads metadata from the lines of a plain-text report.
type textRules struct {
	dates *dateparser.Parser
	cfg   *dateparser.Configuration
}

func newTextRules() *textRules {
	return &textRules{
		dates: &dateparser.Parser{ParserTypes: []dateparser.ParserType{dateparser.AbsoluteTime}},
		cfg: &dateparser.Configuration{
			Languages:     []string{"en"},
			StrictParsing: true,
			CurrentTime:   time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		},
	}
}

// textMeta is what the text rules found.
type textMeta struct {
	Title        string
	Authors      []string
	Outlet       string
	OutletSource string
	Published    document.Date
	Updated      document.Date
}

// apply copies the found metadata into the empty fields of d (pageMeta
// adds the fields only HTML pages carry).
func (m textMeta) apply(d *document.Document) {
	if d.Title == "" {
		d.Title = m.Title
	}
	if len(d.Authors) == 0 {
		d.Authors = m.Authors
	}
	if d.Outlet == "" && m.Outlet != "" {
		d.Outlet, d.OutletSource = m.Outlet, m.OutletSource
	}
	if d.Published.IsZero() {
		d.Published = m.Published
	}
	if d.Updated.IsZero() {
		d.Updated = m.Updated
	}
}

var (
	// wireDateline: "BAGHDAD, July 7 (Reuters) -" at the start of a line.
	wireDateline = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]+,\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?)\s+\(([^)]{2,40})\)\s*[-–—]`)
	// bylinePrefix: "By Name" / "BY NAME".
	bylinePrefix = regexp.MustCompile(`^(?i:by)\s+(\S.{1,80})$`)
	// aboutFooter: "About Outlet" alone on a line.
	aboutFooter = regexp.MustCompile(`^About\s+(\p{Lu}[\p{L}\p{N}&.' -]{1,60})$`)
	// datePrefix: labels before a date line.
	datePrefix = regexp.MustCompile(`^(?i:published|posted|date)\s*(?:on)?\s*:?\s*`)
	// updatePrefix: the label of an update date line.
	updatePrefix = regexp.MustCompile(`^(?i:last updated|updated)\s*(?:on)?\s*:?\s*`)
)

// orgWords mark a byline or name as an organization rather than a person.
var orgWords = map[string]bool{
	"news": true, "agency": true, "press": true, "times": true, "post": true,
	"media": true, "network": true, "staff": true, "reuters": true, "ap": true,
	"afp": true, "journal": true, "daily": true, "tribune": true,
	"international": true, "tv": true, "radio": true, "online": true,
	"desk": true, "newsroom": true, "team": true, "editors": true,
	"correspondent": true, "herald": true, "gazette": true, "monitor": true,
	"observer": true, "telegraph": true, "guardian": true, "bbc": true,
	"cnn": true, "channel": true, "report": true, "review": true,
}

// sectionWords are generic words of a section path, never an outlet.
var sectionWords = map[string]bool{
	"news": true, "home": true, "local": true, "world": true, "politics": true,
	"opinion": true, "business": true, "sport": true, "sports": true,
	"middle": true, "east": true, "latest": true, "analysis": true,
	"features": true, "region": true, "international": true,
}

// line is one line of the text with its byte offset.
type line struct {
	text  string
	start int
}

// read applies the text rules to the extracted text.
func (r *textRules) read(text string) textMeta {
	var m textMeta
	var lines []line
	off := 0
	for _, l := range strings.SplitAfter(text, "\n") {
		lines = append(lines, line{text: strings.TrimSpace(l), start: off})
		off += len(l)
	}
	// Non-blank lines near the top.
	var top []int
	for i, l := range lines {
		if l.text != "" {
			top = append(top, i)
			if len(top) == headLines {
				break
			}
		}
	}
	about := footerOrgs(lines)
	h := 0
	// A section path line ("Iraq News - Local News - Outlet") first.
	if len(top) > 0 {
		if name, ok := sectionPathOutlet(lines[top[0]].text); ok {
			m.Outlet, m.OutletSource = name, sourceSectionPath
			h = 1
		}
	}
	// The headline: a short title-like first line followed by a blank line.
	if h < len(top) {
		i := top[h]
		next := i + 1
		blankAfter := next >= len(lines) || lines[next].text == ""
		title := lines[i].text
		if blankAfter && looksLikeHeadline(title) {
			if head, outlet, ok := splitHeadlineSuffix(title); ok {
				title = head
				if m.Outlet == "" {
					m.Outlet, m.OutletSource = outlet, sourceHeadlineSuffix
				}
			}
			m.Title = title
		}
	}
	for _, i := range top {
		l := lines[i].text
		if g := bylinePrefix.FindStringSubmatch(l); g != nil && len(strings.Fields(g[1])) <= 8 {
			authors, org := splitByline(g[1], about)
			if len(m.Authors) == 0 {
				m.Authors = authors
			}
			if org != "" && m.Outlet == "" {
				m.Outlet, m.OutletSource = org, sourceByline
			}
			continue
		}
		if g := wireDateline.FindStringSubmatch(l); g != nil {
			if m.Outlet == "" && looksLikeName(g[2]) {
				m.Outlet, m.OutletSource = strings.TrimSpace(g[2]), sourceDateline
			}
			if d, ok := r.parseDate(g[1]); ok && m.Published.IsZero() {
				m.Published = d
			}
			continue
		}
		if len(strings.Fields(l)) <= 7 {
			if g := updatePrefix.FindStringSubmatch(l); g != nil {
				if d, ok := r.parseDate(l[len(g[0]):]); ok && m.Updated.IsZero() {
					m.Updated = d
				}
				continue
			}
			if d, ok := r.parseDate(datePrefix.ReplaceAllString(l, "")); ok && m.Published.IsZero() {
				m.Published = d
			}
		}
	}
	if m.Outlet == "" && len(about) == 1 {
		for name := range about {
			m.Outlet, m.OutletSource = name, sourceAboutFooter
		}
	}
	return m
}

// parseDate parses an absolute date with day, month and year.
func (r *textRules) parseDate(s string) (document.Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 60 || !strings.ContainsFunc(s, unicode.IsDigit) {
		return document.Date{}, false
	}
	var got date.Date
	err := guard("dateparser", func() error {
		d, err := r.dates.Parse(r.cfg, s)
		got = d
		return err
	})
	if err != nil || got.IsZero() {
		return document.Date{}, false
	}
	t := got.Time
	return document.DayDate(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), sourceDateline), true
}

// looksLikeHeadline: a short line, not a sentence (no final period, no
// sentence break inside), not a photo credit.
func looksLikeHeadline(s string) bool {
	n := len(strings.Fields(s))
	if n == 0 || n > 30 || len(s) > 250 {
		return false
	}
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "...") {
		return false
	}
	if strings.HasSuffix(s, ")") || strings.HasSuffix(s, "]") {
		return false // photo captions end with a credit: "(AP)", "[Getty]"
	}
	if strings.Contains(strings.TrimSuffix(s, "..."), ". ") {
		return false
	}
	return true
}

// splitHeadlineSuffix splits "Headline | Outlet" (also "‖" or " :: ").
func splitHeadlineSuffix(s string) (head, outlet string, ok bool) {
	for _, sep := range []string{" | ", " ‖ ", " :: "} {
		i := strings.LastIndex(s, sep)
		if i <= 0 {
			continue
		}
		head, outlet = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(sep):])
		if looksLikeName(outlet) && len(strings.Fields(head)) >= 3 {
			return head, outlet, true
		}
	}
	return "", "", false
}

// sectionPathOutlet reads "Section - Section - Outlet": three or more short
// segments, the last a name that is no generic section word.
func sectionPathOutlet(s string) (string, bool) {
	for _, sep := range []string{" - ", " – ", " > ", " » ", " / ", " | "} {
		parts := strings.Split(s, sep)
		if len(parts) < 3 {
			continue
		}
		short := true
		for _, p := range parts {
			if n := len(strings.Fields(p)); n == 0 || n > 4 {
				short = false
			}
		}
		last := strings.TrimSpace(parts[len(parts)-1])
		if !short || !looksLikeName(last) {
			continue
		}
		generic := false
		for _, w := range wordTokens(last) {
			if sectionWords[w] {
				generic = true
			}
		}
		if !generic {
			return last, true
		}
	}
	return "", false
}

// looksLikeName: 1–6 words, starting with an upper-case letter or digit,
// no sentence punctuation.
func looksLikeName(s string) bool {
	s = strings.TrimSpace(s)
	n := len(strings.Fields(s))
	if n == 0 || n > 6 || strings.ContainsAny(s, ".!?:;\"“”") && !strings.HasSuffix(s, ".com") {
		return false
	}
	r := []rune(s)[0]
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// footerOrgs collects names from "About X" lines, which introduce the
// publisher.
func footerOrgs(lines []line) map[string]bool {
	out := map[string]bool{}
	for _, l := range lines {
		if g := aboutFooter.FindStringSubmatch(l.text); g != nil && len(strings.Fields(g[1])) <= 5 {
			out[strings.TrimSpace(g[1])] = true
		}
	}
	return out
}

// splitByline splits the names of a "By …" line into people and at most
// one organization (a name with an organization word, an all-capital
// acronym, or one introduced by an "About" footer).
func splitByline(s string, about map[string]bool) (people []string, org string) {
	if strings.HasSuffix(s, ".") && !isOrgName(strings.TrimSuffix(s, "."), about) {
		return nil, "" // "By the time they arrived." is a sentence
	}
	for _, name := range splitAuthors(s) {
		if !looksLikeName(name) {
			continue
		}
		if isOrgName(name, about) {
			if org == "" {
				org = name
			}
			continue
		}
		people = append(people, name)
	}
	return people, org
}

func isOrgName(name string, about map[string]bool) bool {
	if about[name] {
		return true
	}
	if len(name) >= 2 && len(name) <= 6 && strings.ToUpper(name) == name && strings.ContainsFunc(name, unicode.IsLetter) {
		return true // AP, AFP, BBC
	}
	for _, w := range wordTokens(name) {
		if orgWords[w] {
			return true
		}
	}
	return false
}
