package analysis

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
	"github.com/corroborate/corroborate/pipeline"
)

// stageInputs returns the inputs of the per-stage benchmarks. The variable
// CORROBORATE_BENCH_INPUT names a file, folder or glob (several separated by
// commas) to measure instead of the default benchInputs; for instance the
// news_cluster articles of ../shared/data/giveme5w1h.
func stageInputs(b *testing.B) ([]string, int64) {
	in := os.Getenv("CORROBORATE_BENCH_INPUT")
	if in == "" {
		return benchInputs(b)
	}
	var paths []string
	for _, part := range strings.Split(in, ",") {
		st, err := os.Stat(part)
		if err == nil && st.IsDir() {
			entries, err := os.ReadDir(part)
			if err != nil {
				b.Fatalf("reading benchmark input %s: %v", part, err)
			}
			for _, e := range entries {
				if !e.IsDir() {
					paths = append(paths, filepath.Join(part, e.Name()))
				}
			}
			continue
		}
		m, err := filepath.Glob(part)
		if err != nil || len(m) == 0 {
			b.Fatalf("benchmark input %s: no such file, folder or glob match", part)
		}
		paths = append(paths, m...)
	}
	var n int64
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			b.Fatal(err)
		}
		n += st.Size()
	}
	return paths, n
}

// stageTimes accumulates the time spent in each stage.
type stageTimes struct {
	names []string
	total map[string]time.Duration
}

func (t *stageTimes) add(name string, d time.Duration) {
	if t.total == nil {
		t.total = map[string]time.Duration{}
	}
	if _, ok := t.total[name]; !ok {
		t.names = append(t.names, name)
	}
	t.total[name] += d
}

// runStages runs the whole flow over paths once, one stage at a time on one
// worker, and adds each stage's time to t. It returns the number of
// documents analysed after extraction.
func runStages(b *testing.B, ctx context.Context, paths []string, steps []pipeline.Step, t *stageTimes) int {
	start := time.Now()
	docs, problems, err := Read(ctx, paths, Options{})
	if err != nil {
		b.Fatal(err)
	}
	t.add("read", time.Since(start))
	start = time.Now()
	s, err := AnalyzeDocumentsWith(ctx, docs, problems, Options{Workers: 1}, nil)
	if err != nil {
		b.Fatal(err)
	}
	t.add("extract", time.Since(start))
	for i, st := range steps {
		start = time.Now()
		p := &pipeline.Pipeline{Workers: 1, Steps: []pipeline.Step{st}, Given: pipeline.Provided(Extracted, steps[:i])}
		if err := p.Run(ctx, s); err != nil {
			b.Fatal(err)
		}
		t.add(st.Name, time.Since(start))
	}
	return len(s.Docs)
}

// BenchmarkStages measures every stage of the standard flow separately on
// one worker and reports ns per input document for each (read, extract,
// then the steps of Pipeline). Set CORROBORATE_BENCH_INPUT to measure a
// larger input.
func BenchmarkStages(b *testing.B) {
	paths, size := stageInputs(b)
	benchStages(b, paths, size)
}

