package summary

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/shareddata"
)

// TestRun runs the evaluation on a sample of the shared Giveme5W1H data
// (the whole of it with SUMMARY_EVAL_FULL=1, about 30 s) and checks the
// output's shape: the final metric line and every system's rows.
func TestRun(t *testing.T) {
	dir := shareddata.Require(t, "data", "giveme5w1h")
	lim := limits{articles: 5, events: 2, runs: 4}
	if os.Getenv("SUMMARY_EVAL_FULL") != "" {
		lim = limits{}
	}
	var buf bytes.Buffer
	if err := run(context.Background(), dir, &buf, lim); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if os.Getenv("SUMMARY_EVAL_SHOW") != "" {
		t.Log("\n" + out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	if !regexp.MustCompile(`^ROUGE-2 0\.\d{4}$`).MatchString(last) {
		t.Errorf("last line %q is not `ROUGE-2 <value>`", last)
	}
	for _, s := range systems {
		if strings.Count(out, "   "+s) != 2 {
			t.Errorf("system %s does not appear in both tables", s)
		}
	}
}

func TestRunMissingData(t *testing.T) {
	err := Run(context.Background(), t.TempDir(), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "giveme5w1h") {
		t.Errorf("missing data: err = %v, want one naming giveme5w1h", err)
	}
}
