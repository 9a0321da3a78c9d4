// Package decoding evaluates how web pages are decoded to text: on the
// trafilatura evaluation pages (../shared/data/trafilatura-eval, ~990 pages
// in many charsets), it counts how many of the hand-picked "with" snippets
// that contain non-ASCII characters appear in each decoder's text. Only a
// correct charset decision makes such snippets match, so their recall
// measures decoding. Three decoders are compared on the same pages: ours
// (ingest.Decode), the x/net/html/charset recipe most Go scrapers use
// (charset.DetermineEncoding), and reading the bytes as UTF-8 blindly.
package decoding

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/corroborate/corroborate/eval/snippetbench"
	"github.com/corroborate/corroborate/ingest"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// decoder turns page bytes into text and names the charset it chose.
type decoder struct {
	name   string
	decode func([]byte) (string, string)
}

var decoders = []decoder{
	{"ours (ingest.Decode)", func(b []byte) (string, string) {
		d := ingest.Decode(b, "", true)
		return d.Text, d.Encoding
	}},
	{"x/net/html/charset", func(b []byte) (string, string) {
		e, name, _ := charset.DetermineEncoding(b, "text/html")
		out, err := e.NewDecoder().Bytes(b)
		if err != nil {
			return strings.ToValidUTF8(string(b), "\ufffd"), name
		}
		return string(out), name
	}},
	{"blind utf-8", func(b []byte) (string, string) { return strings.ToValidUTF8(string(b), "\ufffd"), "utf-8" }},
}

// Run scores the decoders and ends with "recall <ours>".
func Run(ctx context.Context, dataDir string, w io.Writer) error { return run(ctx, dataDir, w, 0) }

// run scores at most limit pages with non-ASCII snippets (0: all).
func run(ctx context.Context, dataDir string, w io.Writer, limit int) error {
	root, err := snippetbench.Find(dataDir)
	if err != nil {
		return fmt.Errorf("decoding evaluation: %w", err)
	}
	index, err := snippetbench.LoadPages(root)
	if err != nil {
		return fmt.Errorf("decoding evaluation: %w", err)
	}
	found := make([]int, len(decoders))
	total, pages, skipped := 0, 0, 0
	var disagreements []string
	for _, e := range index {
		if err := ctx.Err(); err != nil {
			return err
		}
		var snippets []string
		for _, s := range e.With {
			if s = normalize(s); s != "" && !isASCII(s) {
				snippets = append(snippets, s)
			}
		}
		if len(snippets) == 0 {
			continue
		}
		if limit > 0 && pages >= limit {
			break
		}
		page, err := snippetbench.ReadPage(root, e)
		if err != nil {
			skipped++
			continue
		}
		pages++
		total += len(snippets)
		var hits []int
		var names []string
		for i, d := range decoders {
			text, enc := d.decode(page)
			t := normalize(visibleText(text))
			n := 0
			for _, s := range snippets {
				if strings.Contains(t, s) {
					n++
				}
			}
			found[i] += n
			hits = append(hits, n)
			names = append(names, enc)
		}
		if hits[0] < hits[2] {
			fmt.Fprintf(w, "  ours below blind utf-8: %s: ours %s %d/%d, blind %d\n", e.File, names[0], hits[0], len(snippets), hits[2])
		}
		if hits[0] != hits[1] {
			disagreements = append(disagreements, fmt.Sprintf("  %s: ours %s %d/%d, x/net %s %d/%d", e.File, names[0], hits[0], len(snippets), names[1], hits[1], len(snippets)))
		}
	}
	if total == 0 {
		return fmt.Errorf("no pages with non-ASCII snippets found under %s", root)
	}
	fmt.Fprintf(w, "pages with non-ASCII snippets: %d (unreadable: %d); snippets: %d\n", pages, skipped, total)
	for i, d := range decoders {
		fmt.Fprintf(w, "%-22s found %4d/%d  recall %.4f\n", d.name, found[i], total, float64(found[i])/float64(total))
	}
	fmt.Fprintf(w, "pages where ours and x/net differ: %d\n", len(disagreements))
	for _, s := range disagreements {
		fmt.Fprintln(w, s)
	}
	fmt.Fprintf(w, "recall %.4f\n", float64(found[0])/float64(total))
	return nil
}

// visibleText returns the text nodes of a page outside script and style,
// entities decoded, separated by spaces.
func visibleText(page string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	var b bytes.Buffer
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.StartTagToken:
			if n, _ := z.TagName(); string(n) == "script" || string(n) == "style" {
				skip++
			}
		case html.EndTagToken:
			if n, _ := z.TagName(); (string(n) == "script" || string(n) == "style") && skip > 0 {
				skip--
			}
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
				b.WriteByte(' ')
			}
		}
	}
}

// normalize collapses white space runs to one space and trims.
func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
