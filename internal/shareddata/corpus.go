package shareddata

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// CorpusFile is one report of a shared corpus folder (corpus/NAME/*.txt).
type CorpusFile struct {
	// Path is the file's path, Name its base name without ".txt" and ID
	// the part of Name before the first underscore ("000" for
	// "000_452d594e6cb8c48e").
	Path, Name, ID string
	// Text is the file's content.
	Text string
}

// Corpus reads the .txt reports of the shared corpus folder corpus/name,
// sorted by file name, or skips the test with a message naming what is
// missing.
func Corpus(t testing.TB, name string) []CorpusFile {
	t.Helper()
	dir := Require(t, "corpus", name)
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Skipf("no .txt reports in shared corpus %s; skipping", dir)
	}
	sort.Strings(paths)
	out := make([]CorpusFile, 0, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("reading shared corpus file: %v", err)
		}
		n := strings.TrimSuffix(filepath.Base(p), ".txt")
		id, _, _ := strings.Cut(n, "_")
		out = append(out, CorpusFile{Path: p, Name: n, ID: id, Text: string(b)})
	}
	return out
}
