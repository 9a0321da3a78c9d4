package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/corroborate/corroborate/document"
)

// Read turns the named inputs into documents. args are files, folders
// (read recursively in name order, skipping hidden entries), glob patterns
// and "-" for opts.Stdin. Each input that cannot be read yields a Problem
// naming it and the reason, and reading goes on; warnings about inputs that
// still became documents are recorded on those documents. Documents come
// back in argument order; IDs are stable but not yet unique (document.Story
// Add makes them so). Read stops early, with a problem, when ctx ends.
func Read(ctx context.Context, args []string, opts Options) ([]*document.Document, []document.Problem) {
	r := &reader{ctx: ctx, opts: opts, log: opts.logger()}
	if opts.Published != "" {
		d, err := ParseDate(opts.Published, "user")
		if err != nil {
			r.problem("--published", fmt.Errorf("publication date %q: %w (want YYYY-MM-DD or RFC 3339)", opts.Published, err))
		} else {
			r.published = d
		}
	}
	for _, arg := range args {
		if r.stopped() {
			break
		}
		r.arg(arg)
	}
	return r.docs, r.problems
}

// reader carries the state of one Read call.
type reader struct {
	ctx       context.Context
	opts      Options
	log       *slog.Logger
	published document.Date
	docs      []*document.Document
	problems  []document.Problem
	stdinRead bool
	visited   map[string]bool // real paths of directories already walked
	cancelled bool
	// contentType is a MIME type known for the bytes (from HTTP), or "".
	contentType string
}

func (r *reader) problem(source string, err error) {
	r.problems = append(r.problems, document.Problem{Source: source, Stage: Stage, Err: err})
}

// stopped reports (once, as a problem) that the context ended.
func (r *reader) stopped() bool {
	if err := r.ctx.Err(); err != nil {
		if !r.cancelled {
			r.cancelled = true
			r.problem("ingest", fmt.Errorf("reading inputs stopped: %w", err))
		}
		return true
	}
	return false
}

// arg expands one command-line argument.
func (r *reader) arg(arg string) {
	if arg == "-" {
		r.stdin()
		return
	}
	if arg == "" {
		r.problem(`""`, fmt.Errorf("empty argument: name a file, folder, glob or -"))
		return
	}
	st, err := os.Stat(arg)
	if err != nil && isURL(arg) {
		r.problem(arg, fmt.Errorf("this is a web address, and ingest reads local inputs; fetch it instead (package fetch)"))
		return
	}
	if err != nil && isGlob(arg) {
		r.glob(arg)
		return
	}
	if err != nil {
		if _, lerr := os.Lstat(arg); lerr == nil {
			r.problem(arg, fmt.Errorf("broken symbolic link: %w", describeFSError("stat", err)))
			return
		}
		r.problem(arg, describeFSError("stat", err))
		return
	}
	if st.IsDir() {
		r.walk(arg, arg, nil)
		return
	}
	r.file(arg, arg, st)
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func isGlob(s string) bool { return strings.ContainsAny(s, "*?[") }

// glob reads every match of a pattern; hidden names match only when the
// pattern's own last element starts with a dot.
func (r *reader) glob(pattern string) {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		r.problem(pattern, fmt.Errorf("bad glob pattern: %w", err))
		return
	}
	showHidden := strings.HasPrefix(filepath.Base(pattern), ".")
	n := 0
	for _, m := range matches {
		if !showHidden && isHidden(filepath.Base(m)) {
			continue
		}
		if r.stopped() {
			return
		}
		n++
		st, err := os.Stat(m)
		if err != nil {
			r.problem(m, describeFSError("stat", err))
			continue
		}
		switch {
		case st.IsDir():
			r.walk(m, m, nil)
		case st.Mode().IsRegular():
			r.file(m, m, st)
		default:
			r.problem(m, skippedSpecial(st.Mode()))
		}
	}
	if n == 0 {
		r.problem(pattern, reason(ErrNoMatch, "glob matched no files"))
	}
}

func isHidden(name string) bool { return strings.HasPrefix(name, ".") && name != "." && name != ".." }

// walk reads a folder recursively, following symbolic links but refusing
// links that lead back into a folder being walked.
func (r *reader) walk(source, path string, ancestors []string) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		r.problem(source, describeFSError("resolving folder", err))
		return
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	for _, a := range ancestors {
		if a == real {
			r.problem(source, reason(ErrLoop, "directory loop: %s leads back to %s", source, real))
			return
		}
	}
	if r.visited == nil {
		r.visited = map[string]bool{}
	}
	if r.visited[real] {
		r.log.Debug("folder already read through another path", "path", source, "real", real)
		return
	}
	r.visited[real] = true
	entries, err := os.ReadDir(path)
	if err != nil {
		r.problem(source, describeFSError("reading folder", err))
		return
	}
	ancestors = append(ancestors, real)
	for _, e := range entries { // os.ReadDir sorts by name
		if r.stopped() {
			return
		}
		if isHidden(e.Name()) {
			continue
		}
		childSource := filepath.Join(source, e.Name())
		childPath := filepath.Join(path, e.Name())
		st, err := os.Stat(childPath) // follows links
		if err != nil {
			if e.Type()&os.ModeSymlink != 0 {
				r.problem(childSource, fmt.Errorf("broken symbolic link: %w", describeFSError("stat", err)))
			} else {
				r.problem(childSource, describeFSError("stat", err))
			}
			continue
		}
		switch {
		case st.IsDir():
			r.walk(childSource, childPath, ancestors)
		case st.Mode().IsRegular():
			r.file(childSource, childPath, st)
		default:
			r.problem(childSource, skippedSpecial(st.Mode()))
		}
	}
}

