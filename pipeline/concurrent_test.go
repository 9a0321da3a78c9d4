package pipeline

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
)

func TestConcurrentlyRunsLinkersTogether(t *testing.T) {
	s := document.NewStory()
	s.Add(&document.Document{ID: "a", Source: "a.txt", Text: "a"})
	// Each linker of the group waits until both have started: the run can
	// only finish quickly if they run at the same time.
	var started sync.WaitGroup
	started.Add(2)
	together := func(name string, fail error) Step {
		return Cross(name, LinkerFunc(func(context.Context, *document.Story) error {
			started.Done()
			done := make(chan struct{})
			go func() { started.Wait(); close(done) }()
			select {
			case <-done:
				return fail
			case <-time.After(5 * time.Second):
				return errors.New("ran alone")
			}
		})).Declare(Needs(document.LayerRaw).Gives(document.Layer(name)))
	}
	var afterGroup bool
	p := &Pipeline{Steps: []Step{
		Concurrently("group",
			together("left", errors.New("left failed")),
			together("right", nil),
			Cross("crash", LinkerFunc(func(context.Context, *document.Story) error {
				var m map[string]int
				m["x"] = 1
				return nil
			})).Declare(Needs(document.LayerRaw).Gives("crash")),
		),
		Cross("after", LinkerFunc(func(context.Context, *document.Story) error {
			afterGroup = true
			return nil
		})).Declare(Needs("left", "right")),
	}}
	if err := p.Run(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if !afterGroup {
		t.Error("the step after the group did not run")
	}
	probs := s.AllProblems()
	if len(probs) != 2 || probs[0].Stage != "left" || probs[0].Error() == "" || probs[1].Stage != "crash" {
		t.Fatalf("problems = %v; want left's failure then crash's panic", probs)
	}
	if errors.Is(probs[0].Err, context.DeadlineExceeded) || probs[0].Err.Error() == "ran alone" {
		t.Errorf("linkers of the group did not run at the same time: %v", probs[0].Err)
	}
}
