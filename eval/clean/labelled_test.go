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

// TestLabelled scores cleaning on both halves of the labelled set and holds
// it to floors set just under the figures measured on 2026-12-05 (tune:
// recall 0.781, 0/1179 reporting sentences cut; held out: recall 0.703,
// 0/918 cut). With CLEAN_TUNE_VERBOSE set it logs what slipped through on
// the tuning half.
func TestLabelled(t *testing.T) {
	dir := findGiveme(evaltest.SharedData(t, "data"))
	if dir == "" {
		t.Skip("giveme5w1h data absent from the shared folder")
	}
	docs, err := loadLabelled(dir)
	if err != nil {
		t.Fatal(err)
	}
	floors := map[string]float64{SplitTune: 0.77, SplitTest: 0.69}
	for _, split := range []string{SplitTune, SplitTest} {
		sc, err := scoreLabelled(context.Background(), docs, split)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: recall %.3f (%d/%d), lost %.4f (%d/%d)", split, sc.Recall(), sc.Recalled, sc.Items, sc.LostShare(), sc.Lost, sc.Sentences)
		if sc.Recall() < floors[split] {
			t.Errorf("%s: boilerplate recall %.3f below the floor %.2f", split, sc.Recall(), floors[split])
		}
		if sc.LostShare() > 0.002 {
			t.Errorf("%s: %d of %d reporting sentences cut:\n%s", split, sc.Lost, sc.Sentences, strings.Join(sc.lost, "\n"))
		}
		if split == SplitTune && os.Getenv("CLEAN_TUNE_VERBOSE") != "" {
			var b bytes.Buffer
			b.WriteString("slipped through:\n" + strings.Join(sc.slipped, "\n"))
			t.Log(b.String())
		}
	}
}

func TestLoadLabelledChecksHashes(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(dir+"/data", 0o755); err != nil {
		t.Fatal(err)
	}
	// One record whose text differs from the labelled one: the hash check
	// must name it.
	docs, err := parseLabels(labelFile)
	if err != nil {
		t.Fatal(err)
	}
	for id := range docs {
		rec := `{"dId":"` + id + `","title":"t","text":"not the labelled text","publisher":"p"}`
		if err := os.WriteFile(dir+"/data/"+id+".json", []byte(rec), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err = loadLabelled(dir)
	if err == nil || !strings.Contains(err.Error(), "labelled set") {
		t.Errorf("err = %v, want a labelled-set error naming the changed record", err)
	}
}
