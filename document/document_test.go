package document

import (
	"errors"
	"strings"
	"testing"
)

func TestAlignmentMap(t *testing.T) {
	var a Alignment
	a.Add(0, 5, 10)  // "hello" copied from 10
	a.Add(5, 7, 15)  // continues the run: merges
	a.Add(9, 12, 40) // two inserted bytes at 7..9, then a new run
	if len(a) != 2 {
		t.Fatalf("want 2 merged segments, got %v", a)
	}
	tests := []struct {
		off  int
		want int
		ok   bool
	}{
		{0, 10, true}, {6, 16, true}, {7, 17, true}, {8, 0, false}, {9, 40, true}, {12, 43, true}, {13, 0, false},
	}
	for _, tt := range tests {
		got, ok := a.Map(tt.off)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("Map(%d) = %d, %v; want %d, %v", tt.off, got, ok, tt.want, tt.ok)
		}
	}
	if _, ok := a.MapSpan(Span{Start: 6, End: 8}); ok {
		t.Errorf("a span with an inserted end must not map")
	}
	if sp, ok := a.MapSpan(Span{Start: 1, End: 4}); !ok || sp != (Span{11, 14}) {
		t.Errorf("MapSpan = %v %v", sp, ok)
	}
}

func TestAlignmentCompose(t *testing.T) {
	// text → extracted: text[0:4] = extracted[10:14], text[6:9] = extracted[20:23]
	var te Alignment
	te.Add(0, 4, 10)
	te.Add(6, 9, 20)
	// extracted → raw: extracted[0:12] = raw[100:112], extracted[12:30] = raw[200:218]
	var er Alignment
	er.Add(0, 12, 100)
	er.Add(12, 30, 200)
	c := te.Compose(er)
	for _, tt := range []struct{ off, want int }{{0, 110}, {1, 111}, {2, 200}, {3, 201}, {6, 208}, {8, 210}} {
		got, ok := c.Map(tt.off)
		if !ok || got != tt.want {
			t.Errorf("composed Map(%d) = %d,%v; want %d", tt.off, got, ok, tt.want)
		}
	}
}

func TestStoryIDs(t *testing.T) {
	s := NewStory()
	a := &Document{ID: "a", Text: "first text"}
	b := &Document{ID: "a", Text: "second"}
	c := &Document{ID: "", Text: ""}
	for i, d := range []*Document{a, b, c} {
		if got := s.Add(d); got != i {
			t.Errorf("Add #%d returned index %d", i, got)
		}
	}
	if b.ID != "a-2" || c.ID != "doc-2" {
		t.Fatalf("ids not made unique: %q %q", b.ID, c.ID)
	}
	for i, id := range []string{"a", "a-2", "doc-2", "zzz"} {
		want := i
		if id == "zzz" {
			want = -1
		}
		if got := s.Index(id); got != want {
			t.Errorf("Index(%q) = %d, want %d", id, got, want)
		}
	}
	if _, txt, err := s.Resolve(Citation{Doc: "a-2", Start: 0, End: 3}); err != nil || txt != "sec" {
		t.Errorf("Resolve = %q, %v", txt, err)
	}
	if _, _, err := s.Resolve(Citation{Doc: "a-2", Start: 0, End: 99}); err == nil {
		t.Errorf("out-of-range citation resolved")
	}
	if _, _, err := s.Resolve(Citation{Doc: "zzz"}); err == nil {
		t.Errorf("unknown document resolved")
	}
}

