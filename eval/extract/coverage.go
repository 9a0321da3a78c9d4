package extract

import (
	"fmt"
	"io"
	"strings"

	"github.com/corroborate/corroborate/document"
)

// coverage counts how often the extractor filled each metadata field and
// how much of Extracted its raw alignment maps. There is no metadata truth
// in the benchmark, so these are coverage figures, not accuracy.
type coverage struct {
	docs, title, authors, outletMeta, outletURL, published, updated, lang, url int
	mapped, textBytes                                                          int
}

func (c *coverage) add(d *document.Document) {
	c.docs++
	count := func(ok bool, n *int) {
		if ok {
			*n++
		}
	}
	count(d.Title != "", &c.title)
	count(len(d.Authors) > 0, &c.authors)
	count(d.Outlet != "" && d.OutletSource == "html-meta", &c.outletMeta)
	count(d.Outlet != "" && d.OutletSource == "url", &c.outletURL)
	count(!d.Published.IsZero(), &c.published)
	count(!d.Updated.IsZero(), &c.updated)
	count(d.Language != "", &c.lang)
	count(d.URL != "", &c.url)
	for _, sg := range d.ExtractedToRaw {
		c.mapped += sg.End - sg.Start
	}
	c.textBytes += len(strings.Join(strings.Fields(d.Extracted), ""))
}

func (c *coverage) print(w io.Writer) {
	if c.docs == 0 {
		return
	}
	pct := func(n int) float64 { return 100 * float64(n) / float64(c.docs) }
	fmt.Fprintf(w, "metadata coverage of extract (ours) on %d pages: title %.0f%%, authors %.0f%%, outlet from markup %.0f%% / from URL %.0f%%, published %.0f%%, updated %.0f%%, language %.0f%%, canonical URL %.0f%%\n",
		c.docs, pct(c.title), pct(c.authors), pct(c.outletMeta), pct(c.outletURL), pct(c.published), pct(c.updated), pct(c.lang), pct(c.url))
	if c.textBytes > 0 {
		fmt.Fprintf(w, "ExtractedToRaw maps %.1f%% of the non-space bytes of Extracted back to the HTML\n", 100*float64(c.mapped)/float64(c.textBytes))
	}
}
