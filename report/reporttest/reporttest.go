// Package reporttest checks written accounts for text from the reports that
// a reader's software would act on: live HTML (scripts, event handlers,
// frames, images, javascript: links) in the Markdown account once a
// renderer that passes raw HTML through has turned it into HTML, or in the
// HTML report and TimelineJS slides; and control characters that reorder
// or hide the text around them (bidi embeddings, overrides and isolates,
// ESC and other C0/C1 controls). It is for tests: the writers' own tests
// and the fuzz target that runs the whole flow into every writer. Payloads
// are hostile strings that every such test feeds in.
package reporttest

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Payloads are hostile strings: HTML that runs script or loads from the
// network, Markdown links and images, link reference definitions and
// autolinks with javascript: URLs, Markdown block syntax, bidi overrides
// and terminal escapes. Each is written so that a test can check it is
// still shown as text.
var Payloads = []string{
	`<script>alert(1)</script>`,
	`<img src=x onerror=alert(2)>`,
	`<svg onload=alert(3)>`,
	`<iframe srcdoc="<script>alert(4)</script>"></iframe>`,
	`[x](javascript:alert(5))`,
	`![pixel](http://tracker.example/p.png)`,
	`<a href="javascript:alert(6)">click</a>`,
	`[ref]: javascript:alert(7) and then [ref]`,
	`<javascript:alert(8)>`,
	`&lt;script&gt;alert(9)&lt;/script&gt;`,
	`<details open ontoggle=alert(10)>`,
	"`code` *bold* _under_ ~~gone~~ back\\slash",
	`# not a heading`,
	`> not a quote`,
	`1. not a list`,
	`| not | a | cell |`,
	"right-to-left \u202Eevil\u202C and \u2067isolate\u2069 \u200Fmark",
	"escape \x1b[31mred\x1b[0m and bell \a",
}

