package claim

import (
	"context"
	"errors"
	"fmt"
	"github.com/corroborate/corroborate/pipeline"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/document"
)

// Comparer compares the claims of a story's documents and finds derivation
// links. Its fields may be changed before the first Link.
type Comparer struct {
	// Bands and Rows shape the LSH index (Bands·Rows ≤ the 128 hashes).
	Bands, Rows int
	// MinPassageJaccard is the shingle Jaccard at which two paragraphs (or
	// two whole texts) count as shared text.
	MinPassageJaccard float64
	// MinPassageShingles skips paragraphs shorter than this many shingles.
	MinPassageShingles int
	hasher             *MinHasher
}

// New returns a Comparer with 128 MinHash functions in 32 bands of 4 rows,
// passages of at least 8 shingles and a Jaccard threshold of 0.5.
func New() *Comparer {
	return &Comparer{Bands: 32, Rows: 4, MinPassageJaccard: 0.5, MinPassageShingles: 8, hasher: NewMinHasher(128)}
}

// Link writes s.Derivations, s.Agreements and s.Disagreements from the
// documents' claims (run Extractor.Annotate on every document first), and
// fills Quote.SpeakerEntity from mentions the resolver has linked.
func (c *Comparer) Link(ctx context.Context, s *document.Story) error {
	if s == nil {
		return errors.New("claim: linking a nil story")
	}
	if c.hasher == nil || c.Bands*c.Rows > len(c.hasher.seeds) || c.Bands <= 0 || c.Rows <= 0 {
		return fmt.Errorf("claim: comparer not usable: %d bands × %d rows (use claim.New)", c.Bands, c.Rows)
	}
	derivs, err := c.derive(ctx, s)
	if err != nil {
		return fmt.Errorf("claim: finding derivations: %w", err)
	}
	s.Derivations = derivs
	fillSpeakerEntities(s)
	ind := newIndependence(s, derivs)
	s.Agreements, s.Disagreements = compare(s, ind)
	return nil
}

// ref is one claim with its document index and the year it is dated to
// (its own time, else the publication year for the report's own event).
type ref struct {
	doc      int
	c        document.Claim
	year     string
	explicit bool
}

// bucket is a group of claims about the same thing in compatible events.
type bucket struct {
	key       string
	event, tm string
	since     string
	// shown is the year an explicit time gave, for the About text.
	shown string
	refs  []ref
}

func claimKey(c document.Claim) string {
	if c.Predicate == "age" {
		return "age|" + NameKey(c.Subject)
	}
	return strings.ToLower(c.Subject) + "|" + c.Predicate
}

func year(t string) string {
	if len(t) >= 4 {
		return t[:4]
	}
	return t
}

// fits reports whether claim c may be about the same event as bucket b:
// cumulative counts ("since 2003") only meet the same span, and labelled
// events or years that differ never meet.
func (b *bucket) fits(r ref) bool {
	c := r.c
	cs := ""
	ev := c.Event
	if strings.HasPrefix(ev, "since ") {
		cs, ev = ev, ""
	}
	if cs != b.since {
		return false
	}
	if ev != "" && b.event != "" && ev != b.event {
		return false
	}
	if r.year != "" && b.tm != "" && r.year != b.tm {
		return false
	}
	return true
}

func (b *bucket) add(r ref) {
	b.refs = append(b.refs, r)
	ev := r.c.Event
	if strings.HasPrefix(ev, "since ") {
		b.since = ev
	} else if ev != "" {
		b.event = ev
	}
	if r.year != "" {
		b.tm = r.year
	}
	if r.explicit && r.year != "" {
		b.shown = r.year
	}
}

