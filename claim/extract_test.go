package claim

import (
	"context"
	"log/slog"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/pipeline"
	"github.com/corroborate/corroborate/quantity"
	"github.com/corroborate/corroborate/quote"
	"github.com/corroborate/corroborate/text"
	"github.com/corroborate/corroborate/timex"
)

// annotate runs the per-document stages of the standard flow over an
// invented text, up to and including the claim extractor, so that the
// document carries every layer the extractor and the comparer read (all
// but the entities of resolution).
func annotate(t testing.TB, id, s string) *document.Document {
	t.Helper()
	return annotateDoc(t, &document.Document{ID: id, Text: s})
}

// annotateDoc runs the stages of annotate over d (which may carry a
// publication date) and returns it.
func annotateDoc(t testing.TB, d *document.Document) *document.Document {
	t.Helper()
	for _, a := range perDocStages(t) {
		if err := a.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// perDocStages returns the per-document stages in the standard flow's
// order, ending with the claim extractor.
func perDocStages(t testing.TB) []pipeline.Annotator {
	t.Helper()
	tagger, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	tm := timex.New()
	tm.Logger = slog.New(slog.DiscardHandler) // invented texts carry no date
	return []pipeline.Annotator{text.New(), tagger, tm, quote.New(), quantity.New(), NewExtractor()}
}

type wantClaim struct {
	subject, predicate, value string
	number                    float64
	event                     string
}

func TestExtractClaims(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []wantClaim
	}{
		{"attackers by unit", "Three gunmen opened fire on the convoy.", []wantClaim{{"attackers", "count", "three", 3, ""}}},
		{"people as attackers", "Five men on two scooters attacked the bank.", []wantClaim{{"attackers", "count", "five", 5, ""}, {"motorcycles", "count", "two", 2, ""}}},
		{"on a motorbike", "The gunman escaped on a motorbike.", []wantClaim{{"motorcycles", "count", "one", 1, ""}}},
		{"age", "Lina Farouk, 52, was hurt.", []wantClaim{{"Lina Farouk", "age", "52", 52, ""}}},
		{"year-old", "The 38-year-old Omar al-Tamimi was freed.", []wantClaim{{"Omar al-Tamimi", "age", "38", 38, ""}}},
		{"killed in protests", "Police killed more than 40 protesters during the demonstrations.", []wantClaim{{"protesters", "killed", "more than 40", 40, "protests"}}},
		{"arrested in raid", "Troops stormed the depot and arrested 9 of its guards.", []wantClaim{{"people", "arrested", "9", 9, "raid"}}},
		{"released later", "Police detained 12 men. Later 10 of them were released.", []wantClaim{{"people", "arrested", "12", 12, ""}, {"people", "released", "10", 10, ""}}},
		{"all but", "Police detained 12 men. They freed all but two of them.", []wantClaim{{"people", "arrested", "12", 12, ""}, {"people", "released", "10 (all but two)", 10, ""}}},
		{"cumulative count", "About 90 journalists have been killed in Lorania since 2004.", []wantClaim{{"journalists", "killed", "about 90", 90, "since 2004"}}},
		{"count and part", "Of the 30 factions in the alliance, 12 were loyal to the council.", []wantClaim{{"factions", "count", "30", 30, ""}, {"factions", "loyal", "12", 12, ""}}},
		{"age without a name", "Gunmen shot the 52-year-old outside. Two men watched.", nil},
		{"plural of unknown unit", "Troops killed three ferrymen and two pony-keepers.", []wantClaim{{"ferrymen", "killed", "three", 3, ""}, {"pony-keepers", "killed", "two", 2, ""}}},
		{"bare count of unknown unit", "The report named three companies.", nil},
		{"crowd is not a claim", "Thousands of villagers expressed anger.", nil},
		{"durations are not claims", "The siege lasted three weeks.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := annotate(t, "x", tc.in)
			if len(d.Claims) != len(tc.want) {
				t.Fatalf("claims of %q = %+v, want %d", tc.in, d.Claims, len(tc.want))
			}
			for i, w := range tc.want {
				c := d.Claims[i]
				if c.Subject != w.subject || c.Predicate != w.predicate || c.Value != w.value || c.Number != w.number || c.Event != w.event {
					t.Errorf("claim %d = {%q %q %q %v %q}, want %+v", i, c.Subject, c.Predicate, c.Value, c.Number, c.Event, w)
				}
				if !c.Span.Valid(len(tc.in)) || c.Len() == 0 {
					t.Errorf("claim %d has bad span %v", i, c.Span)
				}
			}
		})
	}
}

