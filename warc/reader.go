package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strings"
)

// Limits bound what a Reader holds in memory or decompresses for one
// record. Zero fields take the defaults.
type Limits struct {
	// MaxLineBytes bounds one header line (default 64 KiB).
	MaxLineBytes int
	// MaxHeaderBytes bounds a record's header block (default 1 MiB).
	MaxHeaderBytes int
	// MaxRecordBytes bounds a record's Content-Length (default 1 GiB);
	// a larger record is skipped and reported.
	MaxRecordBytes int64
	// MaxSkipBytes bounds the decompressed bytes skipped inside one gzip
	// member while looking for the next record (default 1 MiB); past it
	// the rest of the member is skipped without decompressing it.
	MaxSkipBytes int64
	// MaxRatio bounds how many bytes a gzip member may decompress to per
	// compressed byte once past its first MiB (default 100); a member
	// beyond it is abandoned as a decompression bomb.
	MaxRatio int64
}

// Default limits.
const (
	DefaultMaxLineBytes   = 64 << 10
	DefaultMaxHeaderBytes = 1 << 20
	DefaultMaxRecordBytes = 1 << 30
	DefaultMaxSkipBytes   = 1 << 20
	DefaultMaxRatio       = 100
)

func (l Limits) withDefaults() Limits {
	if l.MaxLineBytes <= 0 {
		l.MaxLineBytes = DefaultMaxLineBytes
	}
	if l.MaxHeaderBytes <= 0 {
		l.MaxHeaderBytes = DefaultMaxHeaderBytes
	}
	if l.MaxRecordBytes <= 0 {
		l.MaxRecordBytes = DefaultMaxRecordBytes
	}
	if l.MaxSkipBytes <= 0 {
		l.MaxSkipBytes = DefaultMaxSkipBytes
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = DefaultMaxRatio
	}
	return l
}

// Kinds of damage a DamageError wraps (test with errors.Is).
var (
	// ErrLimit: a line, header block, record or gzip member over a Limits bound.
	ErrLimit = errors.New("over the limit")
	// ErrGarbage: bytes that are not a WARC record.
	ErrGarbage = errors.New("not a WARC record")
	// ErrBadLength: a Content-Length missing, malformed or not ending the record.
	ErrBadLength = errors.New("bad Content-Length")
	// ErrTruncated: a record or gzip member cut short.
	ErrTruncated = errors.New("cut short")
	// ErrCorrupt: a gzip member that cannot be decompressed.
	ErrCorrupt = errors.New("damaged gzip member")
)

// DamageError reports bytes the Reader skipped: a record over a limit,
// garbage between records, a record whose Content-Length is wrong, a
// damaged or truncated gzip member. Reader.Next returns it (or the record's
// Body does, when the damage shows while reading it) and can be called
// again: it has moved on to the next record it could find.
type DamageError struct {
	// Offset is the file offset of the damage: of the record or garbage in
	// a plain file, of the gzip member holding it in a compressed one.
	Offset int64
	// Within is, in a compressed file, the uncompressed offset of the
	// damage inside the gzip member at Offset.
	Within int64
	// Skipped counts the bytes passed over: uncompressed bytes, and
	// compressed ones when a gzip member had to be skipped whole.
	Skipped, SkippedCompressed int64
	// Record is the number of the record concerned (0: none); URI its
	// WARC-Target-URI when known.
	Record int
	URI    string
	// Reason says what was wrong, naming the limit when one was passed.
	Reason string
	// Kind is one of ErrLimit, ErrGarbage, ErrBadLength, ErrTruncated or
	// ErrCorrupt; Err the underlying error, if any.
	Kind, Err error
	// member marks damage to a gzip member itself, passed over raw.
	member bool
}

