package ingest

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

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
		if st.IsDir() {
			r.walk(m, m, nil)
			continue
		}
		r.file(m, m, st)
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
			r.log.Debug("skipping special file", "path", childSource, "mode", st.Mode().String())
		}
	}
}

// file reads one named file.
func (r *reader) file(source, path string, st os.FileInfo) {
	if isWARC(path) {
		docs, probs := ReadWARC(r.ctx, path, r.opts)
		r.docs = append(r.docs, docs...)
		r.problems = append(r.problems, probs...)
		return
	}
	max := r.opts.maxBytes()
	if st != nil && st.Mode().IsRegular() && st.Size() > max {
		r.problem(source, sizeError(st.Size(), max, false, "input"))
		return
	}
	f, err := os.Open(path)
	if err != nil {
		r.problem(source, describeFSError("opening", err))
		return
	}
	defer f.Close()
	data, err := readLimited(f, max)
	if err != nil {
		r.problem(source, err)
		return
	}
	r.add(source, path, data)
}

// isWARC reports whether the file at path is a web archive: by name, or by
// its first bytes (a WARC version line, plain or gzip-compressed).
func isWARC(path string) bool {
	lower := strings.ToLower(path)
	if strings.HasSuffix(lower, ".warc") || strings.HasSuffix(lower, ".warc.gz") {
		return true
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	br := bufio.NewReader(f)
	var head io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return false
		}
		defer zr.Close()
		head = zr
	}
	buf := make([]byte, 7)
	n, _ := io.ReadFull(head, buf)
	return string(buf[:n]) == "WARC/1."
}

// stdin reads standard input once.
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
	data, err := readLimited(r.opts.Stdin, r.opts.maxBytes())
	if err != nil {
		r.problem("-", err)
		return
	}
	r.add("-", "-", data)
}

// readLimited reads all of rd, failing once more than max bytes arrive.
func readLimited(rd io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(rd, max+1))
	if err != nil {
		return nil, describeFSError("reading", err)
	}
	if int64(len(data)) > max {
		return nil, sizeError(int64(len(data)), max, true, "input")
	}
	return data, nil
}
