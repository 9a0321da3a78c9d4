// Package pipeline runs stages over a story: per-document annotators in a
// worker pool (each document through every annotator in order) and then
// cross-document linkers over the whole story. A failing or panicking stage
// records a Problem on its document (or the story) and the run goes on.
package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"runtime/debug"
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

// Step is a named stage: exactly one of Annotator and Linker is set.
type Step struct {
	Name      string
	Annotator Annotator
	Linker    Linker
}

// PerDoc names a per-document stage.
func PerDoc(name string, a Annotator) Step { return Step{Name: name, Annotator: a} }

// Cross names a cross-document stage.
func Cross(name string, l Linker) Step { return Step{Name: name, Linker: l} }

// Pipeline is an ordered list of steps. Consecutive per-document steps run
// together in one pass over the documents; a cross-document step waits for
// every document to finish the steps before it.
type Pipeline struct {
	Steps []Step
	// Workers is the number of documents processed at once (default:
	// GOMAXPROCS).
	Workers int
	// Logger receives stage failures (default: slog.Default()).
	Logger *slog.Logger
}

// Run executes the pipeline over s. It returns only ctx's error; stage
// failures are recorded as problems on the documents or the story.
func (p *Pipeline) Run(ctx context.Context, s *document.Story) error {
	log := p.Logger
	if log == nil {
		log = slog.Default()
	}
	for i := 0; i < len(p.Steps); {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p.Steps[i].Linker != nil {
			st := p.Steps[i]
			if err := safeLink(ctx, st, s); err != nil {
				log.Warn("stage failed", "stage", st.Name, "err", err)
				s.AddProblem(document.Problem{Source: "story", Stage: st.Name, Err: err})
			}
			i++
			continue
		}
		j := i
		for j < len(p.Steps) && p.Steps[j].Linker == nil {
			j++
		}
		p.runDocs(ctx, p.Steps[i:j], s, log)
		i = j
	}
	return ctx.Err()
}

func (p *Pipeline) runDocs(ctx context.Context, steps []Step, s *document.Story, log *slog.Logger) {
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan *document.Document)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range jobs {
				for _, st := range steps {
					if ctx.Err() != nil {
						break
					}
					if err := safeAnnotate(ctx, st, d); err != nil {
						log.Warn("stage failed", "stage", st.Name, "doc", d.Source, "err", err)
						d.AddProblem(st.Name, err)
					}
				}
			}
		}()
	}
	for _, d := range s.Docs {
		if ctx.Err() != nil {
			break
		}
		jobs <- d
	}
	close(jobs)
	wg.Wait()
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
	return st.Linker.Link(ctx, s)
}
