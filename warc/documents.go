package warc

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"strings"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/ingest"
)

// Stage is the stage name on problems found while reading archives.
const Stage = "warc"

// DefaultMaxBytes bounds one archived page (decompressed).
const DefaultMaxBytes int64 = 20 << 20

// Documents reads the WARC file at path and returns a document for every
// archived HTML page (response records with status 200 and an HTML content
// type). Records of other kinds are skipped; pages that cannot be read
// become problems naming the record.
func Documents(ctx context.Context, path string) ([]*document.Document, []document.Problem) {
	f, err := os.Open(path)
	if err != nil {
		return nil, []document.Problem{{Source: path, Stage: Stage, Err: fmt.Errorf("opening WARC file: %w", err)}}
	}
	defer f.Close()
	var docs []*document.Document
	probs, err := Scan(ctx, f, path, ScanOptions{}, func(d *document.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		probs = append(probs, document.Problem{Source: path, Stage: Stage, Err: err})
	}
	return docs, probs
}

// ScanOptions tunes Scan.
type ScanOptions struct {
	// MaxBytes bounds one page's body (0: DefaultMaxBytes).
	MaxBytes int64
}

// Scan streams the archive in r (named source in problems), calling fn for
// each HTML page as a document. It returns the per-record problems and the
// error that stopped the scan (a malformed archive, ctx's error, or fn's).
// Memory use does not grow with the archive.
func Scan(ctx context.Context, r io.Reader, source string, opts ScanOptions, fn func(*document.Document) error) ([]document.Problem, error) {
	max := opts.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	wr, err := NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", source, err)
	}
	defer wr.Close()
	var probs []document.Problem
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return probs, err
		}
		rec, err := wr.Next()
		if err == io.EOF {
			return probs, nil
		}
		if err != nil {
			return probs, fmt.Errorf("reading %s: %w", source, err)
		}
		d, err := pageDocument(rec, max)
		if err != nil {
			src := fmt.Sprintf("%s#%d", source, n)
			if uri := rec.TargetURI(); uri != "" {
				src += " " + uri
			}
			probs = append(probs, document.Problem{Source: src, Stage: Stage, Err: err})
			continue
		}
		if d == nil {
			continue
		}
		if err := fn(d); err != nil {
			return probs, err
		}
	}
}

// pageDocument turns one record into a document, or nil for records that
// are not archived HTML pages.
func pageDocument(rec *Record, max int64) (*document.Document, error) {
	uri := rec.TargetURI()
	if !strings.HasPrefix(uri, "http://") && !strings.HasPrefix(uri, "https://") {
		return nil, nil
	}
	var ctype string
	var body io.Reader
	switch rec.Type() {
	case TypeResponse:
		resp, err := http.ReadResponse(bufio.NewReader(rec.Body), nil)
		if err != nil {
			return nil, fmt.Errorf("parsing the archived HTTP response: %w", err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, nil
		}
		ctype = resp.Header.Get("Content-Type")
		if !isHTML(ctype) {
			return nil, nil
		}
		body, err = decodeContent(resp.Body, resp.Header.Get("Content-Encoding"))
		if err != nil {
			return nil, err
		}
	case TypeResource:
		ctype = rec.Get("Content-Type")
		if !isHTML(ctype) {
			return nil, nil
		}
		body = rec.Body
	default:
		return nil, nil
	}
	data, err := io.ReadAll(io.LimitReader(body, max+1))
	if err != nil {
		return nil, fmt.Errorf("reading the archived page: %w", err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("archived page is larger than the %d MiB limit", max>>20)
	}
	docs, probs := ingest.Bytes(uri, "", data, ctype, ingest.Options{MaxBytes: max})
	if len(probs) > 0 {
		return nil, probs[0].Err
	}
	if len(docs) != 1 {
		return nil, fmt.Errorf("archived page gave %d documents", len(docs))
	}
	d := docs[0]
	d.ID = ingest.URLID(uri)
	d.URL = uri
	return d, nil
}

func isHTML(ct string) bool {
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
