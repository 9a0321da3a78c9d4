package text

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// proseGoldenRulesPassed is how many Golden Rules cases prose/v2's segmenter
// passes when compared as here (whitespace-normalized), as measured by
// TestGoldenRulesPeer (the dependency scout counted 34); ours must do at
// least as well.
const proseGoldenRulesPassed = 36

type goldenRule struct {
	Name   string   `json:"name"`
	Input  string   `json:"input"`
	Output []string `json:"output"`
}

// goldenRulesPath finds the English Golden Rules file that prose/v2 ships
// in its testdata, in the module cache.
func goldenRulesPath(t *testing.T) string {
	t.Helper()
	cache := os.Getenv("GOMODCACHE")
	if cache == "" {
		out, err := exec.Command("go", "env", "GOMODCACHE").Output()
		if err != nil {
			t.Skipf("cannot find the Go module cache: %v", err)
		}
		cache = strings.TrimSpace(string(out))
	}
	p := filepath.Join(cache, "github.com", "jdkato", "prose", "v2@v2.0.0", "testdata", "golden_rules_en.json")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("Golden Rules file not in the module cache (%s); run `go mod download github.com/jdkato/prose/v2` to enable this test", p)
	}
	return p
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestGoldenRules(t *testing.T) {
	data, err := os.ReadFile(goldenRulesPath(t))
	if err != nil {
		t.Fatal(err)
	}
	var rules []goldenRule
	if err := json.Unmarshal(data, &rules); err != nil {
		t.Fatalf("decoding Golden Rules: %v", err)
	}
	passed := 0
	for _, r := range rules {
		var got []string
		for _, sp := range Sentences(r.Input) {
			got = append(got, normSpace(r.Input[sp.Start:sp.End]))
		}
		ok := len(got) == len(r.Output)
		for i := 0; ok && i < len(got); i++ {
			ok = got[i] == normSpace(r.Output[i])
		}
		if ok {
			passed++
		} else {
			t.Logf("miss %s\n  got  %q\n  want %q", r.Name, got, r.Output)
		}
	}
	t.Logf("Golden Rules: %d/%d (prose/v2: %d/%d)", passed, len(rules), proseGoldenRulesPassed, len(rules))
	if passed < proseGoldenRulesPassed {
		t.Errorf("Golden Rules: passed %d/%d, want at least prose's %d", passed, len(rules), proseGoldenRulesPassed)
	}
}
