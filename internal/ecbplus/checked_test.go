package ecbplus

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCheckedSentences(t *testing.T) {
	path := filepath.Join(t.TempDir(), CheckedFile)
	if err := os.WriteFile(path, []byte("Topic,File,Sentence Number\n1,10ecbplus,3\n 2 , 4ecb ,0\nshort,row\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := CheckedSentences(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !got["1/10ecbplus/3"] || !got["2/4ecb/0"] {
		t.Errorf("CheckedSentences = %v", got)
	}
	if _, err := CheckedSentences(filepath.Join(t.TempDir(), "missing.csv")); err == nil {
		t.Error("a missing list gave no error")
	}
}
