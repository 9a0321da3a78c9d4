package main

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/demo"
)

// TestProgressOnlyOnATerminal runs analyze, entities and cluster over the
// demo reports with stderr pretending to be a terminal, with and without
// --quiet, and with stderr as it is in tests (a buffer, no terminal): the
// progress bar's steps appear on stderr only in the first case.
func TestProgressOnlyOnATerminal(t *testing.T) {
	paths, err := demo.WriteTo(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	real := isTerminal
	t.Cleanup(func() { isTerminal = real })
	// Step names the bar shows: extraction, the per-document stages and
	// the last linker (analyze and entities), the stories (cluster).
	tests := []struct {
		cmd   []string
		steps []string
	}{
		{[]string{"analyze"}, []string{"extract+flags", "clean+text+ner+timex+event+coref+quote+quantity+claim", "summarize"}},
		{[]string{"entities"}, []string{"extract+flags", "clean+text+ner+timex+event+coref+quote+quantity+claim", "resolve"}},
		{[]string{"cluster", "--analyze", filepath.Join(t.TempDir(), "accounts")}, []string{"extract+flags", "clean+text+ner+timex", "analysing stories"}},
	}
	for _, tt := range tests {
		name := strings.Join(tt.cmd[:1], " ")
		for _, mode := range []struct {
			name     string
			terminal bool
			quiet    bool
		}{{"terminal", true, false}, {"terminal --quiet", true, true}, {"no terminal", false, false}} {
			t.Run(name+"/"+mode.name, func(t *testing.T) {
				isTerminal = func(io.Writer) bool { return mode.terminal }
				args := append(append([]string{}, tt.cmd...), paths...)
				if mode.quiet {
					args = append(args, "--quiet")
				}
				_, stderr, err := runToFile(t, args...)
				if err != nil {
					t.Fatalf("%v: %v\n%s", args, err, stderr)
				}
				shown := mode.terminal && !mode.quiet
				for _, step := range tt.steps {
					if got := strings.Contains(stderr, step); got != shown {
						t.Errorf("step %q on stderr: %v, want %v\n%q", step, got, shown, stderr)
					}
				}
				if !shown && strings.ContainsRune(stderr, '\r') {
					t.Errorf("carriage returns on stderr without a progress bar:\n%q", stderr)
				}
				if !strings.Contains(stderr, "corroborate: ") {
					t.Errorf("the closing line is missing from stderr:\n%q", stderr)
				}
			})
		}
	}
}
