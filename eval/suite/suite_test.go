package suite

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	evalner "github.com/corroborate/corroborate/eval/ner"
	"github.com/corroborate/corroborate/ner/conll"
)

func TestAll(t *testing.T) {
	all := All()
	names := Names(all)
	if !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Errorf("names not sorted and unique: %v", names)
	}
	for _, want := range []string{"extract", "ner", "resolve", "time"} {
		if _, ok := Find(all, want); !ok {
			t.Errorf("no evaluation %q in %v", want, names)
		}
	}
	for _, e := range all {
		if e.Run == nil || e.DefaultData == "" || e.About == "" {
			t.Errorf("evaluation %q incomplete: %+v", e.Name, e)
		}
	}
	if _, ok := Find(all, "nonesuch"); ok {
		t.Error("found an evaluation that does not exist")
	}
}

func TestWithPeers(t *testing.T) {
	all := All()
	called := false
	peer := evalner.Peer{Name: "p", Heading: "p", Run: func(context.Context, []conll.Sentence, io.Writer) error {
		called = true
		return nil
	}}
	with := WithPeers(all, peer)
	if len(with) != len(all) {
		t.Fatalf("WithPeers returned %d evaluations for %d", len(with), len(all))
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "test.txt"), []byte("Basra B-LOC\nfell O\n. O\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ner, _ := Find(with, "ner")
	var buf bytes.Buffer
	if err := ner.Run(context.Background(), dir, &buf); err != nil || !called {
		t.Errorf("ner with peers: err %v, peer called %v", err, called)
	}
	called = false
	plain, _ := Find(all, "ner")
	if err := plain.Run(context.Background(), dir, &buf); err != nil || called {
		t.Errorf("plain ner: err %v, peer called %v", err, called)
	}
	if !strings.HasPrefix(lastLine(buf.String()), "F1 ") {
		t.Errorf("last line %q, want F1 …", lastLine(buf.String()))
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
