package warc

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
)

func TestDigest(t *testing.T) {
	// SHA-1 of "abc" is a9993e36…d89d (FIPS 180 test vector), in base32:
	if got, want := Digest([]byte("abc")), "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5"; got != want {
		t.Errorf("Digest(abc) = %s, want %s", got, want)
	}
}

func TestRecordIDsAreUniqueUUIDs(t *testing.T) {
	uuid := regexp.MustCompile(`^<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>$`)
	seen := map[string]bool{}
	// Two writers, as two runs writing two archives: ids must not repeat.
	for run := 0; run < 2; run++ {
		var buf bytes.Buffer
		w := NewWriter(&buf, false)
		for i := 0; i < 50; i++ {
			if err := w.WriteRecord(TypeResource, nil, []byte("x")); err != nil {
				t.Fatal(err)
			}
		}
		r, _ := NewReader(&buf)
		for {
			rec, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			id := rec.Get("WARC-Record-ID")
			if !uuid.MatchString(id) || seen[id] {
				t.Fatalf("record id %q malformed or repeated", id)
			}
			seen[id] = true
		}
	}
}

func TestWriterDigestsReadBack(t *testing.T) {
	var buf bytes.Buffer
	body := []byte("<p>The ferry resumed service.</p>")
	header := map[string]string{"Content-Type": "text/html", "Content-Length": "999", "Transfer-Encoding": "chunked"}
	if err := NewWriter(&buf, true).WriteResponse("https://news.example/ferry", when, header, body); err != nil {
		t.Fatal(err)
	}
	r, err := NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	block, _ := io.ReadAll(rec.Body)
	if got := rec.Get("WARC-Block-Digest"); got != Digest(block) {
		t.Errorf("block digest %s, block hashes to %s", got, Digest(block))
	}
	if got := rec.Get("WARC-Payload-Digest"); got != Digest(body) {
		t.Errorf("payload digest %s, want %s", got, Digest(body))
	}
	if strings.Contains(string(block), "999") || strings.Contains(string(block), "chunked") ||
		!strings.Contains(string(block), "Content-Length: 33\r\n") {
		t.Errorf("stale length headers kept:\n%s", block)
	}
}

func TestWriterRefusesBrokenFields(t *testing.T) {
	cases := []struct {
		name  string
		write func(w *Writer) error
		want  string
	}{
		{"line break in URI", func(w *Writer) error {
			return w.WriteRecord(TypeResource, []Field{{"WARC-Target-URI", "https://x.example/a\r\nWARC-Type: revisit"}}, nil)
		}, "control character"},
		{"space in name", func(w *Writer) error {
			return w.WriteRecord(TypeResource, []Field{{"Bad Name", "v"}}, nil)
		}, `field name "Bad Name"`},
		{"empty name", func(w *Writer) error { return w.WriteRecord(TypeResource, []Field{{"", "v"}}, nil) }, "empty field name"},
		{"empty type", func(w *Writer) error { return w.WriteRecord("", nil, nil) }, "bad record type"},
		{"HTTP header with newline", func(w *Writer) error {
			return w.WriteResponse("https://x.example/", when, map[string]string{"Set-Cookie": "a\nb"}, nil)
		}, "HTTP header"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := tc.write(NewWriter(&buf, false))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written for a refused record", buf.Len())
			}
		})
	}
}
