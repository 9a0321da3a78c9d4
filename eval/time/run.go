// Package time evaluates the timex tagger on TempEval-3 (Task A: extraction
// and normalization of TIMEX3 expressions) against the platinum test set.
package time

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/corroborate/corroborate/text"
	"github.com/corroborate/corroborate/timex"
)

// Published TempEval-3 platinum results (UzZaman et al. 2013, Table 3), in
// percent.
var published = []struct {
	name                     string
	relaxed, strict, valueF1 float64
}{
	{"HeidelTime-t", 90.30, 81.34, 77.61},
	{"SUTime", 90.32, 79.57, 67.38},
}

// Run evaluates on the platinum test documents under dataDir (the shared
// data folder or its tempeval3 folder) and ends with the line
// "ValueF1 <fraction>".
func Run(ctx context.Context, dataDir string, w io.Writer) error {
	dir, err := findDir(dataDir, filepath.Join("test", "te3-platinum"))
	if err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no .tml files in %s", dir)
	}
	c, err := Evaluate(ctx, files, nil)
	if err != nil {
		return err
	}
	Report(w, fmt.Sprintf("TempEval-3 platinum (%d documents)", len(files)), "corroborate", c)
	fmt.Fprintf(w, "ValueF1 %.4f\n", c.Scores().ValueF1)
	return nil
}

// findDir locates sub under dataDir or dataDir/tempeval3.
func findDir(dataDir, sub string) (string, error) {
	for _, d := range []string{filepath.Join(dataDir, sub), filepath.Join(dataDir, "tempeval3", sub)} {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d, nil
		}
	}
	return "", fmt.Errorf("TempEval-3 data: %s not found under %s or %s", sub, dataDir, filepath.Join(dataDir, "tempeval3"))
}

// Evaluate tags every TimeML file with its DCT as anchor and scores it.
// When errs is not nil, every mismatch is written to it.
func Evaluate(ctx context.Context, files []string, errs io.Writer) (Counts, error) {
	var c Counts
	tg := timex.New()
	sort.Strings(files)
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return c, err
		}
		doc, err := ReadTimeML(f)
		if err != nil {
			return c, err
		}
		// The sentences are the text stage's, as in the pipeline.
		sys := tg.Tag(doc.Text, text.Sentences(doc.Text), doc.DCT)
		ms := c.Add(doc.Timexes, sys)
		if errs != nil {
			for _, m := range ms {
				switch {
				case m.Missed:
					fmt.Fprintf(errs, "MISS %s\t%q\t%s\t%s\n", filepath.Base(f), m.Gold.Text, m.Gold.Type, m.Gold.Value)
				case m.Spurious:
					fmt.Fprintf(errs, "SPUR %s\t%q\t%s\t%s\n", filepath.Base(f), m.System.Text, m.System.Type, m.System.Value)
				default:
					fmt.Fprintf(errs, "VAL  %s\tgold %q %s %s\tsys %q %s %s\tdct %s\n", filepath.Base(f), m.Gold.Text, m.Gold.Type, m.Gold.Value, m.System.Text, m.System.Type, m.System.Value, doc.DCT.Format("2006-01-02"))
				}
			}
		}
	}
	return c, nil
}

// Report prints the scores of the named system next to the published
// systems' numbers.
func Report(w io.Writer, title, system string, c Counts) {
	s := c.Scores()
	fmt.Fprintf(w, "%s: %d gold timexes, %d system timexes\n", title, c.Gold, c.System)
	fmt.Fprintf(w, "extraction strict   P %.2f  R %.2f  F1 %.2f\n", 100*s.StrictP, 100*s.StrictR, 100*s.StrictF1)
	fmt.Fprintf(w, "extraction relaxed  P %.2f  R %.2f  F1 %.2f\n", 100*s.RelaxedP, 100*s.RelaxedR, 100*s.RelaxedF1)
	fmt.Fprintf(w, "type accuracy %.2f  type F1 %.2f\n", 100*s.TypeAccuracy, 100*s.TypeF1)
	fmt.Fprintf(w, "value accuracy %.2f  value F1 %.2f (relaxed F1 x value accuracy)\n", 100*s.ValueAccuracy, 100*s.ValueF1)
	fmt.Fprintf(w, "%-14s %8s %8s %8s\n", "system", "relaxed", "strict", "value")
	fmt.Fprintf(w, "%-14s %8.2f %8.2f %8.2f\n", system, 100*s.RelaxedF1, 100*s.StrictF1, 100*s.ValueF1)
	for _, p := range published {
		fmt.Fprintf(w, "%-14s %8.2f %8.2f %8.2f  (published)\n", p.name, p.relaxed, p.strict, p.valueF1)
	}
}
