// Package quotes evaluates the quote stage on the PolNeAR attribution
// corpus (dev split): span-level precision, recall and F1 for Source and
// Content (overlap and exact match), and speaker-attribution accuracy.
// No published system number exists for PolNeAR (its paper reports corpus
// quality only), so the numbers stand on their own.
//
// Conventions: gold offsets count characters and are turned into bytes;
// one annotator per article (the first annotation file by name); exact
// matches compare spans trimmed of spaces, quote marks and edge
// punctuation; speaker accuracy counts, over the gold attributions with a
// Source whose Content one of our quotes overlaps (the best-overlapping
// one), those where our quote names a speaker (a null speaker counts as
// wrong) whose span overlaps the gold Source; speaker precision counts the
// same over the quotes with a named speaker only.
//
// Run: corroborate eval quotes --data ../shared/data/polnear, or
// go test ./eval/quotes -run PolNeAR -v. Peer (compromise 14, quotations
// only, no speakers):
//
//	npm install compromise@14   # in a scratch folder
//	NODE_PATH=<scratch>/node_modules node eval/quotes/peer/quotations.js ../shared/data/polnear/dev/text > /tmp/peer.json
//	CORROBORATE_QUOTES_PEER=/tmp/peer.json go test ./eval/quotes -run PeerCompromise -v
package quotes

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/corroborate/corroborate/document"
)

// Attribution is one gold attribution: its Source and Content spans in
// byte offsets of the article text (empty spans when absent).
type Attribution struct {
	Source, Cue, Content document.Span
}

// Article is one PolNeAR text with one annotator's attributions.
type Article struct {
	Name         string
	Text         string
	Attributions []Attribution
	// Sources and Contents are every Source and Content span annotated,
	// including ones outside a complete attribution.
	Sources, Contents []document.Span
}

// findDev returns the PolNeAR dev folder under dataDir (dataDir itself
// may be the PolNeAR folder, the data folder, or the shared folder).
func findDev(dataDir string) (string, error) {
	for _, d := range []string{
		filepath.Join(dataDir, "dev"),
		filepath.Join(dataDir, "polnear", "dev"),
		filepath.Join(dataDir, "data", "polnear", "dev"),
	} {
		if st, err := os.Stat(filepath.Join(d, "attributions")); err == nil && st.IsDir() {
			return d, nil
		}
	}
	return "", fmt.Errorf("eval quotes: no PolNeAR dev/attributions under %s (give the polnear folder or its parent)", dataDir)
}

// ReadDev reads the dev articles under dir, taking for each article the
// first annotation file in name order when several annotators did it.
func ReadDev(dir string) ([]Article, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("listing annotations in %s: %w", dir, err)
	}
	sort.Strings(anns)
	seen := map[string]bool{}
	var out []Article
	for _, ann := range anns {
		base := strings.TrimSuffix(filepath.Base(ann), ".ann")
		k := strings.LastIndexByte(base, '_')
		if k < 0 {
			return nil, fmt.Errorf("annotation file %s: name has no _annotator suffix", ann)
		}
		name := base[:k]
		if seen[name] {
			continue
		}
		seen[name] = true
		txt, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
		if err != nil {
			return nil, fmt.Errorf("reading text of %s: %w", name, err)
		}
		a, err := readAnn(ann, string(txt))
		if err != nil {
			return nil, err
		}
		a.Name = name
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no annotation files in %s", filepath.Join(dir, "attributions"))
	}
	return out, nil
}

// readAnn parses a brat standoff file. Offsets in the file count
// characters (code points); they are turned into byte offsets of text.
func readAnn(path, text string) (Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return Article{}, fmt.Errorf("opening %s: %w", path, err)
	}
	defer f.Close()
	byteAt := runeOffsets(text)
	spans := map[string]document.Span{}
	types := map[string]string{}
	var rels [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" {
			continue
		}
		fields := strings.Split(l, "\t")
		if !isAnnID(fields[0]) {
			// A continuation of a previous line's text field: annotated
			// text can hold line breaks.
			continue
		}
		switch {
		case strings.HasPrefix(l, "T"):
			if len(fields) < 2 {
				return Article{}, fmt.Errorf("%s:%d: text-bound line without type and offsets", path, line)
			}
			typ, offs, ok := strings.Cut(fields[1], " ")
			if !ok {
				return Article{}, fmt.Errorf("%s:%d: no offsets in %q", path, line, fields[1])
			}
			sp := document.Span{Start: -1}
			for _, frag := range strings.Split(offs, ";") {
				a, b, ok := strings.Cut(frag, " ")
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if !ok || err1 != nil || err2 != nil || s < 0 || e < s || e >= len(byteAt) {
					return Article{}, fmt.Errorf("%s:%d: bad offsets %q for a %d-character text", path, line, frag, len(byteAt)-1)
				}
				if sp.Start < 0 || byteAt[s] < sp.Start {
					sp.Start = byteAt[s]
				}
				sp.End = max(sp.End, byteAt[e])
			}
			spans[fields[0]] = sp
			types[fields[0]] = typ
		case strings.HasPrefix(l, "E"):
			if len(fields) >= 2 {
				rels = append(rels, strings.Fields(fields[1]))
			}
		}
	}
	if err := sc.Err(); err != nil {
		return Article{}, fmt.Errorf("reading %s: %w", path, err)
	}
	a := Article{Text: text}
	ids := make([]string, 0, len(types))
	for id := range types {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return spans[ids[i]].Start < spans[ids[j]].Start })
	for _, id := range ids {
		switch types[id] {
		case "Source":
			a.Sources = append(a.Sources, spans[id])
		case "Content":
			a.Contents = append(a.Contents, spans[id])
		}
	}
	for _, r := range rels {
		var at Attribution
		for _, arg := range r {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch strings.TrimRight(role, "0123456789") {
			case "Source":
				at.Source = spans[id]
			case "Cue":
				at.Cue = spans[id]
			case "Content":
				at.Content = spans[id]
			}
		}
		if at.Content.Len() > 0 {
			a.Attributions = append(a.Attributions, at)
		}
	}
	return a, nil
}

// runeOffsets returns the byte offset of every code point of text, plus
// len(text) at the end.
func runeOffsets(text string) []int {
	out := make([]int, 0, len(text)+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}

// isAnnID reports whether s is a brat annotation id such as "T12" or "E3".
func isAnnID(s string) bool {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
