package timeml

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	const src = `<?xml version="1.0" ?>
<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Stocks <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> &amp; nobody <EVENT eid="e2" class="REPORTING">said</EVENT> it could <EVENT eid="e3" class="OCCURRENCE">recover</EVENT>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" polarity="POS" tense="PAST" aspect="NONE" pos="VERB"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" polarity="NEG" tense="PAST" aspect="NONE" pos="VERB"/>
<MAKEINSTANCE eventID="e3" eiid="ei3" polarity="POS" modality="COULD" tense="NONE" aspect="NONE" pos="VERB"/>
</TimeML>`
	d, err := Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if d.DCT.Format("2006-01-02") != "1998-01-08" {
		t.Errorf("DCT %v", d.DCT)
	}
	if len(d.Events) != 3 || len(d.Timexes) != 1 {
		t.Fatalf("events %v timexes %v", d.Events, d.Timexes)
	}
	for _, e := range d.Events {
		if d.Text[e.Start:e.End] != e.Text {
			t.Errorf("event %q at [%d,%d) reads %q", e.Text, e.Start, e.End, d.Text[e.Start:e.End])
		}
	}
	if e := d.Events[1]; e.Text != "said" || e.Class != "REPORTING" || e.Polarity != "NEG" {
		t.Errorf("second event %+v", e)
	}
	if e := d.Events[2]; e.Modality != "could" || e.Polarity != "POS" {
		t.Errorf("third event %+v", e)
	}
	if x := d.Timexes[0]; x.Text != "yesterday" || x.Value != "1998-01-07" {
		t.Errorf("timex %+v", x)
	}
}
