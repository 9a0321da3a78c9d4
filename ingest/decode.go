package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"mime"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// Decoded is the UTF-8 text of some input bytes and how it was obtained.
type Decoded struct {
	// Text is the decoded text, without a leading byte-order mark.
	Text string
	// Encoding is the canonical name of the source encoding ("utf-8",
	// "utf-16le", "windows-1256", …).
	Encoding string
	// How says what decided the encoding: "bom", "content-type", "meta",
	// "utf-8", "utf-16-sniff", "detected" (statistical detection) or
	// "fallback".
	How string
	// Warning is set when bytes had to be replaced by U+FFFD, for example
	// when the input ends in the middle of a UTF-8 sequence, or when the
	// detected charset is in doubt.
	Warning error
}

// Decode converts input bytes to UTF-8. contentType is an optional MIME
// type ("text/html; charset=windows-1256"); a charset parameter in it is
// trusted. html says the bytes are HTML, whose <meta charset> or XML
// declaration is then honoured. Without a byte-order mark or declaration,
// valid UTF-8 stays UTF-8, as does UTF-8 with a few stray invalid bytes
// (replaced by U+FFFD, with a Warning), and anything else goes through
// statistical detection, the same for HTML as for text, falling back to
// windows-1252, which decodes every byte. A detected charset that may be
// wrong is named in Warning with the charsets weighed.
func Decode(data []byte, contentType string, html bool) Decoded {
	if d, ok := decodeBOM(data); ok {
		return d
	}
	if v := sniffUTF16(data); v != "" {
		e := xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
		name := "utf-16le"
		if v == "be" {
			e, name = xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), "utf-16be"
		}
		return decodeWith(data, e, name, "utf-16-sniff")
	}
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			if d, ok := decodeDeclared(data, params["charset"], "content-type"); ok {
				return d
			}
		}
	}
	if html {
		if label := declaredCharset(data); label != "" {
			if d, ok := decodeDeclared(data, label, "meta"); ok {
				return d
			}
		}
	}
	if utf8.Valid(data) {
		return Decoded{Text: string(data), Encoding: "utf-8", How: "utf-8"}
	}
	if d, ok := decodeNearlyUTF8(data); ok {
		return d
	}
	return detect(data, html)
}

type bomEntry struct {
	bom  string
	name string
	enc  encoding.Encoding
}

// boms is ordered so that the UTF-32 LE mark wins over its UTF-16 LE prefix.
var boms = []bomEntry{
	{"\xff\xfe\x00\x00", "utf-32le", utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM)},
	{"\x00\x00\xfe\xff", "utf-32be", utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM)},
	{"\xef\xbb\xbf", "utf-8", nil},
	{"\xff\xfe", "utf-16le", xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)},
	{"\xfe\xff", "utf-16be", xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)},
}

// hasBOM reports whether data starts with a Unicode byte-order mark.
func hasBOM(data []byte) bool {
	for _, b := range boms {
		if bytes.HasPrefix(data, []byte(b.bom)) {
			return true
		}
	}
	return false
}

func decodeBOM(data []byte) (Decoded, bool) {
	for _, b := range boms {
		if !bytes.HasPrefix(data, []byte(b.bom)) {
			continue
		}
		rest := data[len(b.bom):]
		if b.enc == nil {
			d := utf8Lenient(rest)
			d.How = "bom"
			return d, true
		}
		return decodeWith(rest, b.enc, b.name, "bom"), true
	}
	return Decoded{}, false
}

// decodeWith decodes data with e, noting a truncated trailing code unit.
func decodeWith(data []byte, e encoding.Encoding, name, how string) Decoded {
	out, err := e.NewDecoder().Bytes(data)
	d := Decoded{Text: string(out), Encoding: name, How: how}
	if err != nil {
		d.Text = strings.ToValidUTF8(string(out), "\ufffd")
		d.Warning = fmt.Errorf("decoding %s: %w", name, err)
	}
	unit := 0
	switch name {
	case "utf-16le", "utf-16be":
		unit = 2
	case "utf-32le", "utf-32be":
		unit = 4
	}
	if unit > 0 && len(data)%unit != 0 && d.Warning == nil {
		d.Warning = fmt.Errorf("input ends in the middle of a %s code unit (truncated?); the last %d byte(s) were replaced by U+FFFD", name, len(data)%unit)
	}
	if unit > 0 {
		d.Text = strings.TrimPrefix(d.Text, "\ufeff")
	}
	return d
}

