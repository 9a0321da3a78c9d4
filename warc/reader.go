package warc

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strings"
)

// Reader reads records from a WARC stream, plain or gzip-compressed (one
// gzip member per record, or one member for the whole file).
type Reader struct {
	br      *bufio.Reader
	tp      *textproto.Reader
	zr      *gzip.Reader
	cur     *io.LimitedReader // body of the current record
	offset  int64             // uncompressed bytes consumed before br's buffer
	counter *countingReader
	n       int
}

// countingReader counts the bytes read from the underlying stream.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// NewReader returns a reader for r. A gzip stream is recognised by its
// magic bytes and decompressed member after member.
func NewReader(r io.Reader) (*Reader, error) {
	peek := bufio.NewReaderSize(r, 64<<10)
	magic, _ := peek.Peek(2)
	var src io.Reader = peek
	wr := &Reader{}
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(peek)
		if err != nil {
			return nil, fmt.Errorf("opening gzip stream: %w", err)
		}
		zr.Multistream(true)
		wr.zr = zr
		src = zr
	}
	wr.counter = &countingReader{r: src}
	wr.br = bufio.NewReaderSize(wr.counter, 64<<10)
	wr.tp = textproto.NewReader(wr.br)
	return wr, nil
}

// pos returns the uncompressed offset of the next unread byte.
func (r *Reader) pos() int64 { return r.counter.n - int64(r.br.Buffered()) }

// Next returns the next record, or io.EOF after the last one. The previous
// record's body is skipped if it was not read to the end.
func (r *Reader) Next() (*Record, error) {
	if r.cur != nil {
		if _, err := io.Copy(io.Discard, r.cur); err != nil {
			return nil, fmt.Errorf("skipping body of record %d: %w", r.n, err)
		}
		if r.cur.N > 0 {
			return nil, fmt.Errorf("record %d: %w", r.n, io.ErrUnexpectedEOF)
		}
		r.cur = nil
	}
	// Skip the blank lines that end the previous record (and any stray
	// ones before the first).
	var line string
	var offset int64
	for {
		offset = r.pos()
		l, err := r.tp.ReadLine()
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			return nil, fmt.Errorf("reading record %d: %w", r.n+1, err)
		}
		if strings.TrimSpace(l) != "" {
			line = strings.TrimSpace(l)
			break
		}
	}
	if !strings.HasPrefix(line, "WARC/") {
		return nil, fmt.Errorf("record %d at offset %d: expected a WARC version line, found %.40q", r.n+1, offset, line)
	}
	hdr, err := r.tp.ReadMIMEHeader()
	if err != nil && !(errors.Is(err, io.EOF) && len(hdr) > 0) {
		return nil, fmt.Errorf("record %d at offset %d: reading header: %w", r.n+1, offset, err)
	}
	r.n++
	rec := &Record{Version: line, Header: hdr, Offset: offset}
	n := rec.ContentLength()
	if n < 0 {
		return nil, fmt.Errorf("record %d at offset %d: missing or bad Content-Length %q", r.n, offset, hdr.Get("Content-Length"))
	}
	r.cur = &io.LimitedReader{R: r.br, N: n}
	rec.Body = r.cur
	return rec, nil
}

// Close releases the decompressor, if any. It does not close the
// underlying reader.
func (r *Reader) Close() error {
	if r.zr != nil {
		return r.zr.Close()
	}
	return nil
}
