package decoding

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/eval/internal/evaltest"
	"github.com/corroborate/corroborate/eval/snippetbench"
)

func TestVisibleText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"<p>caf&eacute; <b>au</b> lait</p>", "café au lait"},
		{"<script>var x='hidden';</script><p>shown</p><style>p{}</style>", "shown"},
	}
	for _, c := range cases {
		if got := normalize(visibleText(c.in)); got != c.want {
			t.Errorf("visibleText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// samplePages is how many pages with non-ASCII snippets the default test
// decodes; all of them (702) are decoded in the slow tier
// (decoding_slow_test.go).
const samplePages = 60

func TestRun(t *testing.T) {
	// Measured recall 0.9528 (101/106 snippets) on the sample, x/net
	// 0.8491 (2026-12-05).
	out := checkRun(t, samplePages, 0.9428)
	if !strings.Contains(out, "pages with non-ASCII snippets: 60 ") {
		t.Errorf("sample size not honoured:\n%s", out)
	}
}

// checkRun decodes limit pages (0: all), checks that our recall is at
// least floor and not below that of x/net/html/charset, and returns the
// output.
func checkRun(t *testing.T, limit int, floor float64) string {
	t.Helper()
	dir := evaltest.SharedData(t, "data", snippetbench.Name)
	var buf bytes.Buffer
	if err := run(context.Background(), dir, &buf, limit); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if r := evaltest.LastMetric(t, out, "recall"); r < floor || r > 1 {
		t.Errorf("recall %.4f below the floor %.4f (or above 1)\n%s", r, floor, out)
	}
	if ours, xnet := recallOf(t, out, "ours"), recallOf(t, out, "x/net/html/charset"); ours < xnet {
		t.Errorf("recall %.4f below x/net/html/charset's %.4f", ours, xnet)
	}
	return out
}

// recallOf reads the recall of the decoder whose row starts with name.
func recallOf(t *testing.T, out, name string) float64 {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if !strings.HasPrefix(l, name+" ") {
			continue
		}
		f := strings.Fields(l)
		for i := 0; i+1 < len(f); i++ {
			if f[i] == "recall" {
				v, err := strconv.ParseFloat(f[i+1], 64)
				if err != nil {
					t.Fatalf("row %q: %v", l, err)
				}
				return v
			}
		}
	}
	t.Fatalf("no row for %s in:\n%s", name, out)
	return 0
}

func TestRunMissingData(t *testing.T) {
	err := Run(context.Background(), t.TempDir(), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "evaldata.json") {
		t.Errorf("err = %v, want one naming the missing index", err)
	}
}
