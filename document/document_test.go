package document

import (
	"errors"
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

func TestStoryPositions(t *testing.T) {
	s := NewStory()
	a := &Document{ID: "a", Text: "first text"}
	b := &Document{ID: "a", Text: "second"}
	c := &Document{ID: "c", Text: ""}
	s.Add(a)
	s.Add(b)
	s.Add(c)
	if b.ID != "a-2" {
		t.Fatalf("duplicate id not made unique: %q", b.ID)
	}
	for i, d := range s.Docs {
		for _, off := range []int{0, len(d.Text)} {
			p := s.Pos(i, off)
			if p == NoPos {
				t.Fatalf("Pos(%d,%d) is NoPos", i, off)
			}
			gi, goff := s.Position(p)
			if gi != i || goff != off {
				t.Errorf("Position(Pos(%d,%d)) = %d,%d", i, off, gi, goff)
			}
		}
	}
	if i, _ := s.Position(NoPos); i != -1 {
		t.Errorf("NoPos resolved to document %d", i)
	}
	a.Text = "changed and longer text"
	s.Rebase()
	if gi, off := s.Position(s.Pos(1, 3)); gi != 1 || off != 3 {
		t.Errorf("after Rebase: %d,%d", gi, off)
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
	d := &Document{ID: "x", Source: "x.txt"}
	s.Add(d)
	s.AddProblem(Problem{Source: "missing.txt", Stage: "ingest", Err: errors.New("no such file")})
	d.AddProblem("extract", errors.New("bad html"))
	ps := s.AllProblems()
	if len(ps) != 2 || ps[1].Doc != "x" || ps[1].Error() != "x.txt: extract: bad html" {
		t.Fatalf("AllProblems = %v", ps)
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