// decodeDeclared decodes with a declared charset label; ok is false when the
// label is unknown or the declaration is evidently wrong (declared UTF-8 on
// bytes that are not, or a legacy charset on bytes that are valid UTF-8
// with non-ASCII content, a common mislabelling).
func decodeDeclared(data []byte, label, how string) (Decoded, bool) {
	label = strings.TrimSpace(label)
	if label == "" {
		return Decoded{}, false
	}
	e, name := charset.Lookup(label)
	if e == nil {
		return Decoded{}, false
	}
	switch name {
	case "utf-8":
		if !utf8.Valid(data) {
			return Decoded{}, false
		}
		return Decoded{Text: string(data), Encoding: "utf-8", How: how}, true
	case "utf-16le", "utf-16be":
		// A meta tag cannot declare UTF-16 for bytes it was read from as
		// ASCII; trust only a BOM (handled earlier) for UTF-16.
		return Decoded{}, false
	}
	if hasHighBit(data) && utf8.Valid(data) {
		return Decoded{}, false
	}
	return decodeWith(data, e, name, how), true
}

var (
	metaCharsetRE = regexp.MustCompile(`(?is)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)
	xmlEncodingRE = regexp.MustCompile(`(?is)^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([a-z0-9_:.\-]+)["']`)
)

// declaredCharset finds the charset declared in the head of an HTML or XHTML
// document: a <meta charset> or http-equiv Content-Type, or the XML
// declaration. It looks at the first 4 KiB.
func declaredCharset(data []byte) string {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	if m := xmlEncodingRE.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	if m := metaCharsetRE.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

func hasHighBit(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// decodeNearlyUTF8 accepts text that is UTF-8 except for a cut-off final
// sequence, or with at most one stray byte for every two valid multi-byte
// characters (a mostly-UTF-8 file with a pasted legacy fragment), or with a
// few stray bytes (fewStrayBytes).
func decodeNearlyUTF8(data []byte) (Decoded, bool) {
	if tailIsPrefix(data) {
		d := utf8Lenient(data)
		d.How = "utf-8"
		return d, true
	}
	valid, strong, bad := 0, 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			bad++
		case size >= 3:
			strong++
			valid++
		default:
			valid++
		}
		i += size
	}
	if (valid >= 8 && bad*2 <= valid) || fewStrayBytes(len(data), valid, strong, bad) {
		d := utf8Lenient(data)
		d.How = "utf-8"
		return d, true
	}
	return Decoded{}, false
}

// Stray bytes tolerated in UTF-8 text (see fewStrayBytes).
const (
	maxStrayBytes    = 8    // at most this many invalid sequences
	strayBytesPerLen = 1000 // and at most one per this many bytes (one in a shorter text)
)

// fewStrayBytes reports a UTF-8 text with a few stray invalid bytes (a
// 0xFF pasted in, a corrupted character): few and rare (see the limits
// above), among at least as many valid three- or four-byte sequences
// (which legacy 8-bit text almost never forms by chance) or twice as many
// valid sequences of any length.
func fewStrayBytes(n, valid, strong, bad int) bool {
	return bad <= maxStrayBytes && bad <= max(1, n/strayBytesPerLen) && (strong >= bad || valid >= 2*bad)
}

// tailIsPrefix reports whether data ends in an incomplete UTF-8 sequence and
// is valid before it.
func tailIsPrefix(data []byte) bool {
	for k := 1; k <= 3 && k <= len(data); k++ {
		tail := data[len(data)-k:]
		if utf8.RuneStart(tail[0]) && tail[0] >= 0xc0 && !utf8.FullRune(tail) {
			return utf8.Valid(data[:len(data)-k])
		}
	}
	return false
}

// utf8Lenient decodes UTF-8, replacing invalid bytes, with a warning saying
// what was replaced.
func utf8Lenient(data []byte) Decoded {
	d := Decoded{Text: string(data), Encoding: "utf-8"}
	if utf8.Valid(data) {
		return d
	}
	if tailIsPrefix(data) {
		d.Text = string(data[:len(data)-incompleteTail(data)]) + "\ufffd"
		d.Warning = fmt.Errorf("input ends in the middle of a UTF-8 sequence (truncated?); the last %d byte(s) were replaced by U+FFFD", incompleteTail(data))
		return d
	}
	n := countInvalid(data)
	d.Text = strings.ToValidUTF8(string(data), "\ufffd")
	d.Warning = fmt.Errorf("%d invalid UTF-8 byte(s) replaced by U+FFFD", n)
	return d
}

func incompleteTail(data []byte) int {
	for k := 1; k <= 3 && k <= len(data); k++ {
		if utf8.RuneStart(data[len(data)-k]) {
			return k
		}
	}
	return 1
}

func countInvalid(data []byte) int {
	n := 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			n++
		}
		i += size
	}
	return n
}

