package extract

import (
	nurl "net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"github.com/corroborate/corroborate/document"
	"github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"
)

// pageMeta is the metadata read from an HTML page.
type pageMeta struct {
	textMeta
	Language string
	URL      string
}

// sourceHTMLMeta marks metadata read from the page's markup (meta tags,
// JSON-LD, Open Graph).
const sourceHTMLMeta = "html-meta"

// readMetadata gathers metadata from the libraries' results and go-htmldate.
func readMetadata(doc *html.Node, libs libResults, u *nurl.URL) pageMeta {
	var m pageMeta
	if t := libs.traf; t != nil {
		md := t.Metadata
		m.Title = strings.TrimSpace(md.Title)
		m.Authors = splitAuthors(md.Author)
		if s := strings.TrimSpace(md.Sitename); s != "" {
			m.Outlet, m.OutletSource = s, sourceHTMLMeta
			if looksLikeHost(s) {
				// trafilatura falls back to the host name: say so.
				m.Outlet, m.OutletSource = outletFromHost(s), sourceURL
			}
		}
		m.Language = normalizeLang(md.Language)
		m.URL = strings.TrimSpace(md.URL)
	}
	if a := libs.read; a != nil {
		if m.Title == "" {
			m.Title = strings.TrimSpace(a.Title())
		}
		if len(m.Authors) == 0 {
			m.Authors = splitAuthors(a.Byline())
		}
		if m.Outlet == "" && strings.TrimSpace(a.SiteName()) != "" {
			m.Outlet, m.OutletSource = strings.TrimSpace(a.SiteName()), sourceHTMLMeta
		}
		if m.Language == "" {
			m.Language = normalizeLang(a.Language())
		}
	}
	if d := libs.dist; d != nil && m.Title == "" {
		m.Title = strings.TrimSpace(d.Title)
	}
	if m.Outlet == "" {
		if host := hostOf(m.URL, u); host != "" {
			m.Outlet, m.OutletSource = outletFromHost(host), sourceURL
		}
	}
	m.Published, m.Updated = pageDates(doc, m.URL, u)
	return m
}

// pageDates runs go-htmldate twice: for the original publication date and
// for the latest (update) date. The update is kept only when later.
func pageDates(doc *html.Node, canonical string, u *nurl.URL) (pub, upd document.Date) {
	link := canonical
	if link == "" && u != nil {
		link = u.String()
	}
	find := func(original bool) (htmldate.Result, bool) {
		var res htmldate.Result
		err := guard("htmldate", func() error {
			r, err := htmldate.FromDocument(doc, htmldate.Options{UseOriginalDate: original, URL: link, ExtractTime: true})
			res = r
			return err
		})
		return res, err == nil && !res.IsZero()
	}
	if r, ok := find(true); ok {
		pub = htmlDate(r)
	}
	if r, ok := find(false); ok && (pub.IsZero() || r.DateTime.After(pub.Time) && r.DateTime.Format(time.DateOnly) != pub.Value) {
		upd = htmlDate(r)
	}
	return pub, upd
}

func htmlDate(r htmldate.Result) document.Date {
	d := document.DayDate(r.DateTime, sourceHTMLMeta)
	if r.HasTime {
		d.Precision = document.PrecisionTime
	}
	return d
}

// apply copies the metadata into the fields of d that are still empty.
func (m pageMeta) apply(d *document.Document) {
	m.textMeta.apply(d)
	if d.Language == "" {
		d.Language = m.Language
	}
	if d.URL == "" && m.URL != "" {
		if u, err := nurl.Parse(m.URL); err == nil && u.Host != "" && (u.Scheme == "http" || u.Scheme == "https") {
			d.URL = m.URL
		}
	}
}

// splitAuthors splits an author string ("A; B", "A and B", "By A, B") into
// names, dropping a leading "By".
func splitAuthors(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		s = s[3:]
	}
	repl := strings.NewReplacer(" and ", ";", " & ", ";", "|", ";", ",", ";")
	var out []string
	seen := map[string]bool{}
	for _, p := range strings.Split(repl.Replace(s), ";") {
		p = strings.TrimSpace(p)
		if p == "" || seen[strings.ToLower(p)] {
			continue
		}
		seen[strings.ToLower(p)] = true
		out = append(out, p)
	}
	return out
}

// normalizeLang keeps the primary subtag of a language tag ("en-US" → "en").
func normalizeLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	return s
}

// langSample is how many bytes of text language detection reads:
// whatlanggo's confidence turns meaningless (negative) on long inputs.
const langSample = 1500

// detectLanguage guesses the ISO 639-1 language of text with whatlanggo,
// or "" when the guess is unreliable.
func detectLanguage(text string) string {
	if len(text) > langSample {
		cut := langSample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}
