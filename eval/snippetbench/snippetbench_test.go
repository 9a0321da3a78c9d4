package snippetbench

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/eval/internal/evaltest"
)

func TestLoad(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, Name)
	evaltest.WriteFile(t, filepath.Join(dir, indexFile), `{"https://b.example/2": {"file": "b.html", "with": ["the mill"], "without": ["Menu"], "title": "ignored"},
		"https://a.example/1": {"file": "a.html", "with": ["a river"]}}`)
	evaltest.WriteGzip(t, filepath.Join(dir, "html", "a.html.gz"), "<p>a river</p>")
	if got, err := Find(root); err != nil || got != dir {
		t.Fatalf("Find(%s) = %q, %v; want %q", root, got, err, dir)
	}
	pages, err := LoadPages(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || pages[0].URL != "https://a.example/1" || pages[1].File != "b.html" ||
		len(pages[1].With) != 1 || pages[1].Without[0] != "Menu" {
		t.Errorf("LoadPages = %+v, want a then b with their snippets", pages)
	}
	if b, err := ReadPage(dir, pages[0]); err != nil || string(b) != "<p>a river</p>" {
		t.Errorf("ReadPage(a) = %q, %v", b, err)
	}
	if _, err := ReadPage(dir, pages[1]); err == nil || !strings.Contains(err.Error(), "b.html.gz") {
		t.Errorf("ReadPage(b): err = %v, want one naming the missing file", err)
	}
	evaltest.WriteFile(t, filepath.Join(dir, indexFile), `[1, 2]`)
	if _, err := LoadPages(dir); err == nil || !strings.Contains(err.Error(), indexFile) {
		t.Errorf("LoadPages on a bad index: err = %v, want one naming %s", err, indexFile)
	}
}
