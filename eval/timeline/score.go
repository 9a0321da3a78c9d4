package timeline

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// Relation types between two intervals.
const (
	relBefore = iota
	relSimultaneous
	relIncludes // A includes B: B lies within A
)

// relation is a temporal relation between two nodes (event ids or
// "date:" keys).
type relation struct {
	kind int
	a, b string
}

// graph holds the point-algebra closure of a set of interval relations:
// every node has a start and an end point, and rel[i][j] is 0 (unknown),
// 1 (i ≤ j) or 2 (i < j).
type graph struct {
	index map[string]int
	rel   [][]uint8
}

func newGraph(nodes []string) *graph {
	g := &graph{index: map[string]int{}}
	for _, n := range nodes {
		if _, ok := g.index[n]; !ok {
			g.index[n] = len(g.index)
		}
	}
	p := 2 * len(g.index)
	g.rel = make([][]uint8, p)
	for i := range g.rel {
		g.rel[i] = make([]uint8, p)
		g.rel[i][i] = 1
	}
	for _, i := range g.index {
		g.add(2*i, 2*i+1, 2) // start before end
	}
	return g
}

// add records x ≤ y (strength 1) or x < y (strength 2) and closes the
// graph under transitivity.
func (g *graph) add(x, y int, strength uint8) {
	if g.rel[x][y] >= strength {
		return
	}
	n := len(g.rel)
	var from, to []int
	for i := 0; i < n; i++ {
		if g.rel[i][x] > 0 {
			from = append(from, i)
		}
		if g.rel[y][i] > 0 {
			to = append(to, i)
		}
	}
	for _, i := range from {
		for _, j := range to {
			s := strength
			if g.rel[i][x] == 2 || g.rel[y][j] == 2 {
				s = 2
			}
			if g.rel[i][j] < s {
				g.rel[i][j] = s
			}
		}
	}
}

// points returns the point constraints of r as (x, y, strength) triples.
func (g *graph) points(r relation) ([][3]int, bool) {
	ia, oka := g.index[r.a]
	ib, okb := g.index[r.b]
	if !oka || !okb {
		return nil, false
	}
	sa, ea, sb, eb := 2*ia, 2*ia+1, 2*ib, 2*ib+1
	switch r.kind {
	case relBefore:
		return [][3]int{{ea, sb, 2}}, true
	case relSimultaneous:
		return [][3]int{{sa, sb, 1}, {sb, sa, 1}, {ea, eb, 1}, {eb, ea, 1}}, true
	default:
		return [][3]int{{sa, sb, 1}, {eb, ea, 1}}, true
	}
}

// entails reports whether the closure implies r.
func (g *graph) entails(r relation) bool {
	ps, ok := g.points(r)
	if !ok {
		return false
	}
	for _, p := range ps {
		if g.rel[p[0]][p[1]] < uint8(p[2]) {
			return false
		}
	}
	return true
}

// assert adds r to the graph.
func (g *graph) assert(r relation) {
	ps, ok := g.points(r)
	if !ok {
		return
	}
	for _, p := range ps {
		g.add(p[0], p[1], uint8(p[2]))
	}
}

// interval is a calendar date as a half-open span of days.
type interval struct{ start, end time.Time }

// dateKey normalises a timeline date to a node key and its interval;
// ok is false for an unknown date (XXXX-XX-XX).
func dateKey(s string) (string, interval, bool) {
	parts := strings.Split(strings.TrimSpace(s), "-")
	var nums []int
	for _, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			break
		}
		nums = append(nums, n)
	}
	switch {
	case len(nums) == 0 || nums[0] <= 0:
		return "", interval{}, false
	case len(nums) == 1:
		t := time.Date(nums[0], 1, 1, 0, 0, 0, 0, time.UTC)
		return "date:" + strconv.Itoa(nums[0]), interval{t, t.AddDate(1, 0, 0)}, true
	case len(nums) == 2:
		if nums[1] < 1 || nums[1] > 12 {
			return "", interval{}, false
		}
		t := time.Date(nums[0], time.Month(nums[1]), 1, 0, 0, 0, 0, time.UTC)
		return "date:" + t.Format("2006-01"), interval{t, t.AddDate(0, 1, 0)}, true
	default:
		t := time.Date(nums[0], time.Month(nums[1]), nums[2], 0, 0, 0, 0, time.UTC)
		if t.Month() != time.Month(nums[1]) || nums[1] < 1 {
			return "", interval{}, false
		}
		return "date:" + t.Format("2006-01-02"), interval{t, t.AddDate(0, 0, 1)}, true
	}
}

