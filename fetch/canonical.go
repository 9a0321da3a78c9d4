package fetch

import (
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// trackingParams are query parameters that only track the visitor.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "msclkid": true, "yclid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "_ga": true, "_gl": true, "ocid": true,
	"cmpid": true, "ncid": true, "smid": true, "smtyp": true, "sr_share": true, "ref_src": true,
	"ref_url": true, "twclid": true, "wt.mc_id": true, "mkt_tok": true, "spm": true, "guccounter": true,
}

// Canonicalize normalises a web address for use as an identity: scheme and
// host lower-cased, default port, user info and fragment dropped, an empty
// path made "/", and tracking parameters (utm_*, fbclid, gclid, …)
// removed, other parameters kept in order. Only http and https are
// accepted.
func Canonicalize(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("parsing URL %q: %w", raw, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("URL %q: only http and https are fetched", raw)
	}
	if u.Host == "" {
		return "", fmt.Errorf("URL %q has no host", raw)
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	u.RawQuery = cleanQuery(u.RawQuery)
	u.ForceQuery = false
	return u.String(), nil
}

func cleanQuery(q string) string {
	if q == "" {
		return ""
	}
	var kept []string
	for _, part := range strings.Split(q, "&") {
		if part == "" {
			continue
		}
		key, _, _ := strings.Cut(part, "=")
		if k, err := url.QueryUnescape(key); err == nil {
			key = k
		}
		key = strings.ToLower(key)
		if strings.HasPrefix(key, "utm_") || trackingParams[key] {
			continue
		}
		kept = append(kept, part)
	}
	return strings.Join(kept, "&")
}

// CanonicalFromHTML returns the canonical address a page declares with
// <link rel="canonical" href="…">, resolved against base and canonicalised,
// or "" when it declares none (or an unusable one). It reads at most the
// first 1 MiB of markup.
func CanonicalFromHTML(page, base string) string {
	if len(page) > 1<<20 {
		page = page[:1<<20]
	}
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if atom.Lookup(name) != atom.Link || !hasAttr {
				continue
			}
			var rel, href string
			for {
				k, v, more := z.TagAttr()
				switch string(k) {
				case "rel":
					rel = string(v)
				case "href":
					href = string(v)
				}
				if !more {
					break
				}
			}
			if !hasToken(rel, "canonical") || strings.TrimSpace(href) == "" {
				continue
			}
			b, err := url.Parse(base)
			if err != nil {
				return ""
			}
			ref, err := url.Parse(strings.TrimSpace(href))
			if err != nil {
				return ""
			}
			c, err := Canonicalize(b.ResolveReference(ref).String())
			if err != nil {
				return ""
			}
			return c
		}
	}
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
