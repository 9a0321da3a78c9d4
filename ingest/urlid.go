package ingest

import (
	"net/url"
	"strings"
)

// URLID returns a readable document ID for a web address: host (without
// "www.") and path, e.g. "example.org_news_2020_07_fire" for
// https://www.example.org/news/2020/07/fire.html, at most 96 characters.
// Inputs that do not parse are sanitised as they are.
func URLID(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return truncateID(SanitizeID(raw))
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	p := strings.Trim(u.Path, "/")
	for _, ext := range []string{".html", ".htm", ".shtml", ".php", ".aspx", ".asp", ".jsp"} {
		p = strings.TrimSuffix(p, ext)
	}
	s := host
	if p != "" {
		s += "_" + p
	}
	if u.RawQuery != "" {
		s += "_" + u.RawQuery
	}
	return truncateID(SanitizeID(s))
}

func truncateID(s string) string {
	if len(s) > 96 {
		s = strings.TrimRight(s[:96], "._-")
	}
	return s
}
