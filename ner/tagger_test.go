package ner

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/text"
)

// storyText is an invented news item.
const storyText = `Gunmen killed the analyst Omar al-Farouqi outside his home in Baghdad on Monday, officials said.

Prime Minister Salim al-Jabouri promised to find the killers. Kata’ib Nasr, a militia backed by Iran, denied any role.

The United Nations mission in Iraq condemned the attack. "He was a brave voice," said Layla Haddad, a researcher at the Tigris Institute in London.`

// tokenized returns a document of the given text with the layers the
// tagger reads (Contract), written by the text stage.
func tokenized(t testing.TB, source, s string) *document.Document {
	t.Helper()
	d := &document.Document{Source: source, Text: s}
	if err := text.New().Annotate(context.Background(), d); err != nil {
		t.Fatalf("text stage on %s: %v", source, err)
	}
	return d
}

func mustLoad(t testing.TB) *Tagger {
	t.Helper()
	tg, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return tg
}

func mentionSet(d *document.Document) map[string]string {
	out := map[string]string{}
	for _, m := range d.Mentions {
		out[m.Text] = m.Type
	}
	return out
}

func TestLoadOnce(t *testing.T) {
	a, b := mustLoad(t), mustLoad(t)
	if a != b {
		t.Error("Load returned two different taggers")
	}
	if a.Model().Version() == "" || a.Model().NumFeatures() < 1000 {
		t.Errorf("embedded model looks empty: version %q, %d features", a.Model().Version(), a.Model().NumFeatures())
	}
}

func TestAnnotate(t *testing.T) {
	tg := mustLoad(t)
	d := tokenized(t, "story.txt", storyText)
	if err := tg.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got := mentionSet(d)
	want := map[string]string{
		"Omar al-Farouqi":  document.EntityPerson,
		"Baghdad":          document.EntityLoc,
		"Salim al-Jabouri": document.EntityPerson,
		"Iran":             document.EntityLoc,
		"Layla Haddad":     document.EntityPerson,
		"London":           document.EntityLoc,
	}
	for text, typ := range want {
		if got[text] != typ {
			t.Errorf("mention %q: got type %q, want %q (all: %v)", text, got[text], typ, got)
		}
	}
	for i, m := range d.Mentions {
		if !m.Span.Valid(len(d.Text)) || d.Text[m.Start:m.End] != m.Text {
			t.Errorf("mention %d %q has a bad span %v", i, m.Text, m.Span)
		}
		if m.Confidence <= 0 || m.Confidence > 1 {
			t.Errorf("mention %q confidence %v outside (0,1]", m.Text, m.Confidence)
		}
		if i > 0 && d.Mentions[i-1].Start > m.Start {
			t.Errorf("mentions not in text order at %d", i)
		}
	}
}

func TestAnnotateUsesGivenTokens(t *testing.T) {
	tg := mustLoad(t)
	text := "Layla Haddad met Salim al - Jabouri in Basra ."
	d := &document.Document{Source: "given", Text: text}
	// tokens split at spaces, one sentence; "al - Jabouri" is written with
	// spaces so it must stay three tokens.
	off := 0
	for _, w := range strings.Fields(text) {
		i := strings.Index(text[off:], w) + off
		d.Tokens = append(d.Tokens, document.Token{Span: document.Span{Start: i, End: i + len(w)}})
		off = i + len(w)
	}
	if err := tg.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got := mentionSet(d)
	if got["Layla Haddad"] != document.EntityPerson || got["Basra"] != document.EntityLoc {
		t.Errorf("mentions = %v", got)
	}
	for _, m := range d.Mentions {
		if m.Start == 0 && m.End > len("Layla Haddad") {
			t.Errorf("mention %q runs past the person", m.Text)
		}
	}
}

