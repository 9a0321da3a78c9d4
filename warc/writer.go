package warc

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base32"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Writer writes WARC/1.1 records, each as its own gzip member when
// compressing (the layout readers can seek into). It is not safe for
// concurrent use.
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

// NewRecordID returns a fresh WARC-Record-ID: a random (version 4) UUID
// URN in angle brackets.
func NewRecordID() string {
	var b [16]byte
	rand.Read(b[:]) // never fails (crypto/rand panics rather than return an error)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("<urn:uuid:%x-%x-%x-%x-%x>", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// Digest returns the WARC digest of data: "sha1:" and the base32 SHA-1, the
// form WARC-Block-Digest and WARC-Payload-Digest use.
func Digest(data []byte) string {
	sum := sha1.Sum(data)
	return "sha1:" + base32.StdEncoding.EncodeToString(sum[:])
}

// checkField refuses a header field that would break the record: an empty
// or non-token name, or a line break or other control byte in the value.
func checkField(name, value string) error {
	if name == "" {
		return fmt.Errorf("empty field name")
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; c <= ' ' || c >= 0x7f || strings.IndexByte("()<>@,;:\\\"/[]?={}", c) >= 0 {
			return fmt.Errorf("field name %q has the character %q", name, c)
		}
	}
	for i := 0; i < len(value); i++ {
		if c := value[i]; (c < ' ' && c != '\t') || c == 0x7f {
			return fmt.Errorf("field %s: value has the control character %q", name, c)
		}
	}
	return nil
}

// WriteRecord writes one record with the given fields and block. It adds
// WARC-Record-ID (a random UUID), WARC-Date (now), WARC-Block-Digest and
// Content-Length when the fields lack them. A field whose name or value
// would break the record (a line break in a URI, say) is refused.
func (w *Writer) WriteRecord(typ string, fields []Field, block []byte) error {
	w.n++
	if err := checkField("WARC-Type", typ); err != nil || typ == "" {
		return fmt.Errorf("writing WARC record %d: bad record type %q", w.n, typ)
	}
	have := map[string]bool{}
	for _, f := range fields {
		if err := checkField(f.Name, f.Value); err != nil {
			return fmt.Errorf("writing WARC record %d: %w", w.n, err)
		}
		have[strings.ToLower(f.Name)] = true
	}
	var buf bytes.Buffer
	buf.WriteString("WARC/1.1\r\n")
	fmt.Fprintf(&buf, "WARC-Type: %s\r\n", typ)
	if !have["warc-record-id"] {
		fmt.Fprintf(&buf, "WARC-Record-ID: %s\r\n", NewRecordID())
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
	if !have["warc-block-digest"] {
		fmt.Fprintf(&buf, "WARC-Block-Digest: %s\r\n", Digest(block))
	}
	buf.WriteString("Content-Length: " + strconv.Itoa(len(block)) + "\r\n\r\n")
	buf.Write(block)
	buf.WriteString("\r\n\r\n")
	if err := w.write(buf.Bytes()); err != nil {
		return fmt.Errorf("writing WARC record %d: %w", w.n, err)
	}
	return nil
}

// write puts one serialised record out, as its own gzip member when
// compressing.
func (w *Writer) write(rec []byte) error {
	if !w.gzip {
		_, err := w.w.Write(rec)
		return err
	}
	if w.zw == nil {
		w.zw = gzip.NewWriter(w.w)
	} else {
		w.zw.Reset(w.w)
	}
	if _, err := w.zw.Write(rec); err != nil {
		return err
	}
	return w.zw.Close()
}

// WriteResponse writes a response record for uri holding an HTTP/1.1 200
// response with the given headers (sorted by name) and body, with
// WARC-Payload-Digest of the body. Content-Length is set from body; a
// Content-Length or Transfer-Encoding in header is left out, since the
// body is stored whole.
func (w *Writer) WriteResponse(uri string, date time.Time, header map[string]string, body []byte) error {
	var blk bytes.Buffer
	blk.WriteString("HTTP/1.1 200 OK\r\n")
	names := make([]string, 0, len(header))
	for k := range header {
		if strings.EqualFold(k, "Content-Length") || strings.EqualFold(k, "Transfer-Encoding") {
			continue
		}
		if err := checkField(k, header[k]); err != nil {
			return fmt.Errorf("writing WARC response for %s: HTTP header: %w", uri, err)
		}
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
		{"WARC-Payload-Digest", Digest(body)},
		{"Content-Type", "application/http; msgtype=response"},
	}, blk.Bytes())
}
