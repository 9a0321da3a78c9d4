package quote

import (
	"strings"

	textseg "github.com/corroborate/corroborate/text"

	"github.com/corroborate/corroborate/document"
)

// Speaker confidences. A name or a described source next to a verb of
// saying is near certain; a speaker reached through a pronoun, an earlier
// quote or a title met elsewhere in the report less so.
const (
	confNamed       = 0.95 // a person or organisation mention
	confNameRun     = 0.85 // a capitalized name the tagger did not mark
	confDescribed   = 0.85 // an unnamed source ("a senior official")
	confTitle       = 0.75 // a title matched to the name it is given elsewhere
	confPronoun     = 0.7  // a pronoun resolved to the speaker before
	confDisputed    = 0.6  // … against the coreference chain
	confContinued   = 0.8  // a quote continuing the one before
	minConfidence   = 0.5  // below this the speaker is left empty
	reasonNoSpeaker = "no cue or speaker found near the quote"
)

// orgNouns head phrases naming a group or an institution that can speak.
var orgNouns = map[string]bool{
	"militia": true, "militias": true, "administration": true, "court": true,
	"council": true, "party": true, "movement": true, "campaign": true,
	"company": true, "committee": true, "office": true, "department": true,
	"ministry": true, "embassy": true, "government": true, "group": true,
	"groups": true, "newspaper": true, "paper": true, "network": true,
	"channel": true, "station": true, "union": true, "coalition": true,
	"organization": true, "organisation": true, "agency": true, "police": true,
	"army": true, "military": true, "forces": true, "force": true,
	"faction": true, "factions": true, "state": true, "cabinet": true,
	"parliament": true, "congress": true, "senate": true, "prosecutors": true,
	"prosecutor": true, "team": true, "firm": true, "bank": true,
	"authority": true, "commission": true, "board": true, "institute": true,
	"university": true, "media": true, "outlet": true, "outlets": true,
	"regime": true, "spokesman": true, "spokeswoman": true, "white": true,
	"guard": true, "guards": true, "service": true, "services": true,
	"house": true, "mission": true, "club": true, "church": true,
}

// humanNouns head phrases naming people.
var humanNouns = map[string]bool{
	"people": true, "voters": true, "residents": true, "americans": true,
	"many": true, "most": true, "some": true, "others": true, "those": true,
	"americans'": true, "democrats": true, "republicans": true, "users": true,
	"supporters": true, "opponents": true, "critics": true, "women": true,
	"men": true, "parents": true, "students": true, "workers": true,
	"citizens": true, "protesters": true, "demonstrators": true,
	"lawyer": true, "lawyers": true, "attorney": true, "attorneys": true,
	"candidate": true, "candidates": true, "minister": true, "president": true,
	"secretary": true, "governor": true, "mayor": true, "senator": true,
	"congressman": true, "congresswoman": true, "judge": true, "pilot": true,
	"manager": true, "owner": true, "father": true, "mother": true,
	"brother": true, "sister": true, "son": true, "daughter": true,
	"wife": true, "husband": true, "director": true, "chief": true,
	"head": true, "chairman": true, "founder": true, "ceo": true,
	"executive": true, "executives": true, "scientist": true,
	"scientists": true, "economist": true, "economists": true,
	"professor": true, "teacher": true, "nurse": true, "victim": true,
	"victims": true, "families": true, "commentators": true, "pundits": true,
	"strategist": true, "strategists": true, "advisers": true,
	"advisors": true, "adviser": true, "advisor": true, "half": true,
	"majority": true, "third": true, "quarter": true, "percent": true,
	"americans’": true, "participants": true, "respondents": true,
	"everyone": true, "nobody": true, "someone": true, "anyone": true,
	"polls": true, "poll": true, "survey": true, "surveys": true,
	"study": true, "studies": true, "report": true, "reports": true,
	"statement": true, "data": true, "research": true, "figures": true,
	"documents": true, "document": true, "letter": true, "filing": true,
	"complaint": true, "lawsuit": true, "indictment": true, "memo": true,
	"analysis": true, "review": true, "audit": true, "investigation": true,
	"polling": true, "editorial": true, "release": true, "tweet": true,
	"tweets": true, "probe": true, "index": true, "summary": true,
	"copy": true, "evidence": true, "returns": true, "results": true,
	"numbers": true, "records": true, "post": true, "ad": true, "ads": true,
	"ally": true, "allies": true, "advocates": true, "advocate": true,
	"community": true, "heavyweights": true, "backers": true, "donors": true,
	"delegates": true, "superdelegates": true, "staffers": true,
	"majorities": true, "minority": true, "employee": true, "employees": true,
	"book": true, "article": true, "story": true, "speech": true,
	"interview": true, "transcript": true, "video": true, "email": true,
	"emails": true, "estimate": true, "estimates": true, "projections": true,
	"model": true, "forecast": true, "census": true, "count": true,
	"tally": true, "website": true, "site": true, "blog": true,
	"magnate": true, "actress": true, "actor": true, "billionaire": true,
	"mogul": true, "host": true, "anchor": true, "author": true,
	"writer": true, "reporter": true, "reporters": true, "columnist": true,
	"editor": true, "commentator": true, "nominee": true,
	"frontrunner": true, "front-runner": true,
	"filings": true, "message": true, "messages": true,
	"letters": true, "statements": true, "staffer": true,
	"aide": true, "aides": true, "insiders": true, "hopeful": true,
	"hopefuls": true, "contender": true, "rival": true, "rivals": true,
	"challenger": true, "incumbent": true, "republican": true,
	"democrat": true, "conservative": true, "conservatives": true,
	"liberal": true, "liberals": true, "progressive": true,
	"progressives": true, "president-elect": true, "governor-elect": true,
	"couple": true, "family": true, "friend": true, "friends": true,
	"mom": true, "dad": true, "child": true, "children": true, "kids": true,
	"teen": true, "teens": true, "girl": true, "boy": true, "youth": true,
	"magazine": true, "journal": true, "star": true, "celebrity": true,
	"singer": true, "rapper": true, "comedian": true, "pastor": true,
	"bishop": true, "pope": true, "priest": true, "rabbi": true, "imam": true,
	"organizer": true, "organizers": true, "volunteer": true,
	"volunteers": true, "fan": true, "fans": true, "player": true,
	"players": true, "coach": true, "businessman": true,
	"businesswoman": true, "veteran": true, "veterans": true,
}