// detect guesses a legacy encoding: the statistical detector proposes
// charsets, and among its leading proposals (and windows-1252) the one whose
// decoding of the sample reads most like text in one script wins (see
// coherence). The check matters for short inputs, where the detector's
// n-gram statistics are thin: 30 bytes of windows-1256 Arabic can look like
// ISO-8859-8 Hebrew to it, but decoded as Hebrew half the bytes are
// undefined or mix scripts within words.
func detect(data []byte, html bool) Decoded {
	det := chardet.NewTextDetector()
	if html {
		det = chardet.NewHtmlDetector()
	}
	sample := detectionSample(data)
	type candidate struct {
		name string
		enc  encoding.Encoding
	}
	var cands []candidate
	seen := map[string]bool{}
	if results := detectAll(det, sample); len(results) > 0 {
		for _, res := range results {
			if len(cands) == 6 || res.Confidence < 10 {
				break
			}
			e, name := lookupEncoding(centralEuropeanFix(res))
			if e == nil || name == "utf-8" || strings.HasPrefix(name, "utf-") || seen[name] {
				continue
			}
			seen[name] = true
			cands = append(cands, candidate{name, e})
		}
	}
	if !seen["windows-1252"] {
		cands = append(cands, candidate{"windows-1252", charmap.Windows1252})
	}
	best, bestScore := -1, -1.0
	scores := make([]float64, len(cands))
	judged := make([]int, len(cands))
	texts := make([]string, len(cands))
	for i, c := range cands {
		scores[i] = math.Inf(-1)
		out, err := c.enc.NewDecoder().Bytes(sample)
		if err != nil {
			continue
		}
		if len(out) > 4<<10 {
			out = out[:4<<10]
		}
		texts[i] = string(out)
		scores[i], judged[i] = coherenceOf(texts[i])
		// Earlier (more confident) proposals win ties.
		if scores[i] > bestScore+1e-9 {
			best, bestScore = i, scores[i]
		}
	}
	names := make([]string, len(cands))
	for i, c := range cands {
		names[i] = c.name
	}
	if best < 0 {
		d := decodeWith(data, charmap.Windows1252, "windows-1252", "fallback")
		d.Warning = errors.Join(lowConfidence("windows-1252", names, "no candidate decoded the bytes"), d.Warning)
		return d
	}
	how := "detected"
	if best == len(cands)-1 && !seen["windows-1252"] {
		how = "fallback"
	}
	d := decodeWith(data, cands[best].enc, cands[best].name, how)
	// A reading is doubtful when it is itself implausible, or when it
	// overrode the detector's first proposal by a narrow margin.
	why := ""
	if bestScore < minCoherence && judged[best] > 0 {
		why = fmt.Sprintf("the best reading scores %.2f of 1 for plausible letters", bestScore)
	} else if best > 0 && texts[0] != texts[best] && scores[0] >= bestScore-overrideMargin {
		why = fmt.Sprintf("%s, the detector's first guess, reads almost as well (%.2f against %.2f)", cands[0].name, scores[0], bestScore)
	}
	if why != "" {
		d.Warning = errors.Join(lowConfidence(cands[best].name, names, why), d.Warning)
	}
	return d
}

// Confidence limits of a detected decoding (see detect).
const (
	minCoherence   = 0.5 // below this, the chosen reading is doubtful
	overrideMargin = 0.2 // overriding the detector by less is doubtful
)

// lowConfidence is the warning of a detected decoding that may be wrong.
func lowConfidence(chosen string, weighed []string, why string) error {
	return fmt.Errorf("charset detected with low confidence: read as %s (weighed %s; %s); check the text, or declare the charset", chosen, strings.Join(weighed, ", "), why)
}

// maxDetectRuns bounds how many times detectAll asks the detector for a
// Latin-1 proposal with the label the bytes call for (see detectAll).
const maxDetectRuns = 20

