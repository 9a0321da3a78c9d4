package timex

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	textstage "github.com/corroborate/corroborate/text"
)

// benchText is an invented report of typical length and density of dates.
var benchText = strings.Repeat(`The harbour master of Portvale was arrested on Monday night, police said on Tuesday. `+
	`Dockworkers had struck late last month, and an inquiry opened in January 2021 after a fire on 3 March 2020. `+
	`The 52-year-old official will appear in court next week; the hearing could last three days. `+
	`Ferries have run every Monday since the summer of 2019, and traffic fell 12% in the last three months of 2020. `+
	`"We will rebuild by the end of next year," the mayor said at 4:30 p.m. yesterday.`+"\n\n", 6)

func BenchmarkAnnotate(b *testing.B) {
	tg := New()
	ctx := context.Background()
	pub := document.DayDate(tuesday, "user")
	sents := textstage.Sentences(benchText)
	var n int
	b.SetBytes(int64(len(benchText)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := &document.Document{ID: "bench", Text: benchText, Published: pub, Sentences: sents}
		if err := tg.Annotate(ctx, d); err != nil {
			b.Fatal(err)
		}
		n += len(d.Timexes)
	}
	sec := b.Elapsed().Seconds()
	if sec > 0 {
		b.ReportMetric(float64(b.N)/sec, "docs/s")
		b.ReportMetric(float64(n)/sec, "exprs/s")
	}
}
