package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// Fixture texts for the decoding tests, written for them.
const (
	arabicHeadline = "حريق كبير في سوق البصرة القديم"
	arabicBody     = "قال مدير الدفاع المدني في البصرة إن النيران اندلعت فجر الثلاثاء في مخزن للأقمشة والسجاد، " +
		"وامتدت إلى ثلاثة محال مجاورة قبل أن تتمكن فرق الإطفاء من السيطرة عليها بعد أربع ساعات. " +
		"وأضاف أن التحقيقات الأولية تشير إلى تماس كهربائي، وأن أصحاب المحال قدروا خسائرهم بمئات الملايين من الدنانير."
	englishBody = "The harbour master said the ferry won\u2019t sail before Friday. " +
		"\u201cWe\u2019re waiting for the inspectors,\u201d she told reporters on the quay. "
)

// arabicPage is an HTML page of Arabic news with no charset declaration
// anywhere: no <meta charset>, no http-equiv, no XML declaration.
func arabicPage() string {
	return "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<title>" + arabicHeadline + "</title>\n" +
		"<link rel=\"stylesheet\" href=\"/static/site.css\">\n<script src=\"/static/app.js\"></script>\n</head>\n<body>\n" +
		"<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav>\n" +
		"<article>\n<h1>" + arabicHeadline + "</h1>\n<p>" + arabicBody + "</p>\n</article>\n" +
		"<footer>&copy; 2024 Example News</footer>\n</body>\n</html>\n"
}

// TestUndeclaredLegacyHTMLDecodesLikeText reads one Arabic page saved in
// windows-1256 without a charset declaration, as .html and as .txt: both
// must decode as windows-1256, as the same bytes without markup do.
func TestUndeclaredLegacyHTMLDecodesLikeText(t *testing.T) {
	dir := t.TempDir()
	page := encode(t, charmap.Windows1256, arabicPage())
	for _, name := range []string{"page.html", "page.txt", "page"} {
		os.WriteFile(filepath.Join(dir, name), page, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "body.txt"), encode(t, charmap.Windows1256, arabicBody), 0o644)
	for _, name := range []string{"page.html", "page.txt", "page", "body.txt"} {
		t.Run(name, func(t *testing.T) {
			docs, probs := Read(context.Background(), []string{filepath.Join(dir, name)}, Options{})
			if len(docs) != 1 || len(probs) != 0 {
				t.Fatalf("%d documents, problems %v", len(docs), probs)
			}
			d := docs[0]
			if d.Encoding != "windows-1256" || !strings.Contains(d.Raw, arabicBody) {
				t.Errorf("decoded as %s: %.80q", d.Encoding, d.Raw)
			}
		})
	}
}

// TestStrayBytesKeepUTF8 checks that a UTF-8 text with a few invalid bytes
// stays UTF-8, the bad bytes alone becoming U+FFFD with a warning, however
// few multi-byte characters it has; and that a text with many bad bytes
// among few good sequences is still sent to detection.
func TestStrayBytesKeepUTF8(t *testing.T) {
	long := strings.Repeat(englishBody, 12) // ~1.7 kB, 6 curly quotes a copy
	cases := []struct {
		name, in string
		enc      string
		fffd     int // replacement characters expected in the text
	}{
		{"one 0xFF in a long text", long[:400] + "\xff" + long[400:], "utf-8", 1},
		{"one 0xFF in a short text", "The ferry won\u2019t sail \xff before Friday, the harbour master said on the quay.", "utf-8", 1},
		{"two stray bytes", long[:200] + "\xfe" + long[200:900] + "\x80" + long[900:], "utf-8", 2},
		{"legacy text with one lucky pair", "Stra\xdf\x93e und Caf\xe9 am Fl\xfcgel, M\xfcller sagte \xe0 la carte.", "windows-1252", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Decode([]byte(c.in), "", false)
			if d.Encoding != c.enc {
				t.Fatalf("decoded as %s (%s), want %s: %.120q", d.Encoding, d.How, c.enc, d.Text)
			}
			if n := strings.Count(d.Text, "\ufffd"); n != c.fffd {
				t.Errorf("%d replacement characters, want %d", n, c.fffd)
			}
			if c.enc == "utf-8" {
				if strings.Contains(d.Text, "\u00e2\u20ac\u2122") || !strings.Contains(d.Text, "won\u2019t") {
					t.Errorf("curly quotes misread: %.120q", d.Text)
				}
				if d.Warning == nil {
					t.Error("no warning about the replaced bytes")
				}
			}
		})
	}
}

// TestLowConfidenceDecodeIsReported checks that a legacy text the detector
// cannot place with confidence becomes a document with a problem naming
// the input and the encodings weighed, and that a clear one does not.
func TestLowConfidenceDecodeIsReported(t *testing.T) {
	dir := t.TempDir()
	// Bytes above 0x7f scattered among ASCII words: no charset makes
	// them read as words of one script.
	vague := filepath.Join(dir, "vague.txt")
	os.WriteFile(vague, []byte("Report 12 \xa4\xb6 on the \x8e\xd7 harbour \xf1\x83 and \x9d\xbc\xaa the ferry \xc3\x28 x \xbe\xee\x81 said."), 0o644)
	clear := filepath.Join(dir, "clear.txt")
	os.WriteFile(clear, encode(t, charmap.Windows1256, arabicBody), 0o644)
	docs, probs := Read(context.Background(), []string{vague, clear}, Options{})
	if len(docs) != 2 || len(probs) != 0 {
		t.Fatalf("%d documents, problems %v; want two documents", len(docs), probs)
	}
	vp := docs[0].Problems
	if len(vp) != 1 || vp[0].Source != vague || !strings.Contains(vp[0].Error(), "low confidence") || !strings.Contains(vp[0].Error(), "windows-1252") {
		t.Errorf("vague input: problems %v, want one naming it, with low confidence and the encodings weighed", vp)
	}
	if len(docs[1].Problems) != 0 {
		t.Errorf("clear input: problems %v", docs[1].Problems)
	}
}
