package ingest

import (
	"errors"
	"fmt"
	"io/fs"
)

// Kinds of input rejection. Problems returned by Read wrap one of these, so
// callers can test them with errors.Is; the message says the details.
var (
	ErrNotFound   = errors.New("no such file or directory")
	ErrPermission = errors.New("permission denied")
	ErrLoop       = errors.New("directory loop")
	ErrNoMatch    = errors.New("glob matched no files")
	ErrEmpty      = errors.New("empty input")
	ErrWhitespace = errors.New("input has only whitespace")
	ErrBinary     = errors.New("binary input")
	ErrTooLarge   = errors.New("input too large")
	ErrJSON       = errors.New("invalid JSON")
	ErrNoBody     = errors.New("record has no body text")
	ErrSpecial    = errors.New("not a regular file")
	ErrNoWriter   = errors.New("named pipe has no writer")
)

// reasonError is a rejection with a precise message and a kind for errors.Is.
type reasonError struct {
	msg  string
	kind error
}

func (e *reasonError) Error() string { return e.msg }
func (e *reasonError) Unwrap() error { return e.kind }

func reason(kind error, format string, args ...any) error {
	return &reasonError{msg: fmt.Sprintf(format, args...), kind: kind}
}

// describeFSError turns an os error into a reason without repeating the
// path (the problem's Source already names it).
func describeFSError(what string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return reason(ErrNotFound, "no such file or directory")
	case errors.Is(err, fs.ErrPermission):
		return reason(ErrPermission, "permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", what, pe.Err)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// sizeError reports an input of n bytes over max; when atLeast, n is only
// what was read before giving up.
func sizeError(n, max int64, atLeast bool, what string) error {
	if atLeast {
		return reason(ErrTooLarge, "%s is larger than the %s limit; raise --max-bytes", what, limitString(max))
	}
	return reason(ErrTooLarge, "%s is %s, over the %s limit; raise --max-bytes", what, humanBytes(n), limitString(max))
}

// humanBytes renders n in decimal units (52 MB, 3.1 kB, 17 bytes).
func humanBytes(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	case n >= 10e6:
		return fmt.Sprintf("%.0f MB", float64(n)/1e6)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d bytes", n)
}

// limitString renders a limit in the binary unit it was most likely set in.
func limitString(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
