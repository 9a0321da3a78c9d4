package articlebench

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/eval/internal/evaltest"
)

// writeBench writes a two-page benchmark of invented text under root/Name.
func writeBench(t *testing.T, root string) string {
	t.Helper()
	dir := filepath.Join(root, Name)
	evaltest.WriteFile(t, filepath.Join(dir, truthFile), `{"p2": {"articleBody": "The bridge reopened.", "url": "https://example.org/b"},
		"p1": {"articleBody": "Goats escaped the farm.", "url": "https://example.org/a"}}`)
	evaltest.WriteFile(t, OutputPath(dir, "plain"), `{"p1": {"articleBody": "Goats escaped."}}`)
	evaltest.WriteFile(t, OutputPath(dir, "wrapped"), `{"version": "1", "output": {"p2": {"articleBody": "Bridge news"}}}`)
	evaltest.WriteFile(t, OutputPath(dir, "broken"), `{"p1": [`)
	evaltest.WriteGzip(t, filepath.Join(dir, "html", "p1.html.gz"), "<html><p>Goats escaped the farm.</p></html>")
	return dir
}

func TestLoad(t *testing.T) {
	root := t.TempDir()
	want := writeBench(t, root)
	dir, err := Find(root)
	if err != nil || dir != want {
		t.Fatalf("Find(%s) = %q, %v; want %q", root, dir, err, want)
	}
	truth, err := LoadTruth(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(truth) != 2 || truth[0].ID != "p1" || truth[1].URL != "https://example.org/b" || truth[0].Body != "Goats escaped the farm." {
		t.Errorf("LoadTruth = %+v, want p1 then p2 with their bodies and URLs", truth)
	}
	paths, err := OutputPaths(dir)
	if err != nil || len(paths) != 3 || paths[1] != OutputPath(dir, "plain") {
		t.Errorf("OutputPaths = %q, %v", paths, err)
	}
	for name, wantBody := range map[string]string{"plain": "Goats escaped.", "wrapped": "Bridge news"} {
		out, err := ReadItems(OutputPath(dir, name))
		if err != nil || len(out) != 1 {
			t.Errorf("ReadItems(%s) = %+v, %v", name, out, err)
			continue
		}
		for id, it := range out {
			if it.ID != id || it.Body != wantBody {
				t.Errorf("ReadItems(%s)[%s] = %+v, want body %q", name, id, it, wantBody)
			}
		}
	}
	if _, err := ReadItems(OutputPath(dir, "broken")); err == nil || !strings.Contains(err.Error(), "broken.json") {
		t.Errorf("broken output: err = %v, want one naming the file", err)
	}
	if page, err := ReadHTML(dir, "p1"); err != nil || !strings.Contains(page, "Goats") {
		t.Errorf("ReadHTML = %q, %v", page, err)
	}
	if _, err := ReadHTML(dir, "p2"); err == nil || !strings.Contains(err.Error(), "p2.html.gz") {
		t.Errorf("missing page: err = %v, want one naming the file", err)
	}
	if _, err := Find(t.TempDir()); err == nil || !strings.Contains(err.Error(), truthFile) {
		t.Errorf("Find on an empty folder: err = %v, want one naming %s", err, truthFile)
	}
}
