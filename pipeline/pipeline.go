// Package pipeline runs stages over a story: per-document annotators in a
// worker pool (each document through every annotator in order) and then
// cross-document linkers over the whole story. A failing or panicking stage
// records a Problem on its document (or the story) and the run goes on.
package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/corroborate/corroborate/document"
)

// Annotator enriches one document. It reads the layers it needs from the
// document and writes its own.
type Annotator interface {
	Annotate(ctx context.Context, d *document.Document) error
}

// Linker works across all documents of a story.
type Linker interface {
	Link(ctx context.Context, s *document.Story) error
}

// AnnotatorFunc adapts a function to Annotator.
type AnnotatorFunc func(ctx context.Context, d *document.Document) error

// Annotate calls f.
func (f AnnotatorFunc) Annotate(ctx context.Context, d *document.Document) error { return f(ctx, d) }

// LinkerFunc adapts a function to Linker.
type LinkerFunc func(ctx context.Context, s *document.Story) error

// Link calls f.
func (f LinkerFunc) Link(ctx context.Context, s *document.Story) error { return f(ctx, s) }

// Step is a named stage: exactly one of Annotator, Linker and Concurrent
// is set. Requires and Provides are its contract (see Validate).
type Step struct {
	Name      string
	Annotator Annotator
	Linker    Linker
	// Requires lists the layers the step reads; Provides the layers it
	// writes. PerDoc and Cross fill both from a stage that implements
	// Declarer; Declare sets them for one that does not.
	Requires []document.Layer
	Provides []document.Layer
	// Concurrent holds cross-document steps that run at the same time,
	// each on its own goroutine; the step ends when all have. Group only
	// linkers that write different results and read nothing another of
	// them writes.
	Concurrent []Step
}

// PerDoc names a per-document stage, with its contract when it declares
// one.
func PerDoc(name string, a Annotator) Step {
	return Step{Name: name, Annotator: a}.Declare(declared(a))
}

// Cross names a cross-document stage, with its contract when it declares
// one.
func Cross(name string, l Linker) Step {
	return Step{Name: name, Linker: l}.Declare(declared(l))
}

// Declare returns st with contract c (replacing any contract it had).
func (st Step) Declare(c Contract) Step {
	st.Requires, st.Provides = c.Requires, c.Provides
	return st
}

func declared(stage any) Contract {
	if d, ok := stage.(Declarer); ok {
		return d.Contract()
	}
	return Contract{}
}

// Concurrently groups cross-document steps that do not depend on each
// other (see Step.Concurrent) so that they run at the same time. Their
// problems are recorded under their own names, in the order given.
func Concurrently(name string, steps ...Step) Step { return Step{Name: name, Concurrent: steps} }

// isCross reports whether st is a cross-document step.
func (st Step) isCross() bool { return st.Linker != nil || len(st.Concurrent) > 0 }

// Pipeline is an ordered list of steps. Consecutive per-document steps run
// together in one pass over the documents; a cross-document step waits for
// every document to finish the steps before it.
type Pipeline struct {
	Steps []Step
	// Given lists the layers the documents carry before the first step
	// (default: LayerRaw, what ingest fills).
	Given []document.Layer
	// Workers is the number of documents processed at once (default:
	// GOMAXPROCS).
	Workers int
	// Logger receives stage failures (default: slog.Default()).
	Logger *slog.Logger
	// Progress, when set, is told how far the run is (see ProgressFunc).
	Progress ProgressFunc
}

// ProgressFunc receives a run's progress. A group of consecutive
// per-document steps is reported under its steps' names joined by "+"
// ("clean+text+ner"): once with done 0 before the first document starts,
// then once as each document finishes the whole group, done counting up to
// total, the number of documents. A cross-document step is reported with
// done 0 and total 1 as it starts and done 1 as it ends; a concurrent
// group (see Concurrently) reports each of its steps, in order, once all
// have ended. Calls come one at a time and in order, from the goroutines
// that finish the work, so the function should return quickly; it must
// not call back into the pipeline.
type ProgressFunc func(step string, done, total int)

// progress serialises a run's progress calls so that they arrive in order.
type progress struct {
	fn   ProgressFunc
	mu   sync.Mutex
	done int
}

func newProgress(fn ProgressFunc) *progress { return &progress{fn: fn} }