// detectAll returns the detector's proposals in a fixed order: by
// confidence; between equally confident Latin-1 proposals, the Central
// European label first when the bytes look Central European
// (centralEuropeanBytes) and last otherwise; then by how often the
// proposal came up, then by name.
// saintfish/chardet runs its recognizers in goroutines and sorts their
// results unstably, keeping one language per charset, so equally
// confident proposals come back in any order and a Latin-1 result may be
// labelled with any of the tied languages. Since the label decides
// between ISO-8859-1 and ISO-8859-2 (centralEuropeanFix), a Latin-1
// proposal makes it ask again (up to maxDetectRuns times) until a label
// of the family the bytes call for has come up, and the bytes break a tie
// between a Central European and a Western label, so that the same bytes
// decode the same way on every run.
func detectAll(det *chardet.Detector, sample []byte) []chardet.Result {
	type key struct{ charset, lang string }
	type tally struct {
		res chardet.Result
		n   int // runs that proposed it
	}
	seen := map[key]*tally{}
	var tallies []*tally
	preferCE := centralEuropeanBytes(sample)
	for run := 0; run < maxDetectRuns; run++ {
		results, err := det.DetectAll(sample)
		if err != nil {
			return nil
		}
		latin, preferred := false, false
		for _, r := range results {
			k := key{r.Charset, r.Language}
			t := seen[k]
			if t == nil {
				t = &tally{res: r}
				seen[k] = t
				tallies = append(tallies, t)
			}
			t.n++
			t.res.Confidence = max(t.res.Confidence, r.Confidence)
			if latin1(r.Charset) {
				latin = true
				preferred = preferred || centralEuropean[r.Language] == preferCE
			}
		}
		if !latin || preferred {
			break
		}
	}
	sort.SliceStable(tallies, func(i, j int) bool {
		a, b := tallies[i].res, tallies[j].res
		if a.Confidence != b.Confidence {
			return a.Confidence > b.Confidence
		}
		if ca, cb := centralEuropean[a.Language], centralEuropean[b.Language]; ca != cb && latin1(a.Charset) && latin1(b.Charset) {
			return ca == preferCE
		}
		if na, nb := tallies[i].n, tallies[j].n; na != nb {
			return na > nb
		}
		if a.Charset != b.Charset {
			return a.Charset < b.Charset
		}
		return a.Language < b.Language
	})
	out := make([]chardet.Result, len(tallies))
	for i, t := range tallies {
		out[i] = t.res
	}
	return out
}

// latin1 reports the charsets chardet's Latin-1 recognizers report.
func latin1(charset string) bool {
	c := strings.ToLower(charset)
	return c == "iso-8859-1" || c == "windows-1252"
}

// centralEuropeanBytes reports bytes that read better as ISO-8859-2 than
// as Latin-1: letters that are rare in Western languages but common in
// Central European ones when read as Latin-2 (õ/ő, û/ű, ð/đ, þ/ţ), or a
// Latin-1 symbol byte next to a letter, which Latin-2 reads as a letter
// (³/ł, ¹/š, ¾/ž, ±/ą …).
func centralEuropeanBytes(b []byte) bool {
	letter := func(i int) bool {
		if i < 0 || i >= len(b) {
			return false
		}
		c := b[i] | 0x20
		return ('a' <= c && c <= 'z') || b[i] >= 0xC0
	}
	for i, c := range b {
		switch c {
		case 0xF5, 0xFB, 0xD5, 0xDB, 0xF0, 0xD0, 0xFE, 0xDE:
			return true
		case 0xA1, 0xA3, 0xA5, 0xA6, 0xA9, 0xAA, 0xAB, 0xAC, 0xAE, 0xAF, 0xB1, 0xB3, 0xB5, 0xB6, 0xB9, 0xBA, 0xBB, 0xBC, 0xBE, 0xBF:
			if letter(i-1) || letter(i+1) {
				return true
			}
		}
	}
	return false
}

// centralEuropean are the languages whose chardet recognizers report
// Latin-1 charsets for Latin-2 text (see centralEuropeanFix).
var centralEuropean = map[string]bool{"cs": true, "hu": true, "pl": true, "ro": true}

