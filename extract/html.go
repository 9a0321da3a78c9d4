package extract

import (
	"context"
	"fmt"
	nurl "net/url"
	"strings"

	"github.com/corroborate/corroborate/document"
	"golang.org/x/net/html"
)

// annotateHTML extracts the main text and metadata of an HTML page.
func (e *Extractor) annotateHTML(ctx context.Context, d *document.Document) error {
	if strings.TrimSpace(d.Raw) == "" {
		return fmt.Errorf("extracting %s: the HTML is empty", d.Source)
	}
	pageURL := documentURL(d)
	doc, err := html.Parse(strings.NewReader(d.Raw))
	if err != nil {
		// x/net/html refuses trees nested deeper than 512 elements; keep
		// the page's visible text so later stages still have something.
		d.Extracted = joinParagraphs(tokenParagraphs(d.Raw))
		d.ExtractedToRaw = alignRaw(d.Extracted, d.Raw)
		fillOutletFromURL(d)
		return fmt.Errorf("extracting %s: parsing HTML: %w (kept the page's plain text instead)", d.Source, err)
	}
	cands, libs := e.candidates(ctx, doc, pageURL)
	meta := readMetadata(doc, libs, pageURL)
	best, _ := e.choose(cands, meta.Title, doc)
	if best == nil || len(best.paras) == 0 {
		// Nothing usable from any extractor: fall back to all visible text.
		d.Extracted = joinParagraphs(tokenParagraphs(d.Raw))
	} else {
		if best.rescued {
			best.paras = repairRescue(best.paras, doc)
		}
		d.Extracted = joinParagraphs(best.paras)
		e.log.Debug("extract: chose candidate", "source", d.Source, "candidate", best.name)
	}
	d.ExtractedToRaw = alignRaw(d.Extracted, d.Raw)
	meta.apply(d)
	if d.Language == "" {
		d.Language = detectLanguage(d.Extracted)
	}
	if strings.TrimSpace(d.Extracted) == "" {
		return fmt.Errorf("extracting %s: found no text in the HTML", d.Source)
	}
	return nil
}

// candidates runs the extractors; with TrafilaturaOnly just the first.
func (e *Extractor) candidates(ctx context.Context, doc *html.Node, u *nurl.URL) ([]candidate, libResults) {
	var libs libResults
	var out []candidate
	var c candidate
	libs.traf, c = runTrafilatura(doc, u)
	out = append(out, c)
	if e.opts.TrafilaturaOnly || ctx.Err() != nil {
		return out, libs
	}
	libs.read, c = runReadability(doc, u)
	out = append(out, c)
	libs.dist, c = runDistiller(doc, u)
	out = append(out, c)
	return out, libs
}

// documentURL is the page's URL from d.URL or an http(s) Source, or nil.
func documentURL(d *document.Document) *nurl.URL {
	for _, s := range []string{d.URL, d.Source} {
		if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
			continue
		}
		if u, err := nurl.Parse(s); err == nil && u.Host != "" {
			return u
		}
	}
	return nil
}