// relations turns a timeline into its candidate relations (events on one
// position are simultaneous, every event of a position is before every
// event of the next, a dated event is included in its date) and the
// calendar relations between its dates, and returns the closed graph and
// the non-redundant event relations: each candidate that the dates and
// the candidates kept before it do not already imply. Position 0 (events
// not placed on the timeline) gives no relation. The dates of other
// (the timeline compared with) join the calendar, which both sides share.
func relations(tl Timeline, other ...Timeline) (*graph, []relation) {
	byPos := map[int][]string{}
	dates := map[string]interval{}
	var eventDate []relation
	var nodes []string
	seen := map[string]bool{}
	for _, r := range tl.Rows {
		if r.Pos <= 0 {
			continue
		}
		key, iv, dated := dateKey(r.Date)
		if dated {
			if _, ok := dates[key]; !ok {
				dates[key] = iv
				nodes = append(nodes, key)
			}
		}
		for _, e := range r.Events {
			if !seen[e] {
				seen[e] = true
				nodes = append(nodes, e)
			}
			byPos[r.Pos] = append(byPos[r.Pos], e)
			if dated {
				eventDate = append(eventDate, relation{relIncludes, key, e})
			}
		}
	}
	for _, o := range other {
		for _, r := range o.Rows {
			if key, iv, ok := dateKey(r.Date); ok && r.Pos > 0 {
				if _, seen := dates[key]; !seen {
					dates[key] = iv
					nodes = append(nodes, key)
				}
			}
		}
	}
	g := newGraph(nodes)
	// Calendar relations between dates.
	var keys []string
	for k := range dates {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, a := range keys {
		for _, b := range keys[i+1:] {
			ia, ib := dates[a], dates[b]
			switch {
			case !ia.end.After(ib.start):
				g.assert(relation{relBefore, a, b})
			case !ib.end.After(ia.start):
				g.assert(relation{relBefore, b, a})
			case !ib.start.Before(ia.start) && !ib.end.After(ia.end):
				g.assert(relation{relIncludes, a, b})
			case !ia.start.Before(ib.start) && !ia.end.After(ib.end):
				g.assert(relation{relIncludes, b, a})
			}
		}
	}
	var cands []relation
	var positions []int
	for p := range byPos {
		positions = append(positions, p)
	}
	sort.Ints(positions)
	for _, p := range positions {
		evs := byPos[p]
		for i := 1; i < len(evs); i++ {
			cands = append(cands, relation{relSimultaneous, evs[0], evs[i]})
		}
	}
	cands = append(cands, eventDate...)
	for k := 1; k < len(positions); k++ {
		for _, a := range byPos[positions[k-1]] {
			for _, b := range byPos[positions[k]] {
				cands = append(cands, relation{relBefore, a, b})
			}
		}
	}
	var kept []relation
	for _, r := range cands {
		if r.a == r.b || g.entails(r) {
			continue
		}
		g.assert(r)
		kept = append(kept, r)
	}
	return g, kept
}

// Counts are the temporal-awareness counts of one or more timelines.
type Counts struct {
	// SysOK of Sys system relations are implied by the gold closure;
	// GoldOK of Gold gold relations by the system closure.
	SysOK, Sys, GoldOK, Gold int
}

// Add returns c + o.
func (c Counts) Add(o Counts) Counts {
	return Counts{c.SysOK + o.SysOK, c.Sys + o.Sys, c.GoldOK + o.GoldOK, c.Gold + o.Gold}
}

// P is the precision, R the recall and F1 their harmonic mean.
func (c Counts) P() float64 { return ratio(c.SysOK, c.Sys) }

// R is the recall.
func (c Counts) R() float64 { return ratio(c.GoldOK, c.Gold) }

// F1 is the harmonic mean of P and R.
func (c Counts) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Score compares a system timeline with the gold one by temporal
// awareness.
func Score(sys, gold Timeline) Counts {
	gs, rs := relations(sys, gold)
	gg, rg := relations(gold, sys)
	var c Counts
	c.Sys, c.Gold = len(rs), len(rg)
	for _, r := range rs {
		if gg.entails(r) {
			c.SysOK++
		}
	}
	for _, r := range rg {
		if gs.entails(r) {
			c.GoldOK++
		}
	}
	return c
}
