// Package evaltest holds what the evaluation packages' tests share:
// finding the shared benchmark data (skipped with -short), choosing between
// a quick sample and a whole benchmark, reading the metric an evaluation
// prints on its last line, and writing small invented fixture files.
package evaltest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/shareddata"
)

// SharedData returns the path of elem inside the shared folder (for
// example "data", "conll2003"). It skips the test in -short mode, since
// evaluations on real benchmarks are slow, and when the data is absent.
func SharedData(t testing.TB, elem ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skipf("evaluation on shared %s skipped in -short mode", filepath.Join(elem...))
	}
	return shareddata.Require(t, elem...)
}

// FullEnv names the environment variable that makes sampled evaluation
// tests run on the whole benchmark.
const FullEnv = "CORROBORATE_FULL_EVAL"

// Limit returns sample, the number of items a test evaluates by default, or
// 0 (meaning all of them) when $CORROBORATE_FULL_EVAL is set.
func Limit(sample int) int {
	if os.Getenv(FullEnv) != "" {
		return 0
	}
	return sample
}

// ParseMetric reads an evaluation's output, whose last non-blank line must
// be "<name> <value>", and returns the value.
func ParseMetric(out, name string) (float64, error) {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	f := strings.Fields(last)
	if len(f) != 2 || f[0] != name {
		return 0, fmt.Errorf("last line %q is not \"%s <value>\"", last, name)
	}
	v, err := strconv.ParseFloat(f[1], 64)
	if err != nil {
		return 0, fmt.Errorf("last line %q: %w", last, err)
	}
	return v, nil
}

// LastMetric is ParseMetric that stops the test when the last line is not
// "<name> <value>".
func LastMetric(t testing.TB, out, name string) float64 {
	t.Helper()
	v, err := ParseMetric(out, name)
	if err != nil {
		t.Fatalf("%v; output:\n%s", err, out)
	}
	return v
}

// WriteFile writes content to path, creating its folder, and stops the test
// on failure.
func WriteFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// WriteGzip writes content gzip-compressed to path, as benchmarks store
// their pages, creating its folder.
func WriteGzip(t testing.TB, path, content string) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write([]byte(content)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	WriteFile(t, path, buf.String())
}
