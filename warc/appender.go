package warc

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// MaxTornTail is the largest incomplete gzip member OpenAppender removes
// from the end of an archive. A larger one is left in place (readers skip
// it) rather than lose what can still be read from it.
const MaxTornTail = 64 << 20

// Appender appends records to a gzip-compressed WARC file that other
// processes may append to at the same time. Each record is one gzip
// member, written in a single write under an exclusive lock on the file
// (flock). Before each write, under the lock, it reads what others
// appended since its last look, so that a payload archived by anyone is
// not stored again (WritePage writes a revisit record instead), and it
// removes an incomplete member left at the end by a writer that was
// stopped mid-write. It is not safe for concurrent use by goroutines.
type Appender struct {
	f       *os.File
	path    string
	w       *Writer
	end     int64 // file size after our last look: a member boundary
	notices []string
}

// appendFile hides the *os.File from the Writer, which would otherwise
// lock it itself: the Appender holds the lock across its look and write.
type appendFile struct{ f *os.File }

func (a appendFile) Write(p []byte) (int, error) { return a.f.Write(p) }

// OpenAppender opens (creating it if needed) the archive at path for
// appending, under the lock: it checks that the file is a gzip WARC file,
// reads the payload digests of the responses it holds (bounded: see
// MaxRemembered), and truncates an incomplete gzip member at its end back
// to the end of the last complete one (see Notices).
func OpenAppender(path string) (*Appender, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("opening web archive: %w", err)
	}
	a := &Appender{f: f, path: path, w: NewWriter(appendFile{f}, true)}
	unlock, err := lockFile(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	defer unlock()
	if err := a.catchUp(); err != nil {
		f.Close()
		return nil, err
	}
	return a, nil
}

// Notices returns what OpenAppender and the writes found and did to the
// file besides appending (an incomplete record removed, damage left in
// place), one sentence each, naming the file, the offset and the size.
func (a *Appender) Notices() []string { return a.notices }

// catchUp reads the records appended since a.end (all of them at first),
// remembering their payload digests, and truncates an incomplete member at
// the end. The caller holds the lock.
func (a *Appender) catchUp() error {
	st, err := a.f.Stat()
	if err != nil {
		return fmt.Errorf("web archive %s: %w", a.path, err)
	}
	size := st.Size()
	if size == a.end {
		return nil
	}
	from := a.end
	if size < a.end { // replaced or cut by someone else: look again
		from = 0
	}
	if from == 0 {
		var magic [3]byte
		if n, _ := a.f.ReadAt(magic[:], 0); !isGzipMagic(magic[:n]) {
			return fmt.Errorf("web archive %s is not a gzip-compressed WARC file (it starts with %q): not appending gzip records to it", a.path, magic[:n])
		}
	}
	r, err := NewReader(io.NewSectionReader(a.f, from, size-from))
	if err != nil {
		return fmt.Errorf("web archive %s: %w", a.path, err)
	}
	defer r.Close()
	var damage []*DamageError
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		var d *DamageError
		if errors.As(err, &d) {
			damage = append(damage, d)
			continue
		}
		if err != nil {
			return fmt.Errorf("web archive %s: %w", a.path, err)
		}
		if t := rec.Type(); t == TypeResponse || t == TypeResource {
			if digest := rec.Get("WARC-Payload-Digest"); digest != "" {
				a.w.Remember(digest, Ref{URI: rec.TargetURI(), Date: rec.Get("WARC-Date"), ID: rec.Get("WARC-Record-ID")})
			}
		}
	}
	good := from + r.GoodEnd()
	if good < from {
		good = from
	}
	var magic [3]byte
	n, _ := a.f.ReadAt(magic[:], good)
	switch tail := size - good; {
	case tail == 0:
	case isGzipMagic(magic[:n]) && tail <= MaxTornTail:
		if err := a.f.Truncate(good); err != nil {
			return fmt.Errorf("web archive %s: removing an incomplete record at offset %d: %w", a.path, good, err)
		}
		a.notices = append(a.notices, fmt.Sprintf("web archive %s: removed %d bytes at offset %d, an incomplete gzip member (a record cut short, as when a run is stopped while writing)", a.path, tail, good))
		size = good
	default:
		a.notices = append(a.notices, fmt.Sprintf("web archive %s: the last %d bytes, from offset %d, are not a complete gzip member; left in place, new records follow them", a.path, tail, good))
	}
	for _, d := range damage {
		if from+d.Offset < good {
			a.notices = append(a.notices, fmt.Sprintf("web archive %s: %d damaged place(s), readers skip them; the first: %v", a.path, len(damage), d))
			break
		}
	}
	a.end = size
	return nil
}

// WritePage archives a page (see Writer.WritePage) under the lock, after
// reading what other writers appended meanwhile; it writes a revisit
// record when the payload is in the file already.
func (a *Appender) WritePage(uri string, date time.Time, header map[string]string, body []byte) (revisit bool, err error) {
	unlock, err := lockFile(a.f)
	if err != nil {
		return false, err
	}
	defer unlock()
	if err := a.catchUp(); err != nil {
		return false, err
	}
	revisit, err = a.w.WritePage(uri, date, header, body)
	if st, serr := a.f.Stat(); serr == nil {
		if err == nil {
			a.end = st.Size()
		}
	}
	return revisit, err
}

// Close closes the file.
func (a *Appender) Close() error { return a.f.Close() }
