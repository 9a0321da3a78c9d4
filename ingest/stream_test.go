//go:build unix

package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
)

// pipePath returns a path naming the read end of a new pipe, as a shell's
// process substitution (/dev/fd/N) or /dev/stdin does, and writes data into
// the pipe from another goroutine. The write end is closed when data is
// written (or the reader went away).
func pipePath(t *testing.T, prefix string, data []byte) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	go func() {
		w.Write(data)
		w.Close()
	}()
	return fmt.Sprintf("%s/%d", prefix, r.Fd())
}

// readWithin runs Read and fails the test if it has not returned in d (a
// hang, as on a FIFO opened twice).
func readWithin(t *testing.T, d time.Duration, args []string, opts Options) ([]*document.Document, []document.Problem) {
	t.Helper()
	type result struct {
		docs  []*document.Document
		probs []document.Problem
	}
	done := make(chan result, 1)
	go func() {
		docs, probs := Read(context.Background(), args, opts)
		done <- result{docs, probs}
	}()
	select {
	case res := <-done:
		return res.docs, res.probs
	case <-time.After(d):
		t.Fatalf("Read(%q) still running after %s", args, d)
		return nil, nil
	}
}

// longStory is a report larger than any sniffing buffer, so that bytes
// lost at the start or in the middle show.
func longStory() string {
	var b strings.Builder
	b.WriteString("FIRST LINE of the report.\n\n")
	for i := 0; b.Len() < 200<<10; i++ {
		fmt.Fprintf(&b, "Paragraph %d: the council met again on Tuesday to discuss the bridge.\n\n", i)
	}
	b.WriteString("LAST LINE of the report.\n")
	return b.String()
}

// TestReadPipesWhole reads pipes named by path (process substitution and
// /dev/stdin name pipes this way): every byte arrives, once.
func TestReadPipesWhole(t *testing.T) {
	story := longStory()
	three := `{"title":"One","maintext":"The first record."}` + "\n" +
		`{"title":"Two","maintext":"The second record."}` + "\n" +
		`{"title":"Three","maintext":"The third record."}` + "\n"
	for _, prefix := range []string{"/dev/fd", "/proc/self/fd"} {
		if _, err := os.Stat(prefix); err != nil {
			t.Logf("%s: %v (skipped)", prefix, err)
			continue
		}
		t.Run(strings.ReplaceAll(prefix, "/", "_")+"/text", func(t *testing.T) {
			p := pipePath(t, prefix, []byte(story))
			docs, probs := readWithin(t, 20*time.Second, []string{p}, Options{})
			if len(probs) != 0 || len(docs) != 1 {
				t.Fatalf("got %d documents, problems %v", len(docs), probs)
			}
			if docs[0].Raw != story {
				t.Errorf("text differs: %d bytes read of %d, starts %q", len(docs[0].Raw), len(story), docs[0].Raw[:min(40, len(docs[0].Raw))])
			}
		})
		t.Run(strings.ReplaceAll(prefix, "/", "_")+"/jsonl", func(t *testing.T) {
			p := pipePath(t, prefix, []byte(three))
			docs, probs := readWithin(t, 20*time.Second, []string{p}, Options{})
			if len(probs) != 0 || len(docs) != 3 {
				t.Fatalf("got %d documents of 3, problems %v", len(docs), probs)
			}
			for i, want := range []string{"One", "Two", "Three"} {
				if docs[i].Title != want {
					t.Errorf("record %d: title %q, want %q", i+1, docs[i].Title, want)
				}
			}
		})
	}
}

// TestReadPipeOverLimit refuses a pipe that sends more than MaxBytes,
// naming the input and the limit, after reading no more than limit+1.
func TestReadPipeOverLimit(t *testing.T) {
	p := pipePath(t, "/dev/fd", []byte(strings.Repeat("All work and no play. ", 1000)))
	docs, probs := readWithin(t, 20*time.Second, []string{p}, Options{MaxBytes: 1000})
	if len(docs) != 0 || len(probs) != 1 {
		t.Fatalf("got %d documents, problems %v", len(docs), probs)
	}
	if !errors.Is(probs[0], ErrTooLarge) || probs[0].Source != p || !strings.Contains(probs[0].Error(), "1000 bytes limit") {
		t.Errorf("problem %q (source %q) should name %s and the 1000 bytes limit", probs[0].Error(), probs[0].Source, p)
	}
}

