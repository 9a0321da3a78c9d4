package quote

import (
	"strings"

	textseg "github.com/corroborate/corroborate/text"

	"github.com/corroborate/corroborate/document"
)

// resolve settles each quote's speaker in text order: continuation
// quotes take their predecessor's speaker, pronoun speakers the subject
// of their own sentence or the most recent compatible speaker or person,
// unnamed titles ("the Prime Minister of Iraq") the one person the report
// names with that title; then vet judges the speaker (see judge), so that
// later pronouns only reach speakers that were kept.
func (x *extraction) resolve() {
	for i := range x.found {
		f := &x.found[i]
		x.resolveOne(i, f)
		x.vetOne(f)
	}
}

func (x *extraction) resolveOne(i int, f *found) {
	if f.cont {
		for j := i - 1; j >= 0; j-- {
			if x.found[j].q.Direct {
				p := x.found[j]
				f.q.Speaker, f.q.SpeakerSpan, f.q.Role, f.q.Anonymous = p.q.Speaker, p.q.SpeakerSpan, p.q.Role, p.q.Anonymous
				f.q.SpeakerEntity = p.q.SpeakerEntity
				f.spk = p.spk
				f.resolvedBy, f.titled = p.resolvedBy, p.titled
				if p.q.Speaker == "" || x.otherPerson(&p, f) {
					f.orphan = true
				}
				break
			}
		}
		return
	}
	if !f.spk.Pronoun {
		if f.spk.Name == "" && !f.spk.Plural {
			if !x.corefDescription(f) {
				x.titleName(f)
			}
		}
		return
	}
	l := strings.ToLower(f.spk.Name)
	if l == "it" {
		// An organisation: the nearest earlier speaker that is one.
		if s, ok := x.previousOrg(i); ok {
			x.setSpeaker(f, s, "the organisation speaking before it")
		}
		return
	}
	if l == "i" || l == "we" {
		return // first person: the author or someone quoted, left unresolved
	}
	plural := l == "they"
	before := f.spk.Span.Start
	if f.q.Direct {
		before = min(before, f.q.Content.Start)
	}
	if x.corefSpeaker(i, f) {
		return
	}
	if !plural {
		if s, ok := x.ownSubject(f.sent, before); ok {
			x.setSpeaker(f, s, "subject of its sentence")
			return
		}
	}
	s, ok := x.previousSpeaker(i, plural)
	if !plural {
		// A person named after that speaker is more recent.
		if p, pok := x.previousPerson(f.sent, before); pok && (!ok || p.Span.Start > s.Span.Start) {
			x.setSpeaker(f, p, "nearest person before it")
			return
		}
	}
	if ok {
		x.setSpeaker(f, s, "the speaker before it")
		return
	}
	if plural && f.sent > 0 {
		// "Officials met on Monday. They said …": the plural subject of
		// the sentence before.
		ws := words(x.text, x.sents[f.sent-1])
		if p := x.clauseSubject(ws, len(ws)); !p.empty() && p.Plural && !p.Pronoun && x.canSpeak(words(x.text, p.Span)) {
			x.setSpeaker(f, p, "subject of the sentence before")
		}
	}
}

// setSpeaker gives pronoun quote f the speaker s.
func (x *extraction) setSpeaker(f *found, s speaker, how string) {
	f.q.Speaker, f.q.Role, f.q.Anonymous = s.display(), s.Role, s.Anonymous
	f.spk.Name, f.spk.Role, f.spk.Anonymous = s.Name, s.Role, s.Anonymous
	if s.Name == "" {
		f.spk.Name = s.display()
	}
	f.resolvedBy = how
	if s.Name == "" && !s.Plural {
		// "he" is "the Prime Minister of Iraq": the title may name him.
		g := found{spk: s, q: document.Quote{Speaker: s.display(), Role: s.Role}}
		if x.titleName(&g) {
			f.q.Speaker, f.spk.Name, f.q.Anonymous = g.q.Speaker, g.spk.Name, false
			f.resolvedBy = how + "; " + g.titled
		}
	}
}

