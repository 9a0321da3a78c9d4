package resolve

import (
	"context"
	"fmt"
	"github.com/corroborate/corroborate/pipeline"
	"log/slog"
	"sort"

	"github.com/corroborate/corroborate/document"
)

// Options configure a Resolver.
type Options struct {
	// AliasFile is the path of a user alias file (see AliasRules); empty
	// for none.
	AliasFile string
	// Aliases are rules given directly; they add to those of AliasFile.
	Aliases *AliasRules
	// Logger receives debug notes on merge decisions (default: slog.Default()).
	Logger *slog.Logger
	// SameThreshold is the largest TokenDistance at which two name tokens
	// count as spellings of one name (0: DefaultSameThreshold).
	SameThreshold float64
	// NisbaThreshold is the largest distance between a name without its
	// final -i and another name for the two to count as a truncated
	// spelling (0: DefaultNisbaThreshold).
	NisbaThreshold float64
}

// Resolver groups the entity mentions of a story into entities.
type Resolver struct {
	same      [][]parsedName
	different [][2]parsedName
	log       *slog.Logger
	th        thresholds
}

// New returns a resolver with the given options. It fails when the alias
// file cannot be read or parsed.
func New(opts Options) (*Resolver, error) {
	if opts.SameThreshold < 0 || opts.NisbaThreshold < 0 {
		return nil, fmt.Errorf("creating resolver: negative threshold (same %g, nisba %g)", opts.SameThreshold, opts.NisbaThreshold)
	}
	r := &Resolver{log: opts.Logger, th: thresholdsOf(opts)}
	if r.log == nil {
		r.log = slog.Default()
	}
	var all []*AliasRules
	if opts.AliasFile != "" {
		rules, err := ReadAliasFile(opts.AliasFile)
		if err != nil {
			return nil, fmt.Errorf("creating resolver: %w", err)
		}
		all = append(all, rules)
	}
	if opts.Aliases != nil {
		all = append(all, opts.Aliases)
	}
	for _, rules := range all {
		for _, names := range rules.Same {
			var group []parsedName
			for _, n := range names {
				p := parseName(n, nil)
				if len(p.folded) == 0 {
					return nil, fmt.Errorf("creating resolver: alias name %q has no letters", n)
				}
				group = append(group, p)
			}
			r.same = append(r.same, group)
		}
		for _, pair := range rules.Different {
			a, b := parseName(pair[0], nil), parseName(pair[1], nil)
			if len(a.folded) == 0 || len(b.folded) == 0 {
				return nil, fmt.Errorf("creating resolver: alias pair %q != %q has a name without letters", pair[0], pair[1])
			}
			r.different = append(r.different, [2]parsedName{a, b})
		}
	}
	for _, pair := range knownDifferent {
		r.different = append(r.different, [2]parsedName{
			{folded: []string{pair[0]}}, {folded: []string{pair[1]}},
		})
	}
	return r, nil
}

// Link resolves every mention of every document of s: it fills
// s.Entities (sorted by number of mentions, then id) and sets the Entity
// field of each mention. Mentions whose text holds no name get no entity.
func (r *Resolver) Link(ctx context.Context, s *document.Story) error {
	_, err := r.link(ctx, s)
	return err
}

// link runs Link and returns the graph it built, for tests.
func (r *Resolver) link(ctx context.Context, s *document.Story) (*graph, error) {
	if s == nil {
		return nil, fmt.Errorf("resolving entities: nil story")
	}
	g := newGraph(r, s)
	steps := []struct {
		name string
		run  func()
	}{
		{"full-name matches", g.linkFull},
		{"alias rules", g.linkAliasRules},
		{"parentheses and aka", g.linkTextEvidence},
		{"acronyms", g.linkAcronyms},
		{"short names", g.linkShort},
		{"weak spellings", g.linkWeak},
		{"ambiguous names by context", g.linkByContext},
	}
	for _, st := range steps {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("resolving entities (%s): %w", st.name, err)
		}
		st.run()
	}
	s.Entities = g.entities()
	return g, nil
}

// mentionRef points at one mention of a story.
type mentionRef struct{ doc, idx int }

// sortRefs orders mention references by document and position.
func sortRefs(refs []mentionRef, s *document.Story) {
	sort.Slice(refs, func(i, j int) bool {
		if refs[i].doc != refs[j].doc {
			return refs[i].doc < refs[j].doc
		}
		a, b := s.Docs[refs[i].doc].Mentions[refs[i].idx], s.Docs[refs[j].doc].Mentions[refs[j].idx]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
}

// Contract declares the layers the stage reads and writes.
func (x *Resolver) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerText, document.LayerParagraphs, document.LayerMentions).Gives(document.LayerEntities)
}