// notNounPhrase are words a speaker phrase cannot hold: verbs and
// auxiliaries show a clause was taken for a speaker ("the government has
// not", "Rubio has broken many").
var notNounPhrase = map[string]bool{
	"has": true, "have": true, "had": true, "is": true, "are": true,
	"was": true, "were": true, "been": true, "be": true, "will": true,
	"would": true, "can": true, "could": true, "should": true, "did": true,
	"does": true, "do": true, "not": true, "may": true, "might": true,
	"must": true, "arrested": true, "killed": true, "attacked": true,
	"having": true, "being": true,
}

// judge returns the confidence in f's speaker and a note: why it is
// rejected, or how it was reached when not by a name.
func (x *extraction) judge(f *found) (float64, string) {
	q := &f.q
	if f.orphan || (q.Speaker == "" && q.SpeakerSpan.Len() == 0) {
		return 0, reasonNoSpeaker
	}
	written := x.text[q.SpeakerSpan.Start:q.SpeakerSpan.End]
	if f.spk.Pronoun {
		if f.conflict != "" {
			return 0, f.conflict
		}
		if f.corefConf > 0 {
			return min(confPronoun+0.15, 0.5+f.corefConf/2), "pronoun “" + written + "” resolved to " + q.Speaker + " (" + f.resolvedBy + ")"
		}
		if f.spk.Name == "" || strings.EqualFold(q.Speaker, written) || pronouns[strings.ToLower(q.Speaker)] {
			return 0, "pronoun “" + written + "” not resolved to a named speaker"
		}
		if f.disputed != "" {
			return confDisputed, "pronoun “" + written + "” resolved to " + q.Speaker + " (" + f.resolvedBy + f.disputed + ")"
		}
		if f.resolvedBy != "" {
			return confPronoun, "pronoun “" + written + "” resolved to " + q.Speaker + " (" + f.resolvedBy + ")"
		}
		return confPronoun, "pronoun “" + written + "” resolved to " + q.Speaker
	}
	ws := words(x.text, f.spk.Span)
	if len(ws) == 0 {
		return 0, reasonNoSpeaker
	}
	quantity := false
	for _, w := range ws {
		if l := strings.ToLower(w.text); isNumber(w.text) || l == "percent" || l == "half" || l == "majority" || l == "least" {
			quantity = true
		}
	}
	if l := strings.ToLower(ws[0].text); isIntro(l) && !quantity && l != "as" && l != "this" && l != "late" && l != "early" || relativizers[l] && len(ws) > 1 {
		return 0, "speaker phrase “" + written + "” is not a noun phrase"
	}
	for k, w := range ws {
		l := strings.ToLower(w.text)
		// "…,” the group's chief analyst said Lahib Hegel: the cue before
		// the name it introduces is allowed.
		cueBeforeName := f.spk.Name != "" && k+1 < len(ws) && strings.HasPrefix(x.text[ws[k+1].Start:], f.spk.Name)
		if notNounPhrase[l] && !(l == "may" && textseg.Capitalized(w.text)) || speechVerbs[w.text] && l != "reports" && l != "notes" && !cueBeforeName {
			return 0, "speaker phrase “" + written + "” is not a noun phrase"
		}
	}
	if l := strings.ToLower(ws[0].text); len(ws) == 1 && (strings.HasSuffix(l, "ing") || strings.HasSuffix(l, "ed") || l == "together") && x.nameKind(ws[0].Span) == "" {
		return 0, "speaker phrase “" + written + "” is not a noun phrase" // "Reached by phone, …"
	}
	if strings.ContainsAny(written, "—–") {
		return 0, "speaker phrase “" + written + "” is not a noun phrase"
	}
	name := f.spk.Name
	if name != "" {
		nsp := f.spk.Span
		if k := strings.Index(x.text[nsp.Start:nsp.End], name); k >= 0 {
			nsp = document.Span{Start: nsp.Start + k, End: nsp.Start + k + len(name)}
		}
		switch x.nameKind(nsp) {
		case document.EntityLoc:
			return 0, "speaker phrase “" + written + "” names a place"
		case "time":
			return 0, "speaker phrase “" + written + "” names a time"
		case document.EntityPerson, document.EntityOrg:
			return x.contConf(f, confNamed)
		}
		if weekdaysMonths[strings.ToLower(name)] {
			return 0, "speaker phrase “" + written + "” names a time"
		}
		return x.contConf(f, confNameRun)
	}
	// An unnamed speaker must be headed by a word for people, a source or
	// an institution ("a senior official", "Iraqi officials", "the US
	// embassy", "47 percent"), not by a thing ("this assassination").
	if x.canSpeak(ws) {
		return x.contConf(f, confDescribed)
	}
	if len(ws) == 1 && textseg.Capitalized(ws[0].text) && x.nameKind(ws[0].Span) == "" {
		return x.contConf(f, confNameRun)
	}
	return 0, "speaker phrase “" + written + "” names no person, group or source"
}

