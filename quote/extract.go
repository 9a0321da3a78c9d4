package quote

import (
	"context"
	"errors"
	"fmt"
	"github.com/corroborate/corroborate/pipeline"
	"sort"
	"strings"

	textseg "github.com/corroborate/corroborate/text"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/spans"
)

// Extractor finds quotes and reported speech. It holds no state and is safe
// for concurrent use.
type Extractor struct{}

// New returns an Extractor.
func New() *Extractor { return &Extractor{} }

// Annotate writes d.Quotes from d.Text, reading the paragraphs and
// sentences of the text stage (a document with text but no sentences is an
// error), d.Mentions (capitalized-word runs stand in for names when it is
// empty) and, when the coref stage ran before it, d.Coref to resolve
// pronoun and description speakers.
func (e *Extractor) Annotate(ctx context.Context, d *document.Document) error {
	if d == nil {
		return errors.New("quote: annotating a nil document")
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("quote: annotating %s: %w", d.ID, err)
	}
	if len(d.Sentences) == 0 && strings.TrimSpace(d.Text) != "" {
		return fmt.Errorf("quote: annotating %s: no sentences (the text stage must run first)", d.ID)
	}
	for _, s := range d.Paragraphs {
		if !s.Valid(len(d.Text)) {
			return fmt.Errorf("quote: annotating %s: paragraph [%d,%d) outside the %d-byte text", d.ID, s.Start, s.End, len(d.Text))
		}
	}
	for _, s := range d.Sentences {
		if !s.Valid(len(d.Text)) {
			return fmt.Errorf("quote: annotating %s: sentence [%d,%d) outside the %d-byte text", d.ID, s.Start, s.End, len(d.Text))
		}
	}
	for _, m := range d.Mentions {
		if !m.Span.Valid(len(d.Text)) {
			return fmt.Errorf("quote: annotating %s: mention %q at [%d,%d) outside the %d-byte text", d.ID, m.Text, m.Start, m.End, len(d.Text))
		}
	}
	d.Quotes = e.Extract(d)
	return nil
}

// found is a quote with its analysed speaker, before pronoun resolution.
type found struct {
	q    document.Quote
	spk  speaker
	sent int
	// cont marks a direct quote with no cue of its own that continues the
	// previous quote's speaker.
	cont bool
	// orphan marks a direct quote with no speaker found; reported speech
	// around it takes its place.
	orphan bool
	// resolvedBy says how a pronoun speaker was resolved; titled, how an
	// unnamed title was matched to a name.
	resolvedBy, titled string
	// conflict says why a pronoun was left unresolved when coreference
	// and the nearest speaker disagree; corefConf is the confidence of a
	// coreference path that resolved it.
	conflict  string
	corefConf float64
	// disputed notes a coreference answer set aside for the structure of
	// the attribution.
	disputed string
}

// Extract returns the quotes of d in text order, without changing d. It
// reads d.Text, the text stage's d.Paragraphs and d.Sentences, and
// d.Mentions.
func (e *Extractor) Extract(d *document.Document) []document.Quote {
	x := &extraction{text: d.Text, paras: d.Paragraphs, sents: d.Sentences, mentions: d.Mentions, ms: newMentionSet(d.Mentions), doc: d}
	x.direct()
	x.indirect()
	x.dropOrphans()
	sort.SliceStable(x.found, func(i, j int) bool { return x.found[i].q.Content.Start < x.found[j].q.Content.Start })
	x.resolve()
	out := make([]document.Quote, len(x.found))
	for i, f := range x.found {
		out[i] = f.q
	}
	return out
}

type extraction struct {
	text     string
	paras    []document.Span
	sents    []document.Span
	mentions []document.Mention
	ms       *mentionSet
	found    []found
	// quoted are the spans of direct quotes kept, so that reported speech
	// is not looked for inside them.
	quoted []document.Span
	// quotedIdx indexes quoted once direct quotes are all found.
	quotedIdx *spans.Index
	// doc is the document, read for its coreference chains (d.Coref)
	// when the coref stage ran.
	doc *document.Document
}

// sentenceAt returns the index of the sentence holding offset off, or the
// last sentence starting before it.
func (x *extraction) sentenceAt(off int) int {
	i := sort.Search(len(x.sents), func(i int) bool { return x.sents[i].Start > off }) - 1
	if i < 0 {
		return 0
	}
	return i
}

func (x *extraction) sentSpan(i int) document.Span {
	if i < 0 || i >= len(x.sents) {
		return document.Span{}
	}
	return x.sents[i]
}

