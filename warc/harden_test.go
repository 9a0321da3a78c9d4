package warc

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// writeHugeLineGzip writes, as one gzip member, a WARC record whose second
// header line holds n bytes of 'A': about 1 MB of gzip for 1 GiB. The
// deflate stream is assembled from one compressed 1 MiB run repeated (each
// run's back-references stay inside itself), so that building the file
// takes a fraction of a second rather than compressing a gibibyte.
func writeHugeLineGzip(w io.Writer, n int64) error {
	const chunk = 1 << 20
	deflate := func(data []byte, final bool) []byte {
		var b bytes.Buffer
		fw, _ := flate.NewWriter(&b, flate.BestCompression)
		fw.Write(data)
		if final {
			fw.Close()
		} else {
			fw.Flush()
		}
		return b.Bytes()
	}
	prefix := []byte("WARC/1.1\r\nWARC-Type: resource\r\nX-Padding: ")
	suffix := []byte("\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
	run := bytes.Repeat([]byte("A"), chunk)
	zrun := deflate(run, false)
	crc := crc32.ChecksumIEEE(prefix)
	if _, err := w.Write([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff}); err != nil {
		return err
	}
	w.Write(deflate(prefix, false))
	for left := n; left > 0; left -= chunk {
		if left < chunk {
			part := run[:left]
			crc = crc32.Update(crc, crc32.IEEETable, part)
			w.Write(deflate(part, false))
			break
		}
		crc = crc32.Update(crc, crc32.IEEETable, run)
		if _, err := w.Write(zrun); err != nil {
			return err
		}
	}
	crc = crc32.Update(crc, crc32.IEEETable, suffix)
	w.Write(deflate(suffix, true))
	var trailer [8]byte
	binary.LittleEndian.PutUint32(trailer[:4], crc)
	binary.LittleEndian.PutUint32(trailer[4:], uint32(int64(len(prefix))+n+int64(len(suffix))))
	_, err := w.Write(trailer[:])
	return err
}

// heapWatch samples the live heap every few milliseconds until stopped and
// reports the peak. When the heap passes abortAt it sets the abort flag, so
// that a reader without limits can be stopped before it takes the machine.
type heapWatch struct {
	peak  atomic.Uint64
	abort atomic.Bool
	done  chan struct{}
	wg    sync.WaitGroup
}

func watchHeap(abortAt uint64) *heapWatch {
	h := &heapWatch{done: make(chan struct{})}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > h.peak.Load() {
				h.peak.Store(ms.HeapAlloc)
			}
			if ms.HeapAlloc > abortAt {
				h.abort.Store(true)
			}
			select {
			case <-h.done:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	return h
}

func (h *heapWatch) stop() uint64 { close(h.done); h.wg.Wait(); return h.peak.Load() }

// abortable fails reads once the watch says so.
type abortable struct {
	r io.Reader
	h *heapWatch
}

func (a abortable) Read(p []byte) (int, error) {
	if a.h.abort.Load() {
		return 0, errors.New("test aborted the read: heap over the limit")
	}
	return a.r.Read(p)
}

// TestHugeHeaderLineIsRefused is issue 18's case: 1 MB of gzip holding one
// header line of 1 GiB. The reader must refuse the line quickly, naming the
// offset and the limit, with the heap far below 100 MB (the unbounded
// reader went to 3.8 GB; the watch stops it at 200 MB).
func TestHugeHeaderLineIsRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1 MB archive holding 1 GiB")
	}
	path := filepath.Join(t.TempDir(), "huge.warc.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeHugeLineGzip(f, 1<<30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	st, _ := os.Stat(path)
	if st.Size() > 2<<20 {
		t.Fatalf("test archive is %d bytes, want about 1 MB", st.Size())
	}
	f, _ = os.Open(path)
	defer f.Close()
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	h := watchHeap(200 << 20)
	start := time.Now()
	r, err := NewReader(abortable{f, h})
	if err != nil {
		t.Fatal(err)
	}
	var errs []error
	records := 0
	for i := 0; i < 100; i++ {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, err)
			if h.abort.Load() {
				break
			}
			continue
		}
		records++
		io.Copy(io.Discard, rec.Body)
	}
	elapsed := time.Since(start)
	peak := h.stop()
	grown := int64(peak) - int64(before.HeapAlloc)
	t.Logf("%d bytes of gzip: %d record(s), errors %v; heap grew by at most %.1f MB; %v", st.Size(), records, errs, float64(grown)/1e6, elapsed)
	if grown > 20<<20 {
		t.Errorf("heap grew by %.1f MB reading a 1 GiB header line, want under 20 MB", float64(grown)/1e6)
	}
	if elapsed > 10*time.Second {
		t.Errorf("took %v to refuse the line", elapsed)
	}
	if records != 0 || len(errs) == 0 {
		t.Fatalf("%d records read, errors %v: want the record refused", records, errs)
	}
	msg := errs[0].Error()
	if !strings.Contains(msg, "offset 0") || !strings.Contains(msg, "65536") || !strings.Contains(msg, "header line") {
		t.Errorf("error %q should name the header line, offset 0 and the 65536-byte limit", msg)
	}
}

