package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/corroborate/corroborate/demo"
)

// TestCommandFlags pins the flags each command registers: a command lists
// only the flags it honours, so that one it would ignore is refused as
// unknown (exit 2) instead of being silently dropped.
func TestCommandFlags(t *testing.T) {
	reading := []string{"published", "max-bytes"}
	analysisFlags := []string{"alias-file", "workers", "keep-flagged"}
	progress := []string{"quiet"}
	sources := []string{"urls", "warc"}
	fetching := []string{"allow-private", "state", "archive", "fetch-timeout"}
	output := []string{"format", "output"}
	serving := []string{"data", "addr", "token", "max-body", "rate", "wait", "feeds", "feed-interval"}
	distributed := []string{"store", "queue", "queue-name", "ack-wait", "max-deliver"}
	cat := func(groups ...[]string) []string { return slices.Concat(groups...) }
	tests := []struct {
		cmd  string
		want []string
	}{
		{"analyze", cat(output, reading, analysisFlags, progress, []string{"summary-sentences"}, sources, fetching)},
		{"fetch", cat(output, reading, analysisFlags, progress, []string{"summary-sentences"}, fetching)},
		{"entities", cat(output, reading, analysisFlags, progress, sources, fetching)},
		{"demo", cat(output, analysisFlags, []string{"summary-sentences", "serve"}, serving)},
		{"serve", cat(serving, distributed, []string{"work", "republish"}, reading, analysisFlags, []string{"summary-sentences", "allow-private", "fetch-timeout"})},
		{"worker", cat(distributed, reading, analysisFlags, []string{"summary-sentences", "allow-private", "fetch-timeout"})},
		{"cluster", cat(output, reading, analysisFlags, progress, []string{"summary-sentences"}, sources, fetching, []string{"analyze", "threshold", "window"})},
	}
	root := newRoot()
	for _, tt := range tests {
		cmd, _, err := root.Find([]string{tt.cmd})
		if err != nil || cmd.Name() != tt.cmd {
			t.Fatalf("command %s not found: %v", tt.cmd, err)
		}
		if got, want := flagNames(cmd), sorted(tt.want); !slices.Equal(got, want) {
			t.Errorf("%s flags = %v, want %v", tt.cmd, got, want)
		}
	}
}

func flagNames(cmd *cobra.Command) []string {
	var names []string
	cmd.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	return sorted(names)
}

func sorted(xs []string) []string {
	xs = slices.Clone(xs)
	sort.Strings(xs)
	return xs
}

// TestUsageErrorsExit2 runs command lines a new user might try and checks
// each is a usage error with exit status 2 and a message naming the fault;
// flags a command does not honour are refused before anything is read.
func TestUsageErrorsExit2(t *testing.T) {
	tests := []struct {
		args []string
		want string // in the message
	}{
		{[]string{"bogus"}, `unknown command "bogus"`},
		{[]string{"analyse", "x.txt"}, `unknown command "analyse"`},
		{[]string{"entities", "x.txt", "--format", "html"}, `--format "html": want md or json`},
		{[]string{"entities", "x.txt", "--format", "timelinejs"}, `want md or json`},
		{[]string{"entities", "x.txt", "--summary-sentences", "3"}, "unknown flag: --summary-sentences"},
		{[]string{"entities"}, "entities needs at least one input"},
		{[]string{"demo", "--urls", "/nonexistent"}, "unknown flag: --urls"},
		{[]string{"demo", "--warc", "/nonexistent.warc"}, "unknown flag: --warc"},
		{[]string{"demo", "--state", "/tmp/x"}, "unknown flag: --state"},
		{[]string{"demo", "--format", "pdf"}, "want md, json, html or timelinejs"},
		{[]string{"fetch", "https://example.org/rss", "--warc", "x.warc"}, "unknown flag: --warc"},
		{[]string{"analyze", "x.txt", "--format", "csv"}, "want md, json, html or timelinejs"},
		{[]string{"worker", "--store", "sqlite:/tmp/x", "--queue", "nats://127.0.0.1:4222"}, "worker needs --store postgres://"},
		{[]string{"worker", "--store", "postgres://u@127.0.0.1:1/db"}, "worker needs --queue nats://"},
		{[]string{"worker", "--republish", "1m"}, "unknown flag: --republish"},
		{[]string{"store", "migrate", "--from", "/tmp/x", "--to", "postgres://u@127.0.0.1:1/db"}, "--from must be sqlite:DIR"},
		{[]string{"store", "migrate", "--from", "sqlite:/tmp/x", "--to", "/tmp/y"}, "--to must be postgres://"},
	}
	for _, tt := range tests {
		_, stderr, err := execute(t, tt.args...)
		var msg bytes.Buffer
		if code := exitCode(err, &msg); code != exitUsage {
			t.Errorf("%v: exit %d (err %v), want %d", tt.args, code, err, exitUsage)
			continue
		}
		if !strings.Contains(msg.String(), tt.want) {
			t.Errorf("%v: message %q does not say %q", tt.args, msg.String(), tt.want)
		}
		if strings.Contains(stderr, "document(s) analysed") {
			t.Errorf("%v: inputs were read despite the usage error:\n%s", tt.args, stderr)
		}
	}
}

