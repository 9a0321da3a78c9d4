package articlebench

import (
	"math"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello, world!", "Hello|world"},
		{"al-Hashimi's 47th_year", "al|Hashimi|s|47th_year"},
		{"Привет мир 2020", "Привет|мир|2020"},
		{"  ", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(Tokens(tt.in), "|"); got != tt.want {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestScoreItem(t *testing.T) {
	tests := []struct {
		name        string
		truth, pred string
		tp, fp, fn  float64
		exact       bool
	}{
		{"identical", "a b c d e", "a b c d e", 1, 0, 0, true},
		{"empty prediction", "a b c d e", "", 0, 0, 1, false},
		{"extra text", "a b c d", "a b c d x y", 1.0 / 3, 2.0 / 3, 0, false}, // 1 true shingle, 3 predicted
		{"short texts give one shingle", "a b", "a b", 1, 0, 0, true},
		{"punctuation ignored", "a, b. c d", "a b c d", 1, 0, 0, true},
	}
	for _, tt := range tests {
		s := ScoreItem(tt.truth, tt.pred)
		if math.Abs(s.TP-tt.tp) > 1e-9 || math.Abs(s.FP-tt.fp) > 1e-9 || math.Abs(s.FN-tt.fn) > 1e-9 || s.Exact != tt.exact {
			t.Errorf("%s: got %+v, want tp %.3f fp %.3f fn %.3f exact %v", tt.name, s, tt.tp, tt.fp, tt.fn, tt.exact)
		}
	}
}

func TestSummarize(t *testing.T) {
	items := []ItemScore{
		{TP: 1, Exact: true},  // P 1, R 1
		{TP: 0.5, FP: 0.5},    // P .5, R 1
		{TP: 0.5, FN: 0.5},    // P 1, R .5
		{TP: 0, FP: 0, FN: 1}, // P undefined (skipped), R 0
	}
	m := Summarize(items)
	wantP, wantR := 2.5/3, 2.5/4
	if math.Abs(m.Precision-wantP) > 1e-9 || math.Abs(m.Recall-wantR) > 1e-9 {
		t.Errorf("P %.4f R %.4f, want %.4f %.4f", m.Precision, m.Recall, wantP, wantR)
	}
	if want := 2 * wantP * wantR / (wantP + wantR); math.Abs(m.F1-want) > 1e-9 {
		t.Errorf("F1 %.4f, want %.4f", m.F1, want)
	}
	if m.Accuracy != 0.25 {
		t.Errorf("accuracy %.3f, want 0.25", m.Accuracy)
	}
	if b := Bootstrap(items, 200); b.F1Std <= 0 || b.F1 != m.F1 {
		t.Errorf("bootstrap %+v", b)
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name        string
		truth, pred string
		want        Counts
	}{
		{"identical", "one two three four five", "one two three four five", Counts{TP: 2}},
		{"extra boilerplate", "one two three four five", "one two three four five Share this article", Counts{TP: 2, FP: 3}},
		{"missing tail", "one two three four five six", "one two three four", Counts{TP: 1, FN: 2}},
		{"short texts", "a b", "a b", Counts{TP: 1}},
		{"repeated shingle counted twice", "a b c d", "a b c d a b c d", Counts{TP: 1, FP: 4}},
		{"empty prediction", "a b c d", "", Counts{FN: 1}},
		{"both empty", "", "", Counts{}},
	}
	for _, tt := range tests {
		if got := Match(tt.truth, tt.pred); got != tt.want {
			t.Errorf("%s: Match = %+v, want %+v", tt.name, got, tt.want)
		}
		if got := ScoreItem(tt.truth, tt.pred).Raw; got != tt.want {
			t.Errorf("%s: ScoreItem(...).Raw = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestScoreAll(t *testing.T) {
	truth := []Item{{ID: "a", Body: "the harbour closed at noon"}, {ID: "b", Body: "rain fell on the pier"}}
	got := ScoreAll(truth, map[string]string{"a": "the harbour closed at noon"})
	if len(got) != 2 || !got[0].Exact || got[1].FN != 1 || got[1].TP != 0 {
		t.Errorf("ScoreAll = %+v, want an exact first page and an empty second one", got)
	}
}

// BenchmarkScoreItem scores a 400-word invented article against a copy
// with boilerplate around it.
func BenchmarkScoreItem(b *testing.B) {
	body := strings.Repeat("The council voted to repair the old stone bridge before winter. ", 40)
	pred := "Home News Sport\n" + body + "\nShare this article. Subscribe to our newsletter."
	for b.Loop() {
		ScoreItem(body, pred)
	}
}