// dropOrphans removes speakerless direct quotes that lie inside reported
// speech ("He said that fraud is “a big problem”"): the reported speech
// carries them with its speaker.
func (x *extraction) dropOrphans() {
	// The reported speech, indexed by content span.
	var reported []document.Span
	for _, g := range x.found {
		if !g.q.Direct {
			reported = append(reported, g.q.Content)
		}
	}
	idx := spans.New(len(reported), func(i int) document.Span { return reported[i] })
	kept := x.found[:0]
	for _, f := range x.found {
		if f.orphan {
			var buf [4]int
			inside := len(idx.Containing(buf[:0], f.q.Content)) > 0
			if inside {
				continue
			}
		}
		kept = append(kept, f)
	}
	x.found = kept
}

// direct attributes every quoted stretch.
func (x *extraction) direct() {
	segs := findQuoted(x.text, x.paras)
	var prev *found
	for _, sg := range segs {
		content := x.text[sg.Content.Start:sg.Content.End]
		si := x.sentenceAt(sg.Open.Start)
		if sg.Close.Len() == 0 && !x.opensClause(sg, si) {
			// An opening mark never closed inside a clause ("a report
			// titled “The internal dispute …") is a title, not speech.
			continue
		}
		ci := x.sentenceAt(max(sg.Outer().End-1, sg.Open.Start))
		var spk speaker
		var cue document.Span
		if x.opensClause(sg, si) {
			spk, cue = x.after(sg, ci)
		}
		if spk.empty() {
			spk, cue = x.before(sg, si)
			// A short quote ending a reported clause ("said the move was
			// “a provocation”") is part of reported speech, not a quote
			// of its own.
			if !spk.empty() && wordCount(content) < 4 && wordCount(x.text[cue.End:sg.Open.Start]) >= 2 {
				spk, cue = speaker{}, document.Span{}
			}
		}
		f := found{sent: si}
		switch {
		case !spk.empty():
		case wordCount(content) >= 4 && prev != nil && si-prev.sent <= 2:
			f.cont = true
			spk = prev.spk
		case wordCount(content) >= 4:
		default:
			continue // a scare quote or a title
		}
		outer := sg.Outer()
		span := outer
		if !spk.empty() && !f.cont {
			span = union(span, spk.Span)
			span = union(span, cue)
		}
		f.q = document.Quote{
			Span:        span,
			Content:     sg.Content,
			Text:        content,
			Speaker:     spk.display(),
			SpeakerSpan: spk.Span,
			Role:        spk.Role,
			Direct:      true,
			Anonymous:   spk.Anonymous && !spk.empty(),
		}
		f.spk = spk
		f.orphan = spk.empty()
		x.found = append(x.found, f)
		if !f.orphan {
			x.quoted = append(x.quoted, outer)
		}
		prev = &x.found[len(x.found)-1]
	}
}

func union(a, b document.Span) document.Span {
	if b.Len() == 0 {
		return a
	}
	if a.Len() == 0 {
		return b
	}
	return document.Span{Start: min(a.Start, b.Start), End: max(a.End, b.End)}
}

// opensClause reports whether the quote starts its sentence or follows a
// comma, colon, semicolon or dash, as quoted speech does; a quote inside a
// clause ("the broadcast of “Morning Hour,” the senator said") is a title
// or a phrase and takes no cue after it.
func (x *extraction) opensClause(sg segment, si int) bool {
	start := x.sentSpan(si).Start
	if start > sg.Open.Start {
		return true
	}
	before := strings.TrimRight(x.text[start:sg.Open.Start], " \u00a0\n")
	if before == "" {
		return true
	}
	for _, end := range []string{",", ":", ";", "—", "–", "-", "(", "”", "\""} {
		if strings.HasSuffix(before, end) {
			return true
		}
	}
	return false
}

