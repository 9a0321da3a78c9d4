package resolve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseAliases(t *testing.T) {
	in := "# user aliases\n\nsame: Nabil Rafi = Abu Karim = N. Rafi\ndifferent: Khamenei != Khomeini\n"
	r, err := ParseAliases(strings.NewReader(in), "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Same) != 1 || len(r.Same[0]) != 3 || r.Same[0][1] != "Abu Karim" {
		t.Errorf("same = %v", r.Same)
	}
	if len(r.Different) != 1 || r.Different[0] != [2]string{"Khamenei", "Khomeini"} {
		t.Errorf("different = %v", r.Different)
	}
}

func TestParseAliasesErrors(t *testing.T) {
	bad := []struct{ in, want string }{
		{"Nabil Rafi = Abu Karim", "line 1"},
		{"same: Nabil Rafi", "at least two"},
		{"same: A = = B", "empty name"},
		{"same: A != B", "not \"!=\""},
		{"different: A = B", "exactly two"},
		{"different: A != B != C", "exactly two"},
		{"maybe: A = B", "unknown statement"},
	}
	for _, b := range bad {
		_, err := ParseAliases(strings.NewReader(b.in), "aliases.txt")
		if err == nil || !strings.Contains(err.Error(), b.want) || !strings.Contains(err.Error(), "aliases.txt") {
			t.Errorf("ParseAliases(%q) error = %v, want one naming the file and containing %q", b.in, err, b.want)
		}
	}
}

func TestNewAliasFile(t *testing.T) {
	if _, err := New(Options{AliasFile: filepath.Join(t.TempDir(), "missing.txt")}); err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing alias file: err = %v", err)
	}
	p := filepath.Join(t.TempDir(), "aliases.txt")
	if err := os.WriteFile(p, []byte("same: ... = Abu Karim\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{AliasFile: p}); err == nil || !strings.Contains(err.Error(), "no letters") {
		t.Errorf("alias without letters: err = %v", err)
	}
}
