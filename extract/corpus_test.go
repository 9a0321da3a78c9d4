package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
)

// TestHashimiCorpus checks the plain-text rules on the five scraped reports
// in ../shared/corpus/hashimi (skipped when that folder is absent).
func TestHashimiCorpus(t *testing.T) {
	files := shareddata.Corpus(t, "hashimi")
	ex, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*document.Document{}
	for _, f := range files {
		d := &document.Document{Source: f.Path, Format: document.FormatText, Raw: f.Text}
		if err := ex.Annotate(context.Background(), d); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		docs[f.ID] = d
	}
	if len(docs) != 5 {
		t.Fatalf("found %d reports, want 5", len(docs))
	}
	tests := []struct {
		id, outlet, source, published, titlePrefix string
	}{
		{"000", "", "", "", "Washington Post:"},
		{"001", "Track Persia", sourceByline, "2020-07-12", ""},
		{"002", "Iran International", sourceHeadlineSuffix, "", "Security expert Hisham"},
		{"003", "Baghdadpost", sourceSectionPath, "", ""},
		{"004", "", "", "", "Iran-backed militia"},
	}
	for _, tt := range tests {
		d := docs[tt.id]
		t.Logf("%s: outlet=%q (%s) title=%q authors=%q published=%v lang=%s", tt.id, d.Outlet, d.OutletSource, d.Title, d.Authors, d.Published.Value, d.Language)
		if d.Outlet != tt.outlet || d.OutletSource != tt.source {
			t.Errorf("%s: outlet %q (%s), want %q (%s)", tt.id, d.Outlet, d.OutletSource, tt.outlet, tt.source)
		}
		if d.Published.Value != tt.published {
			t.Errorf("%s: published %q, want %q", tt.id, d.Published.Value, tt.published)
		}
		if tt.published != "" && (d.Published.Source != sourceDateline || d.Published.Precision != document.PrecisionDay) {
			t.Errorf("%s: published %+v, want source dateline, precision day", tt.id, d.Published)
		}
		if !strings.HasPrefix(d.Title, tt.titlePrefix) {
			t.Errorf("%s: title %q, want prefix %q", tt.id, d.Title, tt.titlePrefix)
		}
		if d.Extracted != d.Raw {
			t.Errorf("%s: Extracted differs from Raw although the file has LF line endings", tt.id)
		}
		if d.Language != "en" {
			t.Errorf("%s: language %q, want en", tt.id, d.Language)
		}
	}
	if a := docs["001"].Authors; len(a) != 0 {
		t.Errorf("001: authors %q, want none (Track Persia is the outlet)", a)
	}
	if strings.Contains(docs["002"].Title, "|") {
		t.Errorf("002: title %q still carries the outlet suffix", docs["002"].Title)
	}
}
