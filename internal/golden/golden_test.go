package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records failures instead of reporting them.
type recorder struct {
	testing.TB
	failed string
}

func (r *recorder) Helper()                           {}
func (r *recorder) Errorf(format string, args ...any) { r.failed = fmt.Sprintf(format, args...) }
func (r *recorder) Fatalf(format string, args ...any) { r.failed = fmt.Sprintf(format, args...) }

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.golden.json")
	r := &recorder{TB: t}
	Check(r, path, []byte("x"))
	if r.failed == "" {
		t.Error("a missing golden file passed")
	}
	if err := os.WriteFile(path, []byte("{\n  \"a\": 1\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = &recorder{TB: t}
	CheckJSON(r, path, map[string]int{"a": 1})
	if r.failed != "" {
		t.Errorf("equal output failed: %s", r.failed)
	}
	r = &recorder{TB: t}
	CheckJSON(r, path, map[string]int{"a": 2})
	if r.failed == "" {
		t.Error("different output passed")
	}
}