// Error says what was damaged, where (record, file offset) and what was
// skipped.
func (e *DamageError) Error() string {
	var b strings.Builder
	if e.Record > 0 {
		fmt.Fprintf(&b, "record %d ", e.Record)
		if e.URI != "" {
			fmt.Fprintf(&b, "(%s) ", e.URI)
		}
	}
	fmt.Fprintf(&b, "at offset %d", e.Offset)
	if e.Within > 0 {
		fmt.Fprintf(&b, " (byte %d of its gzip member)", e.Within)
	}
	b.WriteString(": ")
	b.WriteString(e.Reason)
	if e.Err != nil {
		fmt.Fprintf(&b, " (%v)", e.Err)
	}
	switch {
	case e.Skipped > 0 && e.SkippedCompressed > 0:
		fmt.Fprintf(&b, "; skipped %d bytes, then %d compressed bytes", e.Skipped, e.SkippedCompressed)
	case e.Skipped > 0:
		fmt.Fprintf(&b, "; skipped %d bytes", e.Skipped)
	case e.SkippedCompressed > 0:
		fmt.Fprintf(&b, "; skipped %d compressed bytes", e.SkippedCompressed)
	}
	return b.String()
}

// Is reports whether target is e's Kind.
func (e *DamageError) Is(target error) bool { return target == e.Kind }

// Unwrap returns the underlying error.
func (e *DamageError) Unwrap() error { return e.Err }

const bufSize = 64 << 10

// Reader reads records from a WARC stream, plain or gzip-compressed (one
// gzip member per record, or one member for the whole file), within
// Limits. It streams: memory stays bounded by the limits whatever the
// input. Damage is reported and passed over: the reader resynchronises on
// the next gzip member whose data starts with a WARC version line, or on
// the next line starting "WARC/1." (or "WARC/0."). When the input can seek
// (a file), it goes back to resynchronise after a damaged member or a
// Content-Length that ran too far; from a pipe it cannot, and such damage
// may take the next record with it.
type Reader struct {
	lim    Limits
	rc     *countingReader
	seeker io.Seeker
	base   int64         // file offset of rc's first byte
	zbr    *bufio.Reader // the raw (compressed) bytes
	gz     bool
	zr     *gzip.Reader
	probe  *gzip.Reader
	mr     memberReader
	br     *bufio.Reader // record bytes: zbr (plain) or over mr (gzip)
	inSeg  bool          // a gzip member (or the plain stream) is open
	mStart int64         // file offset of the current gzip member
	n      int
	cur    *body
	// after is damage found after a record's body, acted on by Next.
	after   *DamageError
	goodEnd int64 // file offset after the last complete gzip member
	fatal   error
}

// countingReader counts the bytes read from the underlying stream and
// keeps its first error other than EOF.
type countingReader struct {
	r   io.Reader
	n   int64
	err error
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if err != nil && err != io.EOF && c.err == nil {
		c.err = err
	}
	return n, err
}

// memberReader reads the current gzip member, counting its output and
// refusing a decompression bomb.
type memberReader struct {
	r   *Reader
	out int64
	err error
}

// errBomb marks a member abandoned for its decompression ratio.
var errBomb = errors.New("decompression bomb")

func (m *memberReader) Read(p []byte) (int, error) {
	if m.err != nil {
		return 0, m.err
	}
	r := m.r
	n, err := r.zr.Read(p)
	m.out += int64(n)
	switch {
	case err == io.EOF:
		r.goodEnd = r.cpos()
		m.err = io.EOF
	case err != nil && r.rc.err != nil:
		m.err = r.rc.err
	case err != nil:
		m.err = &memberError{err}
	case m.out > 1<<20 && m.out > r.lim.MaxRatio*(r.cpos()-r.mStart+1):
		m.err = errBomb
	}
	if m.err != nil && n > 0 {
		return n, nil
	}
	return n, m.err
}

// memberError wraps a decompression error of the current member.
type memberError struct{ err error }

func (e *memberError) Error() string { return e.err.Error() }

// NewReader returns a reader for r with the default Limits.
func NewReader(r io.Reader) (*Reader, error) { return NewReaderLimits(r, Limits{}) }

// NewReaderLimits returns a reader for r within lim. A gzip stream is
// recognised by its magic bytes and decompressed member after member.
func NewReaderLimits(r io.Reader, lim Limits) (*Reader, error) {
	wr := &Reader{lim: lim.withDefaults(), rc: &countingReader{r: r}}
	if s, ok := r.(io.Seeker); ok {
		if off, err := s.Seek(0, io.SeekCurrent); err == nil {
			wr.seeker, wr.base = s, off
		}
	}
	wr.zbr = bufio.NewReaderSize(wr.rc, bufSize)
	magic, _ := wr.zbr.Peek(3)
	if isGzipMagic(magic) {
		wr.gz = true
		wr.mr.r = wr
		wr.br = bufio.NewReaderSize(&wr.mr, bufSize)
	} else {
		wr.br = wr.zbr
	}
	if wr.rc.err != nil {
		return nil, fmt.Errorf("reading WARC stream: %w", wr.rc.err)
	}
	return wr, nil
}