// vetOne judges f's speaker (see judge) and records the confidence and
// the reason, leaving the speaker empty when it cannot be trusted.
func (x *extraction) vetOne(f *found) {
	conf, reason := x.judge(f)
	f.q.SpeakerReason = reason
	if conf < minConfidence {
		f.q.Speaker, f.q.Role, f.q.Anonymous, f.q.SpeakerEntity = "", "", false, ""
		f.q.SpeakerConfidence = 0
		return
	}
	f.q.SpeakerConfidence = conf
	if f.spk.Name != "" && !f.spk.Pronoun {
		f.q.Anonymous = false
	}
}

// ownSubject returns the subject that opens the pronoun's own sentence
// (text before offset before), when it is a singular person: a person
// mention or a title ("The Prime Minister of Iraq released a statement …
// which he called …").
func (x *extraction) ownSubject(si, before int) (speaker, bool) {
	sp := x.sentSpan(si)
	if before <= sp.Start {
		return speaker{}, false
	}
	ws := words(x.text, document.Span{Start: sp.Start, End: before})
	if len(ws) < 3 {
		return speaker{}, false
	}
	s := x.clauseSubject(ws, len(ws)-1)
	if s.empty() || s.Pronoun || s.Plural || s.Span.End >= before {
		return speaker{}, false
	}
	if s.Name != "" {
		// A person subject wins only when no other person is named
		// between it and the pronoun.
		var buf [16]int
		for _, mi := range x.ms.inside(buf[:0], document.Span{Start: s.Span.End, End: before}) {
			if x.mentions[mi].Type == document.EntityPerson {
				return speaker{}, false
			}
		}
		if x.nameKind(document.Span{Start: s.Span.End - len(s.Name), End: s.Span.End}) == document.EntityPerson {
			return s, true
		}
		return speaker{}, false
	}
	hw := words(x.text, s.Span)
	for _, w := range hw {
		if l := strings.ToLower(w.text); l == "of" || l == "for" {
			break
		} else if l == "minister" || l == "president" || l == "secretary" || l == "spokesman" || l == "spokeswoman" || l == "ambassador" || l == "governor" || l == "mayor" {
			if strings.EqualFold(hw[0].text, "the") {
				return s, true
			}
		}
	}
	return speaker{}, false
}

