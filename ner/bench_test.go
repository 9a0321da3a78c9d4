package ner

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/shareddata"
)

// benchSentences returns CoNLL test sentences when the shared data is
// there, else the invented story split into sentences.
func benchSentences(b *testing.B) [][]string {
	if p, ok := shareddata.Path("data", "conll2003", "test.txt"); ok {
		sents, err := ReadCoNLL(p)
		if err == nil {
			out := make([][]string, len(sents))
			for i, s := range sents {
				out[i] = s.Words
			}
			return out
		}
	}
	sents, err := tokenSentences(tokenized(b, "story", storyText))
	if err != nil {
		b.Fatal(err)
	}
	var out [][]string
	for _, s := range sents {
		out = append(out, words(storyText, s))
	}
	return out
}

// BenchmarkTagWords measures tagging speed on pre-tokenized sentences.
// With NER_BENCH_MODEL set to a model file it measures that model instead
// of the embedded one (to compare two models on the same machine).
func BenchmarkTagWords(b *testing.B) {
	tg := benchTagger(b)
	sents := benchSentences(b)
	tokens := 0
	for _, s := range sents {
		tokens += len(s)
	}
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for n := 0; n < b.N; n++ {
		tg.TagDocument(sents)
	}
	cpu := cpuSeconds() - cpu0
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		// On a shared machine wall time overstates the cost; CPU time
		// of the process (all threads, GC included) does not.
		b.ReportMetric(float64(tokens)*float64(b.N)/cpu, "tokens/cpu-s")
	}
}

// BenchmarkTagDocuments measures tagging speed document by document (the
// CoNLL test split at its story boundaries), as analysis runs it: each
// document gets its own context and history.
func BenchmarkTagDocuments(b *testing.B) {
	tg := benchTagger(b)
	p, ok := shareddata.Path("data", "conll2003", "test.txt")
	if !ok {
		b.Skip("CoNLL-2003 test not found under ../shared/data; skipping")
	}
	sents, err := ReadCoNLL(p)
	if err != nil {
		b.Fatal(err)
	}
	MarkDocuments(sents)
	var docs [][][]string
	tokens := 0
	for _, r := range documentRanges(sents) {
		var d [][]string
		for _, s := range sents[r[0]:r[1]] {
			d = append(d, s.Words)
			tokens += len(s.Words)
		}
		docs = append(docs, d)
	}
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for n := 0; n < b.N; n++ {
		for _, d := range docs {
			tg.TagDocument(d)
		}
	}
	cpu := cpuSeconds() - cpu0
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(tokens)*float64(b.N)/cpu, "tokens/cpu-s")
	}
}

// benchTagger loads the model named by NER_BENCH_MODEL, else the
// embedded one.
func benchTagger(b *testing.B) *Tagger {
	path := os.Getenv("NER_BENCH_MODEL")
	if path == "" {
		return mustLoad(b)
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatalf("opening NER_BENCH_MODEL: %v", err)
	}
	defer f.Close()
	m, err := ReadModel(f, path)
	if err != nil {
		b.Fatal(err)
	}
	return NewTagger(m)
}

// BenchmarkAnnotate measures the Annotate path on a document the text
// stage has split (the split itself is not timed).
func BenchmarkAnnotate(b *testing.B) {
	tg := mustLoad(b)
	text := strings.Repeat(storyText+"\n\n", 20)
	d := tokenized(b, "bench", text)
	ntok := len(d.Tokens)
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		d.Mentions = nil
		if err := tg.Annotate(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad measures decoding the embedded model and reports the heap
// it occupies.
func BenchmarkLoad(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var m *Model
	for n := 0; n < b.N; n++ {
		var err error
		m, err = ReadModel(strings.NewReader(string(embeddedModel)), "embedded")
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc)-float64(before.HeapAlloc), "heap-bytes")
	runtime.KeepAlive(m)
}

var _ = filepath.Join

// cpuSeconds returns the user+system CPU time of the process.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}
