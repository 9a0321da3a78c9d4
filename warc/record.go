package warc

import (
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"time"
)

// Record types of WARC 1.1.
const (
	TypeWarcinfo     = "warcinfo"
	TypeResponse     = "response"
	TypeResource     = "resource"
	TypeRequest      = "request"
	TypeMetadata     = "metadata"
	TypeRevisit      = "revisit"
	TypeConversion   = "conversion"
	TypeContinuation = "continuation"
)

// Record is one WARC record. Body reads the record's content block; it is
// valid only until the next call to Reader.Next.
type Record struct {
	// Version is the WARC version line, e.g. "WARC/1.1".
	Version string
	// Header holds the named fields, canonicalised by net/textproto
	// ("Warc-Type"); use Get with any capitalisation.
	Header textproto.MIMEHeader
	// Body is the content block, exactly Content-Length bytes.
	Body io.Reader
	// Offset is where the record starts in the file: the byte offset of
	// its version line in a plain file, of the gzip member holding it in
	// a compressed one.
	Offset int64
	// Within is, in a compressed file, the uncompressed offset of the
	// record inside the gzip member at Offset: 0 when each record has its
	// own member.
	Within int64
	// Number counts the records met in the stream, from 1 (records skipped
	// for damage included).
	Number int
}

// Get returns the first value of a header field (case-insensitive).
func (r *Record) Get(name string) string { return r.Header.Get(name) }

// Type returns WARC-Type.
func (r *Record) Type() string { return r.Header.Get("WARC-Type") }

// TargetURI returns WARC-Target-URI without the angle brackets some writers
// put around it.
func (r *Record) TargetURI() string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(r.Header.Get("WARC-Target-URI")), "<"), ">")
}

// Date returns WARC-Date, or the zero time when absent or malformed.
func (r *Record) Date() time.Time {
	t, err := time.Parse(time.RFC3339Nano, r.Header.Get("WARC-Date"))
	if err != nil {
		return time.Time{}
	}
	return t
}

// ContentLength returns the Content-Length field, or -1 when missing or
// malformed.
func (r *Record) ContentLength() int64 {
	n, err := strconv.ParseInt(strings.TrimSpace(r.Header.Get("Content-Length")), 10, 64)
	if err != nil || n < 0 {
		return -1
	}
	return n
}
