package resolve

import "github.com/corroborate/corroborate/document"

// EntityFor returns the id of the entity of s (after Link) that name
// refers to: the one entity with an alias that fully matches name or of
// which name is a short form. typ, when not empty, must be compatible with
// the entity's type. It reports false when no entity or several match.
// The quote stage can use it to resolve speakers.
func EntityFor(s *document.Story, name, typ string) (string, bool) {
	p := parseName(name, nil)
	if len(p.folded) == 0 {
		return "", false
	}
	var full, partial []string
	for _, e := range s.Entities {
		if typ != "" && !compatible(typeOf(typ), typeOf(e.Type)) {
			continue
		}
		best := NoMatch
		for _, a := range e.Aliases {
			q := parseName(a.Text, nil)
			if builtinDifferent(p.folded, q.folded) {
				continue
			}
			m := compareParsed(&p, &q)
			if m == PartialMatch && len(p.folded) >= len(q.folded) {
				m = NoMatch // the alias is the short form, not name
			}
			if m > best {
				best = m
			}
		}
		switch best {
		case FullMatch:
			full = append(full, e.ID)
		case PartialMatch:
			partial = append(partial, e.ID)
		}
	}
	switch {
	case len(full) == 1:
		return full[0], true
	case len(full) == 0 && len(partial) == 1:
		return partial[0], true
	}
	return "", false
}
