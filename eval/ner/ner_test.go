package ner

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/shareddata"
)

func TestRunOnCoNLL(t *testing.T) {
	if testing.Short() {
		t.Skip("scores the whole CoNLL test set; skipped with -short")
	}
	dir := shareddata.Require(t, "data", "conll2003")
	var buf bytes.Buffer
	if err := RunWith(context.Background(), dir, &buf, Options{SkipProse: true}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	var f1 float64
	if _, err := fmt.Sscanf(lines[len(lines)-1], "F1 %g", &f1); err != nil {
		t.Fatalf("last line %q is not \"F1 <value>\"", lines[len(lines)-1])
	}
	// Measured 0.860 with the committed model; guard against regressions.
	if f1 < 0.84 {
		t.Errorf("test F1 %.4f below 0.84:\n%s", f1, buf.String())
	}
	// Also accept the parent of the conll2003 folder.
	root, _ := shareddata.Path("data")
	if _, err := findCoNLL(root); err != nil {
		t.Errorf("findCoNLL(%s): %v", root, err)
	}
}

func TestRunErrors(t *testing.T) {
	err := Run(context.Background(), t.TempDir(), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "test.txt") {
		t.Errorf("empty data dir: err = %v, want one naming test.txt", err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "test.txt"), []byte("Basra B-LOC 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = RunWith(context.Background(), dir, &bytes.Buffer{}, Options{Model: "/nonexistent/model.bin"})
	if err == nil {
		t.Error("no error for a missing model")
	} else if !strings.Contains(err.Error(), "model.bin") {
		t.Errorf("error %q does not name the model file", err)
	}
}
