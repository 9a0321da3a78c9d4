package pipeline

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/corroborate/corroborate/document"
)

func TestRunRecordsFailuresAndGoesOn(t *testing.T) {
	s := document.NewStory()
	for _, id := range []string{"a", "bad", "panic", "d"} {
		s.Add(&document.Document{ID: id, Source: id + ".txt", Text: id})
	}
	var annotated atomic.Int32
	var linkedAfter int32
	p := &Pipeline{Workers: 3, Steps: []Step{
		PerDoc("first", AnnotatorFunc(func(_ context.Context, d *document.Document) error {
			switch d.ID {
			case "bad":
				return errors.New("cannot read")
			case "panic":
				var m map[string]int
				m["x"] = 1 // a bug in a stage must not take the run down
			}
			return nil
		})).Declare(Needs(document.LayerRaw).Gives("first")),
		PerDoc("second", AnnotatorFunc(func(_ context.Context, d *document.Document) error {
			annotated.Add(1)
			return nil
		})).Declare(Needs("first").Gives("second")),
		Cross("link", LinkerFunc(func(_ context.Context, s *document.Story) error {
			linkedAfter = annotated.Load()
			return errors.New("story-level failure")
		})).Declare(Needs("second")),
	}}
	if err := p.Run(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if annotated.Load() != 4 {
		t.Errorf("second stage ran on %d documents; want all 4", annotated.Load())
	}
	if linkedAfter != 4 {
		t.Errorf("linker ran before all documents were annotated (%d)", linkedAfter)
	}
	probs := s.AllProblems()
	if len(probs) != 3 {
		t.Fatalf("want 3 problems, got %v", probs)
	}
	if probs[0].Stage != "link" || probs[0].Source != "story" {
		t.Errorf("story problem = %+v", probs[0])
	}
	if s.Doc("bad").Problems[0].Stage != "first" || !strings.Contains(s.Doc("panic").Problems[0].Error(), "panic") {
		t.Errorf("document problems = %v / %v", s.Doc("bad").Problems, s.Doc("panic").Problems)
	}
}

func TestRunStopsOnCancel(t *testing.T) {
	s := document.NewStory()
	for i := 0; i < 100; i++ {
		s.Add(&document.Document{ID: "d"})
	}
	ctx, cancel := context.WithCancel(context.Background())
	var n atomic.Int32
	p := &Pipeline{Workers: 1, Steps: []Step{PerDoc("x", AnnotatorFunc(func(_ context.Context, d *document.Document) error {
		if n.Add(1) == 5 {
			cancel()
		}
		return nil
	})).Declare(Needs(document.LayerRaw))}}
	if err := p.Run(ctx, s); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v; want context.Canceled", err)
	}
	if n.Load() > 10 {
		t.Errorf("ran %d documents after cancel", n.Load())
	}
}
