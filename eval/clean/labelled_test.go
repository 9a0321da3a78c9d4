package clean

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/eval/internal/evaltest"
)

func TestParseLabels(t *testing.T) {
	docs, err := parseLabels(labelFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 96 {
		t.Errorf("%d articles, want 96", len(docs))
	}
	splits := map[string]int{}
	spans := 0
	for _, d := range docs {
		splits[d.split]++
		spans += len(d.spans) - 1 // less the article row
	}
	if splits[SplitTune] < 45 || splits[SplitTest] < 45 || len(splits) != 2 {
		t.Errorf("splits %v, want about half and half", splits)
	}
	if spans < 400 {
		t.Errorf("%d spans, want the 441 labelled", spans)
	}
	if _, err := parseLabels([]byte("x\t1\t2\tcaption\n")); err == nil {
		t.Error("a span of an unknown article parsed")
	}
	if _, err := parseLabels([]byte("x\t1\n")); err == nil {
		t.Error("a short row parsed")
	}
}

func TestReportingSentences(t *testing.T) {
	text := "One two three. Four five six! Image caption x y z Seven eight nine."
	boiler := make([]bool, len(text))
	s := strings.Index(text, "Image")
	for i := s; i < s+len("Image caption x y z"); i++ {
		boiler[i] = true
	}
	got := reportingSentences(text, boiler)
	var parts []string
	for _, p := range got {
		parts = append(parts, text[p[0]:p[1]])
	}
	want := []string{"One two three.", "Four five six!", "Seven eight nine."}
	if strings.Join(parts, "|") != strings.Join(want, "|") {
		t.Errorf("sentences %q, want %q", parts, want)
	}
}

// TestLabelledTune prints the scores on the tuning half only (the held-out
// half is reported by the evaluation itself, once per candidate).
func TestLabelledTune(t *testing.T) {
	dir := findGiveme(evaltest.SharedData(t, "data"))
	if dir == "" {
		t.Skip("giveme5w1h data absent")
	}
	docs, err := loadLabelled(dir)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scoreLabelled(context.Background(), docs, SplitTune)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.WriteString("tune: slipped\n" + strings.Join(sc.slipped, "\n") + "\ntune: lost\n" + strings.Join(sc.lost, "\n") + "\n")
	if os.Getenv("CLEAN_TUNE_VERBOSE") != "" {
		t.Log(b.String())
	}
	t.Logf("tune: recall %.3f (%d/%d), lost %.4f (%d/%d), kinds %v of %v", sc.Recall(), sc.Recalled, sc.Items, sc.LostShare(), sc.Lost, sc.Sentences, sc.RecalledByKind, sc.ByKind)
}
