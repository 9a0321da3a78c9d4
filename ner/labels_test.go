package ner

import (
	"reflect"
	"testing"
)

func TestLabels(t *testing.T) {
	// B-PER I-PER I-PER O B-LOC O B-ORG I-ORG B-ORG B-MISC in BIO
	chunks := []Chunk{{0, 3, "PER"}, {4, 5, "LOC"}, {6, 8, "ORG"}, {8, 9, "ORG"}, {9, 10, "MISC"}, {10, 12, "NONE"}, {11, 14, "PER"}}
	labels := Labels(12, chunks)
	wantNames := []string{"B-PER", "I-PER", "L-PER", "O", "U-LOC", "O", "B-ORG", "L-ORG", "U-ORG", "U-MISC", "O", "O"}
	for i, l := range labels {
		if labelName(l) != wantNames[i] {
			t.Errorf("label %d = %s, want %s", i, labelName(l), wantNames[i])
		}
	}
	if got, want := chunksFromLabels(labels), chunks[:5]; !reflect.DeepEqual(got, want) {
		t.Errorf("chunksFromLabels = %v, want %v (unknown type and out-of-range chunks left out)", got, want)
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

// labelName returns e.g. "B-PER" or "O".
func labelName(l int) string {
	if l == 0 {
		return "O"
	}
	return string(posNames[labelPos(l)]) + "-" + classNames[labelClass(l)]
}

// posNames are the letters of the BILOU positions.
var posNames = [numPos]byte{'B', 'I', 'L', 'U'}
