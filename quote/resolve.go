package quote

import (
	"strings"

	textseg "github.com/corroborate/corroborate/text"

	"github.com/corroborate/corroborate/document"
)

// resolve replaces pronoun speakers with the most recent compatible
// speaker (within four sentences), else the first person named in the
// nearest preceding sentence, and gives continuation quotes their
// predecessor's speaker.
func (x *extraction) resolve() {
	for i := range x.found {
		f := &x.found[i]
		if f.cont {
			for j := i - 1; j >= 0; j-- {
				if x.found[j].q.Direct {
					p := x.found[j]
					f.q.Speaker, f.q.SpeakerSpan, f.q.Role, f.q.Anonymous = p.q.Speaker, p.q.SpeakerSpan, p.q.Role, p.q.Anonymous
					f.q.SpeakerEntity = p.q.SpeakerEntity
					f.spk = p.spk
					break
				}
			}
			continue
		}
		if !f.spk.Pronoun {
			continue
		}
		l := strings.ToLower(f.spk.Name)
		if l == "i" || l == "we" || l == "it" {
			continue // first person inside quotes, or an organisation
		}
		plural := l == "they"
		s, ok := x.previousSpeaker(i, plural)
		if !plural {
			// A person named after that speaker is more recent.
			before := f.spk.Span.Start
			if f.q.Direct {
				before = min(before, f.q.Content.Start)
			}
			if p, pok := x.previousPerson(f.sent, before); pok && (!ok || p.Span.Start > s.Span.Start) {
				f.q.Speaker, f.q.Role, f.q.Anonymous = p.display(), p.Role, false
				f.spk.Name, f.spk.Role, f.spk.Anonymous = p.Name, p.Role, false
				continue
			}
		}
		if ok {
			f.q.Speaker, f.q.Role, f.q.Anonymous = s.display(), s.Role, s.Anonymous
			f.spk.Name, f.spk.Role, f.spk.Anonymous = s.Name, s.Role, s.Anonymous
			if s.Name == "" {
				f.spk.Name = s.display()
			}
		}
	}
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
		if p.spk.empty() || (p.spk.Pronoun && p.spk.Name == "") {
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
			for _, mi := range x.ms.inside(buf[:0], sp) {
				if m := x.mentions[mi]; m.Type == document.EntityPerson {
					best = analyze(x.text, m.Span, x.ms)
					if !last {
						break
					}
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
