package ner

import (
	"slices"
	"strings"
	"testing"
)

// split turns lines of space-separated words into sentences.
func split(lines ...string) [][]string {
	var out [][]string
	for _, l := range lines {
		out = append(out, strings.Fields(l))
	}
	return out
}

func TestEnforceConsistency(t *testing.T) {
	tests := []struct {
		name   string
		sents  [][]string
		chunks [][]Chunk
		conf   [][]float64
		want   [][]Chunk
	}{
		{
			name:   "doubtful entity takes the confident class",
			sents:  split("Tigris Bank rose .", "Tigris Bank fell ."),
			chunks: [][]Chunk{{{0, 2, "ORG"}}, {{0, 2, "LOC"}}},
			conf:   [][]float64{{0.98}, {0.55}},
			want:   [][]Chunk{{{0, 2, "ORG"}}, {{0, 2, "ORG"}}},
		},
		{
			name:   "confident entities keep their class",
			sents:  split("Tigris Bank rose .", "Tigris Bank fell ."),
			chunks: [][]Chunk{{{0, 2, "ORG"}}, {{0, 2, "LOC"}}},
			conf:   [][]float64{{0.98}, {0.97}},
			want:   [][]Chunk{{{0, 2, "ORG"}}, {{0, 2, "LOC"}}},
		},
		{
			name:   "untagged capitalized occurrence is tagged",
			sents:  split("Layla Nouri spoke .", "Later Layla Nouri left ."),
			chunks: [][]Chunk{{{0, 2, "PER"}}, nil},
			conf:   [][]float64{{0.99}, nil},
			want:   [][]Chunk{{{0, 2, "PER"}}, {{1, 3, "PER"}}},
		},
		{
			name:   "lowercase occurrence and overlaps are left alone",
			sents:  split("Hope Haddad spoke .", "There is hope .", "Hope Haddad Jr left ."),
			chunks: [][]Chunk{{{0, 2, "PER"}}, nil, {{0, 3, "PER"}}},
			conf:   [][]float64{{0.99}, nil, {0.95}},
			want:   [][]Chunk{{{0, 2, "PER"}}, nil, {{0, 3, "PER"}}},
		},
		{
			name:   "surname alone and without its article takes the person's class",
			sents:  split("Laith el-Obeidi spoke .", "Obeidi had warned .", "el-Obeidi left ."),
			chunks: [][]Chunk{{{0, 2, "PER"}}, nil, nil},
			conf:   [][]float64{{0.98}, nil, nil},
			want:   [][]Chunk{{{0, 2, "PER"}}, {{0, 1, "PER"}}, nil},
		},
		{
			name:   "a surname that is a name of its own keeps its class",
			sents:  split("Omar Basra spoke .", "Basra is hot .", "He left Basra ."),
			chunks: [][]Chunk{{{0, 2, "PER"}}, {{0, 1, "LOC"}}, nil},
			conf:   [][]float64{{0.99}, {0.99}, nil},
			want:   [][]Chunk{{{0, 2, "PER"}}, {{0, 1, "LOC"}}, {{2, 3, "LOC"}}},
		},
		{
			name:   "doubtful names cast no vote",
			sents:  split("Basra won .", "Basra lost ."),
			chunks: [][]Chunk{{{0, 1, "ORG"}}, {{0, 1, "LOC"}}},
			conf:   [][]float64{{0.6}, {0.7}},
			want:   [][]Chunk{{{0, 1, "ORG"}}, {{0, 1, "LOC"}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			enforceConsistency(tc.sents, tc.chunks, tc.conf, 0.9)
			for i := range tc.want {
				if !slices.Equal(tc.chunks[i], tc.want[i]) {
					t.Errorf("sentence %d: got %v, want %v", i, tc.chunks[i], tc.want[i])
				}
				if len(tc.conf[i]) != len(tc.chunks[i]) {
					t.Errorf("sentence %d: %d confidences for %d chunks", i, len(tc.conf[i]), len(tc.chunks[i]))
				}
			}
		})
	}
}
