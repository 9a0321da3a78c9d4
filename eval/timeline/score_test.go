package timeline

import (
	"os"
	"strings"
	"testing"
)

func mustTimeline(t *testing.T, s string) Timeline {
	t.Helper()
	tl, err := ReadTimeline(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

// A hand-made gold timeline: a and b on one day, c a month later, d
// later still with no known date, x not placed.
const goldTL = "Acme\n" +
	"0\tXXXX-XX-XX\t1-0-x\n" +
	"1\t2008-01-05\t1-1-a\t1-1-b\n" +
	"2\t2008-02-XX\t1-2-c\n" +
	"3\tXXXX-XX-XX\t1-3-d\n"

func TestScorePerfect(t *testing.T) {
	g := mustTimeline(t, goldTL)
	c := Score(g, g)
	if c.P() != 1 || c.R() != 1 || c.Sys == 0 {
		t.Fatalf("gold against itself: %+v", c)
	}
}

func TestRelationsAreNonRedundant(t *testing.T) {
	_, rs := relations(mustTimeline(t, goldTL))
	// a=b (1), a in day, c in month (2), c before d (1); a before c is
	// implied by the dates and is not kept; x gives nothing.
	if len(rs) != 4 {
		t.Fatalf("relations: got %d %+v, want 4", len(rs), rs)
	}
}

func TestScoreTable(t *testing.T) {
	g := mustTimeline(t, goldTL)
	cases := []struct {
		name       string
		sys        string
		wantSysOK  int
		wantSys    int
		wantGoldOK int
	}{
		{"empty", "Acme\n", 0, 0, 0},
		{"one event dated right", "Acme\n1\t2008-01-05\t1-1-a\n", 1, 1, 1},
		{"one event dated wrong", "Acme\n1\t2009-01-05\t1-1-a\n", 0, 1, 0},
		// The year is implied by the gold's day: precise enough to be right.
		{"coarser date", "Acme\n1\t2008-XX-XX\t1-1-a\n", 1, 1, 0},
		{"order only", "Acme\n1\tXXXX-XX-XX\t1-1-b\n2\tXXXX-XX-XX\t1-3-d\n", 1, 1, 0},
		{"wrong order", "Acme\n1\tXXXX-XX-XX\t1-3-d\n2\tXXXX-XX-XX\t1-1-b\n", 0, 1, 0},
		{"unknown event", "Acme\n1\t2008-01-05\t9-9-z\n", 0, 1, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := Score(mustTimeline(t, tc.sys), g)
			if c.SysOK != tc.wantSysOK || c.Sys != tc.wantSys || c.GoldOK != tc.wantGoldOK || c.Gold != 4 {
				t.Fatalf("got %+v, want sysOK %d sys %d goldOK %d gold 4", c, tc.wantSysOK, tc.wantSys, tc.wantGoldOK)
			}
		})
	}
}

func TestReadDoc(t *testing.T) {
	src := `<?xml version='1.0' encoding='utf-8'?>
<TimeML><DOCID>42</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2008-03-01">2008-03-01</TIMEX3></DCT>
<TEXT><s id="0">Acme buys Widgets</s><s id="1">It <EVENT eid="e1">said</EVENT> so .</s></TEXT></TimeML>`
	d, err := parseDoc(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "42" || d.DCT.Format("2006-01-02") != "2008-03-01" || len(d.Order) != 2 {
		t.Fatalf("doc %+v", d)
	}
	if got := strings.Join(d.Sentences[1], " "); got != "It said so ." {
		t.Fatalf("sentence 1: %q", got)
	}
}

func TestReadDocDatelineFallback(t *testing.T) {
	src := `<TimeML><DOCID>7</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="03-02-2009">03-02-2009</TIMEX3></DCT>
<TEXT><s id="0">Sales fall</s><s id="1">February 03 , 2009</s><s id="2">Sales fell .</s></TEXT></TimeML>`
	d, err := parseDoc(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.DCT.Format("2006-01-02"); got != "2009-02-03" {
		t.Fatalf("DCT %s, want 2009-02-03 from the dateline", got)
	}
}

func TestNameVariants(t *testing.T) {
	got := map[string]bool{}
	for _, v := range nameVariants("United States Air Force", []string{"United States"}) {
		got[strings.Join(v, " ")] = true
	}
	for _, want := range []string{"united states air force", "usaf", "air force", "unitedstatesairforce"} {
		if !got[want] {
			t.Errorf("missing variant %q in %v", want, got)
		}
	}
	if got["united states"] {
		t.Errorf("another target's name is a variant: %v", got)
	}
	if vs := nameVariants("Steve Jobs", nil); strings.Join(vs[len(vs)-1], " ") != "jobs" {
		t.Errorf("person's last name missing: %v", vs)
	}
}

func TestTimelineRoundTrip(t *testing.T) {
	in := mustTimeline(t, goldTL)
	var b strings.Builder
	if err := WriteTimeline(&b, in); err != nil {
		t.Fatal(err)
	}
	if b.String() != goldTL {
		t.Fatalf("written:\n%s\nwant:\n%s", b.String(), goldTL)
	}
}

func TestLoadCorpusSkipsBadDocument(t *testing.T) {
	dir := t.TempDir()
	docs, gold := dir+"/docs", dir+"/gold"
	for _, d := range []string{docs, gold} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	good := `<TimeML><DOCID>1</DOCID><TEXT><s id="0">Acme rose .</s></TEXT></TimeML>`
	files := map[string]string{docs + "/a.tml": good, docs + "/b.tml": "<TimeML><TEXT>no id</TEXT></TimeML>", gold + "/acme.txt": "Acme\n1\t2008-01-05\t1-0-rose\n"}
	for p, body := range files {
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := loadCorpus("x", docs, gold, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 1 || len(c.Skipped) != 1 || !strings.Contains(c.Skipped[0].Error(), "b.tml") {
		t.Fatalf("docs %d skipped %v", len(c.Docs), c.Skipped)
	}
	if _, ok := c.GoldFor("Acme"); !ok {
		t.Fatal("gold for Acme not found")
	}
}
