package timeline

import "github.com/corroborate/corroborate/pipeline"

// eventSteps returns the event-mention stage when the project has one;
// until then none, and triggers come from the TempEval-3 lexicon.
func eventSteps() []pipeline.Step { return nil }

// triggerSource says where triggers come from in this build.
func triggerSource() string {
	if len(eventSteps()) > 0 {
		return "the event-mention stage"
	}
	return "fallback lexicon (words TimeML annotators mostly mark as events in TempEval-3 train)"
}