// after looks for the cue and speaker right after the closing mark:
// "…," said X / "…," X said / "…," he told a news conference.
func (x *extraction) after(sg segment, si int) (speaker, document.Span) {
	if sg.Close.Len() == 0 {
		return speaker{}, document.Span{}
	}
	end := x.sentSpan(si).End
	if end <= sg.Close.End {
		// The sentence ends at the closing mark; a cue may still follow
		// in the next one only when it starts in lower case.
		ns := x.sentSpan(si + 1)
		if ns.Len() == 0 || ns.Start > sg.Close.End+3 || strings.Contains(x.text[sg.Close.End:ns.Start], "\n") {
			return speaker{}, document.Span{}
		}
		end = ns.End
	}
	region := document.Span{Start: sg.Close.End, End: min(end, sg.Close.End+240)}
	region.End = sentenceStop(x.text, region)
	ws := words(x.text, region)
	for len(ws) > 0 && (ws[0].text == "," || ws[0].text == ";") {
		ws = ws[1:]
	}
	if len(ws) == 0 {
		return speaker{}, document.Span{}
	}
	// The cue must start right after the mark (after commas and spaces).
	gap := x.text[sg.Close.End:ws[0].Start]
	if strings.TrimLeft(gap, " ,\n—–-") != "" {
		return speaker{}, document.Span{}
	}
	if speechVerbs[strings.ToLower(ws[0].text)] {
		// said X
		k := 1
		for k < len(ws) && k <= 9 && ws[k].text != "," && ws[k].text != ";" && ws[k].text != ":" {
			l := ws[k].text
			if !textseg.Capitalized(l) && phraseEnd[l] {
				break
			}
			if l == "of" && k+1 < len(ws) && !textseg.Capitalized(ws[k+1].text) {
				break // "Dr. Hana Jabbar of the university"
			}
			k++
		}
		if k == 1 {
			return speaker{}, document.Span{}
		}
		sp := document.Span{Start: ws[1].Start, End: ws[k-1].End}
		return analyze(x.text, sp, x.ms), ws[0].Span
	}
	for k := 1; k < len(ws) && k <= 9; k++ {
		if ws[k].text == "," && textseg.Capitalized(ws[0].text) {
			// "…,” Marc Diaz, the head of the league, said.
			if spk, cue, ok := x.appositiveAfter(ws, k); ok {
				return spk, cue
			}
		}
		if ws[k].text == "," || ws[k].text == ";" || ws[k].text == ":" {
			break
		}
		if !speechVerbs[strings.ToLower(ws[k].text)] || textseg.Capitalized(ws[k].text) {
			continue
		}
		spk := analyze(x.text, document.Span{Start: ws[0].Start, End: ws[k-1].End}, x.ms)
		if spk.empty() {
			return spk, document.Span{}
		}
		// "…," the group's chief analyst said Lahib Hegel.
		if spk.Name == "" && !spk.Pronoun {
			j := k + 1
			for j < len(ws) && textseg.Capitalized(ws[j].text) {
				j++
			}
			if j > k+1 && (j == len(ws) || ws[j].text == ",") {
				sp := document.Span{Start: ws[k+1].Start, End: ws[j-1].End}
				name := analyze(x.text, sp, x.ms)
				name.Role = strings.TrimSpace(strings.Join([]string{spk.Role, name.Role}, " "))
				name.Span = union(spk.Span, sp)
				return name, ws[k].Span
			}
		}
		return spk, ws[k].Span
	}
	return speaker{}, document.Span{}
}

// before looks for the speaker and cue ahead of the opening mark: X said:
// "…" / X told the AP, "…".
func (x *extraction) before(sg segment, si int) (speaker, document.Span) {
	start := x.sentSpan(si).Start
	if start > sg.Open.Start {
		return speaker{}, document.Span{}
	}
	ws := words(x.text, document.Span{Start: start, End: sg.Open.Start})
	for len(ws) > 0 && (ws[len(ws)-1].text == "," || ws[len(ws)-1].text == ":") {
		ws = ws[:len(ws)-1]
	}
	for k := len(ws) - 1; k >= 0 && len(ws)-1-k <= 6; k-- {
		if !speechVerbs[strings.ToLower(ws[k].text)] || textseg.Capitalized(ws[k].text) {
			continue
		}
		if spk := x.subject(ws, k, start, true); !spk.empty() {
			return spk, ws[k].Span
		}
		return speaker{}, document.Span{}
	}
	return speaker{}, document.Span{}
}

