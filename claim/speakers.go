package claim

import (
	"strings"
	"unicode"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/spans"
)

// fillSpeakerEntities gives quotes the story entity of their speaker once
// the resolver has set Mention.Entity: the mention under the speaker span,
// or, for pronouns resolved to a name, a mention of the document spelled
// like that name.
func fillSpeakerEntities(s *document.Story) {
	for _, d := range s.Docs {
		var idx *spans.Index
		var byName map[string]string // folded name → entity of its first person mention
		var buf []int
		for i := range d.Quotes {
			q := &d.Quotes[i]
			if q.SpeakerEntity != "" || q.Speaker == "" {
				continue
			}
			if idx == nil {
				idx = spans.Mentions(d.Mentions)
			}
			// The mention spelled like the speaker's name, else the last
			// one: the name ends the phrase ("IMIS expert Fanar Haddad").
			buf = idx.Overlapping(buf[:0], q.SpeakerSpan)
			for _, mi := range buf {
				if m := d.Mentions[mi]; m.Entity != "" && (m.Type == document.EntityPerson || m.Type == document.EntityOrg) {
					q.SpeakerEntity = m.Entity
					if foldKey(m.Text) == foldKey(q.Speaker) {
						break
					}
				}
			}
			if q.SpeakerEntity != "" || q.Anonymous {
				continue
			}
			if byName == nil {
				byName = map[string]string{}
				for _, m := range d.Mentions {
					if m.Entity != "" && m.Type == document.EntityPerson {
						if k := foldKey(m.Text); byName[k] == "" {
							byName[k] = m.Entity
						}
					}
				}
			}
			if e, ok := byName[foldKey(q.Speaker)]; ok {
				q.SpeakerEntity = e
			}
		}
	}
}

// foldKey maps s to a key that two strings share exactly when
// strings.EqualFold holds between them: every rune becomes the smallest
// rune of its simple case-folding orbit.
func foldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		low := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			low = min(low, f)
		}
		b.WriteRune(low)
	}
	return b.String()
}
