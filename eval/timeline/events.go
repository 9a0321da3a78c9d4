package timeline

import (
	"fmt"

	"github.com/corroborate/corroborate/event"
	"github.com/corroborate/corroborate/pipeline"
)

// eventSteps returns the project's event-mention stage.
func eventSteps() ([]pipeline.Step, error) {
	ev, err := event.New(event.Options{})
	if err != nil {
		return nil, fmt.Errorf("loading the event model: %w", err)
	}
	return []pipeline.Step{pipeline.PerDoc("event", ev)}, nil
}
