package timeline

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sharedDir = "../../../shared/data"

// TestGoldAgainstItself checks the reader and scorer on the real gold
// timelines: each scores 1 against itself.
func TestGoldAgainstItself(t *testing.T) {
	root, err := findRoot(sharedDir)
	if err != nil {
		t.Skipf("SemEval-2015 Task 4 data absent: %v", err)
	}
	for i := 1; i <= 3; i++ {
		dir := filepath.Join(root, "SemEval_Task4_data", "corpus_"+string(rune('0'+i)), "TimeLines_Gold_Standard")
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			tl, err := ReadTimeline(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			c := Score(tl, tl)
			if c.Gold > 0 && (c.P() != 1 || c.R() != 1) {
				t.Errorf("%s against itself: %+v", f, c)
			}
		}
	}
}

func TestRunTrial(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline over 30 documents")
	}
	if _, err := findRoot(sharedDir); err != nil {
		t.Skipf("SemEval-2015 Task 4 data absent: %v", err)
	}
	var out bytes.Buffer
	if err := run(context.Background(), sharedDir, &out, defaultOptions, false); err != nil {
		t.Fatal(err)
	}
	t.Log(out.String())
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if !strings.HasPrefix(lines[len(lines)-1], "F1 ") {
		t.Fatalf("last line %q", lines[len(lines)-1])
	}
}
