package text

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

func TestAnnotate(t *testing.T) {
	d := &document.Document{ID: "d1", Text: "Harbor fire contained\n\nFirefighters from Port Elm put out the blaze on Tuesday. Dr. Lena Marsh said 12 people were hurt.\n\n\"It could have been worse,\" she said."}
	if err := New().Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Paragraphs) != 3 {
		t.Errorf("paragraphs = %d, want 3", len(d.Paragraphs))
	}
	if len(d.Sentences) != 4 {
		t.Fatalf("sentences = %d (%v), want 4", len(d.Sentences), d.Sentences)
	}
	if d.Language != "en" {
		t.Errorf("language = %q, want en", d.Language)
	}
	// Every token lies inside the sentence it names, and sentences lie in
	// paragraphs.
	for _, tk := range d.Tokens {
		if !d.Sentences[tk.Sentence].Contains(tk.Span) {
			t.Errorf("token %q %v not inside its sentence %v", d.Slice(tk.Span), tk.Span, d.Sentences[tk.Sentence])
		}
	}
	for _, s := range d.Sentences {
		in := false
		for _, p := range d.Paragraphs {
			in = in || p.Contains(s)
		}
		if !in {
			t.Errorf("sentence %v crosses a paragraph", s)
		}
	}
	var dr string
	for _, tk := range d.Tokens {
		if strings.HasPrefix(d.Slice(tk.Span), "Dr") {
			dr = d.Slice(tk.Span)
		}
	}
	if dr != "Dr." {
		t.Errorf("title token = %q, want Dr.", dr)
	}
}

func TestAnnotateKeepsLanguage(t *testing.T) {
	d := &document.Document{Language: "fr", Text: "This text is plainly written in the English language."}
	if err := New().Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Language != "fr" {
		t.Errorf("language overwritten: %q", d.Language)
	}
}

func TestAnnotateArabic(t *testing.T) {
	d := &document.Document{Text: "قتل مسلحون الباحث في بغداد مساء يوم الاثنين أمام منزله. وقالت الشرطة إن المهاجمين فروا."}
	if err := New().Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Language != "ar" {
		t.Errorf("language = %q, want ar", d.Language)
	}
	if len(d.Sentences) != 2 {
		t.Errorf("sentences = %d, want 2", len(d.Sentences))
	}
}

func TestAnnotateErrors(t *testing.T) {
	d := &document.Document{Source: "bad.txt", Text: "ok \xff\xfe broken"}
	err := New().Annotate(context.Background(), d)
	if err == nil || !strings.Contains(err.Error(), "bad.txt") || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("invalid UTF-8: err = %v, want one naming bad.txt and UTF-8", err)
	}
	if err := New().Annotate(context.Background(), nil); err == nil {
		t.Error("nil document: want an error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := New().Annotate(ctx, &document.Document{Text: "x"}); err == nil {
		t.Error("cancelled context: want an error")
	}
}

func TestAnnotateEmpty(t *testing.T) {
	d := &document.Document{}
	if err := New().Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences)+len(d.Tokens)+len(d.Paragraphs) != 0 || d.Language != "" {
		t.Errorf("empty text gave layers: %+v", d)
	}
}