func isGzipMagic(b []byte) bool { return len(b) >= 3 && b[0] == 0x1f && b[1] == 0x8b && b[2] == 8 }

// cpos returns the file offset of the next unread raw byte.
func (r *Reader) cpos() int64 { return r.base + r.rc.n - int64(r.zbr.Buffered()) }

// where returns the file offset and in-member offset of the next unread
// record byte.
func (r *Reader) where() (int64, int64) {
	if !r.gz {
		return r.cpos(), 0
	}
	return r.mStart, r.mr.out - int64(r.br.Buffered())
}

// GoodEnd returns, for a gzip stream, the file offset just past the last
// gzip member read whole with a good checksum.
func (r *Reader) GoodEnd() int64 { return r.goodEnd }

// seekTo moves the raw stream to file offset off.
func (r *Reader) seekTo(off int64) error {
	if _, err := r.seeker.Seek(off, io.SeekStart); err != nil {
		return err
	}
	r.base, r.rc.n = off, 0
	r.zbr.Reset(r.rc)
	return nil
}

// openSegment starts the next gzip member (or the plain stream).
func (r *Reader) openSegment() error {
	if !r.gz {
		if _, err := r.br.Peek(1); err == io.EOF {
			return io.EOF
		}
		r.inSeg = true
		return nil
	}
	start := r.cpos()
	if _, err := r.zbr.Peek(1); err != nil {
		if r.rc.err != nil {
			return r.fail(r.rc.err)
		}
		return io.EOF
	}
	var err error
	if r.zr == nil {
		r.zr, err = gzip.NewReader(r.zbr)
	} else {
		err = r.zr.Reset(r.zbr)
	}
	if err != nil {
		if r.rc.err != nil {
			return r.fail(r.rc.err)
		}
		return r.skipRaw(start, &DamageError{Offset: start, Kind: ErrGarbage, Reason: "bytes that are not a gzip member", Err: err})
	}
	r.zr.Multistream(false)
	r.mStart = start
	r.mr.out, r.mr.err = 0, nil
	r.br.Reset(&r.mr)
	r.inSeg = true
	return nil
}

func (r *Reader) fail(err error) error {
	r.fatal = fmt.Errorf("reading WARC stream: %w", err)
	return r.fatal
}

// skipRaw passes over raw bytes from the damaged member (or garbage) at
// from to the next gzip member whose data starts with a WARC version line,
// going back to from+1 when the input can seek, and returns d completed
// with the bytes skipped.
func (r *Reader) skipRaw(from int64, d *DamageError) error {
	r.inSeg = false
	if r.seeker != nil && from+1 < r.cpos() {
		if err := r.seekTo(from + 1); err != nil {
			return r.fail(err)
		}
	} else if r.cpos() == from {
		r.zbr.Discard(1)
	}
	for {
		win, err := r.zbr.Peek(bufSize)
		if len(win) < 3 {
			r.zbr.Discard(len(win))
			if r.rc.err != nil {
				return r.fail(r.rc.err)
			}
			_ = err
			break
		}
		i := bytes.Index(win, []byte{0x1f, 0x8b, 8})
		if i < 0 {
			r.zbr.Discard(len(win) - 2)
			continue
		}
		if i > 0 && len(win)-i < 8<<10 && err == nil {
			r.zbr.Discard(i) // bring the candidate to the window's start
			continue
		}
		if r.looksLikeRecordMember(win[i:]) {
			r.zbr.Discard(i)
			break
		}
		r.zbr.Discard(i + 1)
	}
	d.SkippedCompressed = r.cpos() - from
	return d
}

