package evaltest

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestParseMetric(t *testing.T) {
	tests := []struct {
		name, out, metric string
		want              float64
		wantErr           bool
	}{
		{"plain", "table\nF1 0.9123\n", "F1", 0.9123, false},
		{"trailing blank lines", "x\nrecall 1.0000\n\n", "recall", 1, false},
		{"other metric", "x\nPairF1 0.5\n", "F1", 0, true},
		{"extra field", "x\nF1 0.5 (n=3)\n", "F1", 0, true},
		{"not a number", "x\nF1 high\n", "F1", 0, true},
		{"empty output", "", "F1", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseMetric(tt.out, tt.metric)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("%s: ParseMetric = %v, %v; want %v, error %v", tt.name, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestLimit(t *testing.T) {
	t.Setenv(FullEnv, "")
	if got := Limit(12); got != 12 {
		t.Errorf("Limit(12) = %d without %s, want 12", got, FullEnv)
	}
	t.Setenv(FullEnv, "1")
	if got := Limit(12); got != 0 {
		t.Errorf("Limit(12) = %d with %s set, want 0", got, FullEnv)
	}
}

func TestWriteFiles(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "a", "b", "index.json")
	WriteFile(t, plain, "{}")
	if b, err := os.ReadFile(plain); err != nil || string(b) != "{}" {
		t.Errorf("WriteFile wrote %q, %v", b, err)
	}
	gz := filepath.Join(dir, "html", "p.html.gz")
	WriteGzip(t, gz, "<p>The tide turned.</p>")
	f, err := os.Open(gz)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("WriteGzip wrote no gzip stream: %v", err)
	}
	if b, err := io.ReadAll(zr); err != nil || string(b) != "<p>The tide turned.</p>" {
		t.Errorf("WriteGzip round trip = %q, %v", b, err)
	}
}