func benchStages(b *testing.B, paths []string, size int64) {
	ctx := context.Background()
	p, err := Pipeline(Options{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	// Stage logs (documents without a date and the like) would swamp the
	// benchmark output.
	defer slog.SetDefault(slog.Default())
	slog.SetDefault(slog.New(slog.DiscardHandler))
	var t stageTimes
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if n := runStages(b, ctx, paths, p.Steps, &t); n == 0 {
			b.Fatal("no document analysed")
		}
	}
	docs := float64(len(paths) * b.N)
	for _, name := range t.names {
		b.ReportMetric(float64(t.total[name].Nanoseconds())/docs, name+"-ns/doc")
	}
	b.ReportMetric(docs/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkCrossScaling runs the flow over growing prefixes of the
// news_cluster articles (50, 100, 200, 400 documents, or the sizes listed in
// CORROBORATE_BENCH_SIZES) so that the per-document cost of the
// cross-document stages can be compared across sizes: it should stay flat.
func BenchmarkCrossScaling(b *testing.B) {
	var all []string
	if os.Getenv("CORROBORATE_BENCH_INPUT") != "" {
		all, _ = stageInputs(b)
	} else {
		dir, ok := shareddata.Path("data", "giveme5w1h", "news_cluster", "data_raw")
		if !ok {
			b.Skip("../shared/data/giveme5w1h/news_cluster/data_raw not found; set CORROBORATE_BENCH_INPUT")
		}
		all, _ = filepath.Glob(filepath.Join(dir, "*.json"))
	}
	sizes := []int{50, 100, 200, 400}
	if env := os.Getenv("CORROBORATE_BENCH_SIZES"); env != "" {
		sizes = nil
		for _, f := range strings.Split(env, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n <= 0 {
				b.Fatalf("CORROBORATE_BENCH_SIZES: %q is not a positive number", f)
			}
			sizes = append(sizes, n)
		}
	}
	for _, n := range sizes {
		if n > len(all) {
			continue
		}
		paths := all[:n]
		var size int64
		for _, p := range paths {
			if st, err := os.Stat(p); err == nil {
				size += st.Size()
			}
		}
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) { benchStages(b, paths, size) })
	}
}

// TestRunStagesMatchesPipeline checks that running the stages one at a time,
// as the benchmarks do, gives the same story as the pipeline.
func TestRunStagesMatchesPipeline(t *testing.T) {
	dir := shareddata.Require(t, "corpus", "hashimi")
	ctx := context.Background()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	whole, err := Analyze(ctx, paths, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	p, err := Pipeline(Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	docs, problems, err := Read(ctx, paths, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := AnalyzeDocumentsWith(ctx, docs, problems, Options{Workers: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, st := range p.Steps {
		if err := (&pipeline.Pipeline{Workers: 1, Steps: []pipeline.Step{st}, Given: pipeline.Provided(Extracted, p.Steps[:i])}).Run(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := storyShape(s), storyShape(whole); got != want {
		t.Errorf("stage by stage: %s; whole pipeline: %s", got, want)
	}
}

func storyShape(s *document.Story) string {
	var sum []string
	for _, x := range s.Summary {
		sum = append(sum, x.Text)
	}
	return fmt.Sprintf("%d docs, %d entities, %d timeline, %d disagreements, %d agreements, %d derivations, summary %q",
		len(s.Docs), len(s.Entities), len(s.Timeline), len(s.Disagreements), len(s.Agreements), len(s.Derivations), sum)
}

// groupedSteps returns steps with the last cross-document stages, which do
// not depend on each other (timeline and summarize), grouped to run
// concurrently. The earlier linkers feed each other (compare → events →
// anchor → timeline; summarize reads compare's derivations and the
// time expressions the anchoring resolves), so the pipeline refuses them
// in one group.
func groupedSteps(steps []pipeline.Step) []pipeline.Step {
	independent := map[string]bool{"timeline": true, "summarize": true}
	var out, group []pipeline.Step
	at := -1
	for _, st := range steps {
		if independent[st.Name] {
			if at < 0 {
				at = len(out)
			}
			group = append(group, st)
			continue
		}
		out = append(out, st)
	}
	return append(out[:at:at], append([]pipeline.Step{pipeline.Concurrently("link", group...)}, out[at:]...)...)
}

// TestGroupedLinkersMatchSequential checks that running timeline and
// summarize concurrently gives the same story as running them one
// after the other (run it with -race to check they share nothing).
func TestGroupedLinkersMatchSequential(t *testing.T) {
	dir := shareddata.Require(t, "corpus", "hashimi")
	ctx := context.Background()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	p, err := Pipeline(Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	run := func(steps []pipeline.Step) []byte {
		docs, problems, err := Read(ctx, paths, Options{})
		if err != nil {
			t.Fatal(err)
		}
		s, err := AnalyzeDocumentsWith(ctx, docs, problems, Options{Workers: 1}, steps)
		if err != nil {
			t.Fatal(err)
		}
		out, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	seq, grouped := run(p.Steps), run(groupedSteps(p.Steps))
	if !bytes.Equal(seq, grouped) {
		t.Errorf("grouped linkers give a different story (%d bytes of JSON against %d)", len(grouped), len(seq))
	}
}

// BenchmarkFlow measures the whole flow with all workers over the
// benchmark input (see stageInputs), with the cross-document stages one
// after the other as Pipeline gives them ("sequential") and with timeline
// and summarize run concurrently ("grouped").
func BenchmarkFlow(b *testing.B) {
	paths, size := stageInputs(b)
	ctx := context.Background()
	p, err := Pipeline(Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer slog.SetDefault(slog.Default())
	slog.SetDefault(slog.New(slog.DiscardHandler))
	for _, variant := range []struct {
		name  string
		steps []pipeline.Step
	}{{"sequential", p.Steps}, {"grouped", groupedSteps(p.Steps)}} {
		b.Run(variant.name, func(b *testing.B) {
			b.SetBytes(size)
			for i := 0; i < b.N; i++ {
				docs, problems, err := Read(ctx, paths, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := AnalyzeDocumentsWith(ctx, docs, problems, Options{}, variant.steps); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(paths)*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
