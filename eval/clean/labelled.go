package clean

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha1"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/corroborate/corroborate/clean"
	"github.com/corroborate/corroborate/document"
)

// The labelled set: every article of the Giveme5W1H gold standard
// (shared/data/giveme5w1h/data, 96 news-please records from 13 outlets,
// their text with line breaks lost) read by hand and its boilerplate
// marked span by span with its kind (testdata/giveme-boilerplate.tsv:
// offsets and hashes, not the text). Everything outside the spans is
// reporting. Half the articles of each outlet are for tuning, the other
// half held out.

//go:embed testdata/giveme-boilerplate.tsv
var labelFile []byte

// Kinds of boilerplate in the labelled set, in report order.
var Kinds = []string{"caption", "credit", "social", "related", "navigation", "newsletter", "advertisement",
	"byline", "copyright", "robot", "other"}

// Split names.
const (
	SplitTune = "tune"
	SplitTest = "test"
)

// labelledDoc is one article of the labelled set with its spans.
type labelledDoc struct {
	id, split          string
	title, outlet, url string
	text               string
	spans              []labelSpan
}

// labelSpan is one span of boilerplate.
type labelSpan struct {
	start, end int
	kind       string
}

// parseLabels reads the label file: per article its split, length and
// hash, and its boilerplate spans.
func parseLabels(data []byte) (map[string]*labelledDoc, error) {
	docs := map[string]*labelledDoc{}
	type row struct {
		id, kind, hash string
		start, end     int
	}
	var spans []row
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("label file line %d: %d fields, want 5", n, len(f))
		}
		s, err1 := strconv.Atoi(f[1])
		e, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || s < 0 || e < s {
			return nil, fmt.Errorf("label file line %d: bad offsets %q %q", n, f[1], f[2])
		}
		if split, ok := strings.CutPrefix(f[3], "article:"); ok {
			docs[f[0]] = &labelledDoc{id: f[0], split: split}
			spans = append(spans, row{f[0], "article", f[4], s, e})
			continue
		}
		spans = append(spans, row{f[0], f[3], f[4], s, e})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading label file: %w", err)
	}
	for _, r := range spans {
		d := docs[r.id]
		if d == nil {
			return nil, fmt.Errorf("label file: span of unknown article %s", r.id)
		}
		if r.kind == "article" {
			d.spans = append(d.spans, labelSpan{r.start, r.end, r.hash}) // checked in attach
			continue
		}
		d.spans = append(d.spans, labelSpan{r.start, r.end, r.kind + "\t" + r.hash})
	}
	return docs, nil
}

