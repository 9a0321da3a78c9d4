package extract

import (
	nurl "net/url"
	"strings"

	"github.com/corroborate/corroborate/document"
)

// sourceURL marks an outlet taken from the document's URL.
const sourceURL = "url"

// hostOf returns the host of the first parseable absolute URL: raw, then u.
func hostOf(raw string, u *nurl.URL) string {
	if raw != "" {
		if p, err := nurl.Parse(raw); err == nil && p.Host != "" {
			return p.Hostname()
		}
	}
	if u != nil {
		return u.Hostname()
	}
	return ""
}

// outletFromHost names an outlet by its domain: the host without "www.",
// "m." or "amp." ("www.aljazeera.com" → "aljazeera.com").
func outletFromHost(host string) string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, p := range []string{"www.", "m.", "amp.", "mobile."} {
		if strings.HasPrefix(host, p) && strings.Count(host, ".") > 1 {
			host = strings.TrimPrefix(host, p)
		}
	}
	return host
}

// fillOutletFromURL sets the outlet from the document's URL when unknown.
func fillOutletFromURL(d *document.Document) {
	if d.Outlet != "" {
		return
	}
	if host := hostOf("", documentURL(d)); host != "" {
		d.Outlet, d.OutletSource = outletFromHost(host), sourceURL
	}
}

// looksLikeHost reports whether s is a host name ("www.example.com") rather
// than an outlet's name.
func looksLikeHost(s string) bool {
	return strings.Contains(s, ".") && !strings.ContainsAny(s, " \t/") && !strings.HasSuffix(s, ".")
}
