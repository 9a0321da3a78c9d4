package ingest

import (
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// magic is a file signature: prefix bytes at an offset.
type magic struct {
	offset int
	prefix string
	name   string
}

// magics lists the signatures of common non-text files.
var magics = []magic{
	{0, "\x89PNG\r\n\x1a\n", "PNG image"},
	{0, "%PDF-", "PDF document"},
	{0, "PK\x03\x04", "ZIP archive (or .docx/.xlsx/.epub/.odt)"},
	{0, "PK\x05\x06", "ZIP archive (empty)"},
	{0, "\x1f\x8b", "gzip-compressed data"},
	{0, "\xff\xd8\xff", "JPEG image"},
	{0, "GIF87a", "GIF image"},
	{0, "GIF89a", "GIF image"},
	{0, "\xfd7zXZ\x00", "xz-compressed data"},
	{0, "7z\xbc\xaf\x27\x1c", "7-Zip archive"},
	{0, "\x28\xb5\x2f\xfd", "zstd-compressed data"},
	{0, "\x7fELF", "ELF executable"},
	{0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office (OLE) document"},
	{0, "SQLite format 3\x00", "SQLite database"},
	{0, "\xca\xfe\xba\xbe", "Mach-O or Java class file"},
	{0, "wOFF", "WOFF font"},
	{0, "wOF2", "WOFF2 font"},
	{0, "OggS", "Ogg media"},
	{0, "fLaC", "FLAC audio"},
	{4, "ftyp", "MP4/QuickTime media"},
	{257, "ustar", "tar archive"},
	{0, "WARC/1.", "WARC archive (web archives are read from files and pipes, not from a download)"},
}

// magicName returns the kind of binary file b starts like, or "".
func magicName(b []byte) string {
	for _, m := range magics {
		if len(b) >= m.offset+len(m.prefix) && string(b[m.offset:m.offset+len(m.prefix)]) == m.prefix {
			return m.name
		}
	}
	switch {
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return "WebP image"
	case len(b) >= 12 && string(b[:4]) == "RIFF":
		return "RIFF media (WAV/AVI)"
	case len(b) >= 4 && string(b[:3]) == "BZh" && b[3] >= '1' && b[3] <= '9':
		return "bzip2-compressed data"
	case len(b) >= 10 && string(b[:3]) == "ID3" && b[3] < 0x10:
		return "MP3 audio"
	}
	return ""
}

// sampleSize is how many leading bytes the binary and UTF-16 checks look at.
const sampleSize = 8192

// controlStats counts NUL bytes and other control bytes (C0 except tab, LF,
// CR, FF, VT, and DEL) in the leading sample of b.
func controlStats(b []byte) (n, nul, ctl int) {
	if len(b) > sampleSize {
		b = b[:sampleSize]
	}
	for _, c := range b {
		switch {
		case c == 0:
			nul++
			ctl++
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v', c == 0x7f:
			ctl++
		}
	}
	return len(b), nul, ctl
}

// binaryReason says why b looks binary, or "" when it may be text. It is
// called after BOM and UTF-16 detection, on bytes believed to be an 8-bit
// or UTF-8 text.
func binaryReason(b []byte) string {
	n, nul, ctl := controlStats(b)
	switch {
	case nul >= 4 && nul*100 > n:
		return "contains NUL bytes"
	case ctl >= 16 && ctl*10 > n:
		return "too many control bytes"
	case ctl >= 2 && ctl*10 > n && notText(b[:n]):
		// A short input has too few bytes for the count above.
		return "control bytes among bytes that are not text"
	}
	return ""
}

// notText reports whether a short sample is mostly bytes above ASCII that
// do not form UTF-8: what random or compressed bytes look like, and what a
// text in a legacy 8-bit encoding, ASCII in the main, does not.
func notText(b []byte) bool {
	high := 0
	for _, c := range b {
		if c >= 0x80 {
			high++
		}
	}
	return high*4 > len(b) && !utf8.Valid(b)
}

// sniffUTF16 guesses UTF-16 without a byte-order mark: in text of one
// script, the high byte of nearly every code unit is the same small value
// (0x00 for Latin, 0x06 for Arabic, 0x04 for Cyrillic, …), so one byte
// parity is dominated by a single control-range value. It returns "le",
// "be" or "".
func sniffUTF16(b []byte) string {
	if len(b) > sampleSize {
		b = b[:sampleSize]
	}
	if len(b) < 8 {
		return ""
	}
	var count [2][256]int
	for i, c := range b {
		count[i%2][c]++
	}
	half := len(b) / 2
	dominated := func(p int) bool {
		best := 0
		for v := 0; v < 0x20; v++ {
			best = max(best, count[p][v])
		}
		return best*10 > half*6
	}
	lowControl := func(p int) bool {
		c := 0
		for v := 0; v < 0x20; v++ {
			if v != '\t' && v != '\n' && v != '\r' {
				c += count[p][v]
			}
		}
		return c*10 < half
	}
	switch {
	case dominated(1) && lowControl(0):
		return "le"
	case dominated(0) && lowControl(1):
		return "be"
	}
	return ""
}

// kind is how the decoded text of one input is parsed.
type kind int

const (
	kindText kind = iota
	kindHTML
	kindJSON  // a JSON value: one object, an array of objects, or a concatenation
	kindJSONL // one JSON object per line
)

// kindByName picks the format from the file name; ok is false when the
// extension says nothing and the content must decide.
func kindByName(name string) (k kind, ok bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return kindHTML, true
	case ".json":
		return kindJSON, true
	case ".jsonl", ".ndjson":
		return kindJSONL, true
	}
	return kindText, false
}

// htmlMarkers are lower-case tags whose presence near the start marks HTML.
var htmlMarkers = []string{"<html", "<!doctype html", "<body", "<article", "<head"}

// looksHTML reports whether decoded text is HTML markup.
func looksHTML(s string) bool {
	head := strings.TrimLeft(s, " \t\r\n\ufeff")
	if len(head) > 1024 {
		head = head[:1024]
	}
	lower := strings.ToLower(head)
	if strings.HasPrefix(lower, "<") {
		for _, m := range htmlMarkers {
			if strings.Contains(lower, m) {
				return true
			}
		}
		return strings.HasPrefix(lower, "<?xml") && strings.Contains(lower, "xhtml")
	}
	return strings.Contains(lower, "<html") || strings.Contains(lower, "<!doctype html")
}

// sniffJSON decides between JSON and JSONL for content with no telling
// extension: text starting with '[' or '{' that parses is JSON; text whose
// first line alone is an object is JSONL. It returns false for anything
// else.
func sniffJSON(s string) (kind, bool) {
	t := strings.TrimLeft(s, " \t\r\n")
	if t == "" || (t[0] != '{' && t[0] != '[') {
		return kindText, false
	}
	if validJSONStream(t) {
		return kindJSON, true
	}
	if t[0] == '{' {
		first, _, _ := strings.Cut(t, "\n")
		if validJSONStream(strings.TrimSpace(first)) {
			return kindJSONL, true
		}
	}
	return kindText, false
}

// trimmedEmpty reports whether s holds nothing but white space (Unicode
// spaces, byte-order marks and zero-width characters included).
func trimmedEmpty(s string) bool {
	return strings.TrimFunc(s, isBlankRune) == ""
}

func isBlankRune(r rune) bool {
	switch r {
	case '\ufeff', '\u200b', '\u200c', '\u200d', '\u2060':
		return true
	}
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' || r == 0x85 || r == 0xa0 ||
		r == 0x1680 || (r >= 0x2000 && r <= 0x200a) || r == 0x2028 || r == 0x2029 || r == 0x202f || r == 0x205f || r == 0x3000
}
