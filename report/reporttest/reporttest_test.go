package reporttest

import (
	"strings"
	"testing"
)

// TestFindsLiveMarkup checks that the checkers see each kind of live markup
// and control character, and pass what is inert.
func TestFindsLiveMarkup(t *testing.T) {
	md := []struct {
		in   string
		want string // "" when nothing is wrong
	}{
		{"- a <script>x</script>", "<script>"},
		{"- a [x](javascript:alert(1))", "javascript:alert(1)"},
		{"- ![p](http://t.example/p.png)", "<img>"},
		{"- <svg onload=x>", "<svg>"},
		{"- a \u202Eb", "U+202E"},
		{"- a \x1b[2J", "U+001B"},
		{"- &lt;script&gt; \\[x\\](javascript:y) www.example.org news@example.org https://example.org/a", ""},
		{"- <a href=\"data:text/html,x\">a</a>", "data:text/html"},
		{"# Title\n\n| a | b |\n|---|---|\n| *c* | `d` |\n", ""},
	}
	for _, c := range md {
		probs := strings.Join(MarkdownProblems([]byte(c.in)), "\n")
		if c.want == "" && probs != "" || !strings.Contains(probs, c.want) {
			t.Errorf("MarkdownProblems(%q) = %q, want %q", c.in, probs, c.want)
		}
	}
	const head = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-x'"></head><body>`
	page := []struct{ in, want string }{
		{head + `<p>a<img src=x></p>`, "<img>"},
		{head + `<p onclick="x">a</p>`, "onclick"},
		{head + `<a href="https://x.example/">a</a>`, "leaves the page"},
		{head + `<script>alert(1)</script>`, "not pinned"},
		{head + "<p>a\u202Eb</p>", "outside <bdi>"},
		{head + "<p title=\"\u202E\">a</p>", "attribute title"},
		{head + "<p><bdi>a\u202Eb\u2069</bdi></p>", "stray U+2069"},
		{head + "<p><bdi>a\u202Eb\u202C</bdi> <a href=\"#c\">1</a></p>", ""},
		{`<p>no policy</p>`, "no strict Content-Security-Policy"},
	}
	for _, c := range page {
		probs := strings.Join(HTMLProblems([]byte(c.in)), "\n")
		if c.want == "" && probs != "" || !strings.Contains(probs, c.want) {
			t.Errorf("HTMLProblems(%q) = %q, want %q", c.in, probs, c.want)
		}
	}
	if probs := FragmentProblems(`<p>a &lt;b&gt;</p><img src=x>`); !strings.Contains(strings.Join(probs, " "), "<img>") || strings.Contains(strings.Join(probs, " "), "<p>") {
		t.Errorf("FragmentProblems = %q", probs)
	}
}
