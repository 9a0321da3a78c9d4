package quantity

import (
	"context"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/text"
)

// split returns a document of s with the layers the text stage writes,
// among them the sentences the extractor reads.
func split(t testing.TB, s string) *document.Document {
	t.Helper()
	d := &document.Document{ID: "test", Text: s}
	if err := text.New().Annotate(context.Background(), d); err != nil {
		t.Fatalf("text stage on %q: %v", s, err)
	}
	return d
}

type wantQ struct {
	text      string
	value     float64
	max       float64
	qualifier string
	unit      string
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []wantQ
	}{
		{"digits with unit", "Police said 9 gunmen fled.", []wantQ{{"9", 9, 0, "", "gunman"}}},
		{"word number", "Witnesses saw four gunmen.", []wantQ{{"four", 4, 0, "", "gunman"}}},
		{"qualifier and adjective", "They shelled more than 700 Lorian villagers.", []wantQ{{"more than 700", 700, 0, "more than", "villager"}}},
		{"upwards of", "Guards killed upwards of 500 protesters.", []wantQ{{"upwards of 500", 500, 0, "upwards of", "protester"}}},
		{"scale word", "About 5 million people marched.", []wantQ{{"About 5 million", 5e6, 0, "about", "person"}}},
		{"plural scale", "They hurt more than 25 thousands of people.", []wantQ{{"more than 25 thousands", 25000, 0, "more than", "person"}}},
		{"synonym motorbike", "The pair rode two motorbikes.", []wantQ{{"two", 2, 0, "", "motorcycle"}}},
		{"hyphen compound", "A 20-truck convoy arrived.", []wantQ{{"20", 20, 0, "", "truck"}}},
		{"age after name", "Karim Nasser, 52, said nothing.", []wantQ{{"52", 52, 0, "", "age"}}},
		{"age with article name", "Samir al-Tamimi, 38, was hurt.", []wantQ{{"38", 38, 0, "", "age"}}},
		{"year-old", "The 61-year-old mayor left.", []wantQ{{"61", 61, 0, "", "age"}}},
		{"range", "Between 30 and 40 soldiers died.", []wantQ{{"30 and 40", 30, 40, "", "soldier"}}},
		{"hyphen tens", "Twenty-five students sang.", []wantQ{{"Twenty-five", 25, 0, "", "student"}}},
		{"vague", "Dozens of villagers fled.", []wantQ{{"Dozens", 12, 0, "dozens", "villager"}}},
		{"nationality plural", "Troops shot 30 Lorians.", []wantQ{{"30", 30, 0, "", "lorian"}}},
		{"partitive", "Of the 12 parties in the bloc, 9 were loyal.", []wantQ{{"12", 12, 0, "", "party"}, {"9", 9, 0, "", "party"}}},
		{"of them", "Police detained 9 men. Later 7 of them were freed.", []wantQ{{"9", 9, 0, "", "man"}, {"7", 7, 0, "", "man"}}},
		{"of its", "They arrested 11 of its members.", []wantQ{{"11", 11, 0, "", "member"}}},
		{"percent", "Turnout was 44 percent.", []wantQ{{"44", 44, 0, "", "percent"}}},
		{"money", "It cost $300 million.", []wantQ{{"300 million", 3e8, 0, "", "dollar"}}},
		{"date skipped", "On July 6, 2020, and on 3 May the town voted.", nil},
		{"year skipped", "Since 2003 the town has grown.", nil},
		{"ordinal skipped", "It was the 3rd attack and the third raid.", nil},
		{"time skipped", "The blast came at 10:30 p.m. and at 7 p.m.", nil},
		{"one as pronoun", "One of the officers ran.", nil},
		{"participle modifier", "The storm sank four fishing boats.", []wantQ{{"four", 4, 0, "", "boat"}}},
		{"participle verb", "Then 5 million poured into the streets.", []wantQ{{"5 million", 5e6, 0, "", ""}}},
		{"all but", "Guards held 14 men. They freed all but one of them.", []wantQ{{"14", 14, 0, "", "man"}, {"all but one of them", 13, 0, "all but one", "man"}}},
		{"all but without antecedent", "They freed all but one of them.", nil},
		{"decade skipped", "In the 1990s the port closed.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := New().Extract(split(t, tc.in))
			if len(got) != len(tc.want) {
				t.Fatalf("Extract(%q) = %d quantities %+v, want %d", tc.in, len(got), got, len(tc.want))
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Text != w.text || g.Value != w.value || g.Max != w.max || g.Qualifier != w.qualifier || g.Unit != w.unit {
					t.Errorf("quantity %d = {%q %v %v %q %q}, want %+v", i, g.Text, g.Value, g.Max, g.Qualifier, g.Unit, w)
				}
				if tc.in[g.Start:g.End] != g.Text {
					t.Errorf("span [%d,%d) reads %q, text %q", g.Start, g.End, tc.in[g.Start:g.End], g.Text)
				}
			}
		})
	}
}

func TestAnnotate(t *testing.T) {
	if err := New().Annotate(context.Background(), &document.Document{ID: "unsplit", Text: "Three boats sank."}); err == nil {
		t.Error("text without sentences: want error")
	}
	d := split(t, "Three boats sank.")
	if err := New().Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Quantities) != 1 || d.Quantities[0].Unit != "boat" {
		t.Fatalf("got %+v", d.Quantities)
	}
	if err := New().Annotate(context.Background(), nil); err == nil {
		t.Error("nil document: want error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := New().Annotate(ctx, d); err == nil {
		t.Error("cancelled context: want error")
	}
}

func TestLemma(t *testing.T) {
	for in, want := range map[string]string{
		"gunmen": "gunman", "militias": "militia", "paramilitaries": "paramilitary",
		"motorbikes": "motorcycle", "protesters": "protester", "churches": "church",
		"vehicles": "vehicle", "people": "person", "Iraqis": "iraqi",
	} {
		if got := lemma(in); got != want {
			t.Errorf("lemma(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkExtract(b *testing.B) {
	text := "Police said 9 gunmen on two motorbikes attacked Karim Nasser, 52, on July 6. " +
		"More than 700 villagers fled and dozens of them were hurt; 11 of its members were detained. "
	for len(text) < 20000 {
		text += text
	}
	d := split(b, text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		New().Extract(d)
	}
}
