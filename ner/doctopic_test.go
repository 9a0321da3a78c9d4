package ner

import (
	"strings"
	"testing"
)

func TestDocTopicLevels(t *testing.T) {
	sports := newDocContext(split(
		"SOCCER - LEEDS BEAT ARSENAL",
		"Leeds beat Arsenal 2-1 in the league match on Saturday , with goals from Smith and Jones .",
		"Leeds 2 Arsenal 1",
		"Chelsea 0 Everton 0",
		"Leicester 3 Wimbledon 1",
		"Newcastle 4 Southampton 2",
		"Sunderland 1 Coventry 1",
	))
	news := newDocContext(split(
		"The minister met officials in Basra on Monday to discuss the water supply .",
		"Officials said the plan would take two years .",
	))
	if sports.sport != 2 || sports.numeric == 0 {
		t.Errorf("sports page: sport %d numeric %d, want 2 and above 0", sports.sport, sports.numeric)
	}
	if news.sport != 0 || news.numeric != 0 {
		t.Errorf("news page: sport %d numeric %d, want 0 and 0", news.sport, news.numeric)
	}

	lx := &Lexicon{}
	lx.AddPhrase("Leeds", "LOC")
	lx.build()
	var si sentenceInfo
	lx.prepare(&si, strings.Fields("Leeds 2 Arsenal 1"), nil, nil)
	off := sports.features(&si, 0, nil)
	lx.Extra |= DocTopic
	lx.prepare(&si, strings.Fields("Leeds 2 Arsenal 1"), nil, nil)
	on := sports.features(&si, 0, nil)
	if len(on) <= len(off) {
		t.Errorf("DocTopic adds no keys in a sports page: %d with, %d without", len(on), len(off))
	}
	// In a page that is not about sport nor full of numbers the token gets
	// no topic keys.
	if keys := news.topicFeatures(&si, 0, nil); len(keys) != 0 {
		t.Errorf("news page: %d topic keys, want 0", len(keys))
	}
}
