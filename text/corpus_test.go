package text

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/shareddata"
)

// TestHashimiCorpus checks the splitter on the real reports: every
// sentence is non-empty, within one paragraph, and the known hard case of
// a degree before a name stays inside one sentence.
func TestHashimiCorpus(t *testing.T) {
	degreeSeen := false
	for _, cf := range shareddata.Corpus(t, "hashimi") {
		f, s := cf.Path, cf.Text
		sents := Sentences(s)
		if len(sents) < 3 {
			t.Errorf("%s: only %d sentences", filepath.Base(f), len(sents))
		}
		for _, sp := range sents {
			txt := s[sp.Start:sp.End]
			if strings.Contains(txt, "\n\n") {
				t.Errorf("%s: sentence crosses a paragraph: %q", filepath.Base(f), txt)
			}
			if i := strings.Index(txt, "Ph.D."); i >= 0 {
				degreeSeen = true
				if i+len("Ph.D.") == len(txt) {
					t.Errorf("%s: sentence ends at a degree: %q", filepath.Base(f), txt)
				}
			}
		}
	}
	t.Logf("degree abbreviation seen in corpus: %v", degreeSeen)
}
