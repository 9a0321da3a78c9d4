package extract

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
)

// fuzzSeeds are small pages that stress the HTML path: broken and deep
// markup, nested tables, scripts and styles, huge attributes, charsets
// declared but not used, the shapes go-trafilatura's rescue returns.
var fuzzSeeds = []string{
	"<html><body><p>Flood waters rose on Tuesday.</p><p>Officials said the river would peak.</p><p>Roads stay closed.</p></body></html>",
	"<html><head><title>Kelvale</title></head><body><article><p>Flood waters rose across Kelvale on Tuesday.</p><p>Officials said the river would peak late on Thursday.</p><p>Roads stay shut.</p></article></body></html>",
	"<table><tr><td><table><tr><td>inner <b>cell</b></td><td><table><tr><td>deeper</td></tr></table></td></tr></table></td><td>outer</td></tr><tr><td colspan=9999999999>wide</td></tr></table>",
	"<p>one<p>two<div><span>three</div></span><li>four<td>five</p></table><p>six",
	"<html><head><script>var s = '</p><p>not text';</script><style>p{color:red}</style></head><body><script>document.write('<p>x</p>')</script><p>visible</p><noscript><p>no script</p></noscript></body></html>",
	"<html><body><p title=\"" + strings.Repeat("A", 70000) + "\" data-x='" + strings.Repeat("&amp;", 5000) + "'>attribute heavy</p></body></html>",
	"<html><head><meta charset=\"windows-1256\"><meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\"></head><body><p>Ã©tÃ© Ø§Ù„Ø³Ù„Ø§Ù… é日本</p></body></html>",
	"\ufeff<?xml version=\"1.0\" encoding=\"utf-16\"?><!DOCTYPE html><html><body><![CDATA[ <p>cdata</p> ]]><!-- <p>comment</p> --><p>after</p></body></html>",
	"<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"articleBody\":\"<p>Body one.</p><p>Body two.</p>\",\"author\":{\"name\":\"A B\"},\"datePublished\":\"2021-10-12\"}</script></head><body><p>x</p></body></html>",
	"<html><body>" + strings.Repeat("<div>", 600) + "deep text" + strings.Repeat("</div>", 600) + "</body></html>",
	"<p>line one<br>line two<br/><br/>line three</p><hr><p>\u202eevil\u202c bidi\u00a0nbsp\u200bzwsp \x00 nul</p>",
	"<svg><p>in svg</p><foreignObject><p>foreign</p></foreignObject></svg><math><mi>x</mi></math><template><p>tpl</p></template><iframe srcdoc=\"<p>src</p>\"></iframe>",
	"<frameset><frame src=a></frameset><plaintext><p>plain</p>",
	"<html><head><title>\ufffd\ufffd</title><meta property=\"article:published_time\" content=\"9999-99-99T99:99\"><meta name=\"author\" content=\"By , and ;\"><link rel=canonical href=\"http://[::1]:-1/%zz\"></head><body><h1>Headline</h1></body></html>",
	"<a href=x>link</a><a href=y>link</a><ul><li><a>one</a><li><a>two</a></ul>Comments<p>reply says: ok</p>",
	"",
	"   ",
	"<",
	"</p></p></p>",
}

// FuzzHTML feeds bytes as an HTML page to the extractor (go test ./extract
// -run '^$' -fuzz '^FuzzHTML$' -fuzztime 30s). Raw is decoded UTF-8 in the
// flow (ingest decodes), so invalid bytes are replaced first. The extractor
// must not panic, must keep every text it writes valid UTF-8, must separate
// paragraphs by exactly one blank line, and every segment of
// ExtractedToRaw must copy equal bytes within both texts.
func FuzzHTML(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s), "https://news.example/a/1")
	}
	f.Add([]byte("<p>relative</p>"), "page.html")
	ex, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, source string) {
		raw := strings.ToValidUTF8(string(data), "\ufffd")
		d := &document.Document{Source: source, Format: document.FormatHTML, Raw: raw}
		err := ex.Annotate(context.Background(), d)
		if err != nil && strings.Contains(err.Error(), "panicked") {
			t.Fatalf("extractor panicked: %v", err)
		}
		checkExtraction(t, d)
	})
}

// checkExtraction checks the invariants of an extracted document.
func checkExtraction(t *testing.T, d *document.Document) {
	t.Helper()
	fields := map[string]string{
		"Extracted": d.Extracted, "Title": d.Title, "Outlet": d.Outlet, "OutletSource": d.OutletSource,
		"URL": d.URL, "Language": d.Language, "Published": d.Published.Value, "Updated": d.Updated.Value,
	}
	for i, a := range d.Authors {
		fields[fmt.Sprintf("Authors[%d]", i)] = a
	}
	for name, s := range fields {
		if !utf8.ValidString(s) {
			t.Errorf("%s is not valid UTF-8: %q", name, s)
		}
	}
	x := d.Extracted
	if strings.Contains(x, "\n\n\n") || strings.TrimSpace(x) != x {
		t.Errorf("paragraphs not separated by exactly one blank line: %q", x)
	}
	for _, p := range strings.Split(x, "\n\n") {
		if x != "" && strings.TrimSpace(p) == "" {
			t.Errorf("empty paragraph in %q", x)
		}
	}
	prevEnd := 0
	for _, sg := range d.ExtractedToRaw {
		n := sg.End - sg.Start
		if sg.Start < prevEnd || n <= 0 || sg.End > len(x) || sg.Src < 0 || sg.Src+n > len(d.Raw) {
			t.Fatalf("segment %+v out of range or order (Extracted %d bytes, Raw %d)", sg, len(x), len(d.Raw))
		}
		if x[sg.Start:sg.End] != d.Raw[sg.Src:sg.Src+n] {
			t.Fatalf("segment %+v copies %q from %q", sg, x[sg.Start:sg.End], d.Raw[sg.Src:sg.Src+n])
		}
		prevEnd = sg.End
	}
}
