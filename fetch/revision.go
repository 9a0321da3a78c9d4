package fetch

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/corroborate/corroborate/document"
)

// Revision is one version of a page.
type Revision struct {
	// N counts versions of the same URL from 1.
	N         int
	FetchedAt time.Time
	// Hash is the SHA-256 of the content compared between versions.
	Hash string
	Doc  *document.Document
}

// History keeps the versions of pages fetched more than once. It is safe
// for concurrent use.
type History struct {
	mu    sync.Mutex
	byURL map[string][]Revision
}

// NewHistory returns an empty history.
func NewHistory() *History { return &History{byURL: map[string][]Revision{}} }

// content is what decides whether a page changed: the extracted text when
// known, else the decoded source.
func content(d *document.Document) string {
	if d.Extracted != "" {
		return d.Extracted
	}
	return d.Raw
}

// Add records d as fetched at t. When the page (keyed by d.URL, else
// d.Source) was seen before with the same content, Add returns that
// revision and changed false. Otherwise d becomes a new revision: it keeps
// the first version's publication date when it has none of its own, its ID
// gets a "-rN" suffix from the second revision on, and changed is true.
func (h *History) Add(d *document.Document, t time.Time) (rev Revision, changed bool) {
	key := d.URL
	if key == "" {
		key = d.Source
	}
	sum := sha256.Sum256([]byte(content(d)))
	hash := hex.EncodeToString(sum[:])
	h.mu.Lock()
	defer h.mu.Unlock()
	revs := h.byURL[key]
	if n := len(revs); n > 0 && revs[n-1].Hash == hash {
		return revs[n-1], false
	}
	if len(revs) > 0 {
		first := revs[0].Doc
		if d.Published.IsZero() {
			d.Published = first.Published
		}
		d.ID = fmt.Sprintf("%s-r%d", strings.TrimSuffix(d.ID, fmt.Sprintf("-r%d", len(revs))), len(revs)+1)
	}
	rev = Revision{N: len(revs) + 1, FetchedAt: t, Hash: hash, Doc: d}
	h.byURL[key] = append(revs, rev)
	return rev, true
}

// Revisions returns the versions of a page in fetch order.
func (h *History) Revisions(url string) []Revision {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]Revision(nil), h.byURL[url]...)
}

// Op says what happened to a paragraph between two versions.
type Op string

// Paragraph operations.
const (
	Same    Op = "="
	Removed Op = "-"
	Added   Op = "+"
)

// ParagraphChange is one line of a paragraph diff. Old and New are the
// paragraph's index in each version, -1 where it does not occur.
type ParagraphChange struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
	Old  int    `json:"old"`
	New  int    `json:"new"`
}

var blankLines = regexp.MustCompile(`\n[ \t]*\n\s*`)

// Paragraphs splits text at blank lines, trimming each paragraph.
func Paragraphs(text string) []string {
	var out []string
	for _, p := range blankLines.Split(strings.ReplaceAll(text, "\r\n", "\n"), -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// maxDiffCells bounds the LCS table; longer texts diff paragraph runs
// between the common prefix and suffix only coarsely.
const maxDiffCells = 4 << 20

// DiffParagraphs compares two versions of a text paragraph by paragraph
// (a longest-common-subsequence diff) and lists every paragraph as kept,
// removed or added, in reading order.
func DiffParagraphs(oldText, newText string) []ParagraphChange {
	a, b := Paragraphs(oldText), Paragraphs(newText)
	var out []ParagraphChange
	// Common prefix and suffix first: cheap and the usual case for edits.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		out = append(out, ParagraphChange{Same, a[pre], pre, pre})
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(ma)*len(mb) > maxDiffCells {
		for i, p := range ma {
			out = append(out, ParagraphChange{Removed, p, pre + i, -1})
		}
		for j, p := range mb {
			out = append(out, ParagraphChange{Added, p, -1, pre + j})
		}
	} else {
		out = append(out, lcsDiff(ma, mb, pre)...)
	}
	for k := 0; k < suf; k++ {
		i, j := len(a)-suf+k, len(b)-suf+k
		out = append(out, ParagraphChange{Same, a[i], i, j})
	}
	return out
}

func lcsDiff(a, b []string, off int) []ParagraphChange {
	n, m := len(a), len(b)
	// l[i][j] = LCS length of a[i:] and b[j:].
	l := make([][]int, n+1)
	for i := range l {
		l[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	var out []ParagraphChange
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			out = append(out, ParagraphChange{Same, a[i], off + i, off + j})
			i++
			j++
		case l[i+1][j] >= l[i][j+1]:
			out = append(out, ParagraphChange{Removed, a[i], off + i, -1})
			i++
		default:
			out = append(out, ParagraphChange{Added, b[j], -1, off + j})
			j++
		}
	}
	for ; i < n; i++ {
		out = append(out, ParagraphChange{Removed, a[i], off + i, -1})
	}
	for ; j < m; j++ {
		out = append(out, ParagraphChange{Added, b[j], -1, off + j})
	}
	return out
}
