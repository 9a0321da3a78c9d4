package main

import (
	"bytes"
	"testing"

	"github.com/corroborate/corroborate/cluster"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/report/reporttest"
)

// TestCommandMarkdownInert checks that the Markdown the entities and
// cluster commands write themselves (not through report/markdown) keeps
// hostile input inert: every payload, placed in every field they print,
// renders to nothing live.
func TestCommandMarkdownInert(t *testing.T) {
	for _, p := range reporttest.Payloads {
		s := document.NewStory()
		s.Entities = []document.Entity{{ID: "e-" + p, Name: p, Type: p, Aliases: []document.Alias{{Text: p, Counts: map[string]int{p: 1}}}}}
		var ents bytes.Buffer
		if err := writeEntityTable(&ents, s); err != nil {
			t.Fatal(err)
		}
		if probs := reporttest.MarkdownProblems(ents.Bytes()); len(probs) > 0 {
			t.Errorf("entities with payload %q: %v", p, probs)
		}
		d := &document.Document{ID: "d1", Source: p, Title: p, Outlet: p}
		stories := []cluster.Story{{ID: "s1", Docs: []string{"d1"}, Label: p}}
		var out bytes.Buffer
		if err := writeStories(&out, stories, map[string]*document.Document{"d1": d}, "md"); err != nil {
			t.Fatal(err)
		}
		if probs := reporttest.MarkdownProblems(out.Bytes()); len(probs) > 0 {
			t.Errorf("cluster stories with payload %q: %v", p, probs)
		}
	}
}
