package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

func TestNormalizeNewlines(t *testing.T) {
	tests := []struct{ raw, want string }{
		{"a\r\nb\r\n\r\nc", "a\nb\n\nc"},
		{"a\rb\r\rc", "a\nb\n\nc"},
		{"\ufeffHead\r\n\r\nBody", "Head\n\nBody"},
		{"no endings", "no endings"},
		{"mixed\r\nand\rlone\n", "mixed\nand\nlone\n"},
		{"", ""},
	}
	for _, tt := range tests {
		got, al := normalizeNewlines(tt.raw)
		if got != tt.want {
			t.Errorf("normalizeNewlines(%q) = %q, want %q", tt.raw, got, tt.want)
		}
		// Every segment copies equal bytes, and bytes outside every
		// segment are inserted newlines.
		covered := make([]bool, len(got))
		for _, sg := range al {
			if sg.Src+sg.End-sg.Start > len(tt.raw) || got[sg.Start:sg.End] != tt.raw[sg.Src:sg.Src+sg.End-sg.Start] {
				t.Errorf("%q: segment %+v copies different bytes", tt.raw, sg)
				continue
			}
			for i := sg.Start; i < sg.End; i++ {
				covered[i] = true
			}
		}
		for i, c := range covered {
			if !c && got[i] != '\n' {
				t.Errorf("%q: byte %d (%q) has no origin", tt.raw, i, got[i])
			}
		}
	}
}

func TestTextRules(t *testing.T) {
	tests := []struct {
		name                           string
		text                           string
		title, outlet, source, pubDate string
		updDate                        string
		authors                        []string
	}{
		{
			name:  "headline with outlet suffix",
			text:  "Ferry service resumes after storm | Harbour Daily\n\nThe ferry sailed again on Friday.",
			title: "Ferry service resumes after storm", outlet: "Harbour Daily", source: sourceHeadlineSuffix,
		},
		{
			name:  "relayed source prefix is not the outlet",
			text:  "Morning Ledger: mayor plans new tram line\n\nThe mayor said on Monday the tram would open in 2026.",
			title: "Morning Ledger: mayor plans new tram line",
		},
		{
			name:    "person byline and dateline",
			text:    "Tram line approved\n\nBy Olga Marin and Pete Sand\n\nMarch 3, 2022\n\nThe council voted 9 to 2 on Thursday.",
			title:   "Tram line approved",
			authors: []string{"Olga Marin", "Pete Sand"}, pubDate: "2022-03-03",
		},
		{
			name:   "organization byline confirmed by an About footer",
			text:   "Caption of a photo, city square, 2020. (Photo agency)\n\nBy Lantern Watch\n\n12 July 2020\n\nThe report begins here.\n\nAbout Lantern Watch\n\nLantern Watch is a group of analysts.",
			outlet: "Lantern Watch", source: sourceByline, pubDate: "2020-07-12",
		},
		{
			name:   "wire dateline",
			text:   "KELVALE, Oct 12, 2021 (Courier Wire) - Flood waters rose on Tuesday.",
			outlet: "Courier Wire", source: sourceDateline, pubDate: "2021-10-12",
		},
		{
			name:   "wire dateline without year: outlet only",
			text:   "KELVALE, Oct 12 (Courier Wire) - Flood waters rose on Tuesday.",
			outlet: "Courier Wire", source: sourceDateline,
		},
		{
			name:    "person with outlet in the byline",
			text:    "Bridge reopens\n\nBy Olga Marin, Kelvale News Agency\n\nThe bridge reopened.",
			title:   "Bridge reopens",
			authors: []string{"Olga Marin"}, outlet: "Kelvale News Agency", source: sourceByline,
		},
		{
			name:  "sentence starting with By is no byline",
			text:  "Bridge reopens\n\nBy the time crews arrived, water had gone.\n\nBy nightfall roads were open",
			title: "Bridge reopens",
		},
		{
			name:    "published and updated lines",
			text:    "Bridge reopens\n\nPublished: 3 March 2022\nUpdated: 5 March 2022\n\nThe bridge reopened.",
			title:   "Bridge reopens",
			pubDate: "2022-03-03", updDate: "2022-03-05",
		},
		{
			name:   "section path",
			text:   "World - Europe - Kelvale Courier\n\nBridge repairs begin\n\nWork started on Monday.",
			title:  "Bridge repairs begin",
			outlet: "Kelvale Courier", source: sourceSectionPath,
		},
		{
			name: "sentence first line is no headline",
			text: "The council met on Monday. It approved the budget.\n\nMore text.",
		},
		{
			name: "no blank line after the first line",
			text: "Short first line\nstraight into the body.",
		},
		{
			name:   "about footer only",
			text:   "Budget passes\n\nThe budget passed.\n\nAbout Kelvale Courier",
			title:  "Budget passes",
			outlet: "Kelvale Courier", source: sourceAboutFooter,
		},
	}
	ex := newTestExtractor(t, Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &document.Document{Source: "t.txt", Format: document.FormatText, Raw: tt.text}
			if err := ex.Annotate(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if d.Title != tt.title {
				t.Errorf("title %q, want %q", d.Title, tt.title)
			}
			if d.Outlet != tt.outlet || d.OutletSource != tt.source {
				t.Errorf("outlet %q (%s), want %q (%s)", d.Outlet, d.OutletSource, tt.outlet, tt.source)
			}
			if d.Published.Value != tt.pubDate {
				t.Errorf("published %q, want %q", d.Published.Value, tt.pubDate)
			}
			if d.Updated.Value != tt.updDate {
				t.Errorf("updated %q, want %q", d.Updated.Value, tt.updDate)
			}
			if strings.Join(d.Authors, ";") != strings.Join(tt.authors, ";") {
				t.Errorf("authors %q, want %q", d.Authors, tt.authors)
			}
			if d.Extracted != tt.text {
				t.Errorf("Extracted changed a text without CR")
			}
		})
	}
}

func TestRecord(t *testing.T) {
	ex := newTestExtractor(t, Options{})
	d := &document.Document{Source: "in.jsonl#1", URL: "https://news.example.org/x", Format: document.FormatRecord,
		Extracted: "Bridge reopens\n\nThe bridge reopened on Monday."}
	if err := ex.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Outlet != "news.example.org" || d.OutletSource != sourceURL {
		t.Errorf("outlet %q (%s)", d.Outlet, d.OutletSource)
	}
	if d.Title != "Bridge reopens" {
		t.Errorf("title %q", d.Title)
	}
	if d.Extracted != "Bridge reopens\n\nThe bridge reopened on Monday." {
		t.Errorf("record text changed: %q", d.Extracted)
	}
	keep := &document.Document{Source: "in.jsonl#2", Format: document.FormatRecord, Title: "Given", Outlet: "Given Outlet", Extracted: "Other headline\n\nBody."}
	if err := ex.Annotate(context.Background(), keep); err != nil {
		t.Fatal(err)
	}
	if keep.Title != "Given" || keep.Outlet != "Given Outlet" {
		t.Errorf("record metadata overwritten: %q %q", keep.Title, keep.Outlet)
	}
	empty := &document.Document{Source: "in.jsonl#3", Format: document.FormatRecord}
	if err := ex.Annotate(context.Background(), empty); err == nil || !strings.Contains(err.Error(), "in.jsonl#3") {
		t.Errorf("empty record: error %v", err)
	}
}