// looksLikeRecordMember reports whether b starts a gzip member whose data
// starts with a WARC version line.
func (r *Reader) looksLikeRecordMember(b []byte) bool {
	var err error
	if r.probe == nil {
		r.probe, err = gzip.NewReader(bytes.NewReader(b))
	} else {
		err = r.probe.Reset(bytes.NewReader(b))
	}
	if err != nil {
		return false
	}
	r.probe.Multistream(false)
	var head [16]byte
	n, _ := io.ReadFull(r.probe, head[:])
	return isVersion(bytes.TrimLeft(head[:n], "\r\n \t"))
}

func isVersion(b []byte) bool {
	return bytes.HasPrefix(b, []byte("WARC/1.")) || bytes.HasPrefix(b, []byte("WARC/0."))
}

// segErr sorts an error met reading record bytes: the end of the segment
// (nil is returned and the segment closed), a damaged member (a
// DamageError), or a fatal read error.
func (r *Reader) segErr(err error) error {
	r.inSeg = false
	var me *memberError
	switch {
	case err == io.EOF:
		return nil
	case errors.As(err, &me):
		return &DamageError{Offset: r.mStart, Within: r.mr.out, Kind: ErrCorrupt, Reason: "damaged gzip member", Err: me.err, member: true}
	case err == errBomb:
		return &DamageError{Offset: r.mStart, Within: r.mr.out, Kind: ErrLimit, member: true,
			Reason: fmt.Sprintf("gzip member decompresses to more than %d times its size (a decompression bomb)", r.lim.MaxRatio)}
	}
	return r.fail(err)
}

// resyncAfter completes d after damage met inside a segment: a damaged
// member is skipped raw (from its start), anything else by skipping record
// bytes to the next record.
func (r *Reader) resyncAfter(d *DamageError, err error) error {
	if err == nil {
		return d
	}
	if r.fatal != nil {
		return r.fatal
	}
	var dd *DamageError
	if errors.As(err, &dd) {
		if dd.member {
			if d != dd {
				d.Reason += "; then " + dd.Reason
				if d.Err == nil {
					d.Err = dd.Err
				}
			}
			start := r.mStart
			if dd.Kind != ErrCorrupt { // a bomb: go on from here, not back into it
				start = r.cpos() - 1
			}
			return r.skipRaw(start, d)
		}
	}
	return d
}

// skipToRecord passes over record bytes up to the next line starting with
// a WARC version, within MaxSkipBytes in a gzip member (past it the member
// is skipped raw). It adds what it skipped to d and returns d (or a fatal
// error).
func (r *Reader) skipToRecord(d *DamageError, midLine bool) error {
	if !r.inSeg {
		return d
	}
	for {
		if !midLine {
			b, err := r.br.Peek(7)
			if isVersion(b) {
				return d
			}
			if err != nil && len(b) < 7 {
				d.Skipped += int64(len(b))
				r.br.Discard(len(b))
				return r.resyncAfter(d, r.segErr(err))
			}
		}
		line, err := r.br.ReadSlice('\n')
		d.Skipped += int64(len(line))
		midLine = err == bufio.ErrBufferFull
		if err != nil && err != bufio.ErrBufferFull {
			return r.resyncAfter(d, r.segErr(err))
		}
		if r.gz && d.Skipped > r.lim.MaxSkipBytes {
			d.Reason += fmt.Sprintf("; gave up on the gzip member after the %d-byte limit", r.lim.MaxSkipBytes)
			return r.skipRaw(r.cpos()-1, d)
		}
	}
}

// readLine reads one line without its line end, up to max bytes. tooLong
// is set (and the rest of the line left unread) when the line is longer.
func (r *Reader) readLine(max int, buf []byte) (line []byte, n int, tooLong bool, err error) {
	line = buf[:0]
	for {
		frag, err := r.br.ReadSlice('\n')
		n += len(frag)
		if len(line)+len(frag) > max+2 {
			return line, n, true, nil
		}
		line = append(line, frag...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return line, n, false, err
		}
		line = bytes.TrimRight(line, "\r\n")
		return line, n, false, nil
	}
}

