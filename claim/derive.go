package claim

import (
	"context"
	"sort"

	"github.com/corroborate/corroborate/document"
)

// unit is a paragraph (or a whole document) indexed for shared text.
type unit struct {
	doc    int
	span   document.Span
	hashes map[uint64]bool
}

// derive finds the derivation links of the story: attribution links from
// relay cues and shared-text links from MinHash/LSH over paragraphs.
func (c *Comparer) derive(ctx context.Context, s *document.Story) ([]document.Derivation, error) {
	var out []document.Derivation
	byOutlet := map[string]string{} // outlet name → document id in the story
	for _, d := range s.Docs {
		if o := normalizeOutlet(d.Outlet); o != "" {
			if _, ok := byOutlet[o]; !ok {
				byOutlet[o] = d.ID
			}
		}
	}
	for _, d := range s.Docs {
		relays := FindRelays(d.Text, d.Outlet)
		var order []string
		ev := map[string][]document.Citation{}
		for _, r := range relays {
			if _, ok := ev[r.Outlet]; !ok {
				order = append(order, r.Outlet)
			}
			ev[r.Outlet] = append(ev[r.Outlet], document.Citation{Doc: d.ID, Start: r.Span.Start, End: r.Span.End})
		}
		for _, o := range order {
			dv := document.Derivation{From: d.ID, Outlet: o, Kind: "attribution", Evidence: ev[o]}
			if to, ok := byOutlet[o]; ok && to != d.ID {
				dv.To = to
			}
			out = append(out, dv)
		}
	}
	shared, err := c.sharedText(ctx, s)
	if err != nil {
		return nil, err
	}
	return append(out, shared...), nil
}

// sharedText links documents that share paragraphs (Jaccard of word
// 5-shingles at least c.MinPassageJaccard) or whose whole texts are near
// duplicates; the later-published document derives from the earlier.
func (c *Comparer) sharedText(ctx context.Context, s *document.Story) ([]document.Derivation, error) {
	var units []unit
	docSig := make([][]uint64, len(s.Docs))
	lsh := NewLSH(c.Bands, c.Rows)
	docLSH := NewLSH(c.Bands, c.Rows)
	var dupes [][2]int
	type pair struct{ a, b int }
	passages := map[pair][][2]document.Span{}
	for di, d := range s.Docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		all := Shingles(d.Text, document.Span{Start: 0, End: len(d.Text)}, ShingleSize)
		docSig[di] = c.hasher.Signature(hashesOf(all))
		if len(all) > 0 {
			cands, err := docLSH.Add(int32(di), docSig[di])
			if err != nil {
				return nil, err
			}
			for _, o := range cands {
				dupes = append(dupes, [2]int{int(o), di})
			}
		}
		for _, p := range d.Paragraphs {
			if !p.Valid(len(d.Text)) {
				continue
			}
			sh := Shingles(d.Text, p, ShingleSize)
			if len(sh) < c.MinPassageShingles {
				continue
			}
			u := unit{doc: di, span: p, hashes: map[uint64]bool{}}
			for _, x := range sh {
				u.hashes[x.Hash] = true
			}
			id := int32(len(units))
			units = append(units, u)
			cands, err := lsh.Add(id, c.hasher.Signature(hashesOf(sh)))
			if err != nil {
				return nil, err
			}
			for _, o := range cands {
				ou := units[o]
				if ou.doc == di || jaccard(u.hashes, ou.hashes) < c.MinPassageJaccard {
					continue
				}
				k := pair{ou.doc, di}
				passages[k] = append(passages[k], [2]document.Span{ou.span, u.span})
			}
		}
	}
	// Whole-document near duplicates whose paragraphs were cut differently.
	for _, dp := range dupes {
		a, b := dp[0], dp[1]
		k := pair{a, b}
		if _, ok := passages[k]; ok {
			continue
		}
		if EstimateJaccard(docSig[a], docSig[b]) >= c.MinPassageJaccard {
			passages[k] = [][2]document.Span{{{Start: 0, End: len(s.Docs[a].Text)}, {Start: 0, End: len(s.Docs[b].Text)}}}
		}
	}
	keys := make([]pair, 0, len(passages))
	for k := range passages {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].a != keys[j].a {
			return keys[i].a < keys[j].a
		}
		return keys[i].b < keys[j].b
	})
	var out []document.Derivation
	for _, k := range keys {
		from, to := k.b, k.a // story order stands in for unknown dates
		da, db := s.Docs[k.a], s.Docs[k.b]
		if !da.Published.Time.IsZero() && !db.Published.Time.IsZero() && db.Published.Time.Before(da.Published.Time) {
			from, to = k.a, k.b
		}
		dv := document.Derivation{
			From:  s.Docs[from].ID,
			To:    s.Docs[to].ID,
			Kind:  "shared-text",
			Score: EstimateJaccard(docSig[from], docSig[to]),
		}
		for _, p := range passages[k] {
			fromSpan, toSpan := p[1], p[0]
			if from == k.a {
				fromSpan, toSpan = p[0], p[1]
			}
			dv.Evidence = append(dv.Evidence,
				document.Citation{Doc: s.Docs[from].ID, Start: fromSpan.Start, End: fromSpan.End},
				document.Citation{Doc: s.Docs[to].ID, Start: toSpan.Start, End: toSpan.End})
		}
		out = append(out, dv)
	}
	return out, nil
}

func hashesOf(sh []Shingle) []uint64 {
	out := make([]uint64, len(sh))
	for i, x := range sh {
		out[i] = x.Hash
	}
	return out
}

func jaccard(a, b map[uint64]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for h := range a {
		if b[h] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}
