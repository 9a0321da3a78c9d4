//go:build slow

package fivew

import (
	"context"
	"fmt"
	"os"
	"testing"
)

// TestDumpTuning prints our answers next to the gold on the tuning half
// only: go test -tags slow -run DumpTuning ./eval/fivew
func TestDumpTuning(t *testing.T) {
	root, err := findRoot("../../../shared/data")
	if err != nil {
		t.Skip(err)
	}
	arts, _ := loadArticles(root)
	tune, _ := halves(arts)
	q := os.Getenv("Q")
	for _, a := range tune[:25] {
		f, err := answer(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		ans := pick(f, q)
		date := ""
		if ans.Date != nil {
			date = ans.Date.Value
		}
		var gs []string
		for _, g := range usable(a.Gold[q]) {
			gs = append(gs, g.Text)
		}
		fmt.Printf("%.1f ours=%q gold=%q peer=%q\n", Rate(ans.Text, date, usable(a.Gold[q])), ans.Text, gs, a.Peer[q])
	}
}