// start reports that step begins with total items to do.
func (pr *progress) start(step string, total int) {
	if pr == nil || pr.fn == nil {
		return
	}
	pr.mu.Lock()
	defer pr.mu.Unlock()
	pr.done = 0
	pr.fn(step, 0, total)
}

// report reports step's progress as given.
func (pr *progress) report(step string, done, total int) {
	if pr == nil || pr.fn == nil {
		return
	}
	pr.mu.Lock()
	defer pr.mu.Unlock()
	pr.fn(step, done, total)
}

// tick reports one more item of step done.
func (pr *progress) tick(step string, total int) {
	if pr == nil || pr.fn == nil {
		return
	}
	pr.mu.Lock()
	defer pr.mu.Unlock()
	pr.done++
	pr.fn(step, pr.done, total)
}

// New returns a pipeline of the given steps after checking their order
// against their contracts (see Validate), with the input carrying the
// given layers.
func New(given []document.Layer, steps ...Step) (*Pipeline, error) {
	p := &Pipeline{Given: given, Steps: steps}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}

// Validate checks the order of the pipeline's steps against their
// contracts.
func (p *Pipeline) Validate() error {
	given := p.Given
	if given == nil {
		given = []document.Layer{document.LayerRaw}
	}
	return Validate(given, p.Steps)
}

// Run executes the pipeline over s. It returns a *ContractError when the
// steps' order breaks their contracts (and then runs nothing), and
// otherwise only ctx's error; stage failures are recorded as problems on
// the documents or the story.
func (p *Pipeline) Run(ctx context.Context, s *document.Story) error {
	if err := p.Validate(); err != nil {
		return err
	}
	log := p.Logger
	if log == nil {
		log = slog.Default()
	}
	var pr *progress
	if p.Progress != nil {
		pr = newProgress(p.Progress)
	}
	for i := 0; i < len(p.Steps); {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p.Steps[i].isCross() {
			p.runCross(ctx, p.Steps[i], s, log, pr)
			i++
			continue
		}
		j := i
		for j < len(p.Steps) && !p.Steps[j].isCross() {
			j++
		}
		p.runDocs(ctx, p.Steps[i:j], s, log, pr)
		i = j
	}
	return ctx.Err()
}

// runCross runs one cross-document step, or a group of them at once, and
// records their failures in step order.
func (p *Pipeline) runCross(ctx context.Context, st Step, s *document.Story, log *slog.Logger, pr *progress) {
	steps := st.Concurrent
	if len(steps) == 0 {
		steps = []Step{st}
	}
	for _, sub := range steps {
		pr.report(sub.Name, 0, 1)
	}
	defer func() {
		for _, sub := range steps {
			pr.report(sub.Name, 1, 1)
		}
	}()
	errs := make([]error, len(steps))
	if len(steps) == 1 {
		errs[0] = safeLink(ctx, steps[0], s)
	} else {
		var wg sync.WaitGroup
		for k, sub := range steps {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[k] = safeLink(ctx, sub, s)
			}()
		}
		wg.Wait()
	}
	for k, err := range errs {
		if err != nil {
			log.Warn("stage failed", "stage", steps[k].Name, "err", err)
			s.AddProblem(document.Problem{Source: "story", Stage: steps[k].Name, Err: err})
		}
	}
}

func (p *Pipeline) runDocs(ctx context.Context, steps []Step, s *document.Story, log *slog.Logger, pr *progress) {
	var name string
	if pr != nil {
		names := make([]string, len(steps))
		for k, st := range steps {
			names[k] = st.Name
		}
		name = strings.Join(names, "+")
		pr.start(name, len(s.Docs))
	}
	ForEach(ctx, p.Workers, s.Docs, func(ctx context.Context, _ int, d *document.Document) {
		defer pr.tick(name, len(s.Docs))
		for _, st := range steps {
			if ctx.Err() != nil {
				return
			}
			if err := safeAnnotate(ctx, st, d); err != nil {
				log.Warn("stage failed", "stage", st.Name, "doc", d.Source, "err", err)
				d.AddProblem(st.Name, err)
			}
		}
	})
}

func safeAnnotate(ctx context.Context, st Step, d *document.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return st.Annotator.Annotate(ctx, d)
}

func safeLink(ctx context.Context, st Step, s *document.Story) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	if st.Linker == nil {
		return fmt.Errorf("step %s has no linker", st.Name)
	}
	return st.Linker.Link(ctx, s)
}
