package cluster

import (
	"github.com/corroborate/corroborate/cluster"
)

// runSystem clusters the items in order with opts and returns each item's
// final story id (after any merges).
func runSystem(items []item, opts cluster.Options) []string {
	c := cluster.New(opts)
	for _, it := range items {
		c.Add(it.doc)
	}
	storyOf := map[string]string{}
	for _, s := range c.Stories() {
		for _, id := range s.Docs {
			storyOf[id] = s.ID
		}
	}
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = storyOf[it.doc.ID]
	}
	return out
}

// golds returns the gold labels of the items.
func golds(items []item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.gold
	}
	return out
}

// countGold returns the number of distinct gold labels.
func countGold(items []item) int {
	seen := map[string]bool{}
	for _, it := range items {
		seen[it.gold] = true
	}
	return len(seen)
}
