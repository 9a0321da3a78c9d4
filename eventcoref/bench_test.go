package eventcoref

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// syntheticStory builds n documents of three sentences, each with an
// occurrence mention drawn from 40 triggers and a patient drawn from 300
// entities, so that blocks grow with n as they would in a large story.
func syntheticStory(n int) *document.Story {
	triggers := []string{"killed", "attacked", "arrested", "raided", "bombed", "protested", "elected", "resigned", "visited", "signed"}
	s := document.NewStory()
	for i := 0; i < n; i++ {
		var b strings.Builder
		d := &document.Document{ID: fmt.Sprintf("d%06d", i)}
		for k := 0; k < 3; k++ {
			trig := triggers[(i*7+k*3)%len(triggers)]
			if k == 2 {
				trig = fmt.Sprintf("%s%d", trig[:len(trig)-2], (i+k)%4) // more distinct keys
			}
			name := fmt.Sprintf("Person%d", (i*13+k)%300)
			start := b.Len()
			fmt.Fprintf(&b, "Gunmen %s %s in Town%d on day %d.", trig, name, (i+k)%50, i%30)
			end := b.Len()
			b.WriteString("\n")
			ts := start + len("Gunmen ")
			ns := ts + len(trig) + 1
			d.Sentences = append(d.Sentences, document.Span{Start: start, End: end})
			d.Mentions = append(d.Mentions, document.Mention{Span: document.Span{Start: ns, End: ns + len(name)}, Text: name, Type: document.EntityPerson, Entity: "E" + name})
			d.Events = append(d.Events, document.EventMention{Span: document.Span{Start: ts, End: ts + len(trig)}, Text: trig, Lemma: trig, Class: document.EventOccurrence,
				Polarity: document.PolarityPositive, Sentence: k, Confidence: 1,
				Args: []document.EventArg{{Role: document.ArgPatient, Span: document.Span{Start: ns, End: ns + len(name)}, Text: name, Timex: -1}}})
		}
		d.Text = b.String()
		s.Add(d)
	}
	return s
}

// BenchmarkLink links synthetic stories of growing size; time per
// document should stay roughly flat (near-linear linking).
func BenchmarkLink(b *testing.B) {
	l, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s := syntheticStory(n)
				b.StartTimer()
				if err := l.Link(context.Background(), s); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/doc")
		})
	}
}

var benchSizes = []int{1000, 4000}
