package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"github.com/corroborate/corroborate/document"
)

// add turns the content of one input into documents and keeps them. name
// is the path used for the extension and ID ("-" for standard input).
func (r *reader) add(source, name string, data []byte) {
	docs, probs := r.convert(source, name, data, 0)
	r.docs = append(r.docs, docs...)
	r.problems = append(r.problems, probs...)
}

// Bytes turns the content of one input already in memory into documents,
// as Read does for a file: source is what problems and documents name,
// name gives the extension and ID stem ("-" or "" for none). Fetchers and
// archive readers use it to share ingest's checks and decoding.
func Bytes(source, name string, data []byte, contentType string, opts Options) ([]*document.Document, []document.Problem) {
	r := &reader{opts: opts, log: opts.logger(), contentType: contentType}
	if opts.Published != "" {
		if d, err := ParseDate(opts.Published, "user"); err == nil {
			r.published = d
		}
	}
	return r.convert(source, name, data, 0)
}

func (r *reader) fail(source string, err error) ([]*document.Document, []document.Problem) {
	return nil, []document.Problem{{Source: source, Stage: Stage, Err: err}}
}

// convert checks, decodes and parses data. depth counts decompressions.
func (r *reader) convert(source, name string, data []byte, depth int) ([]*document.Document, []document.Problem) {
	if len(data) == 0 {
		return r.fail(source, reason(ErrEmpty, "empty input"))
	}
	if data[0] == 0x1f && len(data) > 1 && data[1] == 0x8b {
		if depth > 0 || !strings.HasSuffix(strings.ToLower(name), ".gz") {
			return r.fail(source, reason(ErrBinary, "binary input: gzip-compressed data (name it *.gz to have it decompressed)"))
		}
		plain, warn, err := gunzip(data, r.opts.maxBytes())
		if err != nil {
			return r.fail(source, err)
		}
		docs, probs := r.convert(source, strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".GZ"), plain, depth+1)
		for _, d := range docs {
			if warn != nil {
				d.AddProblem(Stage, warn)
			}
		}
		return docs, probs
	}
	if !hasBOM(data) && sniffUTF16(data) == "" {
		if m := magicName(data); m != "" {
			return r.fail(source, reason(ErrBinary, "binary input: %s", m))
		}
		if why := binaryReason(data); why != "" {
			return r.fail(source, reason(ErrBinary, "binary input: %s", why))
		}
	}
	k, byName := kindByName(name)
	if !byName && r.contentType != "" {
		k, byName = kindByMediaType(r.contentType)
	}
	dec := Decode(data, r.contentType, k == kindHTML || (!byName && looksHTMLBytes(data)))
	text, stripped := stripControls(dec.Text)
	if stripped > 0 {
		r.log.Debug("removed control characters", "input", source, "count", stripped)
	}
	if trimmedEmpty(text) {
		return r.fail(source, reason(ErrWhitespace, "input has only whitespace"))
	}
	if !byName {
		if jk, ok := sniffJSON(text); ok {
			k = jk
		} else if looksHTML(text) {
			k = kindHTML
		}
	}
	switch k {
	case kindJSON, kindJSONL:
		return r.records(source, name, text, dec, k)
	}
	d := r.newDoc(StemID(name), source, text, dec)
	d.Format = document.FormatText
	if k == kindHTML {
		d.Format = document.FormatHTML
	}
	return []*document.Document{d}, nil
}

// kindByMediaType picks the format from an HTTP Content-Type; ok is false
// for types that say nothing useful (application/octet-stream, say).
func kindByMediaType(ct string) (kind, bool) {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return kindText, false
	}
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		return kindHTML, true
	case mt == "application/json":
		return kindJSON, true
	case mt == "application/x-ndjson" || mt == "application/jsonl":
		return kindJSONL, true
	case mt == "text/plain":
		return kindText, true
	}
	return kindText, false
}

// looksHTMLBytes applies the HTML sniff to undecoded bytes (enough to decide
// whether a <meta charset> should be honoured).
func looksHTMLBytes(b []byte) bool {
	if len(b) > 1024 {
		b = b[:1024]
	}
	return looksHTML(string(bytes.ToValidUTF8(b, nil)))
}

// newDoc starts a document with the fields every format shares.
func (r *reader) newDoc(id, source, raw string, dec Decoded) *document.Document {
	d := &document.Document{ID: id, Source: source, Raw: raw, Encoding: dec.Encoding}
	if dec.Warning != nil {
		d.AddProblem(Stage, dec.Warning)
	}
	if !r.published.IsZero() {
		d.Published = r.published
	}
	return d
}

// gunzip decompresses data, refusing output over max bytes. A stream cut
// short keeps what decompressed, with a warning.
func gunzip(data []byte, max int64) (plain []byte, warn, err error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, nil, fmt.Errorf("decompressing gzip: %w", err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(zr, max+1))
	if n > max {
		return nil, nil, sizeError(n, max, true, "decompressed input")
	}
	if errors.Is(err, io.ErrUnexpectedEOF) && n > 0 {
		return buf.Bytes(), fmt.Errorf("gzip stream ends early (truncated file?); kept the %s that decompressed", humanBytes(n)), nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("decompressing gzip (corrupt?): %w", err)
	}
	return buf.Bytes(), nil, nil
}

// stripControls removes C0 control characters other than tab, line feed
// and carriage return (form and line feeds become newlines) and DEL, and
// returns how many it removed or replaced.
func stripControls(s string) (string, int) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f {
			n++
		}
	}
	if n == 0 {
		return s, 0
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\f' || c == '\v':
			b.WriteByte('\n')
		case (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f:
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), n
}