// TestReadArchiveFromPipe streams a web archive sent through a pipe.
func TestReadArchiveFromPipe(t *testing.T) {
	archive, err := os.ReadFile(writeArchive(t, t.TempDir(), "crawl.warc.gz"))
	if err != nil {
		t.Fatal(err)
	}
	p := pipePath(t, "/dev/fd", archive)
	docs, probs := readWithin(t, 20*time.Second, []string{p}, Options{})
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	if got := strings.Join(ids, " "); got != "news.example_a ar.news.example_b news.example_c" || len(probs) != 2 {
		t.Errorf("documents %q, problems %v; want the archive's three pages and its two bad records", got, probs)
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}

// TestReadFIFO reads a named pipe given on the command line like a pipe,
// whether its writer comes before or after the reader, and gives up on one
// that no writer opens within Options.OpenWait.
func TestReadFIFO(t *testing.T) {
	story := longStory()
	write := func(path string, delay time.Duration) {
		time.Sleep(delay)
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString(story)
		f.Close()
	}
	for _, delay := range []time.Duration{0, 300 * time.Millisecond} {
		t.Run(fmt.Sprint("writer after ", delay), func(t *testing.T) {
			fifo := filepath.Join(t.TempDir(), "report.fifo")
			mkfifo(t, fifo)
			go write(fifo, delay)
			docs, probs := readWithin(t, 20*time.Second, []string{fifo}, Options{})
			if len(probs) != 0 || len(docs) != 1 {
				t.Fatalf("got %d documents, problems %v", len(docs), probs)
			}
			if docs[0].Raw != story {
				t.Errorf("text differs: %d bytes read of %d", len(docs[0].Raw), len(story))
			}
		})
	}
	t.Run("no writer", func(t *testing.T) {
		dir := t.TempDir()
		fifo := filepath.Join(dir, "silent.fifo")
		mkfifo(t, fifo)
		after := filepath.Join(dir, "after.txt")
		os.WriteFile(after, []byte(plainStory), 0o644)
		start := time.Now()
		docs, probs := readWithin(t, 20*time.Second, []string{fifo, after}, Options{OpenWait: 200 * time.Millisecond})
		if len(docs) != 1 || docs[0].Source != after {
			t.Errorf("the input after the FIFO was not read: %d documents", len(docs))
		}
		if len(probs) != 1 || probs[0].Source != fifo || !strings.Contains(probs[0].Error(), "no writer") {
			t.Errorf("problems %v, want one saying %s has no writer", probs, fifo)
		}
		if el := time.Since(start); el > 5*time.Second {
			t.Errorf("gave up after %s", el)
		}
		// The open given up on must not stay blocked: once released, the
		// FIFO has no reader, and a writer that will not wait is refused.
		// (Opening it for writing would itself release the reader, so
		// this looks once, after the release has had time to happen.)
		time.Sleep(time.Second)
		w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0)
		if err == nil {
			w.Close()
		}
		if !errors.Is(err, syscall.ENXIO) {
			t.Errorf("the abandoned open of %s is still waiting for a writer (a writer's open gave %v, want ENXIO)", fifo, err)
		}
	})
}

// TestReadFolderNamesSpecialFiles checks that a FIFO inside a folder is
// not opened (it could block) but named in a problem.
func TestReadFolderNamesSpecialFiles(t *testing.T) {
	dir := tree(t, map[string]string{"a.txt": "First story."})
	fifo := filepath.Join(dir, "b.fifo")
	mkfifo(t, fifo)
	docs, probs := readWithin(t, 20*time.Second, []string{dir}, Options{})
	if len(docs) != 1 {
		t.Errorf("%d documents, want 1", len(docs))
	}
	if len(probs) != 1 || probs[0].Source != fifo || !strings.Contains(probs[0].Error(), "skipped: not a regular file") {
		t.Errorf("problems %v, want one naming %s as skipped", probs, fifo)
	}
}
