package ner

import (
	"strings"
	"testing"
)

func TestCapsRun(t *testing.T) {
	lx := &Lexicon{RunFeatures: true}
	lx.build()
	tests := []struct {
		sent   string
		i      int
		a, b   int
		ok     bool
		orgKws bool
	}{
		{"the Bank of England raised rates", 1, 1, 3, true, false}, // the keyword itself
		{"the Bank of England raised rates", 3, 1, 3, true, true},
		{"the Bank of England raised rates", 4, 0, 0, false, false},
		{"Mr Smith met Jones", 1, 0, 1, true, false},
		{"He joined Kata'ib Hezbollah Brigades in May", 2, 2, 4, true, true},
		{"of Bank", 1, 1, 1, true, false},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.sent)
		var si sentenceInfo
		lx.prepare(&si, words, nil, nil)
		if !si.runFeats {
			t.Fatalf("%q: run features not switched on by the lexicon", tt.sent)
		}
		a, b, ok := si.capsRun(tt.i)
		if ok != tt.ok || (ok && (a != tt.a || b != tt.b)) {
			t.Errorf("%q token %d: run [%d,%d] %v, want [%d,%d] %v", tt.sent, tt.i, a, b, ok, tt.a, tt.b, tt.ok)
		}
		with := si.runFeatures(tt.i, nil)
		if !tt.ok && len(with) != 0 {
			t.Errorf("%q token %d: %d run features for a lowercase token", tt.sent, tt.i, len(with))
		}
		kw := false
		for _, k := range with {
			for d := byte(0); d < 7; d++ {
				for _, p := range []byte{posB, posI, posL, posU} {
					if k == keyN(fRunOrgKwAny, d, p) {
						kw = true
					}
				}
			}
		}
		if kw != tt.orgKws {
			t.Errorf("%q token %d: organization keyword feature %v, want %v", tt.sent, tt.i, kw, tt.orgKws)
		}
	}
}

func TestRunFeaturesAddKeys(t *testing.T) {
	lx := &Lexicon{}
	lx.build()
	var si sentenceInfo
	words := strings.Fields("the Bank of England")
	lx.prepare(&si, words, nil, nil)
	off := si.context(1, nil)
	si.runFeats = true
	on := si.context(1, nil)
	if len(on) <= len(off) {
		t.Errorf("run features add no keys: %d with, %d without", len(on), len(off))
	}
}

func TestCapsRunTitleBreak(t *testing.T) {
	tests := []struct {
		sent       string
		i          int
		a, b       int // with TitleBreak
		offA, offB int // without
	}{
		// The title ends the run before the name and the name's run starts after it.
		{"said Federal Reserve Governor Lawrence Lindsey on Friday", 4, 4, 5, 1, 5},
		{"said Federal Reserve Governor Lawrence Lindsey on Friday", 2, 1, 3, 1, 5},
		{"Prince Norodom Ranariddh agreed", 0, 0, 0, 0, 2},
		{"Prince Norodom Ranariddh agreed", 2, 1, 2, 0, 2},
		// "General" often opens a name and is no breaker.
		{"shares of General Motors fell", 3, 2, 3, 2, 3},
		{"the Bank of England raised rates", 3, 1, 3, 1, 3},
	}
	for _, brk := range []bool{false, true} {
		lx := &Lexicon{RunFeatures: true}
		if brk {
			lx.Extra |= TitleBreak
		}
		lx.build()
		for _, tt := range tests {
			var si sentenceInfo
			lx.prepare(&si, strings.Fields(tt.sent), nil, nil)
			a, b, ok := si.capsRun(tt.i)
			wantA, wantB := tt.offA, tt.offB
			if brk {
				wantA, wantB = tt.a, tt.b
			}
			if !ok || a != wantA || b != wantB {
				t.Errorf("break %v, %q token %d: run [%d,%d] %v, want [%d,%d]", brk, tt.sent, tt.i, a, b, ok, wantA, wantB)
			}
		}
	}
}
