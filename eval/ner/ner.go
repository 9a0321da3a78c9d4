// Package ner evaluates the named-entity tagger of package ner on the
// CoNLL-2003 English test set (testb) and, when present, the CoNLL++
// corrected test set, with conlleval-style exact span matching (package
// ner/train). Peer taggers given in Options run on the same sentences in
// the same run; the prose/v2 peer lives in eval/ner/prose so that its
// dependencies stay out of the product binary (cmd/corroborate-eval adds
// it).
package ner

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	tagger "github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/ner/conll"
)

// Run scores the embedded model on dataDir (the conll2003 folder, or a
// folder holding it) and prints per-type precision, recall and F1 and
// speed, without peers. The last line is "F1 <overall test F1>".
func Run(ctx context.Context, dataDir string, w io.Writer) error {
	return RunWith(ctx, dataDir, w, Options{})
}

// Options adjust RunWith.
type Options struct {
	// Model is a model file to score instead of the embedded one.
	Model string
	// Peers are other taggers scored on the same test sentences.
	Peers []Peer
}

// Peer is another tagger run on the CoNLL-2003 test sentences for
// comparison.
type Peer struct {
	// Name names the peer in a failure line ("<name> failed: …").
	Name string
	// Heading is printed after "== " before the peer's output.
	Heading string
	// Run tags sents and writes the peer's scores (a table like
	// conll.Scores.Write prints).
	Run func(ctx context.Context, sents []conll.Sentence, w io.Writer) error
}

// RunWith is Run with options.
func RunWith(ctx context.Context, dataDir string, w io.Writer, opt Options) error {
	dir, err := findCoNLL(dataDir)
	if err != nil {
		return err
	}
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	t, err := loadTagger(opt.Model)
	if err != nil {
		return err
	}
	loadTime := time.Since(start)
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	fmt.Fprintf(w, "model: %s\n", t.Model().Version())
	fmt.Fprintf(w, "load: %v, heap after load %.1f MB (+%.1f MB), %d features\n\n", loadTime.Round(time.Millisecond),
		float64(after.HeapAlloc)/1e6, (float64(after.HeapAlloc)-float64(before.HeapAlloc))/1e6, t.Model().NumFeatures())

	test, err := conll.Read(filepath.Join(dir, "test.txt"))
	if err != nil {
		return err
	}
	pp, err := conll.Read(filepath.Join(dir, "conllpp_test.txt"))
	if err != nil && !os.IsNotExist(unwrapAll(err)) {
		return err
	}
	// test.txt lost its -DOCSTART- lines; CoNLL++ has the same sentences
	// with them, so borrow its document boundaries when they line up.
	if len(pp) == len(test) {
		for i := range test {
			test[i].DocStart = pp[i].DocStart
		}
	} else {
		conll.MarkDocuments(test)
	}
	if err := ctx.Err(); err != nil {
		return err
	}

	tokens := 0
	for _, s := range test {
		tokens += len(s.Words)
	}
	start = time.Now()
	scores := conll.Evaluate(t, test)
	el := time.Since(start)
	fmt.Fprintf(w, "== ours on CoNLL-2003 test (testb): %d sentences, %d tokens, %.0f tokens/s\n", len(test), tokens, float64(tokens)/el.Seconds())
	scores.Write(w)

	if pp != nil {
		fmt.Fprintf(w, "\n== ours on CoNLL++ corrected test\n")
		conll.Evaluate(t, pp).Write(w)
	}

	for _, p := range opt.Peers {
		fmt.Fprintf(w, "\n== %s\n", p.Heading)
		if err := p.Run(ctx, test, w); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			fmt.Fprintf(w, "%s failed: %v\n", p.Name, err)
		}
	}
	if len(opt.Peers) == 0 {
		fmt.Fprintf(w, "\npeer taggers (prose/v2): go run ./cmd/corroborate-eval ner\n")
	}
	fmt.Fprintf(w, "\nreference test F1: Stanford CRF 0.869, Ratinov & Roth 2009 0.908, Flair 0.931\n")
	fmt.Fprintf(w, "F1 %.4f\n", scores.Overall.F1())
	return nil
}

// findCoNLL accepts the conll2003 folder itself or its parent.
func findCoNLL(dataDir string) (string, error) {
	for _, d := range []string{dataDir, filepath.Join(dataDir, "conll2003"), filepath.Join(dataDir, "data", "conll2003")} {
		if _, err := os.Stat(filepath.Join(d, "test.txt")); err == nil {
			return d, nil
		}
	}
	return "", fmt.Errorf("eval ner: no CoNLL-2003 test.txt in %s or %s", dataDir, filepath.Join(dataDir, "conll2003"))
}

func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return err
		}
		next := u.Unwrap()
		if next == nil {
			return err
		}
		err = next
	}
}

func loadTagger(path string) (*tagger.Tagger, error) {
	if path == "" {
		return tagger.Load()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval ner: %w", err)
	}
	defer f.Close()
	m, err := tagger.ReadModel(f, path)
	if err != nil {
		return nil, err
	}
	return tagger.NewTagger(m, tagger.Options{}), nil
}
