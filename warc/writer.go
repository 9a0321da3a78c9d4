package warc

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base32"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Writer writes WARC/1.1 records, each as its own gzip member when
// compressing (the layout readers can seek into), each in a single Write
// to the underlying writer; when that is an *os.File, under an exclusive
// lock on the file (flock), so that processes appending to one archive at
// once never interleave their records. It remembers the payload digests it
// wrote (see WritePage). It is not safe for concurrent use.
type Writer struct {
	w    io.Writer
	gzip bool
	zw   *gzip.Writer
	buf  bytes.Buffer
	n    int
	seen map[string]Ref
}

// Ref identifies an archived payload: the record that holds it.
type Ref struct {
	// URI and Date are the record's WARC-Target-URI and WARC-Date; ID its
	// WARC-Record-ID.
	URI, Date, ID string
}

// MaxRemembered bounds the payload digests a Writer remembers (about 200
// bytes each); past it, new payloads are archived in full.
const MaxRemembered = 200000

// NewWriter returns a writer to w; compress selects record-by-record gzip.
func NewWriter(w io.Writer, compress bool) *Writer { return &Writer{w: w, gzip: compress} }

// Remember records that the payload with digest (as Digest gives it) is
// archived in the record ref, so that WritePage refers to it rather than
// storing it again. Beyond MaxRemembered digests it does nothing.
func (w *Writer) Remember(digest string, ref Ref) {
	if w.seen == nil {
		w.seen = map[string]Ref{}
	}
	if _, ok := w.seen[digest]; ok || len(w.seen) >= MaxRemembered {
		return
	}
	w.seen[digest] = ref
}

// Lookup returns the record archiving the payload with digest, if any.
func (w *Writer) Lookup(digest string) (Ref, bool) {
	ref, ok := w.seen[digest]
	return ref, ok
}

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
	id, date := "", ""
	for _, f := range fields {
		switch strings.ToLower(f.Name) {
		case "warc-record-id":
			id = f.Value
		case "warc-date":
			date = f.Value
		}
	}
	if id == "" {
		id = NewRecordID()
		fmt.Fprintf(&buf, "WARC-Record-ID: %s\r\n", id)
	}
	if date == "" {
		date = time.Now().UTC().Format(time.RFC3339)
		fmt.Fprintf(&buf, "WARC-Date: %s\r\n", date)
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
	if typ == TypeResponse || typ == TypeResource {
		for _, f := range fields {
			if strings.EqualFold(f.Name, "WARC-Payload-Digest") {
				uri := ""
				for _, g := range fields {
					if strings.EqualFold(g.Name, "WARC-Target-URI") {
						uri = g.Value
					}
				}
				w.Remember(f.Value, Ref{URI: uri, Date: date, ID: id})
			}
		}
	}
	return nil
}

// write puts one serialised record out in a single Write, as its own gzip
// member when compressing, under an exclusive lock when writing to a file.
func (w *Writer) write(rec []byte) error {
	out := rec
	if w.gzip {
		w.buf.Reset()
		if w.zw == nil {
			w.zw = gzip.NewWriter(&w.buf)
		} else {
			w.zw.Reset(&w.buf)
		}
		if _, err := w.zw.Write(rec); err != nil {
			return err
		}
		if err := w.zw.Close(); err != nil {
			return err
		}
		out = w.buf.Bytes()
	}
	if f, ok := w.w.(*os.File); ok {
		unlock, err := lockFile(f)
		if err != nil {
			return err
		}
		defer unlock()
	}
	_, err := w.w.Write(out)
	return err
}

// WriteResponse writes a response record for uri holding an HTTP/1.1 200
// response with the given headers (sorted by name) and body, with
// WARC-Payload-Digest of the body. Content-Length is set from body; a
// Content-Length or Transfer-Encoding in header is left out, since the
// body is stored whole.
func (w *Writer) WriteResponse(uri string, date time.Time, header map[string]string, body []byte) error {
	blk, err := httpHead(uri, header, len(body))
	if err != nil {
		return err
	}
	blk.Write(body)
	return w.WriteRecord(TypeResponse, []Field{
		{"WARC-Target-URI", uri},
		{"WARC-Date", date.UTC().Format(time.RFC3339)},
		{"WARC-Payload-Digest", Digest(body)},
		{"Content-Type", "application/http; msgtype=response"},
	}, blk.Bytes())
}

// RevisitProfile is the WARC-Profile of a revisit record whose payload is
// identical to an earlier record's (by payload digest).
const RevisitProfile = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"

// WritePage archives a page as WriteResponse does, unless a response with
// the same payload digest was written or remembered already (Remember):
// then it writes a revisit record (profile RevisitProfile) holding the
// HTTP headers only and referring to that response by
// WARC-Refers-To-Target-URI, WARC-Refers-To-Date and WARC-Refers-To. It
// reports whether it wrote a revisit.
func (w *Writer) WritePage(uri string, date time.Time, header map[string]string, body []byte) (revisit bool, err error) {
	digest := Digest(body)
	ref, ok := w.seen[digest]
	if !ok {
		return false, w.WriteResponse(uri, date, header, body)
	}
	blk, err := httpHead(uri, header, len(body))
	if err != nil {
		return false, err
	}
	fields := []Field{
		{"WARC-Target-URI", uri},
		{"WARC-Date", date.UTC().Format(time.RFC3339)},
		{"WARC-Profile", RevisitProfile},
		{"WARC-Refers-To-Target-URI", ref.URI},
		{"WARC-Refers-To-Date", ref.Date},
	}
	if ref.ID != "" {
		fields = append(fields, Field{"WARC-Refers-To", ref.ID})
	}
	fields = append(fields,
		Field{"WARC-Payload-Digest", digest},
		Field{"WARC-Truncated", "length"},
		Field{"Content-Type", "application/http; msgtype=response"})
	return true, w.WriteRecord(TypeRevisit, fields, blk.Bytes())
}

// httpHead serialises the status line and headers of an archived 200
// response with a body of n bytes.
func httpHead(uri string, header map[string]string, n int) (*bytes.Buffer, error) {
	var blk bytes.Buffer
	blk.WriteString("HTTP/1.1 200 OK\r\n")
	names := make([]string, 0, len(header))
	for k := range header {
		if strings.EqualFold(k, "Content-Length") || strings.EqualFold(k, "Transfer-Encoding") {
			continue
		}
		if err := checkField(k, header[k]); err != nil {
			return nil, fmt.Errorf("writing WARC response for %s: HTTP header: %w", uri, err)
		}
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Fprintf(&blk, "%s: %s\r\n", k, header[k])
	}
	fmt.Fprintf(&blk, "Content-Length: %d\r\n\r\n", n)
	return &blk, nil
}
