package train

import (
	"reflect"
	"testing"

	"github.com/corroborate/corroborate/ner"
)

func TestBILOUFromBIO(t *testing.T) {
	tags := []string{"B-PER", "I-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG", "B-ORG", "B-MISC", "B-XYZ"}
	got := bilouFromBIO(tags)
	want := ner.Labels(len(tags), []ner.Chunk{{Start: 0, End: 3, Type: "PER"}, {Start: 4, End: 5, Type: "LOC"}, {Start: 6, End: 8, Type: "ORG"}, {Start: 8, End: 9, Type: "ORG"}, {Start: 9, End: 10, Type: "MISC"}})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("bilouFromBIO = %v, want %v", got, want)
	}
	if got[3] != 0 || got[10] != 0 {
		t.Errorf("O and unknown types got labels %d and %d, want 0", got[3], got[10])
	}
}
