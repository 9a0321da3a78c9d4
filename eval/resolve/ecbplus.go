package resolve

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/coref"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/eval/internal/corefscore"
	"github.com/corroborate/corroborate/internal/ecbplus"
	"github.com/corroborate/corroborate/resolve"
	textstage "github.com/corroborate/corroborate/text"
)

// ecbMention is one gold entity mention of ECB+.
type ecbMention struct {
	mid      string
	typ      string
	tokens   []int // t_id
	sentence int
	cluster  string
}

// ecbDoc is one ECB+ document.
type ecbDoc struct {
	name     string // e.g. 1_10ecb
	topic    int
	tokText  map[int]string
	tokSent  map[int]int
	tokOrder []int
	mentions []*ecbMention
}

// ecbDevTopics is the standard development split (Cybulska & Vossen 2015).
var ecbDevTopics = map[int]bool{2: true, 5: true, 12: true, 18: true, 21: true, 23: true, 34: true, 35: true}

// isEntityTag reports whether a CROMER markable tag is an entity (human
// and non-human participants, locations, times), not an action.
func isEntityTag(tag string) bool {
	for _, p := range []string{"HUMAN_PART", "NON_HUMAN_PART", "LOC_", "TIME_"} {
		if strings.HasPrefix(tag, p) {
			return true
		}
	}
	return false
}

// readECBDoc parses one CROMER XML file.
func readECBDoc(path string, topic int) (*ecbDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading ECB+ document: %w", err)
	}
	defer f.Close()
	d := &ecbDoc{name: strings.TrimSuffix(filepath.Base(path), ".xml"), topic: topic, tokText: map[int]string{}, tokSent: map[int]int{}}
	dec := xml.NewDecoder(f)
	byMID := map[string]*ecbMention{}
	var cur *ecbMention
	var relKind, relNote string
	var relSources []string
	var relTarget string
	inToken := -1
	attr := func(e xml.StartElement, name string) string {
		for _, a := range e.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
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
			switch name := e.Name.Local; {
			case name == "token":
				id, err := strconv.Atoi(attr(e, "t_id"))
				if err != nil {
					return nil, fmt.Errorf("parsing %s: token without numeric t_id", path)
				}
				s, _ := strconv.Atoi(attr(e, "sentence"))
				d.tokSent[id] = s
				d.tokOrder = append(d.tokOrder, id)
				inToken = id
			case name == "token_anchor" && cur != nil:
				id, err := strconv.Atoi(attr(e, "t_id"))
				if err == nil {
					cur.tokens = append(cur.tokens, id)
				}
			case name == "CROSS_DOC_COREF" || name == "INTRA_DOC_COREF":
				relKind, relNote, relSources, relTarget = name, attr(e, "note"), nil, ""
			case name == "source" && relKind != "":
				relSources = append(relSources, attr(e, "m_id"))
			case name == "target" && relKind != "":
				relTarget = attr(e, "m_id")
			case attr(e, "m_id") != "" && attr(e, "instance_id") == "" && isEntityTag(name):
				cur = &ecbMention{mid: attr(e, "m_id"), typ: name}
			}
		case xml.CharData:
			if inToken >= 0 {
				d.tokText[inToken] += string(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "token":
				inToken = -1
			case "CROSS_DOC_COREF", "INTRA_DOC_COREF":
				label := relNote
				if relKind == "INTRA_DOC_COREF" || label == "" {
					label = d.name + "/" + relTarget
				}
				for _, s := range relSources {
					if m := byMID[s]; m != nil {
						m.cluster = label
					}
				}
				relKind = ""
			default:
				if cur != nil && e.Name.Local == cur.typ {
					if len(cur.tokens) > 0 {
						sort.Ints(cur.tokens)
						cur.sentence = d.tokSent[cur.tokens[0]]
						d.mentions = append(d.mentions, cur)
						byMID[cur.mid] = cur
					}
					cur = nil
				}
			}
		}
	}
	for _, m := range d.mentions {
		if m.cluster == "" {
			m.cluster = d.name + "/single/" + m.mid
		}
	}
	return d, nil
}