func TestClaimAttribution(t *testing.T) {
	d := annotate(t, "x", "Port Herald: Storm hits coast\n\nOfficials told the Port Herald that four fishermen drowned.")
	if len(d.Claims) != 1 || d.Claims[0].Attribution != "Port Herald" {
		t.Fatalf("claims = %+v", d.Claims)
	}
	d = annotate(t, "y", `"Seven fishermen drowned," said harbor master Ali Noor.`)
	if len(d.Claims) != 1 || d.Claims[0].Attribution != "Ali Noor" {
		t.Fatalf("claims = %+v", d.Claims)
	}
}

func TestExtractorErrors(t *testing.T) {
	if err := NewExtractor().Annotate(context.Background(), nil); err == nil {
		t.Error("nil document: want error")
	}
	d := &document.Document{ID: "bad", Text: "short", Quantities: []document.Quantity{{Span: document.Span{Start: 2, End: 40}}}}
	if err := NewExtractor().Annotate(context.Background(), d); err == nil {
		t.Error("quantity outside text: want error")
	}
	d = &document.Document{ID: "bad", Text: "short", Sentences: []document.Span{{Start: 0, End: 90}}}
	if err := NewExtractor().Annotate(context.Background(), d); err == nil {
		t.Error("sentence outside text: want error")
	}
}

func TestNameKey(t *testing.T) {
	same := [][]string{
		{"Hisham al-Hashimi", "Hashemi", "Husham al-Hashimi’s", "al-Hashimi"},
		{"Mustafa al-Kadhimi", "Kadhimi"},
	}
	for _, g := range same {
		for _, n := range g[1:] {
			if NameKey(n) != NameKey(g[0]) {
				t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q; want equal", n, NameKey(n), g[0], NameKey(g[0]))
			}
		}
	}
	if NameKey("Tara Fares") == NameKey("Hashimi") {
		t.Error("different names share a key")
	}
}

func TestFindRelays(t *testing.T) {
	tests := []struct {
		in     string
		self   string
		want   []string
		wholes int
	}{
		{"Officials told the Washington Post that it burned.", "", []string{"Washington Post"}, 0},
		{"A spokesman, speaking to The Associated Press, denied it.", "", []string{"Associated Press"}, 0},
		{"The toll rose, according to Reuters.", "", []string{"Reuters"}, 0},
		{"LORIA (AP) — The river rose.", "", []string{"Associated Press"}, 1},
		{"Valley Tribune: Dam breaks\n\nWater flooded the town.", "", []string{"Valley Tribune"}, 1},
		{"Officials told Iraqi media that it burned.", "", nil, 0},
		{"He told The Associated Press that it burned.", "AP", nil, 0},
	}
	for _, tc := range tests {
		got := FindRelays(tc.in, tc.self)
		var names []string
		wholes := 0
		for _, r := range got {
			names = append(names, r.Outlet)
			if r.Whole {
				wholes++
			}
		}
		if len(names) != len(tc.want) || wholes != tc.wholes {
			t.Errorf("FindRelays(%q) = %v (%d whole), want %v (%d whole)", tc.in, names, wholes, tc.want, tc.wholes)
			continue
		}
		for i := range names {
			if names[i] != tc.want[i] {
				t.Errorf("FindRelays(%q)[%d] = %q, want %q", tc.in, i, names[i], tc.want[i])
			}
		}
	}
}