// Bidi reports whether r is a bidi formatting control: the embeddings and
// overrides U+202A–U+202E, the isolates U+2066–U+2069, and the marks
// U+200E, U+200F and U+061C.
func Bidi(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

// Control reports whether r is a C0 or C1 control character or DEL, other
// than newline and tab.
func Control(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t') || r >= 0x7F && r <= 0x9F
}

// MarkdownProblems renders md with a CommonMark renderer as GitHub does
// (GFM: tables, strikethrough, autolinks) but with raw HTML passed through,
// and lists what in the result would be live: any element that Markdown
// syntax alone does not produce, event handler attributes, links with
// other schemes than http, https, ftp and mailto, and images. It also lists bidi and
// control characters left in md itself.
func MarkdownProblems(md []byte) []string {
	var probs []string
	for i, r := range string(md) {
		if Bidi(r) || Control(r) {
			probs = append(probs, fmt.Sprintf("control character %U at byte %d of the Markdown", r, i))
		}
	}
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	var out bytes.Buffer
	if err := gm.Convert(md, &out); err != nil {
		return append(probs, fmt.Sprintf("rendering Markdown: %v", err))
	}
	root, err := xhtml.Parse(&out)
	if err != nil {
		return append(probs, fmt.Sprintf("parsing rendered Markdown: %v", err))
	}
	walk(root, func(n *xhtml.Node) {
		if n.Type != xhtml.ElementNode {
			return
		}
		if !markdownElements[n.DataAtom] || n.Namespace != "" {
			probs = append(probs, fmt.Sprintf("raw HTML element <%s> in the rendered Markdown", n.Data))
		}
		probs = append(probs, attrProblems(n, func(key, val string) string {
			if n.DataAtom == atom.A && key == "href" && !webURL(val) {
				return fmt.Sprintf("link to %q in the rendered Markdown", val)
			}
			return ""
		})...)
	})
	return probs
}

// RenderMarkdown returns the visible text of md as the renderer of
// MarkdownProblems shows it, whitespace collapsed.
func RenderMarkdown(md []byte) (string, error) {
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	var out bytes.Buffer
	if err := gm.Convert(md, &out); err != nil {
		return "", err
	}
	root, err := xhtml.Parse(&out)
	if err != nil {
		return "", err
	}
	return strings.Join(strings.Fields(textOf(root)), " "), nil
}

// markdownElements are the elements CommonMark and GFM produce from
// Markdown syntax (plus those the HTML parser adds around a fragment).
var markdownElements = map[atom.Atom]bool{
	atom.Html: true, atom.Head: true, atom.Body: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.P: true, atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Blockquote: true, atom.Hr: true, atom.Br: true,
	atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tr: true, atom.Th: true, atom.Td: true,
	atom.Em: true, atom.Strong: true, atom.Code: true, atom.Pre: true, atom.Del: true, atom.A: true,
}

// HTMLProblems lists what in page, an HTML report, is live beyond the
// page's own code: scripts and styles whose hash the page's
// Content-Security-Policy does not list (or a missing or loose policy),
// frames, images, objects, forms and other loading elements, event
// handler attributes, links that leave the page (every href must be a
// fragment), src-like attributes, and bidi controls outside a <bdi>
// element or in attributes.
func HTMLProblems(page []byte) []string {
	root, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		return []string{fmt.Sprintf("parsing HTML: %v", err)}
	}
	var probs []string
	var policy string
	walk(root, func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.DataAtom == atom.Meta && strings.EqualFold(attr(n, "http-equiv"), "Content-Security-Policy") {
			policy = attr(n, "content")
		}
	})
	if !strings.Contains(policy, "default-src 'none'") || strings.Contains(policy, "unsafe-") {
		probs = append(probs, fmt.Sprintf("no strict Content-Security-Policy (%q)", policy))
	}
	walk(root, func(n *xhtml.Node) {
		if n.Type != xhtml.ElementNode {
			return
		}
		switch {
		case n.DataAtom == atom.Script || n.DataAtom == atom.Style:
			body := textOf(n)
			if n.Attr != nil || !strings.Contains(policy, hash(body)) {
				probs = append(probs, fmt.Sprintf("<%s> not pinned by the policy: %.80q", n.Data, body))
			}
		case loading[strings.ToLower(n.Data)]:
			probs = append(probs, fmt.Sprintf("element <%s> in the page", n.Data))
		case n.DataAtom == atom.Meta && attr(n, "http-equiv") != "" && !strings.EqualFold(attr(n, "http-equiv"), "Content-Security-Policy"):
			probs = append(probs, fmt.Sprintf("<meta http-equiv=%q> in the page", attr(n, "http-equiv")))
		}
		probs = append(probs, attrProblems(n, func(key, val string) string {
			if key == "href" && !strings.HasPrefix(val, "#") {
				return fmt.Sprintf("link to %q leaves the page", val)
			}
			return ""
		})...)
	})
	return append(probs, BidiHTMLProblems(root)...)
}