// ecbType maps a CROMER tag to a mention type.
func ecbType(tag string) string {
	switch {
	case tag == "HUMAN_PART_PER":
		return document.EntityPerson
	case tag == "HUMAN_PART_ORG":
		return document.EntityOrg
	case strings.HasPrefix(tag, "LOC_"):
		return document.EntityLoc
	}
	return document.EntityMisc
}

// looksLikeName reports whether a mention is a proper name: every word
// but short function words starts with a capital, and it is no pronoun.
func looksLikeName(text string) bool {
	words := strings.Fields(text)
	if len(words) == 0 {
		return false
	}
	switch strings.ToLower(words[0]) {
	case "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "the", "a", "an", "this", "that":
		if len(words) == 1 || strings.ToLower(words[0]) != "the" {
			return false
		}
	}
	for _, w := range words {
		switch strings.ToLower(w) {
		case "the", "of", "and", "de", "al", "for", "'s", "&", ".", "'", "\"", "-":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// ecbResult holds gold and predicted labels of a mention set.
type ecbResult struct {
	gold, ours, base, exact, single []string
	names                           int
	// viaChain counts the mentions placed through a coreference chain,
	// viaHead those grouped by their head word.
	viaChain, viaHead int
}

// chainEntity returns the entity of the name heading the coref chain
// that holds the gold mention at sp (the same span, or one ending where
// it ends), if any.
func chainEntity(d *document.Document, sp document.Span) (string, bool) {
	for _, c := range d.Coref {
		if c.Head < 0 || d.Mentions[c.Head].Entity == "" {
			continue
		}
		for _, m := range c.Mentions {
			if m.Span == sp || (m.End == sp.End && m.Overlaps(sp)) {
				return d.Mentions[c.Head].Entity, true
			}
		}
	}
	return "", false
}

// unnamedChainText returns the first description of the unnamed chain
// that holds gm ("the man" for the "who" of "the man who"), else gm's own
// text.
func unnamedChainText(d *document.Document, gm document.Mention) string {
	for _, c := range d.Coref {
		if c.Head >= 0 {
			continue
		}
		for _, m := range c.Mentions {
			if m.Span == gm.Span || (m.End == gm.End && m.Overlaps(gm.Span)) {
				for _, o := range c.Mentions {
					if o.Kind == document.CorefDescription || o.Kind == document.CorefAppositive {
						return o.Text
					}
				}
			}
		}
	}
	return gm.Text
}

// bareText lowercases a phrase and drops a leading article.
func bareText(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, a := range []string{"the ", "a ", "an "} {
		s = strings.TrimPrefix(s, a)
	}
	return s
}

// plural reports whether a phrase's head word ends in -s where its
// head key does not.
func plural(phrase string) bool {
	k := resolve.HeadKey(phrase)
	low := strings.ToLower(phrase)
	return k != "" && !strings.Contains(low, k+" ") && !strings.HasSuffix(low, k) && !strings.Contains(low, k+"'")
}

// headClass groups mention types for head-word matching: persons,
// organisations and places apart, the rest together.
func headClass(typ string) string { return typ }

// runECB evaluates cross-document entity coreference on ECB+ topics found
// in dir: gold mentions in the checked sentences, gold topics; the
// resolver links the proper-name mentions, every other mention stays a
// singleton. It returns the CoNLL F1 on all topics.
func runECB(ctx context.Context, dir string, w io.Writer) (float64, error) {
	checked, err := ecbplus.CheckedSentences(filepath.Join(dir, ecbplus.CheckedFile))
	if err != nil {
		return 0, err
	}
	topicDirs, err := filepath.Glob(filepath.Join(dir, "ECB+", "*"))
	if err != nil {
		return 0, err
	}
	res, err := resolve.New(resolve.Options{})
	if err != nil {
		return 0, err
	}
	// The text stage writes the paragraphs the resolver reads.
	splitter := textstage.New()
	cr := coref.New(coref.Options{})
	var all, dev ecbResult
	topics := 0
	sort.Slice(topicDirs, func(i, j int) bool {
		a, _ := strconv.Atoi(filepath.Base(topicDirs[i]))
		b, _ := strconv.Atoi(filepath.Base(topicDirs[j]))
		return a < b
	})
	for _, td := range topicDirs {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		topic, err := strconv.Atoi(filepath.Base(td))
		if err != nil {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(td, "*.xml"))
		sort.Strings(files)
		story := document.NewStory()
		type ref struct {
			doc, idx int
			m        *ecbMention
		}
		var refs []ref
		for _, fp := range files {
			ed, err := readECBDoc(fp, topic)
			if err != nil {
				return 0, err
			}
			file := strings.TrimPrefix(ed.name, strconv.Itoa(topic)+"_")
			var text strings.Builder
			start, end := map[int]int{}, map[int]int{}
			prevSent := -1
			for _, id := range ed.tokOrder {
				if text.Len() > 0 {
					if ed.tokSent[id] != prevSent {
						text.WriteString("\n")
					} else {
						text.WriteString(" ")
					}
				}
				prevSent = ed.tokSent[id]
				start[id] = text.Len()
				text.WriteString(ed.tokText[id])
				end[id] = text.Len()
			}
			doc := &document.Document{ID: ed.name, Text: text.String()}
			if err := splitter.Annotate(ctx, doc); err != nil {
				return 0, fmt.Errorf("splitting ECB+ document %s: %w", ed.name, err)
			}
			di := story.Add(doc)
			for _, m := range ed.mentions {
				if !checked[fmt.Sprintf("%d/%s/%d", topic, file, m.sentence)] {
					continue
				}
				sp := document.Span{Start: start[m.tokens[0]], End: end[m.tokens[len(m.tokens)-1]]}
				refs = append(refs, ref{di, len(doc.Mentions), m})
				doc.Mentions = append(doc.Mentions, document.Mention{Span: sp, Text: doc.Text[sp.Start:sp.End], Type: ecbType(m.typ)})
			}
		}
		// Keep only the proper-name mentions for the resolver; remember
		// where each went.
		isName := make([]bool, len(refs))
		for i, r := range refs {
			isName[i] = looksLikeName(story.Docs[r.doc].Mentions[r.idx].Text)
		}
		kept := make([][]document.Mention, len(story.Docs))
		keptIdx := make([]int, len(refs))
		for i, r := range refs {
			keptIdx[i] = -1
			if isName[i] {
				keptIdx[i] = len(kept[r.doc])
				kept[r.doc] = append(kept[r.doc], story.Docs[r.doc].Mentions[r.idx])
			}
		}
		golds := make([]document.Mention, len(refs))
		for i, r := range refs {
			golds[i] = story.Docs[r.doc].Mentions[r.idx]
		}
		for di, d := range story.Docs {
			d.Mentions = kept[di]
			if err := cr.Annotate(ctx, d); err != nil {
				return 0, fmt.Errorf("coreference in ECB+ document %s: %w", d.ID, err)
			}
		}
		if err := res.Link(ctx, story); err != nil {
			return 0, fmt.Errorf("linking ECB+ topic %d: %w", topic, err)
		}
		topics++
		// Head words that a chain ties to one entity in some document
		// stand for that entity across the topic.
		headVotes := map[string]map[string]int{}
		for i, r := range refs {
			if keptIdx[i] >= 0 {
				continue
			}
			d := story.Docs[r.doc]
			if ent, ok := chainEntity(d, golds[i].Span); ok {
				if k := resolve.HeadKey(golds[i].Text); k != "" {
					hk := headClass(golds[i].Type) + "/" + k
					if headVotes[hk] == nil {
						headVotes[hk] = map[string]int{}
					}
					headVotes[hk][ent]++
				}
			}
		}
		// entities named in each document, and the entity of each name
		// spelling in the topic
		named := make([]map[string]bool, len(story.Docs))
		spelling := map[string]map[string]bool{}
		for di, d := range story.Docs {
			named[di] = map[string]bool{}
			for _, m := range d.Mentions {
				if m.Entity != "" {
					named[di][m.Entity] = true
					k := bareText(m.Text)
					if spelling[k] == nil {
						spelling[k] = map[string]bool{}
					}
					spelling[k][m.Entity] = true
				}
			}
		}
		for i, r := range refs {
			d := story.Docs[r.doc]
			singleton := fmt.Sprintf("t%d/%s/%s", topic, d.ID, r.m.mid)
			ours, base, exact := singleton, singleton, singleton
			gm := golds[i]
			x := &all
			if keptIdx[i] >= 0 {
				m := d.Mentions[keptIdx[i]]
				if m.Entity != "" {
					base = fmt.Sprintf("t%d/%s", topic, m.Entity)
				}
				ours = base
				exact = fmt.Sprintf("t%d/exact/%s", topic, strings.ToLower(m.Text))
				all.names++
				if ecbDevTopics[topic] {
					dev.names++
				}
			} else if ents := spelling[bareText(gm.Text)]; len(ents) == 1 {
				// "navy" where the topic names the "Navy"
				for e := range ents {
					ours = fmt.Sprintf("t%d/%s", topic, e)
				}
				x.viaChain++
			} else if ent, ok := chainEntity(d, gm.Span); ok {
				ours = fmt.Sprintf("t%d/%s", topic, ent)
				x.viaChain++
			} else if k := resolve.HeadKey(unnamedChainText(d, gm)); k != "" && !strings.ContainsFunc(gm.Text, unicode.IsDigit) {
				if plural(unnamedChainText(d, gm)) {
					k += "/pl"
				}
				ours = fmt.Sprintf("t%d/head/%s/%s", topic, headClass(gm.Type), k)
				// the one entity named in this document that the head
				// stands for elsewhere in the topic
				var pick []string
				votes := headVotes[headClass(gm.Type)+"/"+k]
				for e := range votes {
					if named[r.doc][e] {
						pick = append(pick, e)
					}
				}
				if len(pick) == 0 && len(votes) == 1 {
					// no voted entity named here: the topic's only one
					for e := range votes {
						pick = append(pick, e)
					}
				}
				if len(pick) == 1 {
					ours = fmt.Sprintf("t%d/%s", topic, pick[0])
				}
				x.viaHead++
			}
			for _, x := range []*ecbResult{&all, &dev} {
				if x == &dev && !ecbDevTopics[topic] {
					continue
				}
				x.gold = append(x.gold, fmt.Sprintf("t%d/%s", topic, r.m.cluster))
				x.ours = append(x.ours, ours)
				x.base = append(x.base, base)
				x.exact = append(x.exact, exact)
				x.single = append(x.single, singleton)
			}
		}
	}
	if topics == 0 {
		return 0, fmt.Errorf("evaluating ECB+: no topic folders in %s", filepath.Join(dir, "ECB+"))
	}
	fmt.Fprintf(w, "ECB+ entity coreference (topics 1-35 present: %d; gold mentions in checked sentences, gold topics, singletons kept)\n", topics)
	fmt.Fprintf(w, "  names linked by the resolver; other mentions placed through a within-document coref chain (%d) or grouped by head word within the topic (%d); 'names only' is the flow before coref\n", all.viaChain, all.viaHead)
	var conllAll float64
	for _, part := range []struct {
		name string
		r    *ecbResult
	}{{"all topics 1-35", &all}, {"dev topics (2 5 12 18 21 23 34 35)", &dev}} {
		fmt.Fprintf(w, "%s: %d mentions, %d proper names given to the resolver\n", part.name, len(part.r.gold), part.r.names)
		for _, sys := range []struct {
			name string
			pred []string
		}{{"corroborate resolve", part.r.ours}, {"names only (before)", part.r.base}, {"exact name string", part.r.exact}, {"all singletons", part.r.single}} {
			m, b, c := corefscore.MUC(part.r.gold, sys.pred), corefscore.BCubed(part.r.gold, sys.pred), corefscore.CEAFe(part.r.gold, sys.pred)
			conll := (m.F1 + b.F1 + c.F1) / 3
			fmt.Fprintf(w, "  %-20s MUC %.4f  B3 P %.4f R %.4f F1 %.4f  CEAF-e %.4f  CoNLL F1 %.4f\n", sys.name, m.F1, b.P, b.R, b.F1, c.F1, conll)
			if part.r == &all && sys.name == "corroborate resolve" {
				conllAll = conll
			}
		}
	}
	fmt.Fprintln(w, "  published (test topics 36-45, not comparable split): Barhom et al. 2019 entities CoNLL F1 ~70.9; Cattan et al. 2021 ~73 (not re-checked here)")
	return conllAll, nil
}
