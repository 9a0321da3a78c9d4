package coref

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/coref"
)

// An invented GAP-format file: two examples written for this test.
const invented = "ID\tText\tPronoun\tPronoun-offset\tA\tA-offset\tA-coref\tB\tB-offset\tB-coref\tURL\n" +
	"t-1\tOmar Said met Lina Haddad in Mosul. He said the talks went well.\tHe\t36\tOmar Said\t0\tTRUE\tLina Haddad\t14\tFALSE\thttp://x\n" +
	"t-2\tÉmile Roux, a painter, moved to Lyon. His work sold well.\tHis\t38\tÉmile Roux\t0\tTRUE\tLyon\t32\tFALSE\thttp://x\n"

func TestReadAndScoreInvented(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "gap-test.tsv")
	if err := os.WriteFile(path, []byte(invented), 0o644); err != nil {
		t.Fatal(err)
	}
	exs, err := ReadGAP(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(exs) != 2 || exs[1].Text[exs[1].POff:exs[1].POff+3] != "His" {
		t.Fatalf("read %d examples, offsets not converted to bytes: %+v", len(exs), exs)
	}
	ps, err := Prepare(context.Background(), exs)
	if err != nil {
		t.Fatal(err)
	}
	all, _, _, err := Score(context.Background(), coref.New(coref.Options{}), ps)
	if err != nil {
		t.Fatal(err)
	}
	if all.TP != 2 || all.FP != 0 {
		t.Errorf("counts %+v, want both pronouns linked to A", all)
	}
	var out strings.Builder
	if err := Run(context.Background(), dir, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; last != "F1 1.0000" {
		t.Errorf("last line %q, want F1 1.0000:\n%s", last, out.String())
	}
}

func TestReadGAPErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.tsv")
	os.WriteFile(bad, []byte("ID\tText\n1\tshort\n"), 0o644)
	if _, err := ReadGAP(bad); err == nil || !strings.Contains(err.Error(), "bad.tsv") {
		t.Errorf("short row: error %v should name the file", err)
	}
	off := filepath.Join(dir, "off.tsv")
	os.WriteFile(off, []byte(strings.Replace(invented, "\t36\t", "\t30\t", 1)), 0o644)
	if _, err := ReadGAP(off); err == nil {
		t.Error("offsets that miss the pronoun: no error")
	}
	if err := Run(context.Background(), filepath.Join(dir, "none"), &strings.Builder{}); err == nil {
		t.Error("missing folder: no error")
	}
}
