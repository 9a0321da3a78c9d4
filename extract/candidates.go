package extract

import (
	"fmt"
	nurl "net/url"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/go-shiori/dom"
	distiller "github.com/markusmobius/go-domdistiller"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// Candidate names.
const (
	candTrafilatura = "trafilatura"
	candReadability = "readability"
	candDistiller   = "distiller"
)

// candidate is one extractor's idea of the main text.
type candidate struct {
	name  string
	paras []Paragraph
	// err is why the extractor gave nothing (nil when it did).
	err error
	// rescued is set when paras are go-trafilatura's rescue text (see
	// trafrepair.go), repaired once the candidate is chosen.
	rescued bool
}

// libResults keeps what the libraries returned beside their main text, for
// the metadata step.
type libResults struct {
	traf *trafilatura.ExtractResult
	read *readability.Article
	dist *distiller.Result
}

// guard runs f and turns a panic into an error naming the library.
func guard(lib string, f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s panicked: %v", lib, r)
		}
	}()
	return f()
}

// runTrafilatura extracts with go-trafilatura; its own date search is off
// because the metadata step runs go-htmldate itself.
func runTrafilatura(doc *html.Node, u *nurl.URL) (*trafilatura.ExtractResult, candidate) {
	c := candidate{name: candTrafilatura}
	var res *trafilatura.ExtractResult
	c.err = guard(candTrafilatura, func() error {
		r, err := trafilatura.ExtractDocument(doc, trafilatura.Options{OriginalURL: u, HtmlDateMode: trafilatura.Disabled})
		if err != nil {
			return err
		}
		res = r
		c.paras = paragraphs(r.ContentNode)
		c.rescued = rescueShaped(r.ContentNode)
		if !c.rescued {
			c.paras = restoreBreaks(c.paras, doc)
		}
		return nil
	})
	return res, c
}

// runReadability extracts with readeck's go-readability (on a clone).
func runReadability(doc *html.Node, u *nurl.URL) (*readability.Article, candidate) {
	c := candidate{name: candReadability}
	var art *readability.Article
	c.err = guard(candReadability, func() error {
		p := readability.NewParser()
		a, err := p.ParseDocument(doc, u)
		if err != nil {
			return err
		}
		art = &a
		c.paras = paragraphs(a.Node)
		return nil
	})
	return art, c
}

// runDistiller extracts with go-domdistiller (on a clone, since it mutates).
func runDistiller(doc *html.Node, u *nurl.URL) (*distiller.Result, candidate) {
	c := candidate{name: candDistiller}
	var res *distiller.Result
	c.err = guard(candDistiller, func() error {
		r, err := distiller.Apply(dom.Clone(doc, true), &distiller.Options{OriginalURL: u, SkipPagination: true})
		if err != nil {
			return err
		}
		if r == nil {
			return fmt.Errorf("no result")
		}
		res = r
		c.paras = paragraphs(r.Node)
		return nil
	})
	return res, c
}
