// Package train reads ECB+ and trains the pairwise event-coreference
// model of package eventcoref. It is used by cmd/eventcoref-train and the
// events evaluation, not by the product.
package train

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/ecbplus"
)

// Doc is one ECB+ document turned into a document.Document: its Text is
// the tokens joined by spaces, one sentence a line; Sentences, the gold
// entity mentions (Mentions, untyped beyond PER/ORG/LOC/MISC and without
// entity ids), the gold time mentions (Timexes, Value empty) and the gold
// event mentions in the checked sentences (Events, without arguments).
type Doc struct {
	*document.Document
	// Topic is the ECB+ topic number; Sub is the sub-topic, "ecb" or
	// "ecbplus".
	Topic int
	Sub   string
	// Checked lists the sentences (indices into Sentences) checked for
	// coreference.
	Checked map[int]bool
	// Gold is the gold cluster of each event mention, parallel to Events:
	// the cross-document instance id, or a document-local chain or
	// singleton label.
	Gold []string
}

// Topic is one ECB+ topic folder.
type Topic struct {
	Number int
	Docs   []*Doc
}

type markable struct {
	tag    string
	mid    string
	tokens []int
}

// ReadECB reads every topic folder of dir/ECB+ and the checked-sentence
// list dir/ECBplus_coreference_sentences.csv, whatever topic numbers the
// folder holds. Only event mentions in checked sentences are kept, as in
// the standard setup (Cybulska & Vossen 2015). keep, when not nil, says
// which topics to read.
func ReadECB(dir string, keep func(topic int) bool) ([]*Topic, error) {
	checked, err := ecbplus.CheckedSentences(filepath.Join(dir, ecbplus.CheckedFile))
	if err != nil {
		return nil, err
	}
	dirs, err := filepath.Glob(filepath.Join(dir, "ECB+", "*"))
	if err != nil {
		return nil, fmt.Errorf("listing ECB+ topics in %s: %w", dir, err)
	}
	var out []*Topic
	for _, td := range dirs {
		n, err := strconv.Atoi(filepath.Base(td))
		if err != nil || (keep != nil && !keep(n)) {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(td, "*.xml"))
		sort.Strings(files)
		t := &Topic{Number: n}
		for _, f := range files {
			d, err := readDoc(f, n, checked)
			if err != nil {
				return nil, err
			}
			t.Docs = append(t.Docs, d)
		}
		if len(t.Docs) > 0 {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("reading ECB+: no topic folders with documents in %s", filepath.Join(dir, "ECB+"))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Number < out[j].Number })
	return out, nil
}

// eventClass maps a CROMER action tag to an event class and polarity.
func eventClass(tag string) (class, polarity string, ok bool) {
	polarity = document.PolarityPositive
	if t, neg := strings.CutPrefix(tag, "NEG_"); neg {
		tag, polarity = t, document.PolarityNegative
	}
	switch tag {
	case "ACTION_OCCURRENCE", "ACTION_GENERIC", "ACTION_CAUSATIVE":
		return document.EventOccurrence, polarity, true
	case "ACTION_REPORTING":
		return document.EventReporting, polarity, true
	case "ACTION_STATE":
		return document.EventState, polarity, true
	case "ACTION_ASPECTUAL":
		return document.EventAspectual, polarity, true
	case "ACTION_PERCEPTION":
		return document.EventPerception, polarity, true
	}
	return "", "", false
}

