package resolve

import (
	"context"
	"os"
	"testing"
)

// TestPrintFull prints the whole evaluation (about 10 s) for the data
// folder named by $RESOLVE_EVAL_DATA (e.g. ../shared/data), a stand-in
// for the CLI until "corroborate eval resolve" is wired.
func TestPrintFull(t *testing.T) {
	if os.Getenv("RESOLVE_EVAL_DATA") == "" {
		t.Skip("set RESOLVE_EVAL_DATA")
	}
	if err := Run(context.Background(), os.Getenv("RESOLVE_EVAL_DATA"), os.Stdout); err != nil {
		t.Fatal(err)
	}
}
