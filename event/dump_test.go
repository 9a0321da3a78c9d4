package event

import (
	"context"
	"os"
	"testing"
)

// TestDump prints the events of the file named by EVENT_DUMP (a
// development aid; skipped otherwise).
func TestDump(t *testing.T) {
	path := os.Getenv("EVENT_DUMP")
	if path == "" {
		t.Skip("set EVENT_DUMP to a text file to print its events")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := prepare(t, "dump", string(b), os.Getenv("EVENT_DUMP_PUB"))
	x, err := New(Options{RulesOnly: os.Getenv("EVENT_RULES") != ""})
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, m := range d.Events {
		t.Logf("s%d %s", m.Sentence, describe(m))
	}
}
