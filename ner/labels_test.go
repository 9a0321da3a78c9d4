package ner

import (
	"reflect"
	"testing"
)

func TestChunksFromBIO(t *testing.T) {
	tests := []struct {
		name string
		tags []string
		want []Chunk
	}{
		{"empty", nil, nil},
		{"single", []string{"B-PER"}, []Chunk{{0, 1, "PER"}}},
		{"two-token", []string{"O", "B-ORG", "I-ORG", "O"}, []Chunk{{1, 3, "ORG"}}},
		{"adjacent same type", []string{"B-LOC", "B-LOC"}, []Chunk{{0, 1, "LOC"}, {1, 2, "LOC"}}},
		{"IOB1 start", []string{"I-PER", "I-PER", "O", "I-LOC"}, []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"type change", []string{"B-PER", "I-ORG"}, []Chunk{{0, 1, "PER"}, {1, 2, "ORG"}}},
		{"open at end", []string{"O", "B-MISC", "I-MISC"}, []Chunk{{1, 3, "MISC"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ChunksFromBIO(tt.tags); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ChunksFromBIO(%v) = %v, want %v", tt.tags, got, tt.want)
			}
		})
	}
}

func TestBILOURoundTrip(t *testing.T) {
	tags := []string{"B-PER", "I-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG", "B-ORG", "B-MISC"}
	labels := bilouFromBIO(tags)
	wantNames := []string{"B-PER", "I-PER", "L-PER", "O", "U-LOC", "O", "B-ORG", "L-ORG", "U-ORG", "U-MISC"}
	for i, l := range labels {
		if labelName(l) != wantNames[i] {
			t.Errorf("label %d = %s, want %s", i, labelName(l), wantNames[i])
		}
	}
	if got, want := chunksFromLabels(labels), ChunksFromBIO(tags); !reflect.DeepEqual(got, want) {
		t.Errorf("chunksFromLabels = %v, want %v", got, want)
	}
}

func TestChunksFromLabelsLenient(t *testing.T) {
	per := func(p int) int { return makeLabel(classPER, p) }
	// I without B starts an entity; B left open closes at the end.
	got := chunksFromLabels([]int{0, per(posI), per(posL), 0, per(posB)})
	want := []Chunk{{1, 3, "PER"}, {4, 5, "PER"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestAllowed(t *testing.T) {
	bPER, iPER, lPER, uORG := makeLabel(classPER, posB), makeLabel(classPER, posI), makeLabel(classPER, posL), makeLabel(classORG, posU)
	tests := []struct {
		prev, l int
		want    bool
	}{
		{-1, 0, true}, {-1, bPER, true}, {-1, iPER, false}, {-1, lPER, false},
		{bPER, iPER, true}, {bPER, lPER, true}, {bPER, 0, false}, {bPER, uORG, false},
		{lPER, bPER, true}, {uORG, iPER, false}, {iPER, makeLabel(classORG, posL), false},
	}
	for _, tt := range tests {
		if got := allowed(tt.prev, tt.l); got != tt.want {
			t.Errorf("allowed(%d, %s) = %v, want %v", tt.prev, labelName(tt.l), got, tt.want)
		}
	}
}
