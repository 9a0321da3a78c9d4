package prose

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/ner/conll"
)

func TestPeerScoresSentences(t *testing.T) {
	sents := []conll.Sentence{
		{Words: strings.Fields("Angela Merkel visited Paris on Monday ."), Tags: strings.Fields("B-PER I-PER O B-LOC O O O")},
		{Words: strings.Fields("The United Nations met in Geneva ."), Tags: strings.Fields("O B-ORG I-ORG O O B-LOC O")},
	}
	var buf bytes.Buffer
	p := Peer()
	if p.Name != "prose" || !strings.Contains(p.Heading, "prose/v2") {
		t.Errorf("peer named %q, heading %q", p.Name, p.Heading)
	}
	if err := p.Run(context.Background(), sents, &buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, "prose: 14 tokens") {
		t.Errorf("output does not count the 13 tokens:\n%s", out)
	}
	// Four gold entities: the overall row ends with tp fp fn, and tp+fn
	// must be 4 whatever prose finds.
	var tp, fp, fn int
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) == 7 && f[0] == "overall" {
			if _, err := fmt.Sscan(strings.Join(f[4:], " "), &tp, &fp, &fn); err != nil {
				t.Fatal(err)
			}
		}
	}
	if tp+fn != 4 {
		t.Errorf("overall tp %d + fn %d = %d, want the 4 gold entities:\n%s", tp, fn, tp+fn, out)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := p.Run(ctx, sents, &bytes.Buffer{}); err == nil {
		t.Error("no error with a cancelled context")
	}
}
