package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/golden"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/report"
)

// execute runs the command line in-process and returns stdout, stderr and
// the error main would turn into an exit status.
func execute(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	root := newRoot()
	var out, errb bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetArgs(args)
	// Commands write accounts to the -o file or os.Stdout; tests always use -o.
	err := executeRoot(context.Background(), root)
	return out.String(), errb.String(), err
}

func runToFile(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	_, stderr, err := execute(t, append(args, "-o", out)...)
	b, rerr := os.ReadFile(out)
	if rerr != nil && err == nil {
		t.Fatalf("no output written: %v", rerr)
	}
	return string(b), stderr, err
}

func TestDemoJSONFollowsSchemaAndCitationsResolve(t *testing.T) {
	out, stderr, err := runToFile(t, "demo", "--format", "json")
	if err != nil {
		t.Fatalf("demo failed: %v\n%s", err, stderr)
	}
	compiler := jsonschema.NewCompiler()
	sch, err := compiler.Compile(filepath.Join("..", "..", "docs", "schema", "corroborate-1.1.schema.json"))
	if err != nil {
		t.Fatalf("compiling schema: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("output does not follow the schema: %v", err)
	}
	var o report.Output
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, d := range o.Documents {
		texts[d.ID] = d.Text
	}
	if len(o.Documents) != 3 {
		t.Errorf("want the 3 demo reports analysed (the paywalled stub set aside), got %d", len(o.Documents))
	}
	check := func(what string, c document.Citation) {
		t.Helper()
		txt, ok := texts[c.Doc]
		if !ok {
			t.Errorf("%s cites unknown document %q", what, c.Doc)
			return
		}
		if c.Start < 0 || c.Start >= c.End || c.End > len(txt) {
			t.Errorf("%s cites [%d,%d) outside %s (%d bytes)", what, c.Start, c.End, c.Doc, len(txt))
		}
	}
	if len(o.Summary) == 0 || len(o.Entities) == 0 || len(o.Timeline) == 0 {
		t.Fatalf("empty summary, entities or timeline: %d %d %d", len(o.Summary), len(o.Entities), len(o.Timeline))
	}
	for _, s := range o.Summary {
		if len(s.Sources) == 0 {
			t.Errorf("summary sentence without a citation: %q", s.Text)
		}
		for _, c := range s.Sources {
			check("summary", c)
		}
	}
	for _, e := range o.Timeline {
		for _, c := range e.Sources {
			check("timeline", c)
		}
	}
	for _, e := range o.Entities {
		for _, m := range e.Mentions {
			check("entity "+e.Name, m.Citation)
			if got := texts[m.Doc][m.Start:m.End]; got != m.Text {
				t.Errorf("entity mention %q does not match its span text %q", m.Text, got)
			}
		}
	}
	for _, d := range o.Disagreements {
		for _, v := range d.Values {
			for _, c := range v.Sources {
				check("disagreement", c)
			}
		}
	}
	for _, q := range o.Quotes {
		check("quote", document.Citation{Doc: q.Doc, Start: q.Start, End: q.End})
	}
}

func TestDemoMarkdownGolden(t *testing.T) {
	out, stderr, err := runToFile(t, "demo")
	if err != nil {
		t.Fatalf("demo failed: %v\n%s", err, stderr)
	}
	golden.Check(t, filepath.Join("testdata", "demo.golden.md"), []byte(out))
}

func TestBadInputsAreNamedAndTheRestCompletes(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB file")
	}
	dir := t.TempDir()
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	filler := strings.Repeat("Volunteers filled sandbags along the embankment while engineers checked the pumps. ", 6)
	good := "Flood waters reach the old market\n\nThe river rose two metres overnight and flooded the old market in the town of Qurna, the mayor said on Sunday. Shopkeepers moved their goods to the upper floors. " + filler + "\n"
	write("good.txt", []byte(good))
	write("empty.txt", nil)
	write("image.png", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 3}, 256)...))
	write("latin1.txt", []byte("Caf\xe9 owners in the old quarter said the flood was the worst in memory. The mayor promised \x93quick help\x94 on Sunday. "+filler+"\n"))
	write("huge.txt", bytes.Repeat([]byte("word "), 10<<20)) // 50 MB
	write("truncated.html", []byte("<html><head><title>Cut off</title></head><body><article><p>The council met on Monday to discuss the flood. Members argued for hours about the budget for repairs and the new dyke along the river. "+filler+" The engineers warned that the riv"))
	var deep strings.Builder
	deep.WriteString("<html><body>")
	for i := 0; i < 20000; i++ {
		deep.WriteString("<div>")
	}
	deep.WriteString("<p>Deeply nested text about the flood in the market town, told by a shopkeeper who lost his stock. " + filler + "</p>")
	write("deep.html", []byte(deep.String()))
	write("records.jsonl", []byte("{\"title\":\"One\",\"maintext\":\"The dyke held through the night, engineers said on Monday after inspecting it. "+filler+"\"}\n{not json\n"))

	out, stderr, err := runToFile(t, "analyze", dir, "--format", "json")
	if !errors.Is(err, errPartial) {
		t.Fatalf("want a partial-failure result, got %v\n%s", err, stderr)
	}
	for _, name := range []string{"empty.txt", "image.png", "huge.txt", "records.jsonl"} {
		if !strings.Contains(stderr, name) {
			t.Errorf("stderr does not name bad input %s:\n%s", name, stderr)
		}
	}
	var o report.Output
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatalf("no JSON account despite bad inputs: %v", err)
	}
	ids := map[string]bool{}
	for _, d := range o.Documents {
		ids[d.ID] = true
	}
	for _, want := range []string{"good", "latin1", "truncated", "records-1"} {
		if !ids[want] {
			t.Errorf("document %s missing from the account; have %v", want, ids)
		}
	}
	for _, d := range o.Documents {
		if d.ID == "latin1" && !strings.Contains(d.Text, "Café") {
			t.Errorf("windows-1252 text not decoded: %q", d.Text)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"analyze"}, {"analyze", "x", "--format", "pdf"}, {"eval", "nope"}, {"analyze", "--no-such-flag"}} {
		_, _, err := execute(t, args...)
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("%v: want a usage error, got %v", args, err)
		}
	}
}
