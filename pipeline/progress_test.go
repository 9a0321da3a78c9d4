package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// TestProgressCountsInOrder runs per-document groups on several workers,
// a cross step and a concurrent group, and checks that every step's count
// starts at 0, rises by one up to its total and that steps follow the
// pipeline's order.
func TestProgressCountsInOrder(t *testing.T) {
	const n = 57
	s := document.NewStory()
	for i := range n {
		s.Add(&document.Document{ID: fmt.Sprint(i), Text: "x"})
	}
	noop := AnnotatorFunc(func(context.Context, *document.Document) error { return nil })
	link := LinkerFunc(func(context.Context, *document.Story) error { return nil })
	type call struct {
		step        string
		done, total int
	}
	var calls []call
	p := &Pipeline{Workers: 4, Steps: []Step{
		PerDoc("a", noop).Declare(Needs(document.LayerRaw).Gives("a")),
		PerDoc("b", AnnotatorFunc(func(_ context.Context, d *document.Document) error {
			if d.ID == "3" {
				panic("a failing stage still counts its document")
			}
			return nil
		})).Declare(Needs("a").Gives("b")),
		Cross("join", link).Declare(Needs("b").Gives("join")),
		PerDoc("c", noop).Declare(Needs("join").Gives("c")),
		Concurrently("pair",
			Cross("left", link).Declare(Needs("c").Gives("left")),
			Cross("right", link).Declare(Needs("c").Gives("right"))),
	}, Progress: func(step string, done, total int) {
		calls = append(calls, call{step, done, total}) // calls come one at a time
	}}
	if err := p.Run(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	var order []string
	last := map[string]int{}
	for _, c := range calls {
		prev, seen := last[c.step]
		switch {
		case !seen && c.done != 0:
			t.Errorf("%s starts at %d/%d, want 0", c.step, c.done, c.total)
		case seen && c.done != prev+1:
			t.Errorf("%s goes from %d to %d", c.step, prev, c.done)
		}
		if !seen {
			order = append(order, c.step)
		}
		last[c.step] = c.done
	}
	if got, want := strings.Join(order, " "), "a+b join c left right"; got != want {
		t.Errorf("steps reported in order %q, want %q", got, want)
	}
	for step, total := range map[string]int{"a+b": n, "join": 1, "c": n, "left": 1, "right": 1} {
		if last[step] != total {
			t.Errorf("%s reached %d, want %d", step, last[step], total)
		}
	}
	for _, c := range calls {
		if want := map[bool]int{true: n, false: 1}[c.step == "a+b" || c.step == "c"]; c.total != want {
			t.Errorf("%s reported with total %d, want %d", c.step, c.total, want)
		}
	}
}

// TestNoProgressFunc checks that a pipeline without one runs as before.
func TestNoProgressFunc(t *testing.T) {
	s := document.NewStory()
	s.Add(&document.Document{ID: "a", Text: "x"})
	p := &Pipeline{Steps: []Step{PerDoc("a", AnnotatorFunc(func(context.Context, *document.Document) error { return nil })).Declare(Needs(document.LayerRaw))}}
	if err := p.Run(context.Background(), s); err != nil {
		t.Fatal(err)
	}
}