// record is the part of a news-please record the evaluation reads.
type record struct {
	ID        string `json:"dId"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Publisher string `json:"publisher"`
	URL       string `json:"url"`
}

// loadLabelled reads the articles from dir (the giveme5w1h folder or its
// data folder) and checks each against its labels: the text's length and
// hash, and the hash of every span.
func loadLabelled(dir string) ([]*labelledDoc, error) {
	docs, err := parseLabels(labelFile)
	if err != nil {
		return nil, err
	}
	dataDir := dir
	if _, err := os.Stat(filepath.Join(dir, "data")); err == nil {
		dataDir = filepath.Join(dir, "data")
	}
	var out []*labelledDoc
	for id, d := range docs {
		path := filepath.Join(dataDir, id+".json")
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("labelled set: %w", err)
		}
		var r record
		if err := json.Unmarshal(b, &r); err != nil {
			return nil, fmt.Errorf("labelled set: parsing %s: %w", path, err)
		}
		d.text, d.title, d.outlet, d.url = r.Text, r.Title, r.Publisher, r.URL
		var spans []labelSpan
		for _, s := range d.spans {
			kind, hash, isSpan := strings.Cut(s.kind, "\t")
			if !isSpan {
				hash = kind
			}
			if s.end > len(d.text) {
				return nil, fmt.Errorf("labelled set: %s: span %d-%d past the text's %d bytes", path, s.start, s.end, len(d.text))
			}
			if got := shortHash(d.text[s.start:s.end]); got != hash {
				return nil, fmt.Errorf("labelled set: %s: text at %d-%d has hash %s, labelled %s (the record changed)", path, s.start, s.end, got, hash)
			}
			if isSpan {
				spans = append(spans, labelSpan{s.start, s.end, kind})
			}
		}
		sort.Slice(spans, func(a, b int) bool { return spans[a].start < spans[b].start })
		d.spans = spans
		out = append(out, d)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].id < out[b].id })
	return out, nil
}

// shortHash is the first 12 hex digits of the SHA-1 of s.
func shortHash(s string) string {
	h := sha1.Sum([]byte(s))
	return hex.EncodeToString(h[:])[:12]
}

// LabelledScores are the figures of one split.
type LabelledScores struct {
	Items, Recalled         int            // boilerplate spans, and those cleaning removed (half their bytes or more)
	ByKind, RecalledByKind  map[string]int // the same per kind
	Sentences, Lost         int            // sentences of reporting, and those cleaning cut into (a fifth of their bytes or more)
	BoilerBytes, BoilerGone int            // boilerplate bytes, and those removed
	ReportBytes, ReportGone int            // reporting bytes, and those removed
	slipped, lost           []string
}

// Recall is the share of boilerplate spans removed.
func (s LabelledScores) Recall() float64 { return ratio(s.Recalled, s.Items) }

// LostShare is the share of reporting sentences cut into.
func (s LabelledScores) LostShare() float64 { return ratio(s.Lost, s.Sentences) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// scoreLabelled cleans the articles of one split as one story (so that
// lines an outlet repeats across its records are found) and scores the
// removals against the labels.
func scoreLabelled(ctx context.Context, docs []*labelledDoc, split string) (LabelledScores, error) {
	sc := LabelledScores{ByKind: map[string]int{}, RecalledByKind: map[string]int{}}
	story := document.NewStory()
	var mine []*labelledDoc
	for _, d := range docs {
		if d.split != split {
			continue
		}
		mine = append(mine, d)
		story.Add(&document.Document{ID: d.id, Source: "giveme5w1h/" + d.id, Format: document.FormatText,
			Extracted: d.text, Title: d.title, Outlet: d.outlet, URL: d.url})
	}
	if err := clean.New(clean.Options{}).CleanStory(ctx, story); err != nil {
		return sc, fmt.Errorf("labelled set: cleaning: %w", err)
	}
	for k, d := range mine {
		doc := story.Docs[k]
		gone := make([]bool, len(d.text))
		why := make([]string, len(d.text))
		for _, r := range doc.Removed {
			for i := r.Start; i < r.End && i < len(gone); i++ {
				gone[i], why[i] = true, clean.ReasonCode(r.Reason)
			}
		}
		boiler := make([]bool, len(d.text))
		for _, s := range d.spans {
			total, removed := countBytes(d.text, gone, s.start, s.end)
			for i := s.start; i < s.end; i++ {
				boiler[i] = true
			}
			sc.Items++
			sc.ByKind[s.kind]++
			sc.BoilerBytes += total
			sc.BoilerGone += removed
			if removed*2 >= total {
				sc.Recalled++
				sc.RecalledByKind[s.kind]++
			} else {
				sc.slipped = append(sc.slipped, fmt.Sprintf("  %-10s %s %-12s %.90q", s.kind, d.id[:8], d.outlet, d.text[s.start:s.end]))
			}
		}
		for _, sent := range reportingSentences(d.text, boiler) {
			total, removed := countBytes(d.text, gone, sent[0], sent[1])
			sc.Sentences++
			sc.ReportBytes += total
			sc.ReportGone += removed
			if removed*5 >= total && removed > 0 {
				sc.Lost++
				sc.lost = append(sc.lost, fmt.Sprintf("  %s %-12s %-20s %.90q", d.id[:8], d.outlet, reasonIn(why, sent[0], sent[1]), d.text[sent[0]:sent[1]]))
			}
		}
	}
	return sc, nil
}

// countBytes counts the non-space bytes of text[s:e] and those removed.
func countBytes(text string, gone []bool, s, e int) (total, removed int) {
	for i := s; i < e; i++ {
		if text[i] == ' ' || text[i] == '\n' || text[i] == '\t' {
			continue
		}
		total++
		if gone[i] {
			removed++
		}
	}
	return total, removed
}

// reasonIn returns the first removal reason inside [s, e).
func reasonIn(why []string, s, e int) string {
	for i := s; i < e; i++ {
		if why[i] != "" {
			return why[i]
		}
	}
	return ""
}

// reportingSentences splits the reporting of text (the bytes outside the
// boilerplate spans) into sentences of three words or more, as [start,
// end) pairs.
func reportingSentences(text string, boiler []bool) [][2]int {
	var out [][2]int
	flush := func(s, e int) {
		for s < e && text[s] == ' ' {
			s++
		}
		for e > s && text[e-1] == ' ' {
			e--
		}
		if s < e && len(strings.FieldsFunc(text[s:e], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })) >= 3 {
			out = append(out, [2]int{s, e})
		}
	}
	start := -1
	for i := 0; i <= len(text); i++ {
		if i == len(text) || boiler[i] {
			if start >= 0 {
				flush(start, i)
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
		c := text[i]
		if (c == '.' || c == '!' || c == '?') && i+2 < len(text) && text[i+1] == ' ' && !boiler[i+2] && unicode.IsUpper(rune(text[i+2])) {
			flush(start, i+1)
			start = -1
		}
	}
	return out
}

// runLabelled prints the labelled-set evaluation: for each split the
// recall of boilerplate per kind and the reporting lost, and for the
// held-out split the spans that slipped through and the sentences cut.
func runLabelled(ctx context.Context, dir string, w io.Writer, splits []string) (map[string]LabelledScores, error) {
	docs, err := loadLabelled(dir)
	if err != nil {
		return nil, err
	}
	out := map[string]LabelledScores{}
	fmt.Fprintf(w, "labelled set: giveme5w1h, %d news-please records (text without line breaks), boilerplate spans labelled by hand\n", len(docs))
	fmt.Fprintln(w, "a span is removed when half its bytes or more are; a sentence of reporting is lost when a fifth of its bytes or more are")
	for _, split := range splits {
		sc, err := scoreLabelled(ctx, docs, split)
		if err != nil {
			return nil, err
		}
		out[split] = sc
		n := 0
		for _, d := range docs {
			if d.split == split {
				n++
			}
		}
		fmt.Fprintf(w, "%s half (%d articles): boilerplate recall %.3f (%d/%d spans; %.3f of its bytes), reporting lost %.4f (%d/%d sentences; %.4f of its bytes)\n",
			split, n, sc.Recall(), sc.Recalled, sc.Items, ratio(sc.BoilerGone, sc.BoilerBytes), sc.LostShare(), sc.Lost, sc.Sentences, ratio(sc.ReportGone, sc.ReportBytes))
		fmt.Fprint(w, "  per kind (removed/labelled):")
		for _, k := range Kinds {
			if sc.ByKind[k] > 0 {
				fmt.Fprintf(w, " %s %d/%d", k, sc.RecalledByKind[k], sc.ByKind[k])
			}
		}
		fmt.Fprintln(w)
		if split != SplitTest {
			continue
		}
		fmt.Fprintf(w, " %s: boilerplate that slipped through (%d)\n", split, len(sc.slipped))
		for _, l := range sc.slipped {
			fmt.Fprintln(w, l)
		}
		fmt.Fprintf(w, " %s: sentences of reporting cut (%d)\n", split, len(sc.lost))
		for _, l := range sc.lost {
			fmt.Fprintln(w, l)
		}
	}
	return out, nil
}

// findGiveme returns the giveme5w1h folder near dataDir (the evaluation's
// data folder is the ScrapingHub one, its sibling), or "" when absent.
func findGiveme(dataDir string) string {
	for _, p := range []string{
		filepath.Join(dataDir, "giveme5w1h"), filepath.Join(dataDir, "..", "giveme5w1h"),
		filepath.Join(dataDir, "data", "giveme5w1h"), dataDir,
	} {
		if _, err := os.Stat(filepath.Join(p, "data", "071e141c216547f83e2b50a63a728163fa9527e337032e9eb84882d6.json")); err == nil {
			return p
		}
	}
	return ""
}
