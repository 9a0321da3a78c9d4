package conll

import (
	"strings"
	"testing"

	"github.com/corroborate/corroborate/ner"
)

func TestErrorKinds(t *testing.T) {
	words := strings.Fields("Governor Lawrence Lindsey of the Federal Reserve spoke in Boston and Paris")
	gold := []ner.Chunk{{Start: 1, End: 3, Type: "PER"}, {Start: 5, End: 7, Type: "ORG"}, {Start: 9, End: 10, Type: "LOC"}, {Start: 11, End: 12, Type: "LOC"}}
	pred := []ner.Chunk{
		ner.Chunk{Start: 0, End: 3, Type: "PER"},  // boundary: took the title in
		ner.Chunk{Start: 5, End: 7, Type: "LOC"},  // type: right span, wrong class
		ner.Chunk{Start: 9, End: 10, Type: "LOC"}, // right
		ner.Chunk{Start: 7, End: 8, Type: "MISC"}, // spurious: "spoke"
		// Paris missed
	}
	var e ErrorKinds
	e.Keep = 1
	e.Add(words, gold, pred)
	if e.Type != 1 || e.Boundary != 1 || e.Spurious != 1 || e.Missed != 1 {
		t.Errorf("type %d boundary %d spurious %d missed %d, want 1 each", e.Type, e.Boundary, e.Spurious, e.Missed)
	}
	if e.Confusions["ORG→LOC"] != 1 || e.Confusions["LOC→O"] != 1 {
		t.Errorf("confusions %v", e.Confusions)
	}
	if len(e.Examples["boundary"]) != 1 || !strings.Contains(e.Examples["boundary"][0], "Governor Lawrence Lindsey/PER gold Lawrence Lindsey/PER") {
		t.Errorf("boundary example %q", e.Examples["boundary"])
	}
	// Confidences: a right mention at 0.9 and a wrong one at 0.8 give
	// ((1-0.9)² + 0.8²) / 2.
	e = ErrorKinds{}
	e.addConfidences(gold, []ner.Chunk{{Start: 9, End: 10, Type: "LOC"}, {Start: 7, End: 8, Type: "MISC"}}, []float64{0.9, 0.8})
	if b, want := e.Brier(), (0.01+0.64)/2; b < want-1e-9 || b > want+1e-9 {
		t.Errorf("Brier %.4f, want %.4f", b, want)
	}
}
