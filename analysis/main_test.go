package analysis

import (
	"log/slog"
	"os"
	"testing"
)

// TestMain keeps stage notes (info level) out of test and benchmark output.
func TestMain(m *testing.M) {
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	os.Exit(m.Run())
}
