package analysis

import (
	"fmt"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/pipeline"
)

// Preset names a part of the standard flow after extraction, so that the
// command line, the evaluations and a service run the same steps in the
// same order instead of assembling stages by hand. Every preset is a
// contiguous run of Full's steps:
//
//	Full     = clean-index clean text ner timex event | coref quote quantity claim | resolve compare events anchor timeline fivew summarize account
//	Tagged   = clean-index clean text ner timex event
//	Annotate = clean-index clean text ner timex event   coref quote quantity claim
//	Story    =                                          coref quote quantity claim   resolve compare events anchor timeline fivew summarize account
//
// Tagged then Story, the second run once per group of documents, is the
// same flow as Full (the cluster command groups reports into stories in
// between).
type Preset string

const (
	// Full is the whole flow: cleaning, every per-document annotator and
	// the cross-document linkers (entities, comparison, timeline,
	// summary).
	Full Preset = "full"
	// Tagged cleans and tags each document with what the story clusterer
	// reads: paragraphs, sentences and tokens, named entities, time
	// expressions and event mentions. Cleaning indexes the lines repeated across all the
	// documents run together.
	Tagged Preset = "tagged"
	// Annotate runs every per-document step of Full and no linker: each
	// document comes out with all its own layers, the story with none.
	Annotate Preset = "annotate"
	// Story is the rest of Full after Tagged, for documents that went
	// through Tagged: the remaining annotators (coreference, quotes,
	// quantities, claims), then the linkers.
	Story Preset = "story"
)

// Presets lists the presets in the order above.
func Presets() []Preset { return []Preset{Full, Tagged, Annotate, Story} }

// Given returns the layers documents carry before preset p's first step:
// Extracted for all but Story, which starts where Tagged ends.
func Given(p Preset, opts Options) ([]document.Layer, error) {
	if p != Story {
		return Extracted, nil
	}
	tagged, err := taggedSteps(opts)
	if err != nil {
		return nil, err
	}
	return pipeline.Provided(Extracted, tagged), nil
}

// Steps returns the steps of preset p in order.
func Steps(p Preset, opts Options) ([]pipeline.Step, error) {
	var steps []pipeline.Step
	if p == Full || p == Tagged || p == Annotate {
		tagged, err := taggedSteps(opts)
		if err != nil {
			return nil, err
		}
		steps = append(steps, tagged...)
	}
	if p == Full || p == Annotate || p == Story {
		steps = append(steps, annotatorSteps()...)
	}
	if p == Full || p == Story {
		linkers, err := linkerSteps(opts)
		if err != nil {
			return nil, err
		}
		steps = append(steps, linkers...)
	}
	if steps == nil {
		return nil, fmt.Errorf("analysis: unknown preset %q (want one of %v)", p, Presets())
	}
	return steps, nil
}

// NewPipeline returns preset p as a pipeline whose order is checked against
// the steps' contracts, with the layers it starts from (see Given) and
// opts.Workers, opts.Logger and opts.Progress.
func NewPipeline(p Preset, opts Options) (*pipeline.Pipeline, error) {
	steps, err := Steps(p, opts)
	if err != nil {
		return nil, err
	}
	given, err := Given(p, opts)
	if err != nil {
		return nil, err
	}
	pl, err := pipeline.New(given, steps...)
	if err != nil {
		return nil, fmt.Errorf("analysis: preset %s: %w", p, err)
	}
	pl.Workers, pl.Logger, pl.Progress = opts.Workers, opts.Logger, opts.Progress
	return pl, nil
}