// Next returns the next record, or io.EOF after the last one. The previous
// record's body is skipped if it was not read to the end. A *DamageError
// says what was skipped; call Next again to go on. Any other error is
// final.
func (r *Reader) Next() (*Record, error) {
	if r.fatal != nil {
		return nil, r.fatal
	}
	if b := r.cur; b != nil {
		r.cur = nil
		b.drain()
		if r.fatal != nil {
			return nil, r.fatal
		}
		if b.err != io.EOF {
			err := r.afterBadBody(b)
			if !b.told {
				return nil, err
			}
			if r.fatal != nil {
				return nil, r.fatal
			}
		}
	}
	for {
		if !r.inSeg {
			if err := r.openSegment(); err != nil {
				return nil, err
			}
		}
		rec, err := r.readRecord()
		if rec == nil && err == nil {
			continue // the segment ended
		}
		return rec, err
	}
}

// afterBadBody resynchronises after a record whose body ended in damage
// (b.err), returning that damage completed.
func (r *Reader) afterBadBody(b *body) error {
	d, ok := b.err.(*DamageError)
	if !ok {
		return b.err
	}
	switch {
	case d.member:
		return r.resyncAfter(d, d)
	case !r.gz && r.seeker != nil:
		// The Content-Length ran over or short: look for the next record
		// from the start of the body.
		if err := r.seekTo(b.start); err != nil {
			return r.fail(err)
		}
		r.inSeg = true
		return r.skipToRecord(d, true)
	case r.inSeg:
		return r.skipToRecord(d, false)
	}
	return d
}

// readRecord reads the next record's header in the open segment: nil, nil
// at the segment's end.
func (r *Reader) readRecord() (*Record, error) {
	// Skip the blank lines that end the previous record.
	for {
		b, err := r.br.Peek(1)
		if len(b) == 0 {
			serr := r.segErr(err)
			if d, ok := serr.(*DamageError); ok {
				return nil, r.resyncAfter(d, d)
			}
			return nil, serr // nil at the segment's end, or fatal
		}
		if c := b[0]; c != '\r' && c != '\n' && c != ' ' && c != '\t' {
			break
		}
		r.br.Discard(1)
	}
	off, within := r.where()
	if b, _ := r.br.Peek(7); !isVersion(b) {
		d := &DamageError{Offset: off, Within: within, Kind: ErrGarbage, Reason: "bytes that are not a WARC record"}
		return nil, r.skipToRecord(d, false)
	}
	r.n++
	damage := func(kind error, reason string, midLine bool) error {
		d := &DamageError{Offset: off, Within: within, Record: r.n, Kind: kind, Reason: reason}
		return r.skipToRecord(d, midLine)
	}
	var buf []byte
	version, n, tooLong, err := r.readLine(r.lim.MaxLineBytes, buf)
	if tooLong {
		return nil, damage(ErrLimit, fmt.Sprintf("version line longer than the %d-byte limit", r.lim.MaxLineBytes), true)
	}
	rec := &Record{Version: strings.TrimSpace(string(version)), Header: textproto.MIMEHeader{}, Offset: off, Within: within, Number: r.n}
	total := n
	var last string
	for err == nil {
		var line []byte
		line, n, tooLong, err = r.readLine(r.lim.MaxLineBytes, buf)
		total += n
		if err != nil && !tooLong {
			break
		}
		if tooLong {
			d := damage(ErrLimit, fmt.Sprintf("header line longer than the %d-byte limit", r.lim.MaxLineBytes), true)
			if dd, ok := d.(*DamageError); ok {
				dd.URI = rec.TargetURI()
			}
			return nil, d
		}
		if total > r.lim.MaxHeaderBytes {
			return nil, damage(ErrLimit, fmt.Sprintf("header longer than the %d-byte limit", r.lim.MaxHeaderBytes), false)
		}
		if len(line) == 0 && err == nil {
			break
		}
		if line[0] == ' ' || line[0] == '\t' { // a folded line continues the last field
			if last != "" {
				v := rec.Header[last]
				v[len(v)-1] += " " + strings.TrimSpace(string(line))
			}
			continue
		}
		name, value, ok := strings.Cut(string(line), ":")
		if !ok {
			continue
		}
		last = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(name))
		rec.Header[last] = append(rec.Header[last], strings.TrimSpace(value))
	}
	if err != nil {
		d := &DamageError{Offset: off, Within: within, Record: r.n, URI: rec.TargetURI(), Kind: ErrTruncated, Reason: "record cut short in its header"}
		return nil, r.resyncAfter(d, r.segErr(err))
	}
	cl := rec.ContentLength()
	if cl < 0 {
		d := damage(ErrBadLength, fmt.Sprintf("missing or bad Content-Length %.40q", rec.Get("Content-Length")), false)
		if dd, ok := d.(*DamageError); ok {
			dd.URI = rec.TargetURI()
		}
		return nil, d
	}
	b := &body{r: r, left: cl, size: cl, rec: rec}
	if !r.gz {
		b.start = r.cpos()
	}
	if cl > r.lim.MaxRecordBytes {
		// Skip the block; a Content-Length that lies is caught as for any
		// record.
		b.drain()
		if r.fatal != nil {
			return nil, r.fatal
		}
		d := &DamageError{Offset: off, Within: within, Record: r.n, URI: rec.TargetURI(), Kind: ErrLimit,
			Reason: fmt.Sprintf("Content-Length %d is over the %d-byte limit", cl, r.lim.MaxRecordBytes), Skipped: cl - b.left}
		if bd, ok := b.err.(*DamageError); ok {
			d.Reason += "; " + bd.Reason
			if err := r.afterBadBody(b); r.fatal != nil {
				return nil, err
			}
			d.Skipped += bd.Skipped
			d.SkippedCompressed += bd.SkippedCompressed
		}
		return nil, d
	}
	rec.Body = b
	r.cur = b
	return rec, nil
}

