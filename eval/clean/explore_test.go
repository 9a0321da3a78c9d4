package clean

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/clean"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/eval/articlebench"
	"github.com/corroborate/corroborate/internal/shareddata"
)

// TestExploreLeftovers lists the short lines most often left in a system's
// cleaned output that the truth lacks: a tool for finding boilerplate the
// rules miss. Run with CLEAN_EXPLORE=<system> go test ./eval/clean -run Explore -v.
func TestExploreLeftovers(t *testing.T) {
	if os.Getenv("CLEAN_EXPLORE") == "" {
		t.Skip()
	}
	dir := shareddata.Require(t, "data", articlebench.Name)
	truth, err := articlebench.ReadItems(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := articlebench.ReadItems(articlebench.OutputPath(dir, os.Getenv("CLEAN_EXPLORE")))
	if err != nil {
		t.Fatal(err)
	}
	s := document.NewStory()
	for id, it := range out {
		s.Add(&document.Document{ID: id, Format: document.FormatText, Extracted: it.Body, Outlet: host(truth[id].URL)})
	}
	clean.New(clean.Options{}).CleanStory(context.Background(), s)
	cnt := map[string]int{}
	for _, d := range s.Docs {
		tr := truth[d.ID].Body
		for _, l := range strings.Split(d.Text, "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.Contains(tr, l) || len(strings.Fields(l)) > 12 {
				continue
			}
			cnt[strings.ToLower(l)]++
		}
	}
	type kv struct {
		k string
		v int
	}
	var kvs []kv
	for k, v := range cnt {
		kvs = append(kvs, kv{k, v})
	}
	sort.Slice(kvs, func(i, j int) bool { return kvs[i].v > kvs[j].v })
	for _, x := range kvs[:min(150, len(kvs))] {
		fmt.Printf("%4d %q\n", x.v, x.k)
	}
}
