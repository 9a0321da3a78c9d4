package decoding

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/eval/internal/evaltest"
	"github.com/corroborate/corroborate/internal/shareddata"
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

func TestRun(t *testing.T) {
	dir := shareddata.Require(t, "data", "trafilatura-eval")
	// A sample keeps the test fast; the full run is `corroborate eval decoding`.
	var out bytes.Buffer
	if err := run(context.Background(), dir, &out, 60); err != nil {
		t.Fatal(err)
	}
	if r := evaltest.LastMetric(t, out.String(), "recall"); r <= 0 || r > 1 {
		t.Errorf("recall %.4f out of (0, 1]", r)
	}
	if !strings.Contains(out.String(), "pages with non-ASCII snippets: 60 ") {
		t.Errorf("sample size not honoured:\n%s", out.String())
	}
}

func TestRunMissingData(t *testing.T) {
	err := Run(context.Background(), t.TempDir(), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "evaldata.json") {
		t.Errorf("err = %v, want one naming the missing index", err)
	}
}
