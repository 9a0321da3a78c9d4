package quotes

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/eval/internal/evaltest"
	"github.com/corroborate/corroborate/internal/shareddata"
)

// writeFixture builds a one-article PolNeAR-style folder from invented
// text; offsets count characters, so the curly quotes test the byte
// conversion.
func writeFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	text := "“We will rebuild the pier,” said Mayor Tom Reyes. Officials told reporters that the ferry would resume."
	must(t, os.MkdirAll(filepath.Join(dir, "dev", "text"), 0o755))
	must(t, os.MkdirAll(filepath.Join(dir, "dev", "attributions"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "dev", "text", "art.txt"), []byte(text), 0o644))
	idx := func(s string) (int, int) {
		b := strings.Index(text, s)
		st := len([]rune(text[:b]))
		return st, st + len([]rune(s))
	}
	var ann strings.Builder
	add := func(id, typ, s string) {
		a, b := idx(s)
		ann.WriteString(id + "\t" + typ + " " + itoa(a) + " " + itoa(b) + "\t" + s + "\n")
	}
	add("T1", "Content", "We will rebuild the pier")
	add("T2", "Cue", "said")
	add("T3", "Source", "Mayor Tom Reyes")
	ann.WriteString("E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3\n")
	add("T4", "Source", "Officials")
	add("T5", "Cue", "told")
	add("T6", "Content", "that the ferry would resume")
	ann.WriteString("E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n")
	must(t, os.WriteFile(filepath.Join(dir, "dev", "attributions", "art_x1.ann"), []byte(ann.String()), 0o644))
	// A second annotator of the same article is ignored.
	must(t, os.WriteFile(filepath.Join(dir, "dev", "attributions", "art_y2.ann"), []byte("T1\tSource 0 2\tx\n"), 0o644))
	return dir
}

func itoa(n int) string { return strconv.Itoa(n) }

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestRunFixture(t *testing.T) {
	dir := writeFixture(t)
	var out bytes.Buffer
	if err := Run(context.Background(), dir, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; last != "SpeakerAccuracy 1.0000" {
		t.Errorf("last line %q, want SpeakerAccuracy 1.0000\n%s", last, out.String())
	}
	arts, err := ReadDev(filepath.Join(dir, "dev"))
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || len(arts[0].Attributions) != 2 {
		t.Fatalf("read %+v", arts)
	}
	a := arts[0]
	if got := a.Text[a.Attributions[0].Source.Start:a.Attributions[0].Source.End]; got != "Mayor Tom Reyes" {
		t.Errorf("source span reads %q: character offsets not converted to bytes", got)
	}
	r, err := Score(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	if p, rc, _ := r.Content.Exact(); p != 1 || rc != 1 {
		t.Errorf("content exact P %.2f R %.2f, want 1 and 1", p, rc)
	}
}

func TestRunErrors(t *testing.T) {
	if err := Run(context.Background(), t.TempDir(), &bytes.Buffer{}); err == nil {
		t.Error("missing data: want error")
	}
	dir := writeFixture(t)
	bad := filepath.Join(dir, "dev", "attributions", "art_x1.ann")
	must(t, os.WriteFile(bad, []byte("T1\tSource 5 999\tx\n"), 0o644))
	if err := Run(context.Background(), dir, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "bad offsets") {
		t.Errorf("offsets past the text: got %v", err)
	}
}

func TestRunPolNeAR(t *testing.T) {
	dir := evaltest.SharedData(t, "data", "polnear")
	var out bytes.Buffer
	if err := Run(context.Background(), dir, &out); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	// Measured on the 84 dev articles (2026-12-05, issue 14: speech and
	// belief cues only, null speakers when unsure, a null speaker counted
	// wrong; coref before quote): speaker accuracy 0.7633, content overlap F1 0.720, speaker
	// precision 0.9195.
	if acc := evaltest.LastMetric(t, out.String(), "SpeakerAccuracy"); acc < 0.758 || acc > 1 {
		t.Errorf("SpeakerAccuracy %.4f below the floor 0.758 (or above 1)", acc)
	}
	if f1 := contentOverlapF1(t, out.String()); f1 < 0.708 {
		t.Errorf("content overlap F1 %.3f below the floor 0.708", f1)
	}
	if p := speakerPrecision(t, out.String()); p < 0.91 {
		t.Errorf("SpeakerPrecision %.4f below the floor 0.91", p)
	}
}

// speakerPrecision reads the SpeakerPrecision figure of the report.
func speakerPrecision(t *testing.T, out string) float64 {
	t.Helper()
	_, after, ok := strings.Cut(out, "SpeakerPrecision ")
	if !ok {
		t.Fatal("no SpeakerPrecision in the report")
	}
	v, err := strconv.ParseFloat(strings.Fields(after)[0], 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// contentOverlapF1 reads the F1 of the "Content overlap" row of the table.
func contentOverlapF1(t *testing.T, out string) float64 {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		f := strings.Fields(l)
		if len(f) >= 5 && f[0] == "Content" && f[1] == "overlap" {
			v, err := strconv.ParseFloat(f[4], 64)
			if err != nil {
				t.Fatalf("row %q: %v", l, err)
			}
			return v
		}
	}
	t.Fatalf("no Content overlap row in:\n%s", out)
	return 0
}

// TestPeerCompromise scores compromise's quotations on the same dev split
// when its output is given in $CORROBORATE_QUOTES_PEER (made by
// peer/quotations.js); see the package documentation for the command.
func TestPeerCompromise(t *testing.T) {
	peer := os.Getenv("CORROBORATE_QUOTES_PEER")
	if peer == "" {
		t.Skip("set CORROBORATE_QUOTES_PEER to the JSON written by peer/quotations.js")
	}
	dir := shareddata.Require(t, "data", "polnear", "dev")
	arts, err := ReadDev(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ScorePeer(arts, peer)
	if err != nil {
		t.Fatal(err)
	}
	ours, err := Score(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct {
		name string
		p    PRF
	}{{"compromise quotations", p}, {"ours, direct quotes", ours.ContentDirect}, {"ours, all attributions", ours.Content}} {
		op, or, of := x.p.Overlap()
		ep, er, ef := x.p.Exact()
		t.Logf("%-24s Content overlap P %.3f R %.3f F1 %.3f | exact P %.3f R %.3f F1 %.3f (pred %d)", x.name, op, or, of, ep, er, ef, x.p.Pred)
	}
}
