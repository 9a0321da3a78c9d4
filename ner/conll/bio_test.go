package conll

import (
	"reflect"
	"testing"

	"github.com/corroborate/corroborate/ner"
)

func TestChunksFromBIO(t *testing.T) {
	tests := []struct {
		name string
		tags []string
		want []ner.Chunk
	}{
		{"empty", nil, nil},
		{"single", []string{"B-PER"}, []ner.Chunk{{Start: 0, End: 1, Type: "PER"}}},
		{"two-token", []string{"O", "B-ORG", "I-ORG", "O"}, []ner.Chunk{{Start: 1, End: 3, Type: "ORG"}}},
		{"adjacent same type", []string{"B-LOC", "B-LOC"}, []ner.Chunk{{Start: 0, End: 1, Type: "LOC"}, {Start: 1, End: 2, Type: "LOC"}}},
		{"IOB1 start", []string{"I-PER", "I-PER", "O", "I-LOC"}, []ner.Chunk{{Start: 0, End: 2, Type: "PER"}, {Start: 3, End: 4, Type: "LOC"}}},
		{"type change", []string{"B-PER", "I-ORG"}, []ner.Chunk{{Start: 0, End: 1, Type: "PER"}, {Start: 1, End: 2, Type: "ORG"}}},
		{"open at end", []string{"O", "B-MISC", "I-MISC"}, []ner.Chunk{{Start: 1, End: 3, Type: "MISC"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ChunksFromBIO(tt.tags); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ChunksFromBIO(%v) = %v, want %v", tt.tags, got, tt.want)
			}
		})
	}
}
