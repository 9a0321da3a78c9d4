package warc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"
	"time"
)

// FuzzReader checks that malformed archives, plain or gzip-compressed,
// give errors, never panics, and that the reader always moves on: every
// call to Next consumes input, so a stream of n bytes ends (io.EOF or a
// final error) within n+2 calls, and none takes seconds (a watchdog panics
// with the input, which the fuzzer then keeps as a crasher).
func FuzzReader(f *testing.F) {
	var buf bytes.Buffer
	w := NewWriter(&buf, false)
	w.WriteResponse("https://news.example/a", when, map[string]string{"Content-Type": "text/html"}, page("T", "Body."))
	f.Add(buf.Bytes())
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nabc"))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"))
	var z bytes.Buffer
	zw := NewWriter(&z, true)
	for i := 0; i < 3; i++ {
		zw.WritePage("https://news.example/a", when, map[string]string{"Content-Type": "text/html"}, page("T", "Body."))
	}
	f.Add(z.Bytes())
	broken := append([]byte{}, z.Bytes()...)
	broken[len(broken)/2] ^= 0xff
	f.Add(broken)
	f.Add(z.Bytes()[:len(z.Bytes())-20])
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan bool)
		go func() {
			select {
			case <-done:
			case <-time.After(3 * time.Second):
				panic(fmt.Sprintf("HANG %q", data))
			}
		}()
		defer close(done)
		r, err := NewReaderLimits(bytes.NewReader(data), Limits{MaxLineBytes: 256, MaxHeaderBytes: 1024, MaxRecordBytes: 4096, MaxSkipBytes: 512})
		if err != nil {
			return
		}
		for i := 0; ; i++ {
			if i > len(data)+2 {
				t.Fatalf("%d calls to Next on %d bytes", i, len(data))
			}
			rec, err := r.Next()
			var d *DamageError
			if errors.As(err, &d) {
				continue
			}
			if err != nil {
				break
			}
			io.Copy(io.Discard, rec.Body)
		}
	})
}