// contConf lowers the confidence of a quote that only continues the
// speaker of the quote before it.
func (x *extraction) contConf(f *found, c float64) (float64, string) {
	if f.cont {
		return min(c, confContinued), "continues the quote before it"
	}
	if f.titled != "" {
		return confTitle, f.titled
	}
	return c, ""
}

// nameKind returns the entity type of the mention covering most of sp
// (PERSON, ORG, LOC, MISC), "time" for a weekday or a month, or "".
func (x *extraction) nameKind(sp document.Span) string {
	var buf [8]int
	best, kind := 0, ""
	for _, mi := range x.ms.overlapping(buf[:0], sp) {
		m := x.mentions[mi]
		o := min(m.End, sp.End) - max(m.Start, sp.Start)
		if o > best || o == best && (m.Type == document.EntityPerson || m.Type == document.EntityOrg) {
			best, kind = o, m.Type
		}
	}
	if kind == "" && weekdaysMonths[strings.ToLower(x.text[sp.Start:sp.End])] {
		return "time"
	}
	return kind
}

// canSpeak reports whether an unnamed speaker phrase is headed by a word
// for people, a source or an institution: its head is the last word
// before a preposition or a participle ("a spokeswoman for Mayor Ann
// Cole", "a survey released Monday"). A demonstrative before a head that
// names no source marks a thing ("this assassination").
func (x *extraction) canSpeak(ws []word) bool {
	end := len(ws)
	for i := 1; i < len(ws); i++ {
		l := ws[i].text
		if l == "of" || l == "for" || l == "in" || l == "at" || l == "from" || l == "with" || l == "on" || l == "," || (strings.HasSuffix(l, "ed") && !textseg.Capitalized(l) && !determiners[strings.ToLower(ws[i-1].text)] && i+1 < len(ws) && (textseg.Capitalized(ws[i+1].text) || prepositions[strings.ToLower(ws[i+1].text)])) {
			end = i
			break
		}
	}
	if end == 0 {
		return false
	}
	w := ws[end-1].text
	head := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))
	known := sourceNouns[head] || titleWords[head] || orgNouns[head] || humanNouns[head] || indefinites[head] || groupWord(w) || isNumber(head)
	if known {
		return true
	}
	if l := strings.ToLower(ws[0].text); l == "this" || l == "that" || l == "these" || l == "its" || l == "it" {
		return false
	}
	for _, suf := range []string{"er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents", "man", "men", "woman", "women", "person", "people"} {
		if strings.HasSuffix(head, suf) && len(head) > len(suf)+2 {
			return true
		}
	}
	for _, w := range ws[:end] {
		if l := strings.ToLower(w.text); sourceNouns[l] || humanNouns[l] || orgNouns[l] {
			return true
		}
	}
	return false
}
