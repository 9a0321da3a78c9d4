package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Fixture texts, written for these tests.
const (
	arabicStory = "قال مسؤول في بلدية البصرة إن فرق الدفاع المدني أخمدت حريقا كبيرا اندلع في مستودع للأقمشة قرب السوق القديم مساء الأحد، " +
		"وأضاف أن الحريق لم يسفر عن إصابات لكن الخسائر المادية كانت كبيرة. وأكد شهود عيان أن الدخان غطى الحي لساعات طويلة قبل أن تتم السيطرة على النيران."
	curlyStory = "The harbour master said \u201cthe ferry will sail again on Friday\u201d \u2014 but the union\u2019s spokesman wasn\u2019t so sure\u2026 " +
		"\u201cWe\u2019ve heard promises before,\u201d he told reporters outside the terminal."
	plainStory = "A small earthquake shook the coastal town of Port Ellery on Tuesday morning.\n\nNo injuries were reported, officials said.\n"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding fixture: %v", err)
	}
	return b
}

func gz(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func TestReadFormats(t *testing.T) {
	u16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	u16be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	u16noBOM := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	type want struct {
		docs     int
		format   document.Format
		encoding string
		id       string
		raw      string // substring of the first document's Raw
		docProbs int    // problems recorded on the first document
		errKind  error  // kind of the first returned problem
		errText  string // substring of the first returned problem
	}
	cases := []struct {
		name    string
		file    string
		content func(t *testing.T) []byte
		max     int64
		want    want
	}{
		{"plain utf-8", "quake.txt", func(*testing.T) []byte { return []byte(plainStory) },
			0, want{docs: 1, format: document.FormatText, encoding: "utf-8", id: "quake", raw: "Port Ellery"}},
		{"utf-8 bom", "bom.txt", func(*testing.T) []byte { return append([]byte("\xef\xbb\xbf"), plainStory...) },
			0, want{docs: 1, format: document.FormatText, encoding: "utf-8", raw: "A small earthquake"}},
		{"windows-1256 arabic", "basra.txt", func(t *testing.T) []byte { return encode(t, charmap.Windows1256, arabicStory) },
			0, want{docs: 1, format: document.FormatText, encoding: "windows-1256", raw: "فرق الدفاع المدني"}},
		{"windows-1252 curly quotes", "ferry.txt", func(t *testing.T) []byte { return encode(t, charmap.Windows1252, curlyStory) },
			0, want{docs: 1, format: document.FormatText, encoding: "windows-1252", raw: "\u201cthe ferry will sail again on Friday\u201d"}},
		{"utf-16le bom", "u16le.txt", func(t *testing.T) []byte { return encode(t, u16le, curlyStory) },
			0, want{docs: 1, encoding: "utf-16le", raw: "union\u2019s spokesman"}},
		{"utf-16be bom arabic", "u16be.txt", func(t *testing.T) []byte { return encode(t, u16be, arabicStory) },
			0, want{docs: 1, encoding: "utf-16be", raw: "السوق القديم"}},
		{"utf-16le without bom", "nobom.txt", func(t *testing.T) []byte { return encode(t, u16noBOM, plainStory) },
			0, want{docs: 1, encoding: "utf-16le", raw: "coastal town"}},
		{"utf-16 odd length", "odd.txt", func(t *testing.T) []byte { b := encode(t, u16le, plainStory); return b[:len(b)-1] },
			0, want{docs: 1, encoding: "utf-16le", raw: "coastal town", docProbs: 1}},
		{"html by extension", "page.html", func(*testing.T) []byte { return []byte("<p>Port Ellery quake</p>") },
			0, want{docs: 1, format: document.FormatHTML, id: "page", raw: "<p>Port Ellery"}},
		{"html by content", "page.txt", func(*testing.T) []byte { return []byte("\n<!DOCTYPE html><html><body>hi</body></html>") },
			0, want{docs: 1, format: document.FormatHTML}},
		{"html meta charset", "meta.htm", func(t *testing.T) []byte {
			return append([]byte(`<html><head><meta charset="windows-1256"></head><body><p>`), encode(t, charmap.Windows1256, "الحريق في البصرة</p></body></html>")...)
		}, 0, want{docs: 1, format: document.FormatHTML, encoding: "windows-1256", raw: "الحريق في البصرة"}},
		{"html meta lies, bytes are utf-8", "lie.html", func(*testing.T) []byte {
			return []byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>` + curlyStory + `</body></html>`)
		}, 0, want{docs: 1, encoding: "utf-8", raw: "union\u2019s"}},
		{"truncated utf-8", "cut.txt", func(*testing.T) []byte { return []byte("The port reopened \xe2\x80") },
			0, want{docs: 1, encoding: "utf-8", raw: "reopened \ufffd", docProbs: 1}},
		{"stray control characters", "ctl.txt", func(*testing.T) []byte { return []byte("Port\x00 Ellery\x07 quake\x1b") },
			0, want{docs: 1, raw: "Port Ellery quake"}},
		{"gzip with .gz name", "quake.txt.gz", func(t *testing.T) []byte { return gz(t, []byte(plainStory)) },
			0, want{docs: 1, format: document.FormatText, id: "quake", raw: "Port Ellery"}},
		{"html.gz", "page.html.gz", func(t *testing.T) []byte { return gz(t, []byte("<p>x</p>")) },
			0, want{docs: 1, format: document.FormatHTML, id: "page"}},
		{"truncated gzip keeps what decompressed", "cut.txt.gz", func(t *testing.T) []byte {
			b := gz(t, []byte(strings.Repeat(plainStory, 50)))
			return b[:len(b)-12]
		}, 0, want{docs: 1, raw: "Port Ellery", docProbs: 1}},
		{"gzip without .gz name", "quake.bin", func(t *testing.T) []byte { return gz(t, []byte(plainStory)) },
			0, want{errKind: ErrBinary, errText: "gzip"}},
		{"png", "photo.txt", func(*testing.T) []byte { return []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") },
			0, want{errKind: ErrBinary, errText: "PNG image"}},
		{"pdf", "report.txt", func(*testing.T) []byte { return []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj") },
			0, want{errKind: ErrBinary, errText: "PDF document"}},
		{"zip", "story.docx", func(*testing.T) []byte { return []byte("PK\x03\x04\x14\x00\x06\x00") },
			0, want{errKind: ErrBinary, errText: "ZIP archive"}},
		{"short random bytes", "blob.txt", func(*testing.T) []byte {
			return []byte("\x8f\x03\xd1\x9aK\x17\xee\x02\xb4q\xc9\x1e\xfa\x95\x06\xa3\x7f\xd8\x1bZ\xe4\x90\x11\xbb\xc6\x05")
		}, 0, want{errKind: ErrBinary, errText: "not text"}},
		{"nul bytes", "blob", func(*testing.T) []byte { return bytes.Repeat([]byte("ab\x00\x01\x02\x03\xff"), 100) },
			0, want{errKind: ErrBinary, errText: "binary input"}},
		{"empty", "empty.txt", func(*testing.T) []byte { return nil },
			0, want{errKind: ErrEmpty, errText: "empty input"}},
		{"whitespace only", "blank.txt", func(*testing.T) []byte { return []byte(" \n\t\u00a0\r\n ") },
			0, want{errKind: ErrWhitespace, errText: "only whitespace"}},
		{"over max bytes", "long.txt", func(*testing.T) []byte { return bytes.Repeat([]byte("word "), 100) },
			100, want{errKind: ErrTooLarge, errText: "500 bytes, over the 100 bytes limit; raise --max-bytes"}},
		{"gzip bomb over max", "bomb.txt.gz", func(t *testing.T) []byte { return gz(t, bytes.Repeat([]byte("a"), 4096)) },
			1024, want{errKind: ErrTooLarge, errText: "decompressed input is larger than the 1 KiB limit"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, tc.file)
			if err := os.WriteFile(path, tc.content(t), 0o644); err != nil {
				t.Fatal(err)
			}
			docs, probs := Read(context.Background(), []string{path}, Options{MaxBytes: tc.max})
			if len(docs) != tc.want.docs {
				t.Fatalf("got %d documents, want %d (problems: %v)", len(docs), tc.want.docs, probs)
			}
			if tc.want.errKind != nil {
				if len(probs) == 0 {
					t.Fatalf("no problem, want %v", tc.want.errKind)
				}
				if !errors.Is(probs[0], tc.want.errKind) {
					t.Errorf("problem %q is not %v", probs[0].Error(), tc.want.errKind)
				}
				if !strings.Contains(probs[0].Error(), tc.want.errText) || !strings.HasPrefix(probs[0].Error(), path+": ingest: ") {
					t.Errorf("problem %q should name %s and say %q", probs[0].Error(), path, tc.want.errText)
				}
				return
			}
			if len(probs) > 0 {
				t.Fatalf("unexpected problems: %v", probs)
			}
			d := docs[0]
			if d.Source != path {
				t.Errorf("Source = %q, want %q", d.Source, path)
			}
			if tc.want.format != "" && d.Format != tc.want.format {
				t.Errorf("Format = %q, want %q", d.Format, tc.want.format)
			}
			if tc.want.encoding != "" && d.Encoding != tc.want.encoding {
				t.Errorf("Encoding = %q, want %q", d.Encoding, tc.want.encoding)
			}
			if tc.want.id != "" && d.ID != tc.want.id {
				t.Errorf("ID = %q, want %q", d.ID, tc.want.id)
			}
			if !strings.Contains(d.Raw, tc.want.raw) {
				t.Errorf("Raw = %q, want it to contain %q", d.Raw, tc.want.raw)
			}
			if len(d.Problems) != tc.want.docProbs {
				t.Errorf("document problems = %v, want %d", d.Problems, tc.want.docProbs)
			}
			if strings.HasPrefix(d.Raw, "\ufeff") {
				t.Errorf("Raw keeps the byte-order mark")
			}
			if d.Extracted != "" {
				t.Errorf("Extracted = %q, want empty for %s input", d.Extracted, d.Format)
			}
		})
	}
}

func TestReadHugeFileIsRefusedWithoutReading(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse 50 MiB file: created instantly, and Read must not load it.
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	docs, probs := Read(context.Background(), []string{path}, Options{})
	if len(docs) != 0 || len(probs) != 1 {
		t.Fatalf("got %d docs, problems %v", len(docs), probs)
	}
	want := path + ": ingest: input is 52 MB, over the 20 MiB limit; raise --max-bytes"
	if probs[0].Error() != want {
		t.Errorf("problem = %q\nwant      %q", probs[0].Error(), want)
	}
}

func TestReadStdin(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		stdin   string
		ids     []string
		format  document.Format
		problem string
	}{
		{"text", []string{"-"}, plainStory, []string{"stdin"}, document.FormatText, ""},
		{"html", []string{"-"}, "<html><body><p>x</p></body></html>", []string{"stdin"}, document.FormatHTML, ""},
		{"jsonl sniffed", []string{"-"}, `{"title":"A","maintext":"one"}` + "\n" + `{"title":"B","text":"two"}` + "\n", []string{"stdin-1", "stdin-2"}, document.FormatRecord, ""},
		{"json array sniffed", []string{"-"}, `[{"maintext":"one"},{"maintext":"two"}]`, []string{"stdin-1", "stdin-2"}, document.FormatRecord, ""},
		{"named twice", []string{"-", "-"}, plainStory, []string{"stdin"}, document.FormatText, "standard input named twice"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			docs, probs := Read(context.Background(), tc.args, Options{Stdin: strings.NewReader(tc.stdin)})
			var ids []string
			for _, d := range docs {
				ids = append(ids, d.ID)
				if d.Format != tc.format {
					t.Errorf("%s: Format = %q, want %q", d.ID, d.Format, tc.format)
				}
			}
			if strings.Join(ids, ",") != strings.Join(tc.ids, ",") {
				t.Errorf("ids = %v, want %v", ids, tc.ids)
			}
			if tc.problem == "" && len(probs) > 0 {
				t.Errorf("unexpected problems %v", probs)
			}
			if tc.problem != "" && (len(probs) != 1 || !strings.Contains(probs[0].Error(), tc.problem)) {
				t.Errorf("problems = %v, want one saying %q", probs, tc.problem)
			}
		})
	}
	_, probs := Read(context.Background(), []string{"-"}, Options{})
	if len(probs) != 1 || !strings.Contains(probs[0].Error(), "no standard input") {
		t.Errorf("nil Stdin: problems = %v", probs)
	}
}

func TestReadMissingAndUnreadable(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope.txt")
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte(plainStory), 0o644)
	docs, probs := Read(context.Background(), []string{missing, good}, Options{})
	if len(docs) != 1 || docs[0].ID != "good" {
		t.Errorf("the readable input should still be read: %v", docs)
	}
	if len(probs) != 1 || !errors.Is(probs[0], ErrNotFound) || probs[0].Source != missing {
		t.Errorf("problems = %v, want one not-found naming %s", probs, missing)
	}

	_, probs = Read(context.Background(), []string{"https://example.org/story?id=1"}, Options{})
	if len(probs) != 1 || !strings.Contains(probs[0].Error(), "web address") {
		t.Errorf("URL argument: problems = %v", probs)
	}

	link := filepath.Join(dir, "dangling.txt")
	if err := os.Symlink(filepath.Join(dir, "gone"), link); err == nil {
		_, probs = Read(context.Background(), []string{link}, Options{})
		if len(probs) != 1 || !strings.Contains(probs[0].Error(), "broken symbolic link") {
			t.Errorf("dangling link: problems = %v", probs)
		}
	}

	if os.Geteuid() == 0 {
		t.Log("running as root: permission checks skipped")
		return
	}
	locked := filepath.Join(dir, "locked.txt")
	os.WriteFile(locked, []byte(plainStory), 0o000)
	_, probs = Read(context.Background(), []string{locked}, Options{})
	if len(probs) != 1 || !errors.Is(probs[0], ErrPermission) {
		t.Errorf("unreadable file: problems = %v", probs)
	}
}

func TestReadCancelled(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(plainStory), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	docs, probs := Read(ctx, []string{dir}, Options{})
	if len(docs) != 0 || len(probs) != 1 || !errors.Is(probs[0], context.Canceled) {
		t.Errorf("cancelled read: %d docs, problems %v", len(docs), probs)
	}
}

func TestReadPublishedOption(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(plainStory), 0o644)
	os.WriteFile(filepath.Join(dir, "b.jsonl"), []byte(`{"maintext":"x","date_publish":"2019-01-02 10:00:00"}`+"\n"), 0o644)
	docs, probs := Read(context.Background(), []string{dir}, Options{Published: "2020-07-06"})
	if len(probs) != 0 || len(docs) != 2 {
		t.Fatalf("docs %d, problems %v", len(docs), probs)
	}
	for _, d := range docs {
		if d.Published.Value != "2020-07-06" || d.Published.Source != "user" || d.Published.Precision != document.PrecisionDay {
			t.Errorf("%s: Published = %+v, want the user's day", d.ID, d.Published)
		}
	}
	docs, probs = Read(context.Background(), []string{dir}, Options{Published: "last tuesday-ish"})
	if len(docs) != 2 || len(probs) != 1 || probs[0].Source != "--published" {
		t.Errorf("bad --published: docs %d, problems %v", len(docs), probs)
	}
}
