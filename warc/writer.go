package warc

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Writer writes WARC/1.1 records, each as its own gzip member when
// compressing (the layout readers can seek into).
type Writer struct {
	w    io.Writer
	gzip bool
	zw   *gzip.Writer
	n    int
}

// NewWriter returns a writer to w; compress selects record-by-record gzip.
func NewWriter(w io.Writer, compress bool) *Writer { return &Writer{w: w, gzip: compress} }

// Field is one header field; order is kept as given.
type Field struct{ Name, Value string }

// WriteRecord writes one record with the given fields and block. It adds
// WARC-Record-ID, WARC-Date and Content-Length when the fields lack them.
func (w *Writer) WriteRecord(typ string, fields []Field, block []byte) error {
	w.n++
	var buf bytes.Buffer
	buf.WriteString("WARC/1.1\r\n")
	have := map[string]bool{}
	for _, f := range fields {
		have[strings.ToLower(f.Name)] = true
	}
	fmt.Fprintf(&buf, "WARC-Type: %s\r\n", typ)
	if !have["warc-record-id"] {
		fmt.Fprintf(&buf, "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n", w.n)
	}
	if !have["warc-date"] {
		fmt.Fprintf(&buf, "WARC-Date: %s\r\n", time.Now().UTC().Format(time.RFC3339))
	}
	for _, f := range fields {
		if strings.EqualFold(f.Name, "Content-Length") || strings.EqualFold(f.Name, "WARC-Type") {
			continue
		}
		fmt.Fprintf(&buf, "%s: %s\r\n", f.Name, f.Value)
	}
	buf.WriteString("Content-Length: " + strconv.Itoa(len(block)) + "\r\n\r\n")
	buf.Write(block)
	buf.WriteString("\r\n\r\n")
	if !w.gzip {
		_, err := w.w.Write(buf.Bytes())
		return err
	}
	if w.zw == nil {
		w.zw = gzip.NewWriter(w.w)
	} else {
		w.zw.Reset(w.w)
	}
	if _, err := w.zw.Write(buf.Bytes()); err != nil {
		return err
	}
	return w.zw.Close()
}

// WriteResponse writes a response record for uri holding an HTTP/1.1 200
// response with the given headers (sorted by name) and body.
func (w *Writer) WriteResponse(uri string, date time.Time, header map[string]string, body []byte) error {
	var blk bytes.Buffer
	blk.WriteString("HTTP/1.1 200 OK\r\n")
	names := make([]string, 0, len(header))
	for k := range header {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Fprintf(&blk, "%s: %s\r\n", k, header[k])
	}
	fmt.Fprintf(&blk, "Content-Length: %d\r\n\r\n", len(body))
	blk.Write(body)
	return w.WriteRecord(TypeResponse, []Field{
		{"WARC-Target-URI", uri},
		{"WARC-Date", date.UTC().Format(time.RFC3339)},
		{"Content-Type", "application/http; msgtype=response"},
	}, blk.Bytes())
}
