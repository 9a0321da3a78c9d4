package summarize

import (
	"context"
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/text"
)

// largeReport is invented report i of one event, as many outlets would
// write it: the same facts in a few wordings, numbers that vary, quotes.
func largeReport(i int) string {
	r := rand.New(rand.NewSource(int64(i)))
	pick := func(xs ...string) string { return xs[r.Intn(len(xs))] }
	var b strings.Builder
	fmt.Fprintf(&b, "At least %d people died when the Orlen river flooded the town of Dunmere on %s, officials said. ", 5+r.Intn(6), pick("Friday", "Friday night", "Saturday morning"))
	fmt.Fprintf(&b, "\"%s,\" said Governor Maren Tolvi, who %s. ", pick("Nobody expected the water to rise so fast", "The levees were never built for this", "Every crew we have is out tonight"), pick("toured the flooded streets", "met families at the shelter", "spoke at the fire station"))
	fmt.Fprintf(&b, "The county emergency office said %d houses were damaged and %d residents were evacuated. ", 200+r.Intn(300), 800+50*r.Intn(12))
	fmt.Fprintf(&b, "Captain Ilse Marek of the rescue service said %s. ", pick("boats had reached the last stranded farms by Sunday", "a helicopter was searching for two missing anglers", "the bridge at Hollow Ford had been closed"))
	fmt.Fprintf(&b, "Forecasters warned that more storms could arrive %s. ", pick("on Monday", "later in the week", "before the weekend"))
	fmt.Fprintf(&b, "The %s said %s.", pick("Red Crescent", "provincial council", "national army"), pick("it was delivering food and water", "it had opened an emergency fund", "schools in the valley would stay shut"))
	return b.String()
}

// largeStory is a story of n invented reports, split into sentences.
func largeStory(tb testing.TB, n int) *document.Story {
	tb.Helper()
	s := document.NewStory()
	for i := range n {
		d := &document.Document{ID: fmt.Sprintf("r%d", i), Text: largeReport(i), Published: document.DayDate(time.Date(2031, 3, 8, 0, 0, 0, 0, time.UTC), "test")}
		if err := text.New().Annotate(context.Background(), d); err != nil {
			tb.Fatal(err)
		}
		s.Add(d)
	}
	return s
}

// BenchmarkSummarizeLarge summarizes stories of growing size; the time
// per report should stay about the same as the story grows.
func BenchmarkSummarizeLarge(b *testing.B) {
	for _, n := range []int{100, 300, 1000} {
		b.Run(fmt.Sprintf("reports=%d", n), func(b *testing.B) {
			s := largeStory(b, n)
			z := New(Options{})
			b.ResetTimer()
			for range b.N {
				if _, err := z.Summarize(context.Background(), s); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/report")
		})
	}
}

// TestSupportSampleAgreesWithFullCount checks that measuring support
// against a sample of the reports of a large story gives about the support
// the full count gives, and an opening sentence about as good by the full
// count's own main-event score, with single reports and with a large copy
// group (half the reports copied from the first).
func TestSupportSampleAgreesWithFullCount(t *testing.T) {
	for _, copies := range []bool{false, true} {
		s := largeStory(t, 200)
		if copies {
			for i := 2; i < len(s.Docs); i += 2 {
				s.Derivations = append(s.Derivations, document.Derivation{From: "r0", To: s.Docs[i].ID, Kind: "shared-text"})
			}
		}
		run := func(groups, ndocs int) ([]*sentence, *sentence) {
			oldG, oldD := maxSupportGroups, maxIndexedDocs
			maxSupportGroups, maxIndexedDocs = groups, ndocs
			defer func() { maxSupportGroups, maxIndexedDocs = oldG, oldD }()
			opts := Options{}.withDefaults()
			docs := usable(s.Docs)
			all := collect(docs, opts)
			score(all, copyGroups(s, docs), opts)
			return all, choose(all, opts)[0]
		}
		full, fullFirst := run(1000, 1000)
		part, partFirst := run(64, 128)
		worst := 0.0
		for i := range full {
			worst = max(worst, math.Abs(full[i].support-part[i].support))
		}
		if worst > 0.07 {
			t.Errorf("copies %v: sampled support differs from the full count by up to %.3f", copies, worst)
		}
		var partByFull *sentence
		for _, st := range full {
			if st.doc == partFirst.doc && st.span == partFirst.span {
				partByFull = st
			}
		}
		if partByFull.main < 0.99*fullFirst.main {
			t.Errorf("copies %v: opening sentence %q scores %.3f by the full count, the full count's own %q %.3f",
				copies, partFirst.text, partByFull.main, fullFirst.text, fullFirst.main)
		}
		if n := len(partFirst.equiv); n > 128 {
			t.Errorf("copies %v: opening sentence has %d equivalents, want at most the sample's 128", copies, n)
		}
		t.Logf("copies %v: largest support difference %.3f; opening sentence %.3f of the best by the full count; %d equivalents",
			copies, worst, partByFull.main/fullFirst.main, len(partFirst.equiv))
	}
}