// compare groups claims and turns groups told by two or more documents
// into agreements (one value) or disagreements (several).
func compare(s *document.Story, ind *independence) ([]document.Agreement, []document.Disagreement) {
	byKey := map[string][]*bucket{}
	var keys []string
	for di, d := range s.Docs {
		for _, cl := range d.Claims {
			r := ref{doc: di, c: cl, year: year(cl.Time), explicit: cl.Time != ""}
			if cl.Time == "" && cl.Event == "" && eventBound(cl) && !d.Published.IsZero() && len(d.Published.Value) >= 4 {
				// A number told with no time and no background cue belongs
				// to the report's own event: date it by publication, so
				// that it never meets a count from an older event.
				r.year = d.Published.Value[:4]
			}
			k := claimKey(cl)
			if _, ok := byKey[k]; !ok {
				keys = append(keys, k)
			}
			var home *bucket
			for _, b := range byKey[k] {
				if b.fits(r) {
					home = b
					break
				}
			}
			if home == nil {
				home = &bucket{key: k}
				if strings.HasPrefix(cl.Event, "since ") {
					home.since = cl.Event
				}
				byKey[k] = append(byKey[k], home)
			}
			home.add(r)
		}
	}
	var agree []document.Agreement
	var disagree []document.Disagreement
	for _, k := range keys {
		for _, b := range byKey[k] {
			docs := map[int]bool{}
			for _, r := range b.refs {
				docs[r.doc] = true
			}
			if len(docs) < 2 {
				continue
			}
			about := aboutText(b)
			vals := values(s, b, ind)
			if len(vals) == 1 {
				agree = append(agree, document.Agreement{About: about, Value: vals[0].ClaimValue})
				continue
			}
			if !differentDocs(vals) {
				continue
			}
			var cvs []document.ClaimValue
			var parts, notes []string
			for _, v := range vals {
				cvs = append(cvs, v.ClaimValue)
				parts = append(parts, fmt.Sprintf("%s (%s)", v.Value, strings.Join(v.docIDs, ", ")))
				if v.note != "" {
					notes = append(notes, v.note)
				}
			}
			note := fmt.Sprintf("sources disagree: %s; the lowest figure, %s, is the conservative count", strings.Join(parts, " vs "), vals[0].Value)
			if len(notes) > 0 {
				note += "; " + strings.Join(dedupe(notes), "; ")
			}
			disagree = append(disagree, document.Disagreement{About: about, Values: cvs, Conservative: vals[0].Value, Note: note})
		}
	}
	sort.SliceStable(agree, func(i, j int) bool { return agree[i].About < agree[j].About })
	sort.SliceStable(disagree, func(i, j int) bool { return disagree[i].About < disagree[j].About })
	return agree, disagree
}

// value is a ClaimValue with the facts behind its note.
type value struct {
	document.ClaimValue
	number float64
	docIDs []string
	docs   map[int]bool
	note   string
}

// values groups a bucket's claims by number, lowest first.
func values(s *document.Story, b *bucket, ind *independence) []*value {
	byNum := map[string]*value{}
	var order []*value
	roots := map[*value][]ref{}
	for _, r := range b.refs {
		k := fmt.Sprintf("%g", r.c.Number)
		v, ok := byNum[k]
		if !ok {
			v = &value{number: r.c.Number, docs: map[int]bool{}}
			v.Value = r.c.Value
			byNum[k] = v
			order = append(order, v)
		}
		v.Sources = append(v.Sources, document.Citation{Doc: s.Docs[r.doc].ID, Start: r.c.Start, End: r.c.End})
		if !v.docs[r.doc] {
			v.docs[r.doc] = true
			v.docIDs = append(v.docIDs, s.Docs[r.doc].ID)
		}
		roots[v] = append(roots[v], r)
	}
	for _, v := range order {
		v.Independent, v.note = ind.count(roots[v])
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].number < order[j].number })
	return order
}

// differentDocs reports whether at least two documents give different
// values (one report contradicting itself is not a disagreement between
// sources).
func differentDocs(vals []*value) bool {
	for i := range vals {
		for j := i + 1; j < len(vals); j++ {
			for d := range vals[i].docs {
				for e := range vals[j].docs {
					if d != e {
						return true
					}
				}
			}
		}
	}
	return false
}

func aboutText(b *bucket) string {
	c := b.refs[0].c
	var s string
	switch c.Predicate {
	case "age":
		s = "age of " + c.Subject
	case "count":
		s = "number of " + c.Subject
	default:
		s = c.Subject + " " + c.Predicate
	}
	var ctx []string
	if b.event != "" {
		ctx = append(ctx, b.event)
	}
	if b.since != "" {
		ctx = append(ctx, b.since)
	}
	if b.shown != "" && strings.Trim(b.shown, "X") != "" { // an unknown year says nothing
		ctx = append(ctx, b.shown)
	}
	if len(ctx) > 0 {
		s += " (" + strings.Join(ctx, ", ") + ")"
	}
	return s
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// eventBound reports whether a claim counts what happened in one event
// (people killed or arrested, attackers, vehicles at the scene) rather
// than a standing fact (an age, how many factions a group has).
func eventBound(c document.Claim) bool {
	if c.Predicate == "count" {
		return c.Subject != "factions"
	}
	return c.Predicate != "age"
}

// Contract declares the layers the stage reads and writes; besides the
// comparison it sets the speaker entity of quotes (Quote.SpeakerEntity).
func (x *Comparer) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerExtracted, document.LayerText, document.LayerParagraphs, document.LayerMentions, document.LayerQuotes, document.LayerClaims, document.LayerEntities).Gives(document.LayerComparison, document.LayerQuotes)
}
