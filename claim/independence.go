package claim

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/corroborate/corroborate/document"
)

// independence collapses documents that derive from each other (shared
// text, transitively) and claims credited to the same relayed outlet.
type independence struct {
	s      *document.Story
	parent []int
	// why explains for each document how it joined its group.
	why map[int]string
	// outletDoc maps a normalized outlet name to the first document of the
	// story published by that outlet, so that a report relaying an outlet
	// and that outlet's own report count once.
	outletDoc map[string]int
}

func newIndependence(s *document.Story, derivs []document.Derivation) *independence {
	ind := &independence{s: s, parent: make([]int, len(s.Docs)), why: map[int]string{}, outletDoc: map[string]int{}}
	for i := range ind.parent {
		ind.parent[i] = i
	}
	for i, d := range s.Docs {
		if o := normalizeOutlet(d.Outlet); o != "" {
			if _, seen := ind.outletDoc[o]; !seen {
				ind.outletDoc[o] = i
			}
		}
	}
	index := map[string]int{}
	for i, d := range s.Docs {
		index[d.ID] = i
	}
	for _, dv := range derivs {
		if dv.Kind != "shared-text" {
			continue
		}
		a, okA := index[dv.From]
		b, okB := index[dv.To]
		if !okA || !okB {
			continue
		}
		ind.union(a, b)
		ind.why[a] = fmt.Sprintf("%s shares text with %s (Jaccard %.2f)", dv.From, dv.To, dv.Score)
	}
	return ind
}

func (ind *independence) find(i int) int {
	for ind.parent[i] != i {
		ind.parent[i] = ind.parent[ind.parent[i]]
		i = ind.parent[i]
	}
	return i
}

func (ind *independence) union(a, b int) {
	ra, rb := ind.find(a), ind.find(b)
	if ra != rb {
		if rb < ra {
			ra, rb = rb, ra
		}
		ind.parent[rb] = ra
	}
}

// count returns the number of independent sources behind refs and a note
// on what was collapsed.
func (ind *independence) count(refs []ref) (int, string) {
	members := map[string][]string{} // root → document ids
	var order []string
	for _, r := range refs {
		root := fmt.Sprintf("doc:%d", ind.find(r.doc))
		if o := normalizeOutlet(r.c.Attribution); o != "" {
			if j, ok := ind.outletDoc[o]; ok {
				root = fmt.Sprintf("doc:%d", ind.find(j))
				ind.why[r.doc] = fmt.Sprintf("%s relays %s, whose own report is %s", ind.s.Docs[r.doc].ID, o, ind.s.Docs[j].ID)
			} else {
				root = "outlet:" + o
			}
		}
		id := ind.s.Docs[r.doc].ID
		if _, ok := members[root]; !ok {
			order = append(order, root)
		}
		if !contains(members[root], id) {
			members[root] = append(members[root], id)
		}
	}
	var notes []string
	for _, root := range order {
		ids := members[root]
		if o, ok := strings.CutPrefix(root, "outlet:"); ok {
			verb := "relays"
			if len(ids) > 1 {
				verb = "relay"
			}
			notes = append(notes, fmt.Sprintf("%s %s %s", strings.Join(ids, ", "), verb, o))
			continue
		}
		if len(ids) > 1 {
			var why []string
			for _, id := range ids {
				for i, d := range ind.s.Docs {
					if d.ID == id && ind.why[i] != "" {
						why = append(why, ind.why[i])
					}
				}
			}
			sort.Strings(why)
			notes = append(notes, fmt.Sprintf("%s count as one source (%s)", strings.Join(ids, ", "), strings.Join(why, "; ")))
		}
	}
	return len(order), strings.Join(notes, "; ")
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// NameKey returns a spelling-tolerant key for a person's name: the last
// word without an Arabic article or possessive, lower-cased, with vowels
// after the first letter dropped and doubled letters merged, so that
// "Hashimi", "al-Hashemi" and "Hashimi’s" share the key "hshm".
func NameKey(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	w := strings.ToLower(cleanName(f[len(f)-1]))
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ar-"} {
		w = strings.TrimPrefix(w, p)
	}
	var b strings.Builder
	var last rune
	for i, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		if i > 0 && strings.ContainsRune("aeiouy", r) {
			continue
		}
		if r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// Sources counts the independent sources among the documents of a story
// (see Independent); build it once per story and count many groups.
type Sources struct{ ind *independence }

// NewSources prepares the independence counts of story s from its
// derivations.
func NewSources(s *document.Story) *Sources {
	return &Sources{ind: newIndependence(s, s.Derivations)}
}

// Independent returns how many independent sources the documents docs
// (indices into the story's Docs) amount to, collapsing documents that
// share text according to the story's derivations (transitively), with a
// note on what was collapsed. It is the count claims carry, for other
// story-level results such as events.
func (x *Sources) Independent(docs []int) (int, string) {
	refs := make([]ref, 0, len(docs))
	for _, d := range docs {
		if d >= 0 && d < len(x.ind.s.Docs) {
			refs = append(refs, ref{doc: d})
		}
	}
	return x.ind.count(refs)
}

// Independent is NewSources(s).Independent(docs), for one group.
func Independent(s *document.Story, docs []int) (int, string) {
	return NewSources(s).Independent(docs)
}