func readDoc(path string, topic int, checked map[string]bool) (*Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading ECB+ document: %w", err)
	}
	defer f.Close()
	name := strings.TrimSuffix(filepath.Base(path), ".xml")
	file := strings.TrimPrefix(name, strconv.Itoa(topic)+"_")
	sub := "ecb"
	if strings.HasSuffix(name, "ecbplus") {
		sub = "ecbplus"
	}
	tokText, tokSent := map[int]string{}, map[int]int{}
	var order []int
	var marks []*markable
	byMID := map[string]*markable{}
	label := map[string]string{} // m_id → cluster
	var cur *markable
	var relKind, relNote, relTarget string
	var relSources []string
	inToken := -1
	attr := func(e xml.StartElement, n string) string {
		for _, a := range e.Attr {
			if a.Name.Local == n {
				return a.Value
			}
		}
		return ""
	}
	dec := xml.NewDecoder(f)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("parsing %s: %w", path, err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch n := e.Name.Local; {
			case n == "token":
				id, err := strconv.Atoi(attr(e, "t_id"))
				if err != nil {
					return nil, fmt.Errorf("parsing %s: token without numeric t_id", path)
				}
				s, _ := strconv.Atoi(attr(e, "sentence"))
				tokSent[id] = s
				order = append(order, id)
				inToken = id
			case n == "token_anchor" && cur != nil:
				if id, err := strconv.Atoi(attr(e, "t_id")); err == nil {
					cur.tokens = append(cur.tokens, id)
				}
			case n == "CROSS_DOC_COREF" || n == "INTRA_DOC_COREF":
				relKind, relNote, relSources, relTarget = n, attr(e, "note"), nil, ""
			case n == "source" && relKind != "":
				relSources = append(relSources, attr(e, "m_id"))
			case n == "target" && relKind != "":
				relTarget = attr(e, "m_id")
			case attr(e, "m_id") != "" && relKind == "":
				cur = &markable{tag: n, mid: attr(e, "m_id")}
			}
		case xml.CharData:
			if inToken >= 0 {
				tokText[inToken] += string(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "token":
				inToken = -1
			case "CROSS_DOC_COREF", "INTRA_DOC_COREF":
				l := relNote
				if relKind == "INTRA_DOC_COREF" || l == "" {
					l = name + "/" + relTarget
				}
				for _, s := range relSources {
					label[s] = l
				}
				relKind = ""
			default:
				if cur != nil && e.Name.Local == cur.tag {
					if len(cur.tokens) > 0 {
						sort.Ints(cur.tokens)
						marks = append(marks, cur)
						byMID[cur.mid] = cur
					}
					cur = nil
				}
			}
		}
	}
	// Text: tokens joined by spaces, a sentence a line.
	var b strings.Builder
	start, end := map[int]int{}, map[int]int{}
	var sents []document.Span
	prev := -1
	for _, id := range order {
		if tokSent[id] != prev {
			if b.Len() > 0 {
				sents[len(sents)-1].End = b.Len()
				b.WriteString("\n")
			}
			sents = append(sents, document.Span{Start: b.Len()})
			prev = tokSent[id]
		} else {
			b.WriteString(" ")
		}
		start[id] = b.Len()
		b.WriteString(strings.TrimSpace(tokText[id]))
		end[id] = b.Len()
	}
	if len(sents) > 0 {
		sents[len(sents)-1].End = b.Len()
	}
	sentIdx := map[int]int{} // ECB sentence number → index
	for _, id := range order {
		if _, ok := sentIdx[tokSent[id]]; !ok {
			sentIdx[tokSent[id]] = len(sentIdx)
		}
	}
	doc := &document.Document{ID: name, Text: b.String(), Sentences: sents}
	d := &Doc{Document: doc, Topic: topic, Sub: sub, Checked: map[int]bool{}}
	for num, idx := range sentIdx {
		if checked[fmt.Sprintf("%d/%s/%d", topic, file, num)] {
			d.Checked[idx] = true
		}
	}
	for _, m := range marks {
		first, last := m.tokens[0], m.tokens[len(m.tokens)-1]
		sp := document.Span{Start: start[first], End: end[last]}
		text := doc.Text[sp.Start:sp.End]
		switch {
		case strings.HasPrefix(m.tag, "HUMAN_PART_ORG"):
			doc.Mentions = append(doc.Mentions, document.Mention{Span: sp, Text: text, Type: document.EntityOrg})
		case strings.HasPrefix(m.tag, "HUMAN_PART"):
			doc.Mentions = append(doc.Mentions, document.Mention{Span: sp, Text: text, Type: document.EntityPerson})
		case strings.HasPrefix(m.tag, "NON_HUMAN_PART"):
			doc.Mentions = append(doc.Mentions, document.Mention{Span: sp, Text: text, Type: document.EntityMisc})
		case strings.HasPrefix(m.tag, "LOC_"):
			doc.Mentions = append(doc.Mentions, document.Mention{Span: sp, Text: text, Type: document.EntityLoc})
		case strings.HasPrefix(m.tag, "TIME_"):
			doc.Timexes = append(doc.Timexes, document.Timex{Span: sp, Text: text, Type: "DATE"})
		default:
			class, pol, ok := eventClass(m.tag)
			if !ok || !checked[fmt.Sprintf("%d/%s/%d", topic, file, tokSent[first])] {
				continue
			}
			doc.Events = append(doc.Events, document.EventMention{Span: sp, Text: text, Class: class, Polarity: pol,
				Sentence: sentIdx[tokSent[first]], Confidence: 1})
			l := label[m.mid]
			if l == "" {
				l = name + "/single/" + m.mid
			}
			d.Gold = append(d.Gold, l)
		}
	}
	sortEvents(d)
	return d, nil
}

// sortEvents orders the event mentions by position, keeping Gold
// parallel.
func sortEvents(d *Doc) {
	idx := make([]int, len(d.Events))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return d.Events[idx[a]].Start < d.Events[idx[b]].Start })
	ev := make([]document.EventMention, len(idx))
	g := make([]string, len(idx))
	for i, j := range idx {
		ev[i], g[i] = d.Events[j], d.Gold[j]
	}
	d.Events, d.Gold = ev, g
}