// readAllRecords reads every record it can, going on after errors (at most
// 200), and returns the target URIs of records whose body was read whole
// without error, and the errors met.
func readAllRecords(t *testing.T, rd io.Reader) (uris []string, errs []error) {
	t.Helper()
	r, err := NewReader(rd)
	if err != nil {
		t.Fatal(err)
	}
	for len(errs) < 200 {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if _, err := io.Copy(io.Discard, rec.Body); err != nil {
			errs = append(errs, err)
			continue
		}
		uris = append(uris, rec.TargetURI())
	}
	return uris, errs
}

// TestConcurrentWritersDoNotInterleave appends 20 records from each of two
// goroutines, each with its own *os.File on the same path (as two runs of
// analyze --archive are), and reads all 40 back.
func TestConcurrentWritersDoNotInterleave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "same.warc.gz")
	var wg sync.WaitGroup
	para := strings.Repeat("Engineers inspected the bridge after the storm and found minor damage to two pylons. ", 400)
	for run := 0; run < 2; run++ {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := NewWriter(f, true)
			for i := 0; i < 20; i++ {
				// Pages that compress poorly enough to take several writes.
				body := page(fmt.Sprintf("Report %d/%d", run, i), fmt.Sprintf("%x %s", i*7919+run, para+strings.Repeat(fmt.Sprint(i, run), 3000)))
				if err := w.WriteResponse(fmt.Sprintf("https://news.example/%d/%d", run, i), when, map[string]string{"Content-Type": "text/html"}, body); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	f, _ := os.Open(path)
	defer f.Close()
	uris, errs := readAllRecords(t, f)
	if len(uris) != 40 {
		t.Errorf("read back %d of 40 records; errors %v", len(uris), errs)
	}
}

// damaged builds an archive of records 0–5 (gzip: one member each) and
// breaks it with damage, returning the bytes and the URIs that should be
// recovered.
func damaged(t *testing.T, compress bool, damage string) ([]byte, []string) {
	t.Helper()
	var members [][]byte
	var uris []string
	for i := 0; i < 6; i++ {
		var b bytes.Buffer
		uri := fmt.Sprintf("https://news.example/%d", i)
		if err := NewWriter(&b, compress).WriteResponse(uri, when, map[string]string{"Content-Type": "text/html"}, page(fmt.Sprint("T", i), strings.Repeat(fmt.Sprintf("Paragraph of story %d. ", i), 50))); err != nil {
			t.Fatal(err)
		}
		members = append(members, b.Bytes())
		uris = append(uris, uri)
	}
	want := append([]string{}, uris...)
	switch damage {
	case "garbage between records":
		members[2] = append([]byte("\x00\x01 this is not a record\r\n\r\nnor this\x8b\x1f\x08\r\n"), members[2]...)
		members[4] = append([]byte(strings.Repeat("junk line\n", 100)), members[4]...)
	case "content-length too large":
		members[2] = bytes.Replace(plainOf(t, members[2], compress), []byte("Content-Length: "), []byte("Content-Length: 9"), 1)
		if compress {
			members[2] = gz(members[2])
		}
		want = append(want[:2:2], want[3:]...)
	case "content-length too small":
		rec := plainOf(t, members[2], compress)
		i := bytes.Index(rec, []byte("\r\nContent-Length: ")) + len("\r\nContent-Length: ")
		j := bytes.Index(rec[i:], []byte("\r\n"))
		var n int
		fmt.Sscan(string(rec[i:i+j]), &n)
		rec = append(append(append([]byte{}, rec[:i]...), []byte(fmt.Sprint(n-40))...), rec[i+j:]...)
		members[2] = rec
		if compress {
			members[2] = gz(rec)
		}
		want = append(want[:2:2], want[3:]...)
	case "corrupt member":
		m := append([]byte{}, members[2]...)
		for k := len(m) / 3; k < len(m)/3+40; k++ {
			m[k] ^= 0x5a
		}
		members[2] = m
		want = append(want[:2:2], want[3:]...)
	case "truncated member":
		members[2] = members[2][:len(members[2])*2/3]
		want = append(want[:2:2], want[3:]...)
	default:
		t.Fatalf("unknown damage %q", damage)
	}
	return bytes.Join(members, nil), want
}

func plainOf(t *testing.T, b []byte, compressed bool) []byte {
	t.Helper()
	if !compressed {
		return append([]byte{}, b...)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func gz(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

// TestReaderResyncsAfterDamage breaks an archive of six records in the ways
// crashes, bad writers and disks do, plain and gzip-compressed, from a file
// (seekable) and from a pipe: every good record must be read back.
func TestReaderResyncsAfterDamage(t *testing.T) {
	damages := []string{"garbage between records", "content-length too large", "content-length too small", "corrupt member", "truncated member"}
	for _, compress := range []bool{false, true} {
		for _, damage := range damages {
			if !compress && (damage == "corrupt member" || damage == "truncated member") {
				continue
			}
			for _, seekable := range []bool{true, false} {
				t.Run(fmt.Sprintf("gzip=%v/%s/seekable=%v", compress, damage, seekable), func(t *testing.T) {
					data, want := damaged(t, compress, damage)
					var rd io.Reader = bytes.NewReader(data)
					if !seekable {
						rd = struct{ io.Reader }{rd}
					}
					got, errs := readAllRecords(t, rd)
					sort.Strings(got)
					if !seekable {
						// From a pipe the reader cannot go back: a record
						// whose Content-Length runs past the end takes the
						// rest of a plain stream with it, and a damaged
						// gzip member may take the next member.
						switch {
						case !compress && damage == "content-length too large":
							want = want[:2]
						case compress && (damage == "corrupt member" || damage == "truncated member"):
							if len(got) == len(want)-1 && !slices.Contains(got, want[2]) {
								want = slices.DeleteFunc(want, func(s string) bool { return s == want[2] })
							}
						}
					}
					if strings.Join(got, " ") != strings.Join(want, " ") {
						t.Errorf("recovered %q\nwant      %q\nerrors %v", got, want, errs[:min(len(errs), 5)])
					}
					if len(errs) == 0 {
						t.Errorf("the damage was not reported")
					}
				})
			}
		}
	}
}

// TestLimits passes each limit in turn, in a record between two good ones
// (one gzip member each): the record is skipped with a DamageError naming
// its offset and the limit, and both good records are read.
func TestLimits(t *testing.T) {
	good := func(i int) []byte {
		var b bytes.Buffer
		NewWriter(&b, true).WriteResponse(fmt.Sprintf("https://news.example/%d", i), when, map[string]string{"Content-Type": "text/html"}, page("T", "Body."))
		return b.Bytes()
	}
	record := func(header string, block []byte) []byte {
		return gz(append([]byte(fmt.Sprintf("WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: https://news.example/bad\r\n%sContent-Length: %d\r\n\r\n", header, len(block))), append(block, "\r\n\r\n"...)...))
	}
	lim := Limits{MaxLineBytes: 1000, MaxHeaderBytes: 10000, MaxRecordBytes: 50000, MaxRatio: 50}
	cases := []struct {
		name string
		bad  []byte
		want string
	}{
		{"header line", record("X-Long: "+strings.Repeat("a", 2000)+"\r\n", nil), "header line longer than the 1000-byte limit"},
		{"header block", record(strings.Repeat("X-Field: "+strings.Repeat("b", 100)+"\r\n", 200), nil), "header longer than the 10000-byte limit"},
		{"record", record("", bytes.Repeat([]byte("0123456789abcdef"), 5000)), "Content-Length 80000 is over the 50000-byte limit"},
		{"decompression ratio", record("", bytes.Repeat([]byte{'z'}, 40000)), "decompresses to more than 50 times its size"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.name == "decompression ratio" {
				lim.MaxRecordBytes = 10 << 20
				c.bad = record("", bytes.Repeat([]byte{'z'}, 4<<20))
			}
			first := good(0)
			data := bytes.Join([][]byte{first, c.bad, good(1)}, nil)
			r, err := NewReaderLimits(bytes.NewReader(data), lim)
			if err != nil {
				t.Fatal(err)
			}
			var uris []string
			var damage []error
			for {
				rec, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					if !errors.Is(err, ErrLimit) {
						t.Fatalf("error %v is not ErrLimit", err)
					}
					damage = append(damage, err)
					continue
				}
				if _, err := io.Copy(io.Discard, rec.Body); err != nil {
					damage = append(damage, err)
					continue
				}
				uris = append(uris, rec.TargetURI())
			}
			if strings.Join(uris, " ") != "https://news.example/0 https://news.example/1" {
				t.Errorf("records %q", uris)
			}
			if len(damage) != 1 || !strings.Contains(damage[0].Error(), c.want) || !strings.Contains(damage[0].Error(), fmt.Sprintf("offset %d", len(first))) {
				t.Errorf("damage %v, want one at offset %d saying %q", damage, len(first), c.want)
			}
		})
	}
}
