package jsonout

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/golden"
	"github.com/corroborate/corroborate/report"
	"github.com/corroborate/corroborate/report/internal/fixture"
)

func write(t *testing.T, s *document.Story) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, s, "corroborate test"); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGolden compares the whole output for the fixture story with
// testdata/fictional.json (rewrite it with -update after checking).
func TestGolden(t *testing.T) {
	golden.Check(t, filepath.Join("testdata", "fictional.json"), write(t, fixture.Story("")))
}

// TestFollowsSchema validates the output, hostile text included, against
// the published JSON Schema.
func TestFollowsSchema(t *testing.T) {
	sch, err := jsonschema.NewCompiler().Compile(filepath.Join("..", "..", "docs", "schema", "corroborate-1.1.schema.json"))
	if err != nil {
		t.Fatalf("compiling schema: %v", err)
	}
	for _, s := range []*document.Story{fixture.Story(""), fixture.Story(`</p>"&<x>`), document.NewStory()} {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(write(t, s)))
		if err != nil {
			t.Fatalf("output is not JSON: %v", err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("output does not follow the schema: %v", err)
		}
	}
}

// TestCitationsReadBack decodes the output and checks that citations and
// placed problems point at the intended bytes of the documents' text.
func TestCitationsReadBack(t *testing.T) {
	var o report.Output
	if err := json.Unmarshal(write(t, fixture.Story("")), &o); err != nil {
		t.Fatal(err)
	}
	at := func(c document.Citation) string {
		t.Helper()
		s, err := o.Resolve(c)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	checks := []struct {
		what      string
		got, want string
	}{
		{"summary", at(o.Summary[1].Sources[1]), "Three workers were injured"},
		{"timeline", at(o.Timeline[1].Sources[0]), "The union had warned of the risk last winter."},
		{"entity", at(o.Entities[0].Mentions[1].Citation), "Anna Ruiz"},
		{"disagreement", at(o.Disagreements[0].Values[0].Sources[0]), "Two workers were hurt"},
		{"relies_on evidence", at(o.Documents[1].ReliesOn[0].Evidence[0]), "A fire at a grain depot in Port Elm was put out on Tuesday."},
	}
	c, ok := o.Problems[3].Citation()
	if !ok {
		t.Fatalf("last problem not placed: %+v", o.Problems[3])
	}
	checks = append(checks, struct{ what, got, want string }{"problem", at(c), "last winter"})
	for _, ck := range checks {
		if ck.got != ck.want {
			t.Errorf("%s cites %q, want %q", ck.what, ck.got, ck.want)
		}
	}
	if o.Problems[0].Start != nil || o.Problems[0].Doc != "" {
		t.Errorf("unplaced problem written with a place: %+v", o.Problems[0])
	}
}

// TestTextKeptVerbatim checks that markup in the reports is written as
// data, not escaped for HTML, and read back unchanged.
// TestTextKeptVerbatim checks that the JSON keeps report text as it is:
// markup, bidi controls and other control characters included (the other
// writers escape, isolate or drop them for display).
func TestTextKeptVerbatim(t *testing.T) {
	hostile := `<b>"A&B"</b>` + "\u202E\x1b"
	out := write(t, fixture.Story(hostile))
	if !bytes.Contains(out, []byte(`<b>\"A&B\"</b>`)) || bytes.Contains(out, []byte(`\u003c`)) {
		t.Errorf("markup escaped for HTML or lost: %s", out[:200])
	}
	var o report.Output
	if err := json.Unmarshal(out, &o); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(o.Documents[0].Title, hostile) || !strings.HasSuffix(o.Problems[3].Error, hostile) {
		t.Errorf("title %q / problem %q do not read back", o.Documents[0].Title, o.Problems[3].Error)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	err := Write(failWriter{}, fixture.Story(""), "test")
	if err == nil || !strings.Contains(err.Error(), "writing JSON report") || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("err = %v", err)
	}
}