// file reads one input named on the command line or found in a folder.
// A regular file named like a web archive goes to ReadWARC; anything else
// is opened once and read as a stream (see stream), so that pipes, FIFOs,
// /dev/stdin and process substitutions (/dev/fd/N) lose no bytes.
func (r *reader) file(source, path string, st os.FileInfo) {
	if st.Mode().IsRegular() && hasWARCName(path) {
		r.archiveFile(source, path)
		return
	}
	var f *os.File
	var err error
	if st.Mode()&os.ModeNamedPipe != 0 {
		f, err = openFIFO(r.ctx, path, r.opts.openWait())
	} else {
		f, err = os.Open(path)
		if err != nil {
			err = describeFSError("opening", err)
		}
	}
	if err != nil {
		r.problem(source, err)
		return
	}
	defer f.Close()
	r.stream(source, path, f, st)
}

// hasWARCName reports whether a file name says web archive.
func hasWARCName(path string) bool {
	lower := strings.ToLower(path)
	return strings.HasSuffix(lower, ".warc") || strings.HasSuffix(lower, ".warc.gz")
}

// sniffSize is how many leading bytes of a stream are looked at before it
// is read whole: enough to see a WARC version line through gzip.
const sniffSize = 8 << 10

// stream reads one opened input once: its first bytes are buffered and
// sniffed in memory, a web archive is streamed record by record (regular
// files by path, through ReadWARC), and anything else is read whole, at
// most MaxBytes+1 bytes of it, and converted. st is nil for standard input.
func (r *reader) stream(source, name string, rd io.Reader, st os.FileInfo) {
	if f, ok := rd.(*os.File); ok && r.ctx != nil {
		// Pipes and FIFOs are pollable: a deadline interrupts a read
		// that would otherwise wait for a writer that never finishes.
		stop := context.AfterFunc(r.ctx, func() { f.SetReadDeadline(time.Now()) })
		defer stop()
	}
	regular := st != nil && st.Mode().IsRegular()
	br := bufio.NewReaderSize(rd, 64<<10)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF {
		r.problem(source, r.readError(err))
		return
	}
	if isWARCHead(head) {
		if regular {
			r.archiveFile(source, name)
		} else {
			r.archiveStream(source, br)
		}
		return
	}
	max := r.opts.maxBytes()
	if regular && st.Size() > max {
		r.problem(source, sizeError(st.Size(), max, false, "input"))
		return
	}
	data, err := io.ReadAll(io.LimitReader(br, max+1))
	if err != nil {
		r.problem(source, r.readError(err))
		return
	}
	if int64(len(data)) > max {
		r.problem(source, sizeError(int64(len(data)), max, true, "input"))
		return
	}
	r.add(source, name, data)
}

// readError describes a failed read, naming the cancellation that
// interrupted it if there was one.
func (r *reader) readError(err error) error {
	if r.ctx != nil && r.ctx.Err() != nil {
		return fmt.Errorf("reading stopped: %w", r.ctx.Err())
	}
	return describeFSError("reading", err)
}

// isWARCHead reports whether the first bytes of an input start a web
// archive: a WARC version line, plain or gzip-compressed.
func isWARCHead(head []byte) bool {
	const magic = "WARC/1."
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(head))
		if err != nil {
			return false
		}
		buf := make([]byte, len(magic))
		n, _ := io.ReadFull(zr, buf)
		return string(buf[:n]) == magic
	}
	return bytes.HasPrefix(head, []byte(magic))
}

// archiveFile reads the web archive in a regular file.
func (r *reader) archiveFile(source, path string) {
	docs, probs := ReadWARC(r.ctx, path, r.opts)
	r.docs = append(r.docs, docs...)
	r.problems = append(r.problems, probs...)
}

// archiveStream reads a web archive arriving through a pipe.
func (r *reader) archiveStream(source string, rd io.Reader) {
	probs, err := ScanWARC(r.ctx, rd, source, r.opts, func(d *document.Document) error {
		r.docs = append(r.docs, d)
		return nil
	})
	r.problems = append(r.problems, probs...)
	if err != nil {
		r.problems = append(r.problems, document.Problem{Source: source, Stage: WARCStage, Err: err})
	}
}

// stdin reads standard input once, as a stream.
func (r *reader) stdin() {
	switch {
	case r.stdinRead:
		r.problem("-", fmt.Errorf("standard input named twice; it can be read only once"))
		return
	case r.opts.Stdin == nil:
		r.problem("-", fmt.Errorf("no standard input available"))
		return
	}
	r.stdinRead = true
	r.stream("-", "-", r.opts.Stdin, nil)
}

// skippedSpecial is the problem of a special file met in a folder or glob:
// it is not opened, since a FIFO or device could block or never end.
func skippedSpecial(m os.FileMode) error {
	what := "a special file"
	switch {
	case m&os.ModeNamedPipe != 0:
		what = "a FIFO"
	case m&os.ModeSocket != 0:
		what = "a socket"
	case m&os.ModeCharDevice != 0:
		what = "a character device"
	case m&os.ModeDevice != 0:
		what = "a block device"
	}
	return reason(ErrSpecial, "skipped: not a regular file (%s); name it on the command line to read it", what)
}
