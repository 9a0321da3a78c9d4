package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

func TestReadRecords(t *testing.T) {
	type wantDoc struct {
		id, source, title, url, outlet, published, updated, lang string
		authors                                                  []string
		extracted                                                string
		format                                                   document.Format
	}
	cases := []struct {
		name     string
		file     string
		content  string
		docs     []wantDoc
		problems []string // substrings, in order
	}{
		{
			name: "single object", file: "ferry.json",
			content: `{"title":"Ferry returns","maintext":"The ferry sailed.\nCrowds cheered.","url":"https://example.org/ferry",
				"source_domain":"example.org","date_publish":"2021-03-04 00:00:00","date_modify":"2021-03-05T08:30:00Z",
				"date_download":"2021-03-06","authors":["Ana Lima","Omar Haddad"],"language":"en","description":"ignored"}`,
			docs: []wantDoc{{id: "ferry", source: "", title: "Ferry returns", url: "https://example.org/ferry", outlet: "example.org",
				published: "2021-03-04", updated: "2021-03-05T08:30", lang: "en", authors: []string{"Ana Lima", "Omar Haddad"},
				extracted: "The ferry sailed.\n\nCrowds cheered.", format: document.FormatRecord}},
		},
		{
			name: "array with a non-object", file: "batch.json",
			content: `[{"text":"First.\r\n\r\nSecond paragraph,\r\nsame paragraph."}, 7, {"body":"Third.","author":"Desk"}]`,
			docs: []wantDoc{
				{id: "batch-1", source: "#1", extracted: "First.\n\nSecond paragraph,\nsame paragraph.", format: document.FormatRecord},
				{id: "batch-3", source: "#3", extracted: "Third.", authors: []string{"Desk"}, format: document.FormatRecord},
			},
			problems: []string{"#2: ingest: record 2 is a JSON number, not an object"},
		},
		{
			name: "invalid json names the line", file: "broken.json",
			content:  "{\n  \"title\": \"x\",\n  \"maintext\": oops\n}",
			problems: []string{"broken.json: ingest: invalid JSON at line 3, column"},
		},
		{
			name: "jsonl with one bad line and a blank line", file: "wire.jsonl",
			content: `{"title":"One","maintext":"Alpha."}` + "\n\n" + `{"title":"Two","maintext":` + "\n" + `{"title":"Three","content":"Gamma.","publisher":"Daily Example"}` + "\n",
			docs: []wantDoc{
				{id: "wire-1", source: "#1", title: "One", extracted: "Alpha.", format: document.FormatRecord},
				{id: "wire-3", source: "#3", title: "Three", extracted: "Gamma.", outlet: "Daily Example", format: document.FormatRecord},
			},
			problems: []string{"#2: ingest: line 3: invalid JSON"},
		},
		{
			name: "jsonl cut in its last line", file: "cut.jsonl",
			content:  `{"maintext":"Whole."}` + "\n" + `{"maintext":"Half a rec`,
			docs:     []wantDoc{{id: "cut-1", source: "#1", extracted: "Whole.", format: document.FormatRecord}},
			problems: []string{"#2: ingest: line 2: invalid JSON: unexpected end of line (truncated object?)"},
		},
		{
			name: "json cut short", file: "cut.json",
			content:  `[{"maintext":"Whole."}, {"maintext":"Ha`,
			problems: []string{"cut.json: ingest: invalid JSON: unexpected end of input (truncated?)"},
		},
		{
			name: "record without body", file: "nobody.jsonl",
			content:  `{"title":"Headline only","description":"teaser"}` + "\n" + `{"maintext":"   "}`,
			problems: []string{"#1: ingest: record has no body text", "#2: ingest: record has no body text"},
		},
		{
			name: "api response wrapping articles", file: "api.json",
			content: `{"status":"ok","totalResults":2,"articles":[
				{"source":{"id":null,"name":"Example Times"},"author":"R. Ortiz","title":"Bridge reopens","url":"https://example.com/b",
				 "publishedAt":"2024-03-13T09:30:00Z","content":"The bridge reopened on Wednesday."},
				{"title":"No body here"}]}`,
			docs: []wantDoc{{id: "api-1", source: "#1", title: "Bridge reopens", url: "https://example.com/b", outlet: "Example Times",
				published: "2024-03-13T09:30", authors: []string{"R. Ortiz"}, extracted: "The bridge reopened on Wednesday.", format: document.FormatRecord}},
			problems: []string{"#2: ingest: record has no body text"},
		},
		{
			name: "record carrying html", file: "pages.ndjson",
			content: `{"url":"https://example.org/a","html":"<html><body><p>Hi</p></body></html>","title":"A"}`,
			docs:    []wantDoc{{id: "pages-1", source: "#1", title: "A", url: "https://example.org/a", format: document.FormatHTML}},
		},
		{
			name: "unparseable date is a document problem", file: "dated.jsonl",
			content: `{"maintext":"x","date_publish":"sometime soon"}`,
			docs:    []wantDoc{{id: "dated-1", source: "#1", extracted: "x", format: document.FormatRecord}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.file)
			os.WriteFile(path, []byte(tc.content), 0o644)
			docs, probs := Read(context.Background(), []string{path}, Options{})
			if len(docs) != len(tc.docs) {
				t.Fatalf("got %d docs, want %d; problems %v", len(docs), len(tc.docs), probs)
			}
			for i, w := range tc.docs {
				d := docs[i]
				checks := []struct{ field, got, want string }{
					{"ID", d.ID, w.id},
					{"Source", d.Source, path + w.source},
					{"Title", d.Title, w.title},
					{"URL", d.URL, w.url},
					{"Outlet", d.Outlet, w.outlet},
					{"Published", d.Published.Value, w.published},
					{"Updated", d.Updated.Value, w.updated},
					{"Language", d.Language, w.lang},
					{"Authors", strings.Join(d.Authors, "|"), strings.Join(w.authors, "|")},
					{"Extracted", d.Extracted, w.extracted},
					{"Format", string(d.Format), string(w.format)},
				}
				for _, c := range checks {
					if c.got != c.want {
						t.Errorf("doc %d %s = %q, want %q", i, c.field, c.got, c.want)
					}
				}
				if d.Outlet != "" && d.OutletSource != "record" {
					t.Errorf("OutletSource = %q", d.OutletSource)
				}
				if d.Published.Value != "" && d.Published.Source != "record" {
					t.Errorf("Published.Source = %q", d.Published.Source)
				}
				if d.Raw == "" {
					t.Errorf("doc %d has no Raw", i)
				}
			}
			if len(probs) != len(tc.problems) {
				t.Fatalf("problems %v, want %d", probs, len(tc.problems))
			}
			for i, p := range tc.problems {
				if !strings.Contains(probs[i].Error(), p) || !strings.HasPrefix(probs[i].Error(), path) {
					t.Errorf("problem %q should contain %q", probs[i].Error(), p)
				}
			}
		})
	}
}

