package pipeline

import (
	"fmt"
	"slices"
	"strings"

	"github.com/corroborate/corroborate/document"
)

// Contract declares what a stage reads and writes, in the spirit of
// spaCy's requires/assigns: the layers it needs before it runs and the
// layers it fills.
type Contract struct {
	Requires []document.Layer
	Provides []document.Layer
}

// Declarer is implemented by stages that declare their contract. PerDoc
// and Cross take the contract from the stage when it implements Declarer.
type Declarer interface {
	Contract() Contract
}

// Needs returns a contract that requires the given layers; chain Gives to
// add what the stage provides.
func Needs(layers ...document.Layer) Contract { return Contract{Requires: layers} }

// Gives returns c with the given layers added to what it provides.
func (c Contract) Gives(layers ...document.Layer) Contract {
	c.Provides = append(slices.Clip(c.Provides), layers...)
	return c
}

// ContractError reports a flow whose order breaks a declared contract.
type ContractError struct {
	// Step is the name of the offending step.
	Step string
	// Missing lists the required layers that no earlier step provides.
	Missing []document.Layer
	// Reason explains other faults (an undeclared stage, a group whose
	// members depend on each other).
	Reason string
}

// Error names the step and what is wrong with its place in the flow.
func (e *ContractError) Error() string {
	if len(e.Missing) > 0 {
		names := make([]string, len(e.Missing))
		for i, l := range e.Missing {
			names[i] = string(l)
		}
		return fmt.Sprintf("pipeline: step %q requires %s, which no earlier step provides", e.Step, strings.Join(names, ", "))
	}
	return fmt.Sprintf("pipeline: step %q: %s", e.Step, e.Reason)
}

// Validate checks the order of steps against their contracts, given the
// layers the input already carries. Every stage must declare a contract;
// a step may require only layers given or provided by an earlier step; the
// members of a concurrent group may not read what another member writes,
// nor write the same layer.
func Validate(given []document.Layer, steps []Step) error {
	have := map[document.Layer]bool{}
	for _, l := range given {
		have[l] = true
	}
	for _, st := range steps {
		if len(st.Concurrent) > 0 {
			if err := validateGroup(st, have); err != nil {
				return err
			}
			continue
		}
		if err := check(st, have); err != nil {
			return err
		}
		for _, l := range st.Provides {
			have[l] = true
		}
	}
	return nil
}

func check(st Step, have map[document.Layer]bool) error {
	if len(st.Requires) == 0 && len(st.Provides) == 0 {
		return &ContractError{Step: st.Name, Reason: "declares no contract (no layers required or provided)"}
	}
	var missing []document.Layer
	for _, l := range st.Requires {
		if !have[l] {
			missing = append(missing, l)
		}
	}
	if len(missing) > 0 {
		return &ContractError{Step: st.Name, Missing: missing}
	}
	return nil
}

func validateGroup(g Step, have map[document.Layer]bool) error {
	writer := map[document.Layer]string{}
	for _, sub := range g.Concurrent {
		if len(sub.Concurrent) > 0 || sub.Linker == nil {
			return &ContractError{Step: sub.Name, Reason: fmt.Sprintf("only cross-document steps may run in group %q", g.Name)}
		}
		for _, l := range sub.Provides {
			if w, dup := writer[l]; dup {
				return &ContractError{Step: sub.Name, Reason: fmt.Sprintf("writes %s, which %q of the same group %q also writes", l, w, g.Name)}
			}
			writer[l] = sub.Name
		}
	}
	for _, sub := range g.Concurrent {
		for _, l := range sub.Requires {
			if w, ok := writer[l]; ok && w != sub.Name {
				return &ContractError{Step: sub.Name, Reason: fmt.Sprintf("reads %s, which %q of the same group %q writes at the same time", l, w, g.Name)}
			}
		}
		if err := check(sub, have); err != nil {
			return err
		}
	}
	for l := range writer {
		have[l] = true
	}
	return nil
}

// Provided returns every layer that the steps provide, in order of first
// appearance, after the given ones.
func Provided(given []document.Layer, steps []Step) []document.Layer {
	out := slices.Clone(given)
	add := func(st Step) {
		for _, l := range st.Provides {
			if !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	for _, st := range steps {
		add(st)
		for _, sub := range st.Concurrent {
			add(sub)
		}
	}
	return out
}
