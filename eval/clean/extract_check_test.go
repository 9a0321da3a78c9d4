//go:build cleanextract

package clean

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/clean"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/extract"
	"github.com/corroborate/corroborate/internal/shareddata"
)

// TestWithExtract scores the project's own extract stage before and after
// cleaning on the ScrapingHub pages. It depends on package extract, so it
// builds only with -tags cleanextract:
//
//	go test -tags cleanextract ./eval/clean -run TestWithExtract -v
func TestWithExtract(t *testing.T) {
	dir := shareddata.Require(t, "data", "scrapinghub-aeb")
	truth, err := readJSON(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s := document.NewStory()
	for _, id := range ids {
		raw, err := readGz(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			t.Fatal(err)
		}
		d := &document.Document{ID: id, Source: id, Format: document.FormatHTML, Raw: raw, URL: truth[id].URL}
		if err := ex.Annotate(ctx, d); err != nil {
			t.Logf("%s: %v", id, err)
		}
		s.Add(d)
	}
	if err := clean.New(clean.Options{}).Link(ctx, s); err != nil {
		t.Fatal(err)
	}
	var before, after []counts
	judged, wrong := 0, 0
	for i, id := range ids {
		d := s.Docs[i]
		b, a := match(truth[id].Body, d.Extracted), match(truth[id].Body, d.Text)
		before, after = append(before, b), append(after, a)
		for _, r := range d.Removed {
			lost := match(truth[id].Body, r.Text)
			inTruth := len(tokens(r.Text)) >= 4 && lost.tp*2 > lost.tp+lost.fp
			if len(tokens(r.Text)) >= 4 {
				judged++
				if inTruth {
					wrong++
				}
			}
			if os.Getenv("CLEAN_SHOW") != "" || inTruth {
				fmt.Printf("  %s %s %v: %.90q\n", id[:8], r.Reason, inTruth, r.Text)
			}
		}
	}
	if os.Getenv("CLEAN_LEFTOVERS") != "" {
		for i, id := range ids {
			for _, l := range strings.Split(s.Docs[i].Text, "\n") {
				if l = strings.TrimSpace(l); l != "" && len(strings.Fields(l)) <= 15 && !strings.Contains(truth[id].Body, l) {
					fmt.Printf("  leftover %s: %.100q\n", id[:8], l)
				}
			}
		}
	}
	pb, pa := aggregate(before), aggregate(after)
	fmt.Printf("extract       P/R/F1 %.3f/%.3f/%.3f\nextract+clean P/R/F1 %.3f/%.3f/%.3f\nremoval precision %d/%d\n", pb.P, pb.R, pb.F1, pa.P, pa.R, pa.F1, judged-wrong, judged)
}

func readGz(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return "", fmt.Errorf("reading %s: %w", path, err)
	}
	b, err := io.ReadAll(z)
	return string(b), err
}

// TestHashimiWithExtract runs extract and then clean over the hashimi
// corpus and prints the metadata extract found and what cleaning removed.
func TestHashimiWithExtract(t *testing.T) {
	dir := shareddata.Require(t, "corpus", "hashimi")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := document.NewStory()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := &document.Document{ID: filepath.Base(f)[:3], Source: f, Format: document.FormatText, Raw: string(b)}
		if err := ex.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		s.Add(d)
	}
	if err := clean.New(clean.Options{}).Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	for _, d := range s.Docs {
		fmt.Printf("%s title=%q outlet=%q authors=%q published=%q extracted=%d text=%d\n", d.ID, d.Title, d.Outlet, d.Authors, d.Published.Value, len(d.Extracted), len(d.Text))
		for _, r := range d.Removed {
			fmt.Printf("   %s: %.70q\n", r.Reason, r.Text)
		}
	}
}
