package clean

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
)

// checkInvariants verifies what every cleaned document must satisfy: kept
// runs map back byte-identically, removals are sorted, disjoint, hold their
// Extracted text and a known reason code, and every non-blank byte of
// Extracted is either kept or removed.
func checkInvariants(t *testing.T, d *document.Document) {
	t.Helper()
	covered := make([]bool, len(d.Extracted))
	for _, seg := range d.TextToExtracted {
		n := seg.End - seg.Start
		if seg.Start < 0 || seg.End > len(d.Text) || seg.Src < 0 || seg.Src+n > len(d.Extracted) {
			t.Fatalf("%s: segment %+v out of range", d.ID, seg)
		}
		if d.Text[seg.Start:seg.End] != d.Extracted[seg.Src:seg.Src+n] {
			t.Errorf("%s: segment %+v is not byte-identical to Extracted", d.ID, seg)
		}
		for k := seg.Src; k < seg.Src+n; k++ {
			covered[k] = true
		}
	}
	known := map[string]bool{}
	for _, c := range Codes {
		known[c] = true
	}
	prevEnd := -1
	for _, r := range d.Removed {
		if r.Start < prevEnd || r.End <= r.Start || r.End > len(d.Extracted) {
			t.Errorf("%s: removal [%d,%d) unsorted, overlapping or out of range", d.ID, r.Start, r.End)
			continue
		}
		prevEnd = r.End
		if d.Extracted[r.Start:r.End] != r.Text {
			t.Errorf("%s: removal [%d,%d) text differs from Extracted", d.ID, r.Start, r.End)
		}
		if !known[ReasonCode(r.Reason)] {
			t.Errorf("%s: removal reason %q has an unknown code", d.ID, r.Reason)
		}
		for k := r.Start; k < r.End; k++ {
			if covered[k] {
				t.Errorf("%s: byte %d is both kept and removed", d.ID, k)
				break
			}
			covered[k] = true
		}
	}
	for k, ok := range covered {
		if !ok && d.Extracted[k] < utf8.RuneSelf && !unicode.IsSpace(rune(d.Extracted[k])) {
			t.Errorf("%s: byte %d (%q) of Extracted is neither kept nor removed", d.ID, k, d.Extracted[k])
			break
		}
	}
}
