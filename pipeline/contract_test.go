package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// declaring is a stage that declares its contract itself.
type declaring struct{ c Contract }

func (d declaring) Annotate(context.Context, *document.Document) error { return nil }
func (d declaring) Link(context.Context, *document.Story) error        { return nil }
func (d declaring) Contract() Contract                                 { return d.c }

func TestValidate(t *testing.T) {
	stage := func(req, prov string) declaring {
		c := Contract{}
		if req != "" {
			c.Requires = []document.Layer{document.Layer(req)}
		}
		if prov != "" {
			c.Provides = []document.Layer{document.Layer(prov)}
		}
		return declaring{c}
	}
	tests := []struct {
		name  string
		steps []Step
		want  string // "" for valid, else a piece of the error
	}{
		{"in order", []Step{PerDoc("a", stage("raw", "x")), PerDoc("b", stage("x", "y")), Cross("c", stage("y", "z"))}, ""},
		{"reads a layer nobody wrote", []Step{PerDoc("a", stage("raw", "x")), PerDoc("b", stage("w", "y"))}, `step "b" requires w`},
		{"reads a layer written later", []Step{PerDoc("b", stage("x", "y")), PerDoc("a", stage("raw", "x"))}, `step "b" requires x`},
		{"undeclared stage", []Step{PerDoc("a", AnnotatorFunc(func(context.Context, *document.Document) error { return nil }))}, "declares no contract"},
		{"group independent", []Step{Concurrently("g", Cross("a", stage("raw", "x")), Cross("b", stage("raw", "y"))), Cross("c", stage("y", ""))}, ""},
		{"group reads a sibling", []Step{Concurrently("g", Cross("a", stage("raw", "x")), Cross("b", stage("x", "y")))}, `"b": reads x`},
		{"group writes twice", []Step{Concurrently("g", Cross("a", stage("raw", "x")), Cross("b", stage("raw", "x")))}, "also writes"},
		{"declared on the step", []Step{PerDoc("a", AnnotatorFunc(func(context.Context, *document.Document) error { return nil })).Declare(Needs("raw").Gives("x")), Cross("b", stage("x", ""))}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New([]document.Layer{document.LayerRaw}, tc.steps...)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("New = %v; want a valid flow", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("New = %v; want an error containing %q", err, tc.want)
			}
			var ce *ContractError
			if err != nil && !errors.As(err, &ce) {
				t.Errorf("error %T is not a *ContractError", err)
			}
		})
	}
}

func TestRunRefusesABrokenFlow(t *testing.T) {
	s := document.NewStory()
	s.Add(&document.Document{ID: "a", Text: "a"})
	ran := false
	p := &Pipeline{Steps: []Step{
		PerDoc("early", AnnotatorFunc(func(context.Context, *document.Document) error { ran = true; return nil })).Declare(Needs(document.LayerRaw).Gives("x")),
		PerDoc("late", AnnotatorFunc(func(context.Context, *document.Document) error { return nil })).Declare(Needs("nobody")),
	}}
	var ce *ContractError
	if err := p.Run(context.Background(), s); !errors.As(err, &ce) || ce.Step != "late" {
		t.Fatalf("Run = %v; want a contract error for step late", err)
	}
	if ran {
		t.Error("a step ran although the flow was refused")
	}
}

func TestForEachRecoversAndCoversAll(t *testing.T) {
	items := make([]int, 50)
	for i := range items {
		items[i] = i
	}
	seen := make([]bool, len(items))
	errs := ForEach(context.Background(), 3, items, func(_ context.Context, i, item int) {
		if item == 7 {
			panic("boom")
		}
		seen[i] = true
	})
	for i := range items {
		if (i == 7) != (errs[i] != nil) {
			t.Errorf("item %d: err = %v", i, errs[i])
		}
		if i != 7 && !seen[i] {
			t.Errorf("item %d was not processed", i)
		}
	}
}