// subject reads the speaker phrase before the cue ws[k]: back to a comma,
// a clause word or the sentence start, at most ten words. When the cue
// follows "and" ("…, and said in a post"), the sentence's first name
// stands in.
func (x *extraction) subject(ws []word, k, sentStart int, andFallback bool) speaker {
	j := k
	for j > 0 && k-j < 10 {
		w := ws[j-1].text
		l := strings.ToLower(w)
		if l == "and" && j >= 2 && j < k && (sourceNouns[strings.ToLower(ws[j-2].text)] || textseg.Capitalized(ws[j-2].text)) {
			j-- // "his friends and colleagues said"
			continue
		}
		if w == "," || w == ";" || w == ":" || clauseStart[l] {
			break
		}
		j--
	}
	if j == k && k >= 2 && ws[k-1].text == "," {
		// An appositive: "As one expert, Adel Bakawan, warned" names the
		// speaker between the commas; "Mr. King, 82, told", "Ann Lee, an
		// economist at the fund, said" and "A rescue official, who asked
		// not to be named, said" describe the speaker named before them.
		e := k - 1
		b := e
		for b > 0 && e-b < 16 && ws[b-1].text != "," && ws[b-1].text != ";" {
			b--
		}
		if b < e {
			rel := relativizers[strings.ToLower(ws[b].text)]
			if l := strings.ToLower(ws[b].text); l == "quoting" || l == "citing" {
				// "The paper, quoting a security official, said"
				if s := analyze(x.text, document.Span{Start: ws[b].Start, End: ws[e-1].End}, x.ms); plausible(x.text, s) {
					return s
				}
			}
			if !rel && isNumber(ws[b].text) && e-b <= 3 && (b < 2 || !textseg.Capitalized(ws[b-2].text)) {
				// "Among voters, about half, 49 percent, say"
				if s := analyze(x.text, document.Span{Start: ws[b].Start, End: ws[e-1].End}, x.ms); !s.empty() {
					return s
				}
			}
			if !rel && textseg.Capitalized(ws[b].text) && e-b <= 6 {
				if s := analyze(x.text, document.Span{Start: ws[b].Start, End: ws[e-1].End}, x.ms); s.Name != "" && !s.Pronoun {
					return s
				}
			}
			if b >= 2 && ws[b-1].text == "," {
				e2 := b - 1
				b2 := e2
				for b2 > 0 && e2-b2 < 8 && ws[b2-1].text != "," && ws[b2-1].text != ";" && !clauseStart[strings.ToLower(ws[b2-1].text)] {
					b2--
				}
				if b2 < e2 {
					s := analyze(x.text, document.Span{Start: ws[b2].Start, End: ws[e2-1].End}, x.ms)
					if rel && plausible(x.text, s) {
						return s
					}
					if !rel && s.Name != "" && !s.Pronoun {
						desc := x.text[ws[b].Start:ws[e-1].End]
						if strings.Trim(desc, "0123456789") != "" && !strings.HasSuffix(strings.ToLower(ws[b].text), "ing") { // an age or "speaking to …" is no role
							for _, d := range []string{"the ", "an ", "a "} {
								desc = strings.TrimPrefix(desc, d)
							}
							s.Role = strings.TrimSpace(s.Role + " " + desc)
						}
						s.Span = document.Span{Start: s.Span.Start, End: ws[e-1].End}
						return s
					}
				}
			}
		}
	}
	if j == k {
		if andFallback && j > 0 && strings.EqualFold(ws[j-1].text, "and") {
			return x.firstName(ws[:k], sentStart)
		}
		return speaker{}
	}
	sp := document.Span{Start: ws[j].Start, End: ws[k-1].End}
	spk := analyze(x.text, sp, x.ms)
	if spk.Name == "" && !spk.Pronoun && j >= 2 && ws[j-1].text == "," {
		// "Janet Yellen, the president's nominee, said": the name stands
		// before the description.
		e2 := j - 1
		b2 := e2
		for b2 > 0 && e2-b2 < 6 && ws[b2-1].text != "," && ws[b2-1].text != ";" && !clauseStart[strings.ToLower(ws[b2-1].text)] {
			b2--
		}
		if b2 == 0 && b2 < e2 && textseg.Capitalized(ws[b2].text) && !prepositions[strings.ToLower(ws[b2].text)] {
			if n := analyze(x.text, document.Span{Start: ws[b2].Start, End: ws[e2-1].End}, x.ms); n.Name != "" && !n.Pronoun && n.Span.End-n.Span.Start <= 40 {
				// "Hashimi, who supported …": a relative pronoun is no
				// description.
				if !relativizers[strings.ToLower(ws[j].text)] {
					n.Role = strings.TrimSpace(n.Role + " " + spk.Role)
				}
				n.Span.End = sp.End
				return n
			}
		}
	}
	if !plausible(x.text, spk) && !((j == 0 || clauseStart[strings.ToLower(ws[j-1].text)]) && looseSubject(ws[j:k]) && (!weakIndirect[strings.ToLower(ws[k].text)] || k+1 < len(ws) && strings.EqualFold(ws[k+1].text, "that"))) {
		return speaker{}
	}
	return spk
}