// titleName names an unnamed speaker described by a title ("the Prime
// Minister of Iraq", "the new Iraqi Prime Minister") when the report
// gives that title to exactly one person ("Prime Minister al-Kazemi"),
// and every capitalized qualifier of the description ("Iraq", "Iraqi")
// appears in that sentence. It reports whether it named f's speaker.
func (x *extraction) titleName(f *found) bool {
	role := f.spk.Role
	if role == "" {
		return false
	}
	rw := strings.Fields(role)
	// The title: the run of title words that ends before "of" or at the
	// end ("Prime Minister" of "new Iraqi Prime Minister").
	var title, quals []string
	for _, w := range rw {
		l := strings.ToLower(w)
		switch {
		case l == "of" || l == "in" || l == "for":
		case titleWords[l] && l != "senior" && l != "former":
			title = append(title, l)
		case determiners[l]:
		case textseg.Capitalized(w):
			quals = append(quals, strings.ToLower(w))
		}
	}
	if len(title) == 0 || !personTitle(title[len(title)-1]) {
		return false
	}
	var names []string
	var first document.Mention
	for _, m := range x.mentions {
		if m.Type != document.EntityPerson {
			continue
		}
		pre := words(x.text, document.Span{Start: max(0, m.Start-60), End: m.Start})
		if len(pre) > 0 && pre[len(pre)-1].text == "," {
			pre = pre[:len(pre)-1] // "Prime Minister, Mustafa al-Kazimi"
		}
		if len(pre) < len(title) {
			continue
		}
		ok := true
		for k := range title {
			if strings.ToLower(pre[len(pre)-len(title)+k].text) != title[k] {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		sent := x.sentSpan(x.sentenceAt(m.Start))
		st := strings.ToLower(x.text[sent.Start:sent.End])
		for _, q := range quals {
			if !strings.Contains(st, strings.TrimSuffix(q, "i")) && !strings.Contains(st, strings.TrimSuffix(q, "n")) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		key := strings.ToLower(lastWord(m.Text))
		dup := false
		for _, n := range names {
			if n == key {
				dup = true
			}
		}
		if !dup {
			names = append(names, key)
			if len(names) == 1 {
				first = m
			}
		}
	}
	if len(names) != 1 {
		return false
	}
	name := analyze(x.text, first.Span, x.ms).Name
	if name == "" {
		return false
	}
	f.spk.Name = name
	f.q.Speaker = name
	f.q.Anonymous = false
	f.titled = "title “" + role + "” given to " + name + " in the report"
	return true
}

// personTitle reports whether a title word is held by one person.
func personTitle(l string) bool {
	switch l {
	case "minister", "president", "secretary", "governor", "mayor", "ambassador", "spokesman", "spokeswoman", "chairman", "chairwoman", "director", "leader", "commander", "king", "prince", "queen", "senator":
		return true
	}
	return false
}

// previousSpeaker returns the nearest earlier non-pronoun speaker that is
// compatible in number, within four sentences.
func (x *extraction) previousSpeaker(i int, plural bool) (speaker, bool) {
	si := x.found[i].sent
	for j := i - 1; j >= 0; j-- {
		p := x.found[j]
		if si-p.sent > 4 {
			break
		}
		if p.spk.empty() || (p.spk.Pronoun && p.spk.Name == "") || p.q.Speaker == "" {
			continue
		}
		s := p.spk
		if s.Pronoun {
			// already resolved: its Name holds the referent
			s.Pronoun = false
		}
		if s.Plural != plural {
			continue
		}
		return s, true
	}
	return speaker{}, false
}

// previousPerson returns the first person mention (or name-like run of
// capitalized words) of the nearest sentence, from the pronoun's own
// sentence back three sentences.
func (x *extraction) previousPerson(si, before int) (speaker, bool) {
	for s := si; s >= 0 && si-s <= 3; s-- {
		sp := x.sents[s]
		if s == si {
			sp.End = before
		}
		if sp.End <= sp.Start {
			continue
		}
		last := s == si // in the pronoun's own sentence the nearest name wins
		var best speaker
		if len(x.mentions) > 0 {
			var buf [16]int
			found := false
			for _, mi := range x.ms.inside(buf[:0], sp) {
				m := x.mentions[mi]
				if m.Type != document.EntityPerson || x.complement(m.Span) {
					continue
				}
				if !last && x.speaks(m.Span, sp.End) {
					// In an earlier sentence the one who speaks ("…,
					// Hashemi said that …") is the likeliest referent.
					best = analyze(x.text, m.Span, x.ms)
					found = true
				}
				if !found && (last || best.empty()) {
					best = analyze(x.text, m.Span, x.ms)
				}
			}
		} else {
			best = nameRun(x.text, sp, last)
		}
		if !best.empty() && best.Name != "" {
			return best, true
		}
	}
	return speaker{}, false
}

// nameRun finds the first run of capitalized words in sp that looks like a
// person's name: two words or more (titles allowed in front), or one word
// with an Arabic article ("al-Hashimi"), not the sentence's first word.
func nameRun(text string, sp document.Span, last bool) speaker {
	var best speaker
	ws := words(text, sp)
	for i := 0; i < len(ws); i++ {
		if !textseg.Capitalized(ws[i].text) {
			continue
		}
		j := i
		for j < len(ws) && (textseg.Capitalized(ws[j].text) || (j > i && strings.EqualFold(ws[j].text, "of") && j+1 < len(ws) && textseg.Capitalized(ws[j+1].text))) {
			j++
		}
		run := ws[i:j]
		afterThe := i > 0 && strings.EqualFold(ws[i-1].text, "the")
		i = j
		if afterThe {
			continue // "the United States": a place or an organisation
		}
		for len(run) > 0 && (weekdaysMonths[strings.ToLower(run[0].text)] || run[0].Start == sp.Start && len(run) == 1) {
			run = run[1:]
		}
		if len(run) == 0 {
			continue
		}
		s := analyze(text, document.Span{Start: run[0].Start, End: run[len(run)-1].End}, nil)
		if s.Name == "" {
			continue
		}
		if len(strings.Fields(s.Name)) >= 2 || arabicArticle(s.Name) {
			best = s
			if !last {
				return best
			}
		}
	}
	return best
}

// arabicArticle reports whether a one-word name carries an Arabic article
// or a name prefix ("al-Hashimi", "Abdel-Mahdi").
func arabicArticle(name string) bool {
	l := strings.ToLower(name)
	for _, p := range []string{"al-", "el-", "abdel-", "abdul-", "abu-", "bin-", "ibn-"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// complement reports whether the mention at sp completes a phrase rather
// than standing as a subject: after a preposition ("the assassination of
// al-Hashimi") or as a possessor ("Hashimi’s death").
func (x *extraction) complement(sp document.Span) bool {
	if strings.HasPrefix(x.text[sp.End:], "’s") || strings.HasPrefix(x.text[sp.End:], "'s") {
		return true
	}
	pre := strings.TrimRight(x.text[max(0, sp.Start-12):sp.Start], " ")
	w := strings.ToLower(lastWord(pre))
	switch w {
	case "of", "in", "for", "to", "with", "by", "about", "on", "at", "from", "against", "like", "than":
		return true
	}
	return false
}

// speaks reports whether a verb of saying follows the mention at sp
// within three words (before end): "Hashemi said", "Hashemi has long
// argued".
func (x *extraction) speaks(sp document.Span, end int) bool {
	ws := words(x.text, document.Span{Start: sp.End, End: min(end, sp.End+40)})
	for k := 0; k < len(ws) && k < 3; k++ {
		if ws[k].text == "," {
			return false
		}
		if speechVerbs[strings.ToLower(ws[k].text)] {
			return true
		}
	}
	return false
}

// otherPerson reports whether a person other than p's speaker is named
// between quote p and its continuation f, or in f's sentence outside f:
// the continuation may then be someone else's words.
func (x *extraction) otherPerson(p, f *found) bool {
	sp := x.sentSpan(f.sent)
	// From the end of the sentence holding p's cue: "…,” said one adviser
	// to Bill Clinton. “…" names Clinton in p's own sentence.
	from := max(p.q.Span.End, x.sentSpan(x.sentenceAt(max(p.q.Span.End-1, 0))).End)
	to := max(f.q.Content.Start, from)
	var buf [16]int
	check := func(r document.Span) bool {
		if r.End <= r.Start {
			return false
		}
		for _, mi := range x.ms.inside(buf[:0], r) {
			m := x.mentions[mi]
			if m.Type == document.EntityPerson && !strings.Contains(p.q.Speaker, lastWord(m.Text)) {
				return true
			}
		}
		return false
	}
	return check(document.Span{Start: from, End: to}) || check(document.Span{Start: max(f.q.Span.End, sp.Start, from), End: sp.End})
}

// previousOrg returns the nearest earlier speaker within two sentences
// that is an organisation (a mention of one, or an unnamed singular
// institution such as "the ministry").
func (x *extraction) previousOrg(i int) (speaker, bool) {
	si := x.found[i].sent
	for j := i - 1; j >= 0; j-- {
		p := x.found[j]
		if si-p.sent > 2 {
			break
		}
		if p.q.Speaker == "" || p.spk.Pronoun || p.spk.Plural {
			continue
		}
		if p.spk.Name != "" && x.nameKind(p.spk.Span) == document.EntityOrg {
			return p.spk, true
		}
		if ws := words(x.text, p.spk.Span); p.spk.Name == "" && len(ws) > 0 && orgNouns[strings.ToLower(ws[len(ws)-1].text)] {
			return p.spk, true
		}
	}
	return speaker{}, false
}

// minCorefConfidence is the least confidence of a coreference path from a
// speaker to a name that the quote stage takes.
const minCorefConfidence = 0.5

// corefSpeaker resolves the pronoun speaker of f through the document's
// coreference chains, when the coref stage ran and the pronoun is in a
// chain with a name. The heuristics (own subject, speaker or person
// before) are consulted too: when they name another person the two
// disagree and the speaker is left empty (precision first); when they
// agree, or find nothing, the chain's name is taken. It reports whether it
// settled f (resolved or left empty on purpose).
func (x *extraction) corefSpeaker(i int, f *found) bool {
	if x.doc == nil || len(x.doc.Coref) == 0 {
		return false
	}
	head, conf, ok := x.doc.CorefHead(f.spk.Span)
	if !ok || conf < minCorefConfidence {
		return false
	}
	name := analyze(x.text, head.Span, x.ms)
	if name.Name == "" {
		return false
	}
	// What the heuristics would say.
	g := *f
	g.resolvedBy = ""
	saved := x.doc
	x.doc = nil
	x.resolveOne(i, &g)
	x.doc = saved
	if g.resolvedBy != "" && g.spk.Name != "" && !sameNameWord(g.spk.Name, head.Text) && !sameNameWord(g.spk.Name, name.Name) {
		pro := x.text[f.spk.Span.Start:f.spk.Span.End]
		if strings.HasPrefix(g.resolvedBy, "the speaker before") || strings.HasPrefix(g.resolvedBy, "subject of its sentence") {
			// The structure of the attribution (the same speaker going
			// on, the subject of the clause) outweighs a coreference
			// model that does not see quote boundaries ("“… Kadhimi
			// …,” he said" after a senior official spoke).
			*f = g
			f.disputed = "; coreference says " + head.Text
			return true
		}
		f.spk.Name = ""
		f.resolvedBy = "conflict"
		f.conflict = "pronoun “" + pro + "”: coreference says " + head.Text + ", the nearest person is " + g.spk.Name
		return true
	}
	name.Span = f.spk.Span
	name.Pronoun = false
	x.setSpeaker(f, name, "coreference chain")
	f.corefConf = conf
	return true
}

// corefDescription names an unnamed speaker ("the researcher", "the
// Prime Minister of Iraq") through the coreference chain its phrase is
// in. It reports whether it named f's speaker.
func (x *extraction) corefDescription(f *found) bool {
	if x.doc == nil || len(x.doc.Coref) == 0 {
		return false
	}
	head, conf, ok := x.doc.CorefHead(f.spk.Span)
	if !ok || conf < minCorefConfidence {
		return false
	}
	ws := words(x.text, f.spk.Span)
	if len(ws) == 0 || !strings.EqualFold(ws[0].text, "the") {
		return false // only a definite description points at one referent
	}
	name := analyze(x.text, head.Span, x.ms).Name
	if name == "" {
		return false
	}
	f.spk.Name = name
	f.q.Speaker = name
	f.q.Anonymous = false
	f.titled = "description “" + f.spk.Role + "” resolved to " + name + " by coreference"
	return true
}

// sameNameWord reports whether two names share a word of three letters or
// more ("al-Kadhimi" and "Mustafa al-Kadhimi"; "Kadhimi" and
// "al-Kadhimi").
func sameNameWord(a, b string) bool {
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' || r == '.' || r == ',' })
	}
	for _, u := range split(a) {
		if len(u) < 3 || u == "the" {
			continue
		}
		for _, v := range split(b) {
			if u == v {
				return true
			}
		}
	}
	return false
}