// FragmentProblems lists what in frag, HTML that a viewer such as
// TimelineJS inserts into its page, is live or loads anything: any element
// but p, b, i, br and bdi, attributes, and bidi controls outside <bdi>.
func FragmentProblems(frag string) []string {
	ctx := &xhtml.Node{Type: xhtml.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := xhtml.ParseFragment(strings.NewReader(frag), ctx)
	if err != nil {
		return []string{fmt.Sprintf("parsing HTML fragment: %v", err)}
	}
	var probs []string
	for _, top := range nodes {
		ctx.AppendChild(top)
	}
	walk(ctx, func(n *xhtml.Node) {
		if n == ctx || n.Type != xhtml.ElementNode {
			return
		}
		switch n.DataAtom {
		case atom.P, atom.B, atom.I, atom.Br, atom.Bdi:
		default:
			probs = append(probs, fmt.Sprintf("element <%s> in an HTML fragment", n.Data))
		}
		for _, a := range n.Attr {
			probs = append(probs, fmt.Sprintf("attribute %s=%q on <%s> in an HTML fragment", a.Key, a.Val, n.Data))
		}
	})
	return append(probs, BidiHTMLProblems(ctx)...)
}

// BidiHTMLProblems lists bidi controls under root that could reorder text
// around them: any in an attribute, <title> or SVG text, and any in text
// outside a <bdi> element or inside one whose controls do not balance
// (a terminator with nothing to close, an embedding left open).
func BidiHTMLProblems(root *xhtml.Node) []string {
	var probs []string
	walk(root, func(n *xhtml.Node) {
		switch n.Type {
		case xhtml.ElementNode:
			for _, a := range n.Attr {
				if strings.IndexFunc(a.Val, Bidi) >= 0 {
					probs = append(probs, fmt.Sprintf("bidi control in attribute %s of <%s>: %q", a.Key, n.Data, a.Val))
				}
			}
			if n.DataAtom == atom.Bdi && n.Namespace == "" {
				if err := balanced(textOf(n)); err != "" {
					probs = append(probs, fmt.Sprintf("<bdi> with %s: %q", err, textOf(n)))
				}
			}
		case xhtml.TextNode:
			if strings.IndexFunc(n.Data, Bidi) < 0 {
				return
			}
			for p := n.Parent; p != nil; p = p.Parent {
				if p.Type == xhtml.ElementNode && p.DataAtom == atom.Bdi && p.Namespace == "" {
					return
				}
			}
			where := "text"
			if n.Parent != nil {
				where = "text of <" + n.Parent.Data + ">"
			}
			probs = append(probs, fmt.Sprintf("bidi control in %s outside <bdi>: %q", where, n.Data))
		}
	})
	return probs
}

// balanced returns "" when the embeddings, overrides and isolates of s are
// closed in order, else what is wrong.
func balanced(s string) string {
	var stack []rune
	for _, r := range s {
		switch {
		case r >= 0x202A && r <= 0x202E && r != 0x202C:
			stack = append(stack, 'e')
		case r >= 0x2066 && r <= 0x2068:
			stack = append(stack, 'i')
		case r == 0x202C:
			if len(stack) == 0 || stack[len(stack)-1] != 'e' {
				return "a stray U+202C"
			}
			stack = stack[:len(stack)-1]
		case r == 0x2069:
			// closes the nearest isolate and the embeddings inside it
			i := strings.LastIndexByte(string(stack), 'i')
			if i < 0 {
				return "a stray U+2069"
			}
			stack = stack[:i]
		}
	}
	if len(stack) > 0 {
		return fmt.Sprintf("%d unclosed embeddings or isolates", len(stack))
	}
	return ""
}

// loading are elements that load, embed, run or submit something.
var loading = map[string]bool{
	"iframe": true, "frame": true, "frameset": true, "object": true, "embed": true, "applet": true,
	"img": true, "image": true, "picture": true, "source": true, "video": true, "audio": true, "track": true,
	"base": true, "form": true, "input": true, "button": true, "link": true, "portal": true,
	"foreignobject": true, "use": true, "animate": true, "set": true, "animatemotion": true, "handler": true,
}

// urlAttrs are attributes holding a URL or markup to load.
var urlAttrs = map[string]bool{
	"src": true, "srcset": true, "srcdoc": true, "action": true, "formaction": true, "data": true,
	"poster": true, "background": true, "xlink:href": true, "ping": true, "lowsrc": true, "dynsrc": true,
}

// attrProblems lists event handlers and URL attributes of n, and what
// extra (for href) says.
func attrProblems(n *xhtml.Node, extra func(key, val string) string) []string {
	var probs []string
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		if a.Namespace != "" {
			key = strings.ToLower(a.Namespace) + ":" + key
		}
		switch {
		case strings.HasPrefix(key, "on"):
			probs = append(probs, fmt.Sprintf("event handler %s=%q on <%s>", a.Key, a.Val, n.Data))
		case urlAttrs[key] || strings.HasSuffix(key, ":href"):
			probs = append(probs, fmt.Sprintf("attribute %s=%q on <%s>", a.Key, a.Val, n.Data))
		case key == "href":
			if p := extra(key, a.Val); p != "" {
				probs = append(probs, p)
			}
		}
	}
	return probs
}

// webURL reports whether s is an absolute http, https or ftp URL with a
// host, or a mailto: address: the links GFM makes of addresses written as
// plain text (which show their address), none of which runs anything.
func webURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "http", "https", "ftp":
		return u.Host != ""
	case "mailto":
		return u.Opaque != ""
	}
	return false
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

func walk(n *xhtml.Node, f func(*xhtml.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *xhtml.Node) string {
	var b strings.Builder
	walk(n, func(c *xhtml.Node) {
		if c.Type == xhtml.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}
