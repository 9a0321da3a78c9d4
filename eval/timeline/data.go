package timeline

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Row is one line of a timeline file: a position (0: not placed on the
// ordered timeline), a date (YYYY-MM-DD, partial as 2007-XX-XX, or
// XXXX-XX-XX when unknown) and the ids of the simultaneous events on it.
type Row struct {
	Pos    int
	Date   string
	Events []string
}

// Timeline is the timeline of one target entity.
type Timeline struct {
	Entity string
	Rows   []Row
}

// ReadTimeline parses a timeline file: the entity on the first line, then
// "<position>\t<date>\t<event id>[\t<event id>…]" lines.
func ReadTimeline(r io.Reader) (Timeline, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	var tl Timeline
	first := true
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r\n ")
		if first {
			tl.Entity = strings.TrimSpace(line)
			first = false
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			return tl, fmt.Errorf("line %d: want position, date and event ids, got %q", n, line)
		}
		pos, err := strconv.Atoi(strings.TrimSpace(f[0]))
		if err != nil {
			return tl, fmt.Errorf("line %d: position %q: %w", n, f[0], err)
		}
		row := Row{Pos: pos, Date: strings.TrimSpace(f[1])}
		for _, e := range f[2:] {
			if e = strings.TrimSpace(e); e != "" {
				row.Events = append(row.Events, e)
			}
		}
		tl.Rows = append(tl.Rows, row)
	}
	return tl, sc.Err()
}

// WriteTimeline writes tl in the task's format.
func WriteTimeline(w io.Writer, tl Timeline) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, tl.Entity)
	for _, r := range tl.Rows {
		fmt.Fprintf(bw, "%d\t%s\t%s\n", r.Pos, r.Date, strings.Join(r.Events, "\t"))
	}
	return bw.Flush()
}

// Doc is one Track A document: its id, creation time and sentences of
// space-separated tokens, indexed by the sentence id the event ids use.
type Doc struct {
	ID  string
	DCT time.Time
	// Sentences maps a sentence id to its tokens.
	Sentences map[int][]string
	// Order lists the sentence ids in document order.
	Order []int
}

// ReadDoc parses a Track A TimeML file (tags inside sentences, such as
// the trial data's EVENT and TIMEX3, are dropped: only the raw tokens are
// kept).
func ReadDoc(path string) (*Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	defer f.Close()
	d, err := parseDoc(f)
	if err != nil {
		return nil, fmt.Errorf("parsing %s: %w", path, err)
	}
	return d, nil
}

func parseDoc(r io.Reader) (*Doc, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	d := &Doc{Sentences: map[int][]string{}}
	var stack []string
	var buf strings.Builder
	sent := -1
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			switch t.Name.Local {
			case "s":
				sent = -1
				for _, a := range t.Attr {
					if a.Name.Local == "id" {
						if n, err := strconv.Atoi(a.Value); err == nil {
							sent = n
						}
					}
				}
				buf.Reset()
			case "TIMEX3":
				var value, fn string
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "value":
						value = a.Value
					case "functionInDocument":
						fn = a.Value
					}
				}
				if fn == "CREATION_TIME" && d.DCT.IsZero() {
					if v, err := time.Parse("2006-01-02", firstN(value, 10)); err == nil {
						d.DCT = v
					}
				}
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if t.Name.Local == "s" && sent >= 0 {
				if _, dup := d.Sentences[sent]; !dup {
					d.Order = append(d.Order, sent)
				}
				d.Sentences[sent] = strings.Fields(buf.String())
				sent = -1
			}
		case xml.CharData:
			top := ""
			if len(stack) > 0 {
				top = stack[len(stack)-1]
			}
			switch {
			case top == "DOCID":
				d.ID = strings.TrimSpace(string(t))
			case sent >= 0:
				buf.WriteString(" ")
				buf.Write(t)
				buf.WriteString(" ")
			}
		}
	}
	if d.ID == "" {
		return nil, fmt.Errorf("no DOCID")
	}
	if d.DCT.IsZero() {
		// A creation time in another layout ("03-02-2009"): read the
		// dateline the Wikinews articles open with ("February 03 , 2009").
		for _, sid := range d.Order[:min(3, len(d.Order))] {
			line := strings.Join(d.Sentences[sid], " ")
			for _, layout := range []string{"January 02 , 2006", "January 2 , 2006"} {
				if t, err := time.Parse(layout, line); err == nil {
					d.DCT = t
				}
			}
		}
	}
	return d, nil
}

