package warc

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// countTypes reads the archive at path and counts its records by type,
// failing on any damage.
func countTypes(t *testing.T, path string) map[string]int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return n
		}
		if err != nil {
			t.Fatalf("reading %s: %v", path, err)
		}
		n[rec.Type()]++
	}
}

func storyPage(i int) []byte {
	return page(fmt.Sprintf("Story %d", i), strings.Repeat(fmt.Sprintf("The council met about item %d. ", i), 30))
}

func TestAppendersShareOneFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "same.warc.gz")
	var wg sync.WaitGroup
	for run := 0; run < 2; run++ {
		a, err := OpenAppender(path)
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				if _, err := a.WritePage(fmt.Sprintf("https://news.example/%d/%d", run, i), when, map[string]string{"Content-Type": "text/html"}, storyPage(100*run+i)); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if n := countTypes(t, path); n[TypeResponse] != 40 || len(n) != 1 {
		t.Errorf("records by type %v, want 40 responses", n)
	}
}

func TestAppenderWritesRevisitsForKnownPayloads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pages.warc.gz")
	for run := 0; run < 2; run++ {
		a, err := OpenAppender(path)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 5; i++ {
			revisit, err := a.WritePage(fmt.Sprintf("https://news.example/%d", i), when, map[string]string{"Content-Type": "text/html"}, storyPage(i))
			if err != nil || revisit != (run == 1) {
				t.Errorf("run %d page %d: revisit %v, err %v", run, i, revisit, err)
			}
		}
		a.Close()
	}
	if n := countTypes(t, path); n[TypeResponse] != 5 || n[TypeRevisit] != 5 || len(n) != 2 {
		t.Errorf("records by type %v, want 5 responses and 5 revisits", n)
	}
	f, _ := os.Open(path)
	defer f.Close()
	r, _ := NewReader(f)
	ids := map[string]string{}
	for {
		rec, err := r.Next()
		if err != nil {
			break
		}
		switch rec.Type() {
		case TypeResponse:
			ids[rec.TargetURI()] = rec.Get("WARC-Record-ID")
		case TypeRevisit:
			if rec.Get("WARC-Profile") != RevisitProfile || rec.Get("WARC-Refers-To-Target-URI") != rec.TargetURI() ||
				rec.Get("WARC-Refers-To-Date") != "2024-03-13T09:30:00Z" || rec.Get("WARC-Refers-To") != ids[rec.TargetURI()] {
				t.Errorf("revisit of %s: %v", rec.TargetURI(), rec.Header)
			}
			if body, _ := io.ReadAll(rec.Body); strings.Contains(string(body), "council") {
				t.Errorf("revisit of %s stores the payload again", rec.TargetURI())
			}
		}
	}
}

func TestAppenderRemovesTornTail(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pages.warc.gz")
	a, err := OpenAppender(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		a.WritePage(fmt.Sprintf("https://news.example/%d", i), when, map[string]string{"Content-Type": "text/html"}, storyPage(i))
	}
	a.Close()
	st, _ := os.Stat(path)
	whole := st.Size()
	// Cut the last member short, as a kill in the middle of a write would.
	if err := os.Truncate(path, whole-25); err != nil {
		t.Fatal(err)
	}
	a, err = OpenAppender(path)
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(a.Notices(), "\n")
	if !strings.Contains(notes, path) || !strings.Contains(notes, "incomplete gzip member") || !strings.Contains(notes, "removed") {
		t.Errorf("notices %q should say the incomplete record was removed", notes)
	}
	for i := 3; i < 6; i++ {
		a.WritePage(fmt.Sprintf("https://news.example/%d", i), when, map[string]string{"Content-Type": "text/html"}, storyPage(i))
	}
	a.Close()
	if n := countTypes(t, path); n[TypeResponse] != 5 {
		t.Errorf("records by type %v, want the 2 whole responses of the first run and the 3 of the second", n)
	}
	// A plain file is refused rather than appended to.
	plain := filepath.Join(t.TempDir(), "plain.warc")
	os.WriteFile(plain, []byte("WARC/1.1\r\nContent-Length: 0\r\n\r\n\r\n\r\n"), 0o644)
	if _, err := OpenAppender(plain); err == nil || !strings.Contains(err.Error(), "not a gzip-compressed WARC file") {
		t.Errorf("appending to a plain WARC file: %v", err)
	}
}
