package ner_test

import (
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/shareddata"
	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/ner/conll"
)

// conllTest reads the CoNLL-2003 test sentences with their document
// starts, or skips when the shared data is absent.
func conllTest(b *testing.B) []conll.Sentence {
	p, ok := shareddata.Path("data", "conll2003", "test.txt")
	if !ok {
		b.Skip("CoNLL-2003 test not found under ../shared/data; skipping")
	}
	sents, err := conll.Read(p)
	if err != nil {
		b.Fatal(err)
	}
	conll.MarkDocuments(sents)
	return sents
}

// BenchmarkTagWords measures tagging speed on the pre-tokenized CoNLL test
// sentences taken as one document. With NER_BENCH_MODEL set to a model
// file it measures that model instead of the embedded one (to compare two
// models on the same machine).
func BenchmarkTagWords(b *testing.B) {
	tg := benchTagger(b)
	var sents [][]string
	tokens := 0
	for _, s := range conllTest(b) {
		sents = append(sents, s.Words)
		tokens += len(s.Words)
	}
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for n := 0; n < b.N; n++ {
		tg.TagDocument(sents)
	}
	report(b, tokens, cpuSeconds()-cpu0)
}

// BenchmarkTagDocuments measures tagging speed document by document (the
// CoNLL test split at its story boundaries), as analysis runs it: each
// document gets its own context and history.
func BenchmarkTagDocuments(b *testing.B) {
	tg := benchTagger(b)
	var docs [][][]string
	tokens := 0
	for _, s := range conllTest(b) {
		if s.DocStart || len(docs) == 0 {
			docs = append(docs, nil)
		}
		docs[len(docs)-1] = append(docs[len(docs)-1], s.Words)
		tokens += len(s.Words)
	}
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for n := 0; n < b.N; n++ {
		for _, d := range docs {
			tg.TagDocument(d)
		}
	}
	report(b, tokens, cpuSeconds()-cpu0)
}

// report adds tokens per second of wall time and of CPU time.
func report(b *testing.B, tokens int, cpu float64) {
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		// On a shared machine wall time overstates the cost; CPU time
		// of the process (all threads, GC included) does not.
		b.ReportMetric(float64(tokens)*float64(b.N)/cpu, "tokens/cpu-s")
	}
}

// benchTagger loads the model named by NER_BENCH_MODEL, else the
// embedded one.
func benchTagger(b *testing.B) *ner.Tagger {
	path := os.Getenv("NER_BENCH_MODEL")
	if path == "" {
		t, err := ner.Load()
		if err != nil {
			b.Fatal(err)
		}
		return t
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatalf("opening NER_BENCH_MODEL: %v", err)
	}
	defer f.Close()
	m, err := ner.ReadModel(f, path)
	if err != nil {
		b.Fatal(err)
	}
	return ner.NewTagger(m, ner.Options{})
}

// cpuSeconds returns the user+system CPU time of the process.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}
