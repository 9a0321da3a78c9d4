package event

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/text"
	"github.com/corroborate/corroborate/timex"
)

var (
	nerOnce   sync.Once
	nerTagger *ner.Tagger
	nerErr    error
)

// prepare runs the stages the detector reads (text, ner, timex) on a
// document with the given text, published on pub (yyyy-mm-dd, or "").
func prepare(t testing.TB, id, txt, pub string) *document.Document {
	t.Helper()
	nerOnce.Do(func() { nerTagger, nerErr = ner.Load() })
	if nerErr != nil {
		t.Fatal(nerErr)
	}
	d := &document.Document{ID: id, Text: txt}
	if pub != "" {
		day, err := time.Parse("2006-01-02", pub)
		if err != nil {
			t.Fatal(err)
		}
		d.Published = document.DayDate(day, "user")
	}
	ctx := context.Background()
	tm := timex.New()
	tm.Logger = slog.New(slog.DiscardHandler)
	for _, a := range []interface {
		Annotate(context.Context, *document.Document) error
	}{text.New(), nerTagger, tm} {
		if err := a.Annotate(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// describe writes one line per mention: trigger, class, attributes and
// arguments.
func describe(m document.EventMention) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s[%s %s %s", m.Text, m.Lemma, m.Class, m.Polarity)
	if m.Modality != "" {
		fmt.Fprintf(&b, " %s", m.Modality)
	}
	b.WriteString("]")
	for _, a := range m.Args {
		fmt.Fprintf(&b, " %s=%q", a.Role, a.Text)
		if a.Timex >= 0 {
			fmt.Fprintf(&b, "#t%d", a.Timex)
		}
	}
	return b.String()
}
