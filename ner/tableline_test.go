package ner

import (
	"strings"
	"testing"
)

func TestTableLine(t *testing.T) {
	lx := &Lexicon{TableFeatures: true}
	lx.AddPhrase("Leeds", "LOC")
	lx.build()
	tests := []struct {
		sent string
		want bool
	}{
		{"Leeds 2 Arsenal 1", true},
		{"Manchester United 5 3 1 1 12 6 10", true},
		{"Leeds won 2-1 at home", false},
		{"LEEDS 2 ARSENAL 1", false}, // an all-caps line is a headline
		{"Leeds Arsenal", false},
	}
	for _, tt := range tests {
		var si sentenceInfo
		lx.prepare(&si, strings.Fields(tt.sent), nil, nil)
		if si.tableLine != tt.want {
			t.Errorf("%q: table line %v, want %v", tt.sent, si.tableLine, tt.want)
		}
		if got := len(si.tableFeatures(0, nil)); (got > 0) != tt.want {
			t.Errorf("%q: %d table features, want some: %v", tt.sent, got, tt.want)
		}
	}
	off := &Lexicon{}
	off.build()
	var si sentenceInfo
	off.prepare(&si, strings.Fields("Leeds 2 Arsenal 1"), nil, nil)
	if si.tableLine {
		t.Error("table features on in a lexicon without TableFeatures")
	}
}
