//go:build slow

package natsq

import (
	"testing"
	"time"
)

// TestNoDuplicatesWithWorkersKilled1000 is the figure: 1,000
// reports, workers killed with SIGKILL at random.
func TestNoDuplicatesWithWorkersKilled1000(t *testing.T) {
	killAtRandom(t, 1000, 3, 300*time.Millisecond)
}
