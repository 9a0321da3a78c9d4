package ner

import (
	"context"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

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

// BenchmarkLoad measures reading the embedded model (checking it and
// viewing its tables in place) and reports the heap it occupies.
func BenchmarkLoad(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var m *Model
	for n := 0; n < b.N; n++ {
		var err error
		m, err = parseModel(embeddedModel, "embedded")
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
