package extract

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/corroborate/corroborate/eval/articlebench"
)

// checkStored rescores the system outputs shipped with the benchmark and
// prints them beside the published numbers, so that a reader can see the
// scorer reproduces the upstream evaluator. It returns the largest F1
// difference from a published number.
func checkStored(w io.Writer, dir string, items []articlebench.Item) (float64, error) {
	paths, err := articlebench.OutputPaths(dir)
	if err != nil {
		return 0, err
	}
	fmt.Fprintln(w, "scorer check on the stored outputs (ours vs published F1/P/R/acc):")
	worst := 0.0
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".json")
		out, err := articlebench.ReadItems(p)
		if err != nil {
			return 0, err
		}
		pred := make(map[string]string, len(out))
		for id, it := range out {
			pred[id] = it.Body
		}
		m := articlebench.Summarize(articlebench.ScoreAll(items, pred))
		pub, ok := published[name]
		if !ok {
			fmt.Fprintf(w, "  %-20s %.3f %.3f %.3f %.3f   (no published number)\n", name, m.F1, m.Precision, m.Recall, m.Accuracy)
			continue
		}
		d := m.F1 - pub[0]
		if d < 0 {
			d = -d
		}
		worst = max(worst, d)
		fmt.Fprintf(w, "  %-20s %.3f %.3f %.3f %.3f   published %.3f %.3f %.3f %.3f\n",
			name, m.F1, m.Precision, m.Recall, m.Accuracy, pub[0], pub[1], pub[2], pub[3])
	}
	return worst, nil
}