// centralEuropeanFix works around a slip in saintfish/chardet: its Czech,
// Hungarian, Polish and Romanian recognisers are built with the Latin-1
// constructor, so a Central European text comes back as "ISO-8859-1" or
// "windows-1252" with language cs/hu/pl/ro. The language is right; the
// charset is ISO-8859-2 (windows-1250 when C1 bytes occur).
func centralEuropeanFix(res chardet.Result) string {
	if centralEuropean[res.Language] {
		switch strings.ToLower(res.Charset) {
		case "iso-8859-1":
			return "iso-8859-2"
		case "windows-1252":
			return "windows-1250"
		}
	}
	return res.Charset
}

// coherence scores decoded text by how plausible its non-ASCII characters
// are: non-ASCII letters in words of a single script score, those in words
// that mix scripts (ASCII letters included), Latin words of three or more
// letters none of which is ASCII (ÍÑíÞ: another script read as Latin-1),
// and undefined or C1 control characters cost. It returns a value in
// [-1, 1]; text without non-ASCII characters scores 0.
func coherence(s string) float64 {
	score, _ := coherenceOf(s)
	return score
}

// coherenceOf is coherence with the number of characters judged.
func coherenceOf(s string) (score float64, judged int) {
	good, bad := 0, 0
	var script *unicode.RangeTable // script of the current word's letters
	mixed := false
	nonASCII, asciiLetters := 0, 0
	endWord := func() {
		if mixed || (script == unicode.Latin && asciiLetters == 0 && nonASCII >= 3) {
			bad += nonASCII
		} else {
			good += nonASCII
		}
		script, mixed, nonASCII, asciiLetters = nil, false, 0, 0
	}
	for _, r := range s {
		if r < 0x80 {
			switch {
			case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z':
				asciiLetters++
				if script == nil {
					script = unicode.Latin
				} else if script != unicode.Latin {
					mixed = true
				}
			case r == '\'' || r == '-':
				// inside words: l'aube, al-Basra
			default:
				// Spaces, digits and ASCII punctuation end a word, so that
				// markup glued to text (<title>حريق) is not a word of
				// mixed scripts.
				endWord()
			}
			continue
		}
		switch {
		case r == utf8.RuneError || r < 0xa0:
			bad += 2
			continue
		case unicode.IsSpace(r):
			endWord()
			continue
		case !unicode.IsLetter(r):
			if unicode.IsMark(r) {
				nonASCII++
			} else if !unicode.IsPunct(r) && !unicode.IsSymbol(r) && !unicode.IsNumber(r) {
				bad++
			}
			continue
		}
		nonASCII++
		if script != nil && unicode.Is(script, r) {
			continue
		}
		sc := scriptOf(r)
		if script == nil {
			script = sc
		} else if sc != script {
			mixed = true
		}
	}
	endWord()
	if good+bad == 0 {
		return 0, 0
	}
	return float64(good-bad) / float64(good+bad), good + bad
}

// scripts are the alphabets a news text's letters are expected in.
var scripts = []*unicode.RangeTable{unicode.Latin, unicode.Arabic, unicode.Cyrillic, unicode.Greek, unicode.Hebrew, unicode.Thai, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana}

func scriptOf(r rune) *unicode.RangeTable {
	for _, t := range scripts {
		if unicode.Is(t, r) {
			return t
		}
	}
	return nil
}

// detectionSample gathers up to 8 KiB of the lines that hold non-ASCII
// bytes: they alone tell legacy charsets apart, and the detector's cost
// grows with its input.
func detectionSample(data []byte) []byte {
	const limit = 8 << 10
	if len(data) <= limit {
		return data
	}
	var out []byte
	for len(data) > 0 && len(out) < limit {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i+1], data[i+1:]
		} else {
			data = nil
		}
		if hasHighBit(line) {
			if len(line) > 1024 {
				line = line[:1024]
			}
			out = append(out, line...)
		}
	}
	return out
}

// lookupEncoding resolves a charset name as chardet spells it.
func lookupEncoding(label string) (encoding.Encoding, string) {
	if e, err := htmlindex.Get(label); err == nil {
		name, _ := htmlindex.Name(e)
		return e, name
	}
	if e, err := ianaindex.IANA.Encoding(label); err == nil && e != nil {
		name, _ := ianaindex.IANA.Name(e)
		return e, strings.ToLower(name)
	}
	switch strings.ToUpper(label) {
	case "GB-18030":
		return lookupEncoding("gb18030")
	case "ISO-2022-JP", "ISO-2022-KR", "ISO-2022-CN":
		return nil, ""
	}
	return nil, ""
}
