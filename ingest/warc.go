package ingest

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"strings"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/warc"
)

// WARCStage is the stage name on problems found inside web archives (a
// record that cannot be read, a page that cannot become a document).
const WARCStage = "warc"

// Page turns one web page fetched from url (its body and HTTP Content-Type)
// into a document, with ingest's checks and decoding: Source and URL are
// url, ID is URLID(url), Format is html or text. The fetcher and the WARC
// reader both make their documents here.
func Page(url string, body []byte, contentType string, opts Options) (*document.Document, error) {
	docs, probs := Bytes(url, "", body, contentType, opts)
	if len(probs) > 0 {
		return nil, probs[0].Err
	}
	if len(docs) != 1 {
		return nil, fmt.Errorf("page gave %d documents, want 1", len(docs))
	}
	d := docs[0]
	d.ID = URLID(url)
	d.URL = url
	return d, nil
}

// ReadWARC reads the web archive at path (plain or gzip-compressed, whatever
// its name) and returns a document for every archived HTML page: response
// records with status 200 and an HTML content type, and resource records of
// an HTML type, each through Page. Other records are skipped; a page that
// cannot be read becomes a problem naming the archive, the record's number
// and its URI. opts.MaxBytes bounds each page (not the archive), and
// opts.Published, when set, dates every page. Read hands archives it meets
// here.
func ReadWARC(ctx context.Context, path string, opts Options) ([]*document.Document, []document.Problem) {
	f, err := os.Open(path)
	if err != nil {
		return nil, []document.Problem{{Source: path, Stage: WARCStage, Err: describeFSError("opening WARC file", err)}}
	}
	defer f.Close()
	var docs []*document.Document
	probs, err := ScanWARC(ctx, f, path, opts, func(d *document.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		probs = append(probs, document.Problem{Source: path, Stage: WARCStage, Err: err})
	}
	return docs, probs
}

// ScanWARC streams the archive in r (named source in problems), calling fn
// for each archived HTML page as a document (see ReadWARC). It returns the
// per-record problems and the error that stopped the scan (a read error,
// ctx's error, or fn's). Memory use does not grow with the archive: header
// lines, headers and gzip members are bounded (warc.Limits) and a record
// larger than opts.MaxBytes is skipped with a problem. Damage (garbage, a
// wrong Content-Length, a damaged gzip member) becomes a problem naming
// the offset and what was skipped, and the scan goes on with the next
// record. Revisit records, and responses whose payload digest repeats an
// earlier one in the archive, are the same page archived again and give no
// document.
func ScanWARC(ctx context.Context, r io.Reader, source string, opts Options, fn func(*document.Document) error) ([]document.Problem, error) {
	wr, err := warc.NewReaderLimits(r, warc.Limits{MaxRecordBytes: opts.maxBytes()})
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", source, err)
	}
	defer wr.Close()
	var probs []document.Problem
	place := func(n int, uri string) string {
		if n == 0 {
			return source
		}
		src := fmt.Sprintf("%s#%d", source, n)
		if uri != "" {
			src += " " + uri
		}
		return src
	}
	seen := map[string]bool{}
	for {
		if err := ctx.Err(); err != nil {
			return probs, err
		}
		rec, err := wr.Next()
		if err == io.EOF {
			return probs, nil
		}
		var dmg *warc.DamageError
		if errors.As(err, &dmg) {
			probs = append(probs, document.Problem{Source: place(dmg.Record, dmg.URI), Stage: WARCStage, Err: err})
			continue
		}
		if err != nil {
			return probs, fmt.Errorf("reading %s: %w", source, err)
		}
		digest := rec.Get("WARC-Payload-Digest")
		if rec.Type() == warc.TypeResponse && digest != "" && seen[digest] {
			opts.logger().Debug("skipping a page archived again", "archive", source, "record", rec.Number, "uri", rec.TargetURI())
			continue
		}
		d, err := recordPage(rec, opts)
		if err == nil && d != nil {
			// The whole record must read right: a wrong Content-Length
			// shows only at its end.
			_, err = io.Copy(io.Discard, rec.Body)
		}
		if err != nil {
			probs = append(probs, document.Problem{Source: place(rec.Number, rec.TargetURI()), Stage: WARCStage, Err: err})
			continue
		}
		if d == nil {
			continue
		}
		if digest != "" && len(seen) < maxDigests {
			seen[digest] = true
		}
		if err := fn(d); err != nil {
			return probs, err
		}
	}
}

// maxDigests bounds the payload digests ScanWARC remembers to skip pages
// archived twice.
const maxDigests = 1 << 20

// recordPage turns one record into a document, or nil for records that are
// not archived HTML pages.
func recordPage(rec *warc.Record, opts Options) (*document.Document, error) {
	uri := rec.TargetURI()
	if !isURL(uri) {
		return nil, nil
	}
	var ctype string
	var body io.Reader
	switch rec.Type() {
	case warc.TypeResponse:
		resp, err := http.ReadResponse(bufio.NewReader(rec.Body), nil)
		if err != nil {
			return nil, fmt.Errorf("parsing the archived HTTP response: %w", err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, nil
		}
		ctype = resp.Header.Get("Content-Type")
		if !isHTMLType(ctype) {
			return nil, nil
		}
		body, err = decodeContent(resp.Body, resp.Header.Get("Content-Encoding"))
		if err != nil {
			return nil, err
		}
	case warc.TypeResource:
		ctype = rec.Get("Content-Type")
		if !isHTMLType(ctype) {
			return nil, nil
		}
		body = rec.Body
	default: // revisit records (the page is archived already), requests, metadata…
		return nil, nil
	}
	max := opts.maxBytes()
	data, err := io.ReadAll(io.LimitReader(body, max+1))
	if err != nil {
		return nil, fmt.Errorf("reading the archived page: %w", err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("archived page is larger than the %d MiB limit", max>>20)
	}
	return Page(uri, data, ctype, opts)
}

func isHTMLType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}

// decodeContent undoes an HTTP Content-Encoding.
func decodeContent(r io.Reader, enc string) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "", "identity":
		return r, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("archived page claims gzip encoding: %w", err)
		}
		return zr, nil
	case "deflate":
		return flate.NewReader(r), nil
	}
	return nil, fmt.Errorf("archived page has unsupported Content-Encoding %q", enc)
}
