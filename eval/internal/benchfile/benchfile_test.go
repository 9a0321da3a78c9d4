package benchfile

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/eval/internal/evaltest"
)

func TestFind(t *testing.T) {
	root := t.TempDir()
	bench := filepath.Join(root, "data", "toybench")
	evaltest.WriteFile(t, filepath.Join(bench, "index.json"), "{}")
	tests := []struct {
		name, dataDir string
		wantErr       bool
	}{
		{"benchmark folder itself", bench, false},
		{"folder holding it", filepath.Join(root, "data"), false},
		{"repository-style root", root, false},
		{"elsewhere", t.TempDir(), true},
	}
	for _, tt := range tests {
		got, err := Find(tt.dataDir, "toybench", "index.json")
		if tt.wantErr {
			if err == nil || !strings.Contains(err.Error(), "index.json") {
				t.Errorf("%s: err = %v, want one naming the missing file", tt.name, err)
			}
			continue
		}
		if err != nil || got != bench {
			t.Errorf("%s: Find = %q, %v; want %q", tt.name, got, err, bench)
		}
	}
}

func TestReadGzip(t *testing.T) {
	dir := t.TempDir()
	page := "<p>The ferry left at dawn.</p>"
	gz := filepath.Join(dir, "page.html.gz")
	evaltest.WriteGzip(t, gz, page)
	plain := filepath.Join(dir, "plain.html.gz")
	evaltest.WriteFile(t, plain, page)
	if b, err := ReadGzip(gz); err != nil || string(b) != page {
		t.Errorf("ReadGzip = %q, %v; want %q", b, err, page)
	}
	for _, p := range []string{plain, filepath.Join(dir, "missing.gz")} {
		if _, err := ReadGzip(p); err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("ReadGzip(%s): err = %v, want one naming the file", p, err)
		}
	}
}
