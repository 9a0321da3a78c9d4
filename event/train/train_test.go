package train

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/event"
	"github.com/corroborate/corroborate/internal/timeml"
)

// tiny is a small TimeML document: the same few sentences repeated, so
// that a model can learn them.
const tiny = `<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2020-07-07" functionInDocument="CREATION_TIME">2020-07-07</TIMEX3></DCT>
<TEXT>Police <EVENT eid="e1" class="OCCURRENCE">arrested</EVENT> three men. The minister <EVENT eid="e2" class="REPORTING">said</EVENT> the <EVENT eid="e3" class="OCCURRENCE">attack</EVENT> was planned. Officials <EVENT eid="e4" class="I_STATE">believe</EVENT> the men <EVENT eid="e5" class="OCCURRENCE">fled</EVENT>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e3" eiid="ei3" polarity="POS" pos="NOUN"/>
<MAKEINSTANCE eventID="e4" eiid="ei4" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e5" eiid="ei5" polarity="POS" pos="VERB"/>
</TimeML>`

func TestTrainLearnsTinyData(t *testing.T) {
	td, err := timeml.Parse(strings.NewReader(tiny))
	if err != nil {
		t.Fatal(err)
	}
	td.Name = "tiny.tml"
	docs, err := Prepare(context.Background(), []*timeml.Doc{td})
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	if d.Unaligned != 0 {
		t.Errorf("%d gold events without a token", d.Unaligned)
	}
	gold := 0
	for _, ex := range d.Examples {
		if ex.Class != 0 {
			gold++
		}
	}
	if gold != 5 {
		t.Fatalf("%d labelled triggers, want 5", gold)
	}
	m, err := Train(docs, Options{Buckets: 1 << 12, Epochs: 5, ClassHead: true, Slope: 1, Seeds: 2})
	if err != nil {
		t.Fatal(err)
	}
	if c := Score(m, docs); c.F1() < 0.99 || c.ClassF1() < 0.99 {
		t.Errorf("training data: F1 %.2f, class F1 %.2f, want 1", c.F1(), c.ClassF1())
	}
	// The model file reads back the same.
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := event.ParseModel(buf.Bytes(), "test")
	if err != nil {
		t.Fatal(err)
	}
	if c := Score(m2, docs); c.F1() < 0.99 {
		t.Errorf("model read back: F1 %.2f", c.F1())
	}
	b := buf.Bytes()
	b[len(b)/2] ^= 0x40
	if _, err := event.ParseModel(b, "damaged"); err == nil {
		t.Error("damaged model accepted")
	}
}
