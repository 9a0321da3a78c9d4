package analysis

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/demo"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
)

func TestHashimiEndToEnd(t *testing.T) {
	dir := shareddata.Require(t, "corpus", "hashimi")
	s, err := Analyze(context.Background(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Docs) != 5 || len(s.AllProblems()) != 0 {
		t.Fatalf("want 5 documents and no problems, got %d and %v", len(s.Docs), s.AllProblems())
	}
	byID := map[string]*document.Document{}
	for _, d := range s.Docs {
		byID[strings.SplitN(d.ID, "_", 2)[0]] = d
	}
	if d := byID["001"]; d.Outlet != "Track Persia" || d.Published.Value != "2020-07-12" {
		t.Errorf("001: outlet %q published %q; want Track Persia, 2020-07-12 (dateline)", d.Outlet, d.Published.Value)
	}
	if d := byID["002"]; d.Outlet != "Iran International" {
		t.Errorf("002: outlet %q; want Iran International (headline suffix)", d.Outlet)
	}
	// Boilerplate reasons the issue lists, by document.
	wantReasons := map[string][]string{
		"000": {"other-news-trailer"},
		"001": {"about-outlet-footer", "photo-caption"},
		"002": {"sidebar", "repeated-headline"},
		"003": {"navigation"},
		"004": {"read-more-teaser", "read-time", "share-follow", "photo-caption"},
	}
	for id, reasons := range wantReasons {
		d := byID[id]
		for _, r := range reasons {
			found := false
			for _, rm := range d.Removed {
				found = found || strings.HasPrefix(rm.Reason, r)
			}
			if !found {
				t.Errorf("%s: no removal with reason %s; removals: %v", id, r, d.Removed)
			}
		}
	}
	// Every citation of every story-level result resolves.
	var cites []document.Citation
	for _, x := range s.Summary {
		if len(x.Sources) == 0 {
			t.Errorf("summary sentence without sources: %q", x.Text)
		}
		cites = append(cites, x.Sources...)
	}
	for _, x := range s.Timeline {
		cites = append(cites, x.Sources...)
	}
	for _, x := range s.Disagreements {
		for _, v := range x.Values {
			cites = append(cites, v.Sources...)
		}
	}
	for _, c := range cites {
		if _, _, err := s.Resolve(c); err != nil {
			t.Error(err)
		}
	}
	if len(s.Summary) == 0 || len(s.Entities) == 0 || len(s.Timeline) == 0 {
		t.Errorf("summary %d, entities %d, timeline %d: want all non-empty", len(s.Summary), len(s.Entities), len(s.Timeline))
	}
}

// benchInputs returns the input files for the benchmarks: the hashimi
// corpus when present, else the demo corpus.
func benchInputs(b *testing.B) ([]string, int64) {
	var paths []string
	if dir, ok := shareddata.Path("corpus", "hashimi"); ok {
		m, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		paths = m
	} else {
		p, err := demo.WriteTo(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		paths = p
	}
	var n int64
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			b.Fatal(err)
		}
		n += st.Size()
	}
	return paths, n
}

// BenchmarkAnalyze measures the whole flow (read, extract, clean, annotate,
// link) per story; docs/s and MB/s are reported.
func BenchmarkAnalyze(b *testing.B) {
	paths, size := benchInputs(b)
	ctx := context.Background()
	if _, err := Pipeline(Options{}); err != nil { // load models outside the timer
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Analyze(ctx, paths, Options{Workers: 1}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(paths)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkPerDocument measures the per-document path alone (extract,
// clean, text, ner, timex, quote, quantity, claim) on one core.
func BenchmarkPerDocument(b *testing.B) {
	paths, size := benchInputs(b)
	ctx := context.Background()
	perDoc, err := Steps(Annotate, Options{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		docs, _, err := Read(ctx, paths, Options{})
		if err != nil {
			b.Fatal(err)
		}
		s, err := AnalyzeDocumentsWith(ctx, docs, nil, Options{Workers: 1}, perDoc)
		if err != nil || len(s.Docs) == 0 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(paths)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

func TestCitationsLeadBackToRawBytes(t *testing.T) {
	dir := shareddata.Require(t, "corpus", "hashimi")
	s, err := Analyze(context.Background(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, d := range s.Docs {
		for _, sp := range d.Sentences {
			raw, ok := d.RawSpan(sp)
			if !ok {
				t.Errorf("%s: sentence %v has no origin in the source bytes", d.ID, sp)
				continue
			}
			if got, want := d.Raw[raw.Start:raw.End], d.Text[sp.Start:sp.End]; got != want {
				t.Errorf("%s: sentence %v maps to %q; want %q", d.ID, sp, got, want)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no sentence checked")
	}
}
