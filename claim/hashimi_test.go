package claim_test

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/claim"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/pipeline"
	"github.com/corroborate/corroborate/quantity"
	"github.com/corroborate/corroborate/quote"
	"github.com/corroborate/corroborate/text"
	"github.com/corroborate/corroborate/timex"
)

// loadHashimi reads the five Hashimi reports (ids 000…004), dated within
// a week of the killing, and runs the per-document stages of the standard
// flow over them (text, ner, timex, quote, quantity, claim), then the
// comparer.
func loadHashimi(t *testing.T) *document.Story {
	t.Helper()
	ctx := context.Background()
	tagger, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	s := document.NewStory()
	for _, cf := range shareddata.Corpus(t, "hashimi") {
		f := cf.Path
		d := &document.Document{ID: cf.ID, Source: f, Text: cf.Text}
		// The reports came out within a week of the killing.
		d.Published = document.DayDate(time.Date(2020, 7, 8, 0, 0, 0, 0, time.UTC), "test")
		for _, a := range []pipeline.Annotator{text.New(), tagger, timex.New(), quote.New(), quantity.New(), claim.NewExtractor()} {
			if err := a.Annotate(ctx, d); err != nil {
				t.Fatalf("annotating %s: %v", f, err)
			}
		}
		s.Add(d)
	}
	if err := claim.New().Link(ctx, s); err != nil {
		t.Fatal(err)
	}
	return s
}

func docsOf(cs []document.Citation) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range cs {
		if !seen[c.Doc] {
			seen[c.Doc] = true
			out = append(out, c.Doc)
		}
	}
	sort.Strings(out)
	return out
}

func TestHashimi(t *testing.T) {
	s := loadHashimi(t)
	dis := map[string]document.Disagreement{}
	for _, d := range s.Disagreements {
		dis[d.About] = d
	}
	agr := map[string]document.Agreement{}
	for _, a := range s.Agreements {
		agr[a.About] = a
	}
	// Motorcycles: one (000, 001) against two (002).
	var moto *document.Disagreement
	var killed *document.Disagreement
	for k, d := range dis {
		d := d
		if strings.Contains(k, "motorcycles") {
			moto = &d
		}
		if strings.Contains(k, "protesters killed") {
			killed = &d
		}
	}
	if moto == nil {
		t.Fatalf("no disagreement on the motorcycles; got %v", keys(dis))
	}
	if len(moto.Values) != 2 || strings.Join(docsOf(moto.Values[0].Sources), ",") != "000,001" || strings.Join(docsOf(moto.Values[1].Sources), ",") != "002" {
		t.Errorf("motorcycles = %+v", moto.Values)
	}
	if killed == nil {
		t.Fatalf("no disagreement on protesters killed; got %v", keys(dis))
	}
	if len(killed.Values) != 2 || !strings.Contains(killed.Values[0].Value, "500") || !strings.Contains(killed.Values[1].Value, "700") || !strings.Contains(killed.Conservative, "500") {
		t.Errorf("protesters killed = %+v, conservative %q", killed.Values, killed.Conservative)
	}
	// Nothing else is in dispute: no invented contradictions.
	if len(s.Disagreements) != 2 {
		t.Errorf("want exactly 2 disagreements, got %v", keys(dis))
	}
	var age, arrested *document.Agreement
	for k, a := range agr {
		a := a
		if strings.HasPrefix(k, "age of") {
			age = &a
		}
		if strings.Contains(k, "arrested") {
			arrested = &a
		}
	}
	if age == nil || age.Value.Value != "47" || strings.Join(docsOf(age.Value.Sources), ",") != "000,001,004" {
		t.Errorf("age agreement = %+v", age)
	}
	if arrested == nil || arrested.Value.Value != "14" || strings.Join(docsOf(arrested.Value.Sources), ",") != "001,003,004" {
		t.Errorf("arrested agreement = %+v", arrested)
	}
	var released *document.Agreement
	for k, a := range agr {
		a := a
		if strings.Contains(k, "released") {
			released = &a
		}
	}
	if released == nil || released.Value.Sources == nil || strings.Join(docsOf(released.Value.Sources), ",") != "003,004" || !strings.HasPrefix(released.Value.Value, "13") {
		t.Errorf("released agreement (13: 003 freed all but one of 14, 004 13 released) = %+v", released)
	}
	if age != nil && age.Value.Independent != 3 {
		t.Errorf("age: %d independent sources, want 3", age.Value.Independent)
	}
	// Derivations: 000 relays the Washington Post, 004 the AP.
	relays := map[string]bool{}
	for _, d := range s.Derivations {
		if d.Kind == "attribution" {
			relays[d.From+" "+d.Outlet] = true
		}
		for _, c := range d.Evidence {
			if _, _, err := s.Resolve(c); err != nil {
				t.Errorf("derivation evidence: %v", err)
			}
		}
	}
	for _, want := range []string{"000 Washington Post", "004 Associated Press"} {
		if !relays[want] {
			t.Errorf("missing derivation %q; got %v", want, relays)
		}
	}
	// Every citation resolves.
	for _, d := range s.Disagreements {
		for _, v := range d.Values {
			for _, c := range v.Sources {
				if _, _, err := s.Resolve(c); err != nil {
					t.Error(err)
				}
			}
		}
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