// TestNothingAnalysedWritesNoAccount checks that an input that cannot be
// read, or one that is binary, ends with exit 1, a message naming it, and
// no account at all.
func TestNothingAnalysedWritesNoAccount(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such-report.txt")
	// Short random-looking bytes: too few for a control-byte count, but
	// not text either.
	binary := filepath.Join(dir, "blob.txt")
	if err := os.WriteFile(binary, []byte("\x8f\x03\xd1\x9aK\x17\xee\x02\xb4q\xc9\x1e\xfa\x95\x06\xa3\x7f\xd8\x1bZ\xe4\x90\x11\xbb\xc6\x05\x9e"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, input, reason string
	}{
		{"missing", missing, "no such file"},
		{"binary", binary, "binary input"},
	}
	for _, tt := range tests {
		for _, command := range []string{"analyze", "entities", "cluster"} {
			out := filepath.Join(t.TempDir(), "account")
			stdout, stderr, err := execute(t, command, tt.input, "--format", "json", "-o", out)
			var msg bytes.Buffer
			if code := exitCode(err, &msg); code != exitFatal {
				t.Errorf("%s %s: exit %d (err %v), want %d", command, tt.name, code, err, exitFatal)
			}
			written := "no account written"
			if command == "cluster" {
				written = "no stories written"
			}
			if !strings.Contains(msg.String(), tt.input) || !strings.Contains(msg.String(), written) {
				t.Errorf("%s %s: message %q does not name the input", command, tt.name, msg.String())
			}
			if !strings.Contains(stderr, tt.input) || !strings.Contains(stderr, tt.reason) {
				t.Errorf("%s %s: stderr does not give the input and %q:\n%s", command, tt.name, tt.reason, stderr)
			}
			if strings.Contains(stderr, "stub") {
				t.Errorf("%s %s: reported as a stub:\n%s", command, tt.name, stderr)
			}
			if _, serr := os.Stat(out); !errors.Is(serr, os.ErrNotExist) || stdout != "" {
				t.Errorf("%s %s: an account was written (stat %v, stdout %q)", command, tt.name, serr, stdout)
			}
		}
	}
}

// TestEntitiesWritesTheTableOnly checks both formats of entities: the text
// table and JSON holding only the entities, each valid against the
// account schema's entity definition.
func TestEntitiesWritesTheTableOnly(t *testing.T) {
	paths, err := demo.WriteTo(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	table, stderr, err := runToFile(t, append([]string{"entities"}, paths...)...)
	if err != nil {
		t.Fatalf("entities: %v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(table), "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[0], "| id | name |") || !strings.Contains(table, "| Laith al-Obaidi | PERSON |") {
		t.Errorf("no Markdown entity table written to -o:\n%s", table)
	}
	rows := len(lines) - 2 // header and rule

	out, stderr, err := runToFile(t, append([]string{"entities", "--format", "json"}, paths...)...)
	if err != nil {
		t.Fatalf("entities --format json: %v\n%s", err, stderr)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &top); err != nil {
		t.Fatalf("output is not a JSON object: %v\n%s", err, out)
	}
	var keys []string
	for k := range top {
		keys = append(keys, k)
	}
	if got := sorted(keys); !slices.Equal(got, []string{"entities", "generator"}) {
		t.Errorf("JSON keys %v, want only entities and generator", got)
	}
	var ents []any
	if err := json.Unmarshal(top["entities"], &ents); err != nil {
		t.Fatal(err)
	}
	if len(ents) != rows {
		t.Errorf("%d entities in JSON, %d rows in the table", len(ents), rows)
	}
	sch, err := jsonschema.NewCompiler().Compile(filepath.Join("..", "..", "docs", "schema", "corroborate-1.1.schema.json") + "#/$defs/entity")
	if err != nil {
		t.Fatalf("compiling the entity schema: %v", err)
	}
	for i, e := range ents {
		if err := sch.Validate(e); err != nil {
			t.Errorf("entity %d does not follow the schema: %v", i, err)
		}
	}
}
