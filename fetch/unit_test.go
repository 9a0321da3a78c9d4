package fetch

import (
	"net/netip"
	"strings"
	"testing"
)

func TestCanonicalize(t *testing.T) {
	cases := []struct{ in, want, err string }{
		{"HTTPS://News.Example.COM:443/a/b?id=7&utm_source=x&UTM_Medium=y#top", "https://news.example.com/a/b?id=7", ""},
		{"http://example.org", "http://example.org/", ""},
		{"http://example.org:8080/x?fbclid=1&gclid=2&page=2", "http://example.org:8080/x?page=2", ""},
		{"https://user:pw@example.org/p?", "https://example.org/p", ""},
		{"https://example.org/p?a=1&mc_cid=3&b=2", "https://example.org/p?a=1&b=2", ""},
		{"ftp://example.org/file", "", "only http and https"},
		{"https:///nohost", "", "no host"},
		{"http://[::1]:80/", "http://[::1]/", ""},
	}
	for _, c := range cases {
		got, err := Canonicalize(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("Canonicalize(%q) error %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("Canonicalize(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

func TestCanonicalFromHTML(t *testing.T) {
	base := "https://www.example.org/news/story?utm_source=rss"
	cases := []struct{ page, want string }{
		{`<html><head><link rel="canonical" href="/news/story-final?utm_campaign=z"></head></html>`, "https://www.example.org/news/story-final"},
		{`<head><link href="https://Example.org/s" rel="Canonical"/></head>`, "https://example.org/s"},
		{`<head><link rel="alternate canonical" href="https://example.org/t"></head>`, "https://example.org/t"},
		{`<head><link rel="stylesheet" href="/a.css"></head><body>no canonical</body>`, ""},
		{`<head><link rel="canonical" href="mailto:x@example.org"></head>`, ""},
		{`not html at all`, ""},
	}
	for _, c := range cases {
		if got := CanonicalFromHTML(c.page, base); got != c.want {
			t.Errorf("CanonicalFromHTML(%q) = %q, want %q", c.page, got, c.want)
		}
	}
}

func TestIsPublic(t *testing.T) {
	cases := []struct {
		ip     string
		public bool
	}{
		{"93.184.216.34", true}, {"2606:4700::1111", true},
		{"127.0.0.1", false}, {"127.5.6.7", false}, {"::1", false},
		{"10.1.2.3", false}, {"172.16.0.1", false}, {"192.168.1.1", false},
		{"169.254.169.254", false}, {"fe80::1", false}, {"fc00::1", false},
		{"0.0.0.0", false}, {"::", false}, {"224.0.0.1", false}, {"ff02::1", false},
		{"100.64.0.1", false}, {"255.255.255.255", false},
		{"::ffff:127.0.0.1", false}, {"::ffff:8.8.8.8", true},
		{"64:ff9b::a00:1", false}, {"64:ff9b::808:808", true},
	}
	for _, c := range cases {
		if got := IsPublic(netip.MustParseAddr(c.ip)); got != c.public {
			t.Errorf("IsPublic(%s) = %v, want %v", c.ip, got, c.public)
		}
	}
}

func TestDiffParagraphs(t *testing.T) {
	cases := []struct {
		name, old, new string
		want           string
	}{
		{"unchanged", "A\n\nB", "A\n\nB", "=A =B"},
		{"paragraph added at end", "A\n\nB", "A\n\nB\n\nC", "=A =B +C"},
		{"correction in the middle", "A\n\nB\n\nC", "A\n\nB2\n\nC", "=A -B +B2 =C"},
		{"lead rewritten, rest moved", "A\n\nB\n\nC\n\nD", "X\n\nB\n\nD", "-A +X =B -C =D"},
		{"crlf and spacing", "A\r\n\r\n  B  ", "A\n\n\n\nB", "=A =B"},
		{"all new", "", "A\n\nB", "+A +B"},
	}
	for _, c := range cases {
		var parts []string
		for _, ch := range DiffParagraphs(c.old, c.new) {
			parts = append(parts, string(ch.Op)+ch.Text)
		}
		if got := strings.Join(parts, " "); got != c.want {
			t.Errorf("%s: diff = %q, want %q", c.name, got, c.want)
		}
	}
	// Indexes point into each version.
	for _, ch := range DiffParagraphs("A\n\nB\n\nC", "A\n\nC\n\nD") {
		if (ch.Op == Removed) != (ch.New == -1) || (ch.Op == Added) != (ch.Old == -1) {
			t.Errorf("bad indexes in %+v", ch)
		}
	}
}
