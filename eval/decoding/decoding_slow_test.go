//go:build slow

package decoding

import "testing"

// TestRunWhole decodes every page with non-ASCII snippets (702 pages, about
// 4 s of CPU); it is in the slow tier: go test -tags slow ./eval/...
func TestRunWhole(t *testing.T) {
	// Measured recall 0.9776 (1133/1159 snippets), x/net 0.8930
	// (2026-12-05).
	checkRun(t, 0, 0.9676)
}