// body reads a record's block: Content-Length bytes, then checks that the
// record ends there.
type body struct {
	r     *Reader
	left  int64
	size  int64
	start int64 // file offset of the block (plain streams)
	rec   *Record
	err   error // sticky: io.EOF or the damage
	told  bool  // err was returned to the caller
}

// Read reads the block; at its end it returns io.EOF, or a *DamageError
// when the record does not end there (or the stream ends first).
func (b *body) Read(p []byte) (int, error) {
	n, err := b.read(p)
	if err != nil && err != io.EOF {
		b.told = true
	}
	return n, err
}

// drain reads the rest of the block.
func (b *body) drain() {
	var buf [4096]byte
	for b.err == nil {
		b.read(buf[:])
	}
}

func (b *body) read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	r := b.r
	if b.left == 0 {
		b.err = r.endRecord(b)
		return 0, b.err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := r.br.Read(p)
	b.left -= int64(n)
	if err != nil {
		if serr := r.segErr(err); serr != nil {
			if d, ok := serr.(*DamageError); ok {
				d.Record, d.URI = b.rec.Number, b.rec.TargetURI()
				d.Reason = fmt.Sprintf("record cut short after %d of its %d bytes: %s", b.size-b.left, b.size, d.Reason)
			}
			b.err = serr
		} else {
			b.err = b.damage(ErrTruncated, fmt.Sprintf("record cut short: the %s ends %d bytes before its Content-Length of %d", r.unit(), b.left, b.size))
		}
		if n > 0 {
			return n, nil
		}
		return 0, b.err
	}
	return n, nil
}

func (r *Reader) unit() string {
	if r.gz {
		return "gzip member"
	}
	return "file"
}

func (b *body) damage(kind error, reason string) *DamageError {
	return &DamageError{Offset: b.rec.Offset, Within: b.rec.Within, Record: b.rec.Number, URI: b.rec.TargetURI(), Kind: kind, Reason: reason}
}

// endRecord checks and consumes the end of a record after its block: the
// blank lines that close it, or the end of its gzip member or the file.
func (r *Reader) endRecord(b *body) error {
	head, err := r.br.Peek(4)
	switch {
	case len(head) == 0 && err != nil:
		if serr := r.segErr(err); serr != nil {
			return serr
		}
		return io.EOF
	case head[0] == '\n' || bytes.HasPrefix(head, []byte("\r\n")):
		for i := 0; i < len(head) && (head[i] == '\r' || head[i] == '\n'); i++ {
			r.br.Discard(1)
		}
		return io.EOF
	}
	return b.damage(ErrBadLength, fmt.Sprintf("Content-Length %d does not end the record (%q follows)", b.size, head))
}

// Close releases the decompressor, if any. It does not close the
// underlying reader.
func (r *Reader) Close() error {
	if r.zr != nil {
		return r.zr.Close()
	}
	return nil
}