func TestProblems(t *testing.T) {
	s := NewStory()
	x := &Document{ID: "x", Source: "x.txt", Text: "some text here"}
	y := &Document{ID: "y", Source: "a-first-by-name.txt", Text: "more text"}
	s.Add(x)
	s.Add(y)
	// Recorded out of order on purpose.
	y.AddProblem("timeline", ErrorAt(Span{Start: 5, End: 9}, errors.New("bad value")))
	x.AddProblem("quote", ErrorAt(Span{Start: 10, End: 14}, errors.New("late")))
	x.AddProblem("quote", ErrorAt(Span{Start: 2, End: 4}, errors.New("early")))
	x.AddProblem("extract", errors.New("bad html"))
	x.AddProblem("quote", ErrorAt(Span{Start: 2, End: 3}, errors.New("early, shorter")))
	s.AddProblem(Problem{Source: "z-missing.txt", Stage: "ingest", Err: errors.New("no such file")})
	s.AddProblem(Problem{Source: "b-missing.txt", Stage: "ingest", Err: errors.New("no such file")})
	var got []string
	for _, p := range s.AllProblems() {
		got = append(got, p.Error())
	}
	want := []string{
		"z-missing.txt: ingest: no such file", // no document: as recorded
		"b-missing.txt: ingest: no such file",
		"x.txt: extract: bad html", // the whole document before its spans
		"x.txt [2,3): quote: early, shorter",
		"x.txt [2,4): quote: early",
		"x.txt [10,14): quote: late",
		"a-first-by-name.txt [5,9): timeline: bad value", // second document, whatever its name
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("AllProblems =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	p := s.AllProblems()[4]
	if p.Span == nil || *p.Span != (Span{Start: 2, End: 4}) || p.Doc != "x" || p.Err.Error() != "early" {
		t.Errorf("placed problem = %+v", p)
	}
	var se *SpanError
	if !errors.As(p, &se) || se.Span.End != 4 {
		t.Errorf("problem does not unwrap to its SpanError: %v", p)
	}
}

func TestMapSpanAtBoundary(t *testing.T) {
	var a Alignment
	a.Add(0, 4, 10)
	a.Add(4, 8, 50)
	sp, ok := a.MapSpan(Span{Start: 0, End: 4})
	if !ok || sp != (Span{10, 14}) {
		t.Fatalf("span ending at a boundary = %v %v; want [10,14)", sp, ok)
	}
	sp, ok = a.MapSpan(Span{Start: 4, End: 6})
	if !ok || sp != (Span{50, 52}) {
		t.Fatalf("span starting at a boundary = %v %v; want [50,52)", sp, ok)
	}
}

func TestCorefAtAndHead(t *testing.T) {
	// "The new Prime Minister, Rufus Firefly, spoke. He said no."
	d := &Document{Text: "The new Prime Minister, Rufus Firefly, spoke. He said no."}
	d.Mentions = []Mention{{Span: Span{24, 37}, Text: "Rufus Firefly", Type: EntityPerson}}
	d.Coref = []CorefChain{{Type: EntityPerson, Head: 0, Name: "Rufus Firefly", Mentions: []CorefMention{
		{Span: Span{0, 22}, Text: "The new Prime Minister", Kind: CorefDescription, Mention: -1, Antecedent: 1, Confidence: 0.9},
		{Span: Span{24, 37}, Text: "Rufus Firefly", Kind: CorefName, Mention: 0, Antecedent: -1, Confidence: 1},
		{Span: Span{46, 48}, Text: "He", Kind: CorefPronoun, Mention: -1, Antecedent: 1, Confidence: 0.8},
	}}}
	for _, tc := range []struct {
		sp   Span
		want int
		conf float64
	}{
		{Span{46, 48}, 2, 0.8}, // exact
		{Span{8, 22}, 0, 0.9},  // inside the description
		{Span{0, 37}, 1, 1},    // a speaker span holding the name
		{Span{39, 44}, -1, 0},  // "spoke": no mention
	} {
		_, mi, ok := d.CorefAt(tc.sp)
		if !ok {
			mi = -1
		}
		if mi != tc.want {
			t.Errorf("CorefAt(%v) = %d, want %d", tc.sp, mi, tc.want)
		}
		h, conf, ok := d.CorefHead(tc.sp)
		if tc.want >= 0 && (!ok || h.Text != "Rufus Firefly" || conf != tc.conf) {
			t.Errorf("CorefHead(%v) = %q %.2f %v", tc.sp, h.Text, conf, ok)
		}
	}
}
