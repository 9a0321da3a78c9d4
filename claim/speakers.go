package claim

import (
	"strings"

	"github.com/corroborate/corroborate/document"
)

// fillSpeakerEntities gives quotes the story entity of their speaker once
// the resolver has set Mention.Entity: the mention under the speaker span,
// or, for pronouns resolved to a name, a mention of the document spelled
// like that name.
func fillSpeakerEntities(s *document.Story) {
	for _, d := range s.Docs {
		for i := range d.Quotes {
			q := &d.Quotes[i]
			if q.SpeakerEntity != "" || q.Speaker == "" {
				continue
			}
			for _, m := range d.Mentions {
				if m.Entity != "" && m.Span.Overlaps(q.SpeakerSpan) && (m.Type == document.EntityPerson || m.Type == document.EntityOrg) {
					q.SpeakerEntity = m.Entity
					break
				}
			}
			if q.SpeakerEntity != "" || q.Anonymous {
				continue
			}
			for _, m := range d.Mentions {
				if m.Entity != "" && m.Type == document.EntityPerson && strings.EqualFold(m.Text, q.Speaker) {
					q.SpeakerEntity = m.Entity
					break
				}
			}
		}
	}
}
