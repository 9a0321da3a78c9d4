package text

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/jdkato/prose/v2"
)

// proseSentences splits s with prose/v2's segmenter (the peer the
// dependency scout measured), tokenization, tagging and extraction off.
func proseSentences(t testing.TB, s string) []string {
	doc, err := prose.NewDocument(s, prose.WithTokenization(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		t.Fatalf("prose: %v", err)
	}
	var out []string
	for _, sent := range doc.Sentences() {
		out = append(out, normSpace(sent.Text))
	}
	return out
}

// TestGoldenRulesPeer runs prose/v2 on the same Golden Rules file in the
// same run, so the comparison in TestGoldenRules is measured, not quoted.
// It loads prose's models (about 6 s), so it runs only with
// CORROBORATE_PEERS=1.
func TestGoldenRulesPeer(t *testing.T) {
	if os.Getenv("CORROBORATE_PEERS") == "" {
		t.Skip("peer comparison with prose/v2 is slow; set CORROBORATE_PEERS=1 to run it")
	}
	data, err := os.ReadFile(goldenRulesPath(t))
	if err != nil {
		t.Fatal(err)
	}
	var rules []goldenRule
	if err := json.Unmarshal(data, &rules); err != nil {
		t.Fatal(err)
	}
	ours, peer := 0, 0
	for _, r := range rules {
		want := make([]string, len(r.Output))
		for i, o := range r.Output {
			want[i] = normSpace(o)
		}
		var got []string
		for _, sp := range Sentences(r.Input) {
			got = append(got, normSpace(r.Input[sp.Start:sp.End]))
		}
		if equalStrings(got, want) {
			ours++
		}
		if equalStrings(proseSentences(t, r.Input), want) {
			peer++
		}
	}
	t.Logf("Golden Rules (same run): ours %d/%d, prose/v2 %d/%d", ours, len(rules), peer, len(rules))
	if ours < peer {
		t.Errorf("ours %d < prose %d", ours, peer)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// BenchmarkProseSentences is the peer's speed on the same text as
// BenchmarkSentences.
func BenchmarkProseSentences(b *testing.B) {
	s := benchText()[:1<<17]
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		proseSentences(b, s)
	}
}

// BenchmarkOursSentencesSmall measures ours on the same 128 KB as
// BenchmarkProseSentences.
func BenchmarkOursSentencesSmall(b *testing.B) {
	s := benchText()[:1<<17]
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		Sentences(s)
	}
}
