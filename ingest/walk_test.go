package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tree writes files (path → content) under a new temporary folder.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReadFolderTree(t *testing.T) {
	dir := tree(t, map[string]string{
		"b.txt":             "Second story.",
		"a.txt":             "First story.",
		"sub/c.html":        "<html><body>Third</body></html>",
		"sub/deeper/d.txt":  "Fourth story.",
		".hidden.txt":       "secret",
		".git/config.txt":   "not news",
		"sub/.cache/e.txt":  "cached",
		"sub/deeper/f.json": `{"maintext":"Fifth."}`,
	})
	// A symbolic link back up the tree must be refused, not followed forever.
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Skipf("symlinks unsupported: %v", err)
	}
	// A link to a sibling folder already read is skipped quietly.
	os.Symlink(filepath.Join(dir, "sub", "deeper"), filepath.Join(dir, "z-alias"))

	docs, probs := Read(context.Background(), []string{dir}, Options{})
	var got []string
	for _, d := range docs {
		rel, _ := filepath.Rel(dir, d.Source)
		got = append(got, filepath.ToSlash(rel)+"="+d.ID)
	}
	want := "a.txt=a b.txt=b sub/c.html=c sub/deeper/d.txt=d sub/deeper/f.json=f"
	if strings.Join(got, " ") != want {
		t.Errorf("read\n  %s\nwant\n  %s", strings.Join(got, " "), want)
	}
	if len(probs) != 1 || !errors.Is(probs[0], ErrLoop) || probs[0].Source != filepath.Join(dir, "sub", "loop") {
		t.Errorf("problems = %v, want one directory loop at sub/loop", probs)
	}
}

func TestReadGlob(t *testing.T) {
	dir := tree(t, map[string]string{
		"one.txt":   "Story one.",
		"two.txt":   "Story two.",
		"three.md":  "Story three.",
		".four.txt": "hidden",
		"sub/x.txt": "not matched",
	})
	cases := []struct {
		name    string
		pattern string
		ids     string
		problem error
	}{
		{"star", "*.txt", "one,two", nil},
		{"question mark", "t??.txt", "two", nil},
		{"hidden only when asked", ".*.txt", "four", nil},
		{"folder match is walked", "s*", "x", nil},
		{"no match", "*.pdf", "", ErrNoMatch},
		{"bad pattern", "[", "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pattern := filepath.Join(dir, tc.pattern)
			docs, probs := Read(context.Background(), []string{pattern}, Options{})
			var ids []string
			for _, d := range docs {
				ids = append(ids, d.ID)
			}
			if strings.Join(ids, ",") != tc.ids {
				t.Errorf("ids = %v, want %s", ids, tc.ids)
			}
			switch {
			case tc.ids != "" && len(probs) > 0:
				t.Errorf("unexpected problems %v", probs)
			case tc.ids == "" && (len(probs) != 1 || probs[0].Source != pattern):
				t.Errorf("problems = %v, want one naming the pattern", probs)
			case tc.problem != nil && !errors.Is(probs[0], tc.problem):
				t.Errorf("problem %v is not %v", probs[0], tc.problem)
			}
		})
	}
}