func TestAnnotateErrors(t *testing.T) {
	tg := mustLoad(t)
	if err := tg.Annotate(context.Background(), nil); err == nil {
		t.Error("nil document: no error")
	}
	bad := &document.Document{Source: "bad.txt", Text: "short", Tokens: []document.Token{{Span: document.Span{Start: 2, End: 40}}}}
	err := tg.Annotate(context.Background(), bad)
	if err == nil || !strings.Contains(err.Error(), "bad.txt") {
		t.Errorf("out-of-range token: err = %v, want one naming bad.txt", err)
	}
	inv := &document.Document{Source: "latin1.txt", Text: "caf\xe9"}
	if err := tg.Annotate(context.Background(), inv); err == nil {
		t.Error("invalid UTF-8: no error")
	}
	untok := &document.Document{Source: "untokenized.txt", Text: storyText}
	if err := tg.Annotate(context.Background(), untok); err == nil || !strings.Contains(err.Error(), "untokenized.txt") || !strings.Contains(err.Error(), "text stage") {
		t.Errorf("text without tokens: err = %v, want one naming the document and the text stage", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := tokenized(t, "x", storyText)
	if err := tg.Annotate(ctx, d); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: err = %v", err)
	}
}

func TestAnnotateEmpty(t *testing.T) {
	tg := mustLoad(t)
	d := &document.Document{Source: "empty", Text: ""}
	if err := tg.Annotate(context.Background(), d); err != nil || len(d.Mentions) != 0 {
		t.Errorf("empty text: err %v, %d mentions", err, len(d.Mentions))
	}
}

func TestHeadlineCaps(t *testing.T) {
	tg := mustLoad(t)
	chunks, _ := tg.TagWords(strings.Fields("SOCCER - IRAQ BEAT JORDAN IN AMMAN ."))
	locs := 0
	for _, c := range chunks {
		if c.Type == "LOC" {
			locs++
		}
	}
	if locs < 2 {
		t.Errorf("all-caps headline: %v, want at least two LOC", chunks)
	}
}

func TestConcurrentAnnotate(t *testing.T) {
	tg := mustLoad(t)
	done := make(chan map[string]string, 4)
	for i := 0; i < 4; i++ {
		go func() {
			d := &document.Document{Source: "c", Text: storyText}
			if err := text.New().Annotate(context.Background(), d); err != nil {
				t.Error(err)
			}
			if err := tg.Annotate(context.Background(), d); err != nil {
				t.Error(err)
			}
			done <- mentionSet(d)
		}()
	}
	first := <-done
	for i := 1; i < 4; i++ {
		if got := <-done; len(got) != len(first) {
			t.Errorf("concurrent runs disagree: %v vs %v", got, first)
		}
	}
}

// TestModelHeap checks that reading the embedded model allocates next to
// nothing: its tables stay in the binary's data, used in place.
func TestModelHeap(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m, err := parseModel(embeddedModel, "embedded")
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	grew := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("heap grew by %d bytes reading the embedded model", grew)
	if grew > 64<<10 {
		t.Errorf("reading the embedded model took %d bytes of heap, want under 64 KB", grew)
	}
	if nativeLittle {
		lo := uintptr(unsafe.Pointer(unsafe.StringData(embeddedModel)))
		for name, p := range map[string]unsafe.Pointer{"weights": unsafe.Pointer(&m.dense[0]),
			"feature table": unsafe.Pointer(&m.table.keys[0]), "word slots": unsafe.Pointer(&m.lex.tab.words.slots[0])} {
			if a := uintptr(p); a < lo || a >= lo+uintptr(len(embeddedModel)) {
				t.Errorf("%s copied, not used in place", name)
			}
		}
	}
	runtime.KeepAlive(m)
}

func TestAnnotateOddInput(t *testing.T) {
	tg := mustLoad(t)
	for _, text := range []string{
		"'''' ’’ --- al- -al Abu", "1996-08-22 12:30 GMT", "هشام الهاشمي قتل في بغداد", "🙂 Iraq 🙂",
		"A", "\n\n\n", "Mr. . . . U.S.", strings.Repeat("Baghdad ", 500),
	} {
		d := tokenized(t, "odd", text)
		if err := tg.Annotate(context.Background(), d); err != nil {
			t.Errorf("%q: %v", text, err)
		}
		for _, m := range d.Mentions {
			if !m.Span.Valid(len(text)) || m.Start >= m.End {
				t.Errorf("%q: bad mention span %v", text, m.Span)
			}
		}
	}
}

// TestAnnotateClitic checks that a possessive clitic, which the text stage
// splits off as CoNLL does, stays out of the name.
func TestAnnotateClitic(t *testing.T) {
	tg := mustLoad(t)
	d := tokenized(t, "clitic", "Police guarded Omar al-Farouqi’s house in Basra.")
	if err := tg.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got := mentionSet(d); got["Omar al-Farouqi"] != document.EntityPerson {
		t.Errorf("mentions = %v, want PERSON \"Omar al-Farouqi\" without the clitic", got)
	}
}

// The tagger plugs into the pipeline as a per-document stage (the method
// set of pipeline.Annotator, checked without importing it).
var _ interface {
	Annotate(context.Context, *document.Document) error
} = (*Tagger)(nil)
