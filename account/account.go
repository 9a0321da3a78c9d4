package account

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/pipeline"
)

// Builder is the story-level account stage.
type Builder struct {
	// MinPart is the least 5W1H confidence for a where or when answer to
	// enter the headline.
	MinPart float64
}

// New returns a builder with the default settings.
func New() *Builder { return &Builder{MinPart: 0.4} }

// Contract declares the layers the stage reads and writes.
func (b *Builder) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerText, document.LayerSentences, document.LayerTimexes,
		document.LayerEventMentions, document.LayerEntities, document.LayerComparison,
		document.LayerEvents, document.LayerFiveW1H, document.LayerSummary).Gives(document.LayerAccount)
}

// Link writes s.Account and the Display text of every summary sentence.
func (b *Builder) Link(ctx context.Context, s *document.Story) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a := b.Build(s)
	s.Account = &a
	return nil
}

// Build returns the account of s and fills in the Display text of its
// summary sentences.
func (b *Builder) Build(s *document.Story) document.Account {
	st := newStoryInfo(s)
	a := document.Account{Headline: b.headline(s, st), Happened: []document.AccountFact{}, Disputed: []document.AccountFact{}}
	for i := range s.Summary {
		s.Summary[i].Display = st.display(s.Summary[i].Text, s.Summary[i].Sources)
	}
	a.Happened = happened(s, st)
	a.Disputed = disputed(s)
	return a
}

// storyInfo holds what the stage derives once per story.
type storyInfo struct {
	s *document.Story
	// mainEvents are the ids of the events with role main.
	mainEvents map[string]bool
	// mainSentences are, per document id, the sentences that mention a
	// main event.
	mainSentences map[string]map[int]bool
	mainDate      document.Date
}

func newStoryInfo(s *document.Story) *storyInfo {
	st := &storyInfo{s: s, mainEvents: map[string]bool{}, mainSentences: map[string]map[int]bool{}}
	for _, e := range s.Events {
		if e.Role == document.RoleMain {
			st.mainEvents[e.ID] = true
		}
	}
	if f := s.FiveW1H; f != nil && f.When.Date != nil {
		st.mainDate = *f.When.Date
	}
	st.indexSentences()
	return st
}

// addMain counts event id among the main events.
func (st *storyInfo) addMain(id string) {
	st.mainEvents[id] = true
	st.indexSentences()
}

func (st *storyInfo) indexSentences() {
	for _, d := range st.s.Docs {
		for _, m := range d.Events {
			if st.mainEvents[m.Event] {
				if st.mainSentences[d.ID] == nil {
					st.mainSentences[d.ID] = map[int]bool{}
				}
				st.mainSentences[d.ID][m.Sentence] = true
			}
		}
	}
}

// display tidies a sentence cited by sources: the first source that
// resolves gives the text, else text itself is tidied.
func (st *storyInfo) display(text string, sources []document.Citation) string {
	for _, c := range sources {
		d, got, err := st.s.Resolve(c)
		if err != nil || got == "" {
			continue
		}
		if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(text), " ") {
			continue
		}
		return Display(d, document.Span{Start: c.Start, End: c.End}, st.mainDate, st.mainSentences[d.ID])
	}
	return Tidy(text)
}

// tellsMain reports whether the cited span holds a mention of a main
// event.
func (st *storyInfo) tellsMain(c document.Citation) bool {
	d := st.s.Doc(c.Doc)
	if d == nil {
		return false
	}
	for _, m := range d.Events {
		if st.mainEvents[m.Event] && m.Start >= c.Start && m.End <= c.End {
			return true
		}
	}
	return false
}

// independent counts the independent reports among the documents cited:
// a report that relays or copies another one cited, or an outlet
// another cited report also relays, does not count again.
func independent(s *document.Story, cites []document.Citation) int {
	docs := map[string]bool{}
	for _, c := range cites {
		docs[c.Doc] = true
	}
	keys := map[string]bool{}
	for id := range docs {
		key := id
		for _, dv := range s.Derivations {
			if dv.From != id {
				continue
			}
			if dv.To != "" && docs[dv.To] {
				key = dv.To
				break
			}
			if dv.To == "" && dv.Outlet != "" {
				key = "outlet:" + strings.ToLower(dv.Outlet)
			}
		}
		keys[key] = true
	}
	return len(keys)
}

// happened returns the summary sentences and agreements that tell the
// main event, best supported first.
func happened(s *document.Story, st *storyInfo) []document.AccountFact {
	out := []document.AccountFact{}
	for _, ss := range s.Summary {
		main := false
		for _, c := range ss.Sources {
			main = main || st.tellsMain(c)
		}
		if !main {
			continue
		}
		disp := ss.Display
		if disp == "" {
			disp = st.display(ss.Text, ss.Sources)
		}
		out = append(out, document.AccountFact{Text: ss.Text, Display: disp, Sources: ss.Sources, Independent: independent(s, ss.Sources)})
	}
	for _, ag := range s.Agreements {
		main := false
		for _, c := range ag.Value.Sources {
			main = main || st.tellsMain(c)
		}
		if !main {
			continue
		}
		n := ag.Value.Independent
		text := fmt.Sprintf("%s: %s (%s).", upperFirst(ag.About), ag.Value.Value, reports(n))
		out = append(out, document.AccountFact{Text: text, Display: Tidy(text), About: ag.About, Sources: ag.Value.Sources, Independent: n})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Independent > out[j].Independent })
	return out
}

// disputed returns each disagreement as a plain sentence: "Reports
// differ on the number of motorcycles: one (2 independent reports) or
// two (1)."
func disputed(s *document.Story) []document.AccountFact {
	out := []document.AccountFact{}
	for _, dg := range s.Disagreements {
		if len(dg.Values) < 2 {
			continue
		}
		var parts []string
		var sources []document.Citation
		most := 0
		for i, v := range dg.Values {
			n := fmt.Sprint(v.Independent)
			if i == 0 {
				n = reports(v.Independent)
			}
			parts = append(parts, fmt.Sprintf("%s (%s)", v.Value, n))
			sources = append(sources, v.Sources...)
			most = max(most, v.Independent)
		}
		list := strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
		text := fmt.Sprintf("Reports differ on %s: %s.", aboutPhrase(dg.About), list)
		if dg.Conservative != "" {
			text += fmt.Sprintf(" The conservative figure is %s.", dg.Conservative)
		}
		out = append(out, document.AccountFact{Text: text, Display: Tidy(text), About: dg.About, Sources: sources, Independent: most})
	}
	return out
}

// aboutPhrase puts "the" before a label that names a count ("number of
// motorcycles").
func aboutPhrase(about string) string {
	if strings.HasPrefix(about, "number of ") {
		return "the " + about
	}
	return about
}

func reports(n int) string {
	if n == 1 {
		return "1 independent report"
	}
	return fmt.Sprintf("%d independent reports", n)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}
