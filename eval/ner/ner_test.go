package ner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/eval/internal/evaltest"
	"github.com/corroborate/corroborate/internal/shareddata"
	"github.com/corroborate/corroborate/ner/conll"
)

func TestRunOnCoNLL(t *testing.T) {
	dir := evaltest.SharedData(t, "data", "conll2003")
	var buf bytes.Buffer
	if err := RunWith(context.Background(), dir, &buf, Options{}); err != nil {
		t.Fatal(err)
	}
	f1 := evaltest.LastMetric(t, buf.String(), "F1")
	// Measured 0.9100 with the committed model; guard against regressions
	// below the 0.90 target.
	if f1 < 0.90 {
		t.Errorf("test F1 %.4f below 0.90:\n%s", f1, buf.String())
	}
	// Also accept the parent of the conll2003 folder.
	root, _ := shareddata.Path("data")
	if _, err := findCoNLL(root); err != nil {
		t.Errorf("findCoNLL(%s): %v", root, err)
	}
}

func TestRunErrors(t *testing.T) {
	err := Run(context.Background(), t.TempDir(), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "test.txt") {
		t.Errorf("empty data dir: err = %v, want one naming test.txt", err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "test.txt"), []byte("Basra B-LOC 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = RunWith(context.Background(), dir, &bytes.Buffer{}, Options{Model: "/nonexistent/model.bin"})
	if err == nil {
		t.Error("no error for a missing model")
	} else if !strings.Contains(err.Error(), "model.bin") {
		t.Errorf("error %q does not name the model file", err)
	}
}

// TestPeers runs two invented peers on a small test file: each gets the
// test sentences after our scores, a failing one is named, and the last
// line stays ours.
func TestPeers(t *testing.T) {
	dir := t.TempDir()
	text := "-DOCSTART- O\n\nHisham B-PER\nal-Hashimi I-PER\nwas O\nkilled O\nin O\nBaghdad B-LOC\n. O\n\nPolice O\nsaid O\nso O\n. O\n"
	if err := os.WriteFile(filepath.Join(dir, "test.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []int
	counter := Peer{Name: "counter", Heading: "counting peer", Run: func(_ context.Context, sents []conll.Sentence, w io.Writer) error {
		got = append(got, len(sents))
		fmt.Fprintf(w, "counted %d sentences\n", len(sents))
		return nil
	}}
	broken := Peer{Name: "broken", Heading: "broken peer", Run: func(context.Context, []conll.Sentence, io.Writer) error {
		return errors.New("no model")
	}}
	var buf bytes.Buffer
	if err := RunWith(context.Background(), dir, &buf, Options{Peers: []Peer{counter, broken}}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if len(got) != 1 || got[0] != 2 {
		t.Errorf("peer saw %v sentence counts, want [2]", got)
	}
	for _, want := range []string{"== counting peer\ncounted 2 sentences\n", "== broken peer\nbroken failed: no model\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "== ours") > strings.Index(out, "== counting peer") {
		t.Errorf("peers printed before our scores:\n%s", out)
	}
	if strings.Contains(out, "cmd/corroborate-eval") {
		t.Errorf("a run with peers points to the command with peers:\n%s", out)
	}
	evaltest.LastMetric(t, out, "F1")
	buf.Reset()
	if err := Run(context.Background(), dir, &buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "go run ./cmd/corroborate-eval ner") {
		t.Errorf("a run without peers does not say where they are:\n%s", buf.String())
	}
}