// plausible rejects speaker phrases that cannot name a speaker: no
// pronoun, no name and no source noun.
func plausible(text string, s speaker) bool {
	if s.empty() {
		return false
	}
	if s.Pronoun || s.Name != "" {
		return true
	}
	ws := words(text, s.Span)
	if len(ws) > 0 && possessives[strings.ToLower(ws[0].text)] {
		return true // "The campaign", "the former president"
	}
	if len(ws) <= 6 {
		for _, w := range ws {
			if isNumber(w.text) {
				return true // "Six in 10", "47 percent", "Nearly nine out of 10"
			}
		}
	}
	for i, w := range ws {
		if l := strings.ToLower(w.text); sourceNouns[l] || indefinites[l] || (i > 0 && textseg.Capitalized(w.text)) {
			return true
		}
		if i == 0 && textseg.Capitalized(w.text) && strings.ContainsAny(w.text, "’'") {
			return true // "Connecticut’s tax commissioner"
		}
	}
	return false
}

// firstName returns the subject-like name at the front of ws: the first
// run of capitalized words (not a lone sentence-initial word, a weekday or
// a month) that is followed by a source noun ("the US embassy") or is a
// person or organisation (a mention, or any run when there are no
// mentions).
func (x *extraction) firstName(ws []word, sentStart int) speaker {
	for i := 0; i < len(ws); i++ {
		if !textseg.Capitalized(ws[i].text) || weekdaysMonths[strings.ToLower(ws[i].text)] {
			continue
		}
		j := i
		for j < len(ws) && textseg.Capitalized(ws[j].text) {
			j++
		}
		if i == 0 && ws[i].Start == sentStart && j == i+1 {
			continue
		}
		run := document.Span{Start: ws[i].Start, End: ws[j-1].End}
		if j < len(ws) && sourceNouns[strings.ToLower(ws[j].text)] {
			return analyze(x.text, document.Span{Start: run.Start, End: ws[j].End}, nil)
		}
		if len(x.mentions) == 0 {
			return analyze(x.text, run, nil)
		}
		var buf [16]int
		for _, mi := range x.ms.overlapping(buf[:0], run) {
			// A name after a preposition or before "’s" is no subject
			// ("… in al-Hashimi’s assassination, claiming …").
			if m := x.mentions[mi]; (m.Type == document.EntityPerson || m.Type == document.EntityOrg) && !x.complement(m.Span) {
				return analyze(x.text, m.Span, x.ms)
			}
		}
		i = j - 1
	}
	return speaker{}
}

// sentenceStop returns where the first sentence end inside sp lies (". "
// after a word that is no abbreviation or initial), or sp.End.
func sentenceStop(text string, sp document.Span) int {
	from := sp.Start
	for {
		k := strings.Index(text[from:sp.End], ". ")
		if k < 0 {
			return sp.End
		}
		at := from + k
		if w := lastWord(text[:at]); len(w) > 1 && !textseg.IsAbbreviation(w) {
			return at
		}
		from = at + 2
	}
}

// appositiveAfter reads "Name, description, said" after a closing mark:
// ws[:c] is the name and ws[c] the comma after it. It looks for a comma
// followed by a speech verb within 35 words.
func (x *extraction) appositiveAfter(ws []word, c int) (speaker, document.Span, bool) {
	name := analyze(x.text, document.Span{Start: ws[0].Start, End: ws[c-1].End}, x.ms)
	if name.Name == "" || name.Pronoun {
		return speaker{}, document.Span{}, false
	}
	for v := c + 2; v < len(ws) && v-c < 35; v++ {
		if ws[v-1].text != "," || !speechVerbs[ws[v].text] {
			continue
		}
		if v-1 > c+1 {
			desc := x.text[ws[c+1].Start:ws[v-2].End]
			for _, d := range []string{"the ", "an ", "a "} {
				desc = strings.TrimPrefix(desc, d)
			}
			if strings.Trim(desc, "0123456789") != "" && !strings.HasSuffix(strings.ToLower(ws[c+1].text), "ing") {
				name.Role = strings.TrimSpace(name.Role + " " + desc)
			}
		}
		name.Span.End = ws[v-2].End
		return name, ws[v].Span, true
	}
	return speaker{}, document.Span{}, false
}

// Contract declares the layers the stage reads and writes.
func (x *Extractor) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerText, document.LayerParagraphs, document.LayerSentences, document.LayerMentions).Gives(document.LayerQuotes)
}
