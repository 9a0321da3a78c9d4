package lexicon

import (
	"context"
	"encoding/binary"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/ner/conll"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadWink(t *testing.T) {
	// Invented 3-d vectors in the wink layout: d1..d3, norm, rank.
	p := writeFile(t, "v.json", `{"precision":8,"words":["zeta","alpha","be\"ta"],"vectors":{"zeta":[3,0,4,5,0],"alpha":[0,1,0,1,1],"be\"ta":[1,1,1,1.7,2]},"unkVector":[0,0,0,0,-1]}`)
	v, err := ReadWink(p, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Words) != 2 || v.Words[0] != "zeta" || v.Words[1] != "alpha" {
		t.Fatalf("words = %q, want the two most frequent in rank order", v.Words)
	}
	if got := v.Vecs[0][0]; got < 0.599 || got > 0.601 {
		t.Errorf("vector not normalized: %v", v.Vecs[0])
	}
	if _, err := ReadWink(writeFile(t, "bad.json", `{"words":[]}`), 10); err == nil {
		t.Error("no error for a file without vectors")
	}
}

func TestCluster(t *testing.T) {
	// Two obvious groups of directions.
	v := &Vectors{}
	rng := rand.New(rand.NewSource(3))
	for i := 0; i < 40; i++ {
		x := []float32{1, 0.1 * rng.Float32(), 0}
		if i%2 == 1 {
			x = []float32{0, 0.1 * rng.Float32(), 1}
		}
		v.Words = append(v.Words, string(rune('a'+i%26))+strings.Repeat("x", i/26)+string(rune('0'+i%10)))
		v.Vecs = append(v.Vecs, x)
	}
	c, err := Cluster(context.Background(), v, 2, 2, 2, 5, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i := 2; i < len(v.Words); i++ {
		same := c[v.Words[i]][0] == c[v.Words[i%2]][0]
		if !same {
			t.Errorf("word %d landed in the other top cluster", i)
		}
	}
	for w, ids := range c {
		if ids[0] == 0 || ids[1] == 0 || ids[2] == 0 {
			t.Errorf("%s has a zero id %v", w, ids)
		}
	}
}

func TestScanWordNet(t *testing.T) {
	dir := t.TempDir()
	noun := "  1 licence header line\n" +
		"09000001 15 n 02 Zarqa_Springs 0 Zarqa 0 001 @i 08000001 n 0000 | an invented town\n" +
		"11000001 18 n 01 Haddad 0 001 @i 10000001 n 0000 | an invented person\n" +
		"10000002 18 n 01 Mosulite 0 001 @ 10000001 n 0000 | an invented demonym\n" +
		"10000003 18 n 01 baker 0 001 @ 10000001 n 0000 | common noun\n" +
		"08000002 14 n 02 al-Nakhla 0 al_Nakhla_Brigade 0 001 @i 08000001 n 0000 | an invented group\n" +
		"08000003 14 n 01 al-fresco 0 001 @i 08000001 n 0000 | lowercase after the particle\n"
	adj := "03000001 00 a 01 Basrawi 0 000 | invented\n"
	os.WriteFile(filepath.Join(dir, "data.noun"), []byte(noun), 0o644)
	os.WriteFile(filepath.Join(dir, "data.adj"), []byte(adj), 0o644)
	got, err := WordNet(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Zarqa Springs": "LOC", "Zarqa": "LOC", "Haddad": "PER", "Mosulite": "MISC", "Basrawi": "MISC",
		"al-Nakhla": "ORG", "al Nakhla Brigade": "ORG"}
	if len(got) != len(want) {
		t.Errorf("got %v", got)
	}
	for _, p := range got {
		if want[p.Text] != p.Class {
			t.Errorf("%q: class %s, want %s", p.Text, p.Class, want[p.Text])
		}
	}
	if _, err := WordNet(t.TempDir()); err == nil {
		t.Error("no error for a missing data.noun")
	}
}

// moFile builds a little-endian gettext catalogue.
func moFile(pairs [][2]string) []byte {
	n := len(pairs)
	head := 28
	oTab, tTab := head, head+8*n
	data := tTab + 8*n
	var strs []byte
	le := binary.LittleEndian
	b := make([]byte, data)
	le.PutUint32(b[0:], 0x950412de)
	le.PutUint32(b[8:], uint32(n))
	le.PutUint32(b[12:], uint32(oTab))
	le.PutUint32(b[16:], uint32(tTab))
	for i, p := range pairs {
		for k, tab := range []int{oTab, tTab} {
			le.PutUint32(b[tab+8*i:], uint32(len(p[k])))
			le.PutUint32(b[tab+8*i+4:], uint32(data+len(strs)))
			strs = append(strs, p[k]...)
			strs = append(strs, 0)
		}
	}
	return append(b, strs...)
}

func TestGeoNames(t *testing.T) {
	dir := t.TempDir()
	for _, loc := range []string{"fr", "de"} {
		os.MkdirAll(filepath.Join(dir, loc, "LC_MESSAGES"), 0o755)
	}
	os.WriteFile(filepath.Join(dir, "fr", "LC_MESSAGES", "geonames.mo"), moFile([][2]string{{"", "header"}, {"Zarqa Springs", "Sources de Zarqa"}, {"Qalat", "قلعة"}}), 0o644)
	os.WriteFile(filepath.Join(dir, "de", "LC_MESSAGES", "geonames.mo"), moFile([][2]string{{"Qalat", "Qalaat"}}), 0o644)
	got, err := GeoNames(dir, "fr", "de")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range got {
		names = append(names, p.Text)
	}
	if strings.Join(names, "|") != "Zarqa Springs|Qalat|Sources de Zarqa|Qalaat" {
		t.Errorf("names = %q (Arabic-script translations must be skipped)", names)
	}
	if _, err := GeoNames(t.TempDir(), "fr"); err == nil {
		t.Error("no error for a missing catalogue")
	}
	bad := writeFile(t, "x.mo", "not a catalogue at all, really")
	if _, _, err := readMO(bad); err == nil {
		t.Error("no error for a bad .mo")
	}
}

func TestAugmentArabicNames(t *testing.T) {
	sents := []conll.Sentence{
		{DocStart: true, Words: strings.Fields("John Smith met Acme Corp in Paris ."), Tags: strings.Fields("B-PER I-PER O B-ORG I-ORG O B-LOC O")},
		{Words: strings.Fields("SMITH WINS"), Tags: strings.Fields("B-PER O")},
		{Words: strings.Fields("Smith said so ."), Tags: strings.Fields("B-PER O O O")},
	}
	out := AugmentArabicNames(sents, []string{"Zubaidi", "Kata'ibi"}, 1, rand.New(rand.NewSource(1)))
	if len(out) != len(sents) {
		t.Fatalf("got %d sentences, want a copy of the %d", len(out), len(sents))
	}
	if !out[0].DocStart || out[1].DocStart {
		t.Error("document start not kept")
	}
	for i, s := range out {
		if len(s.Words) != len(s.Tags) {
			t.Fatalf("sentence %d: %d words, %d tags", i, len(s.Words), len(s.Tags))
		}
		for _, c := range conll.ChunksFromBIO(s.Tags) {
			txt := strings.Join(s.Words[c.Start:c.End], " ")
			if c.Type == "PER" && strings.Contains(strings.ToLower(txt), "smith") {
				t.Errorf("sentence %d: person not replaced: %q", i, txt)
			}
			if c.Type == "LOC" && txt != "Paris" {
				t.Errorf("sentence %d: location changed: %q", i, txt)
			}
		}
	}
	// The same surname maps to the same replacement in the document, and
	// the headline copy is upper case.
	last := func(s conll.Sentence) string {
		c := conll.ChunksFromBIO(s.Tags)[0]
		return s.Words[c.End-1]
	}
	if l0, l2 := last(out[0]), last(out[2]); l0 != l2 {
		t.Errorf("inconsistent replacement: %q vs %q", l0, l2)
	}
	if h := last(out[1]); h != strings.ToUpper(h) {
		t.Errorf("headline replacement not upper case: %q", h)
	}
}
