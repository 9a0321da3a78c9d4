package warc

import (
	"bytes"
	"io"
	"testing"
)

// FuzzReader checks that malformed archives give errors, never panics or
// endless loops.
func FuzzReader(f *testing.F) {
	var buf bytes.Buffer
	w := NewWriter(&buf, false)
	w.WriteResponse("https://news.example/a", when, map[string]string{"Content-Type": "text/html"}, page("T", "Body."))
	f.Add(buf.Bytes())
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nabc"))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		for i := 0; i < 1000; i++ {
			rec, err := r.Next()
			if err != nil {
				break
			}
			io.Copy(io.Discard, rec.Body)
		}
	})
}