func TestRecordDateProblemIsOnDocument(t *testing.T) {
	docs, _ := Bytes("x.jsonl", "x.jsonl", []byte(`{"maintext":"x","date_publish":"sometime soon"}`), "", Options{})
	if len(docs) != 1 || len(docs[0].Problems) != 1 || !strings.Contains(docs[0].Problems[0].Error(), "date_publish") {
		t.Fatalf("want one date problem on the document, got %+v", docs)
	}
}

func TestJSONLBadLineKind(t *testing.T) {
	_, probs := Bytes("w.jsonl", "w.jsonl", []byte("{\"maintext\":\"a\"}\n[1,2]\n{\"maintext\":\"b\"} {\"x\":1}\n"), "", Options{})
	if len(probs) != 2 {
		t.Fatalf("problems %v", probs)
	}
	for _, p := range probs {
		if !errors.Is(p, ErrJSON) {
			t.Errorf("%v is not ErrJSON", p)
		}
	}
	if !strings.Contains(probs[1].Error(), "line 3") || !strings.Contains(probs[1].Error(), "extra data") {
		t.Errorf("second problem = %v", probs[1])
	}
}

func TestNormalizeBody(t *testing.T) {
	cases := []struct{ in, want string }{
		{"One.\nTwo.\nThree.", "One.\n\nTwo.\n\nThree."},
		{"One.\r\nTwo.", "One.\n\nTwo."},
		{"Para one\nstill one.\n\nPara two.", "Para one\nstill one.\n\nPara two."},
		{"\n\n  Lead.  \n\n\n\nBody.\n", "Lead.\n\nBody."},
		{"Solo", "Solo"},
	}
	for _, c := range cases {
		if got := normalizeBody(c.in); got != c.want {
			t.Errorf("normalizeBody(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
