package main

import (
	"strings"
	"testing"

	"github.com/corroborate/corroborate/ner"
)

func TestDevTagger(t *testing.T) {
	for _, o := range []devOptions{{prune: 2}, {temp: 24}, {write: "/tmp/x.bin"}} {
		if _, err := devTagger(o); err == nil || !strings.Contains(err.Error(), "--model") {
			t.Errorf("%+v without --model: err %v, want one naming --model", o, err)
		}
	}
	if _, err := devTagger(devOptions{model: "/nonexistent/dev.bin"}); err == nil || !strings.Contains(err.Error(), "dev.bin") {
		t.Errorf("missing model file: err %v, want one naming it", err)
	}
	tg, err := devTagger(devOptions{tagger: ner.Options{Beam: 2, Consistent: -1}})
	if err != nil {
		t.Fatal(err)
	}
	shared, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	if tg == shared || tg.Options() != (ner.Options{Beam: 2}) || shared.Options().Beam != ner.DefaultBeam {
		t.Errorf("dev tagger %+v (shared: %v), shared tagger %+v", tg.Options(), tg == shared, shared.Options())
	}
}