func firstN(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// Corpus is one evaluation corpus: its documents, target entities and
// gold timelines.
type Corpus struct {
	Name     string
	Docs     []*Doc
	Entities []string
	// Gold holds the gold timelines by file name (see GoldFor).
	Gold map[string]Timeline
	// Skipped are the documents that could not be read.
	Skipped []error
}

// GoldFor returns the gold timeline of target: the file named after it
// (lower case, spaces as underscores), else one whose first line names it.
func (c *Corpus) GoldFor(target string) (Timeline, bool) {
	if tl, ok := c.Gold[strings.ToLower(strings.Join(strings.Fields(target), "_"))]; ok {
		return tl, true
	}
	for _, tl := range c.Gold {
		if strings.EqualFold(tl.Entity, target) {
			return tl, true
		}
	}
	return Timeline{}, false
}

// loadCorpus reads the documents in docDir and the gold timelines in
// goldDir; entities come from listFile when given, else from the gold
// files' first lines.
func loadCorpus(name, docDir, goldDir, listFile string) (*Corpus, error) {
	c := &Corpus{Name: name, Gold: map[string]Timeline{}}
	files, err := filepath.Glob(filepath.Join(docDir, "*.tml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no .tml documents in %s", docDir)
	}
	sort.Strings(files)
	for _, f := range files {
		d, err := ReadDoc(f)
		if err != nil {
			// One unreadable document is reported; the rest is evaluated.
			c.Skipped = append(c.Skipped, err)
			continue
		}
		c.Docs = append(c.Docs, d)
	}
	golds, err := filepath.Glob(filepath.Join(goldDir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(golds) == 0 {
		return nil, fmt.Errorf("no gold timelines in %s", goldDir)
	}
	sort.Strings(golds)
	for _, g := range golds {
		f, err := os.Open(g)
		if err != nil {
			return nil, err
		}
		tl, err := ReadTimeline(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("gold timeline %s: %w", g, err)
		}
		// Gold files are keyed by file name: a few first lines carry
		// typos ("United States Air Froce").
		c.Gold[strings.TrimSuffix(filepath.Base(g), ".txt")] = tl
	}
	if listFile != "" {
		b, err := os.ReadFile(listFile)
		if err != nil {
			return nil, fmt.Errorf("target entities: %w", err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				c.Entities = append(c.Entities, l)
			}
		}
	} else {
		for _, tl := range c.Gold {
			c.Entities = append(c.Entities, tl.Entity)
		}
		sort.Strings(c.Entities)
	}
	return c, nil
}

// findRoot returns the task folder under dataDir (dataDir itself or its
// semeval2015-task4-timeline child).
func findRoot(dataDir string) (string, error) {
	for _, c := range []string{dataDir, filepath.Join(dataDir, "semeval2015-task4-timeline")} {
		if st, err := os.Stat(filepath.Join(c, "SemEval_Task4_data")); err == nil && st.IsDir() {
			return c, nil
		}
	}
	return "", fmt.Errorf("no SemEval-2015 Task 4 data (SemEval_Task4_data/) under %s", dataDir)
}

// evalCorpora loads the three evaluation corpora.
func evalCorpora(root string) ([]*Corpus, error) {
	var out []*Corpus
	for i := 1; i <= 3; i++ {
		dir := filepath.Join(root, "SemEval_Task4_data", fmt.Sprintf("corpus_%d", i))
		c, err := loadCorpus(fmt.Sprintf("corpus_%d", i),
			filepath.Join(dir, "corpus_trackA_TimeML"),
			filepath.Join(dir, "TimeLines_Gold_Standard"),
			filepath.Join(dir, fmt.Sprintf("list_target_entities_corpus_%d.txt", i)))
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// trialCorpus loads the trial (Apple) corpus, the development set.
func trialCorpus(root string) (*Corpus, error) {
	return loadCorpus("trial", filepath.Join(root, "Corpus-trial-data_task4_TimeML"),
		filepath.Join(root, "TimeLines_trial_data_task4_v1.2"), "")
}
