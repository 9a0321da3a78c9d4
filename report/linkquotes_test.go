package report

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// bruteLinks is the all-pairs definition linkQuotes must match.
func bruteLinks(qs []Quote) (rel, ver [][]document.Citation) {
	rel, ver = make([][]document.Citation, len(qs)), make([][]document.Citation, len(qs))
	for i := range qs {
		for j := i + 1; j < len(qs); j++ {
			a, b := wordSet(qs[i].Text), wordSet(qs[j].Text)
			if qs[i].Doc == qs[j].Doc || len(a) < 4 || len(b) < 4 {
				continue
			}
			shared := 0
			for w := range a {
				if b[w] {
					shared++
				}
			}
			n := min(len(a), len(b))
			ca := document.Citation{Doc: qs[i].Doc, Start: qs[i].Start, End: qs[i].End}
			cb := document.Citation{Doc: qs[j].Doc, Start: qs[j].Start, End: qs[j].End}
			switch {
			case float64(shared)/float64(n) >= 0.8 && n >= 6:
				rel[i], rel[j] = append(rel[i], cb), append(rel[j], ca)
			case float64(shared)/float64(n) >= 0.5 && sameSpeaker(qs[i], qs[j]):
				ver[i], ver[j] = append(ver[i], cb), append(ver[j], ca)
			}
		}
	}
	return rel, ver
}

func TestLinkQuotesMatchesAllPairs(t *testing.T) {
	words := []string{"militia", "attack", "embassy", "rockets", "baghdad", "killed", "gunmen", "home", "vowed", "justice", "perpetrators", "researcher", "security", "government"}
	speakers := []string{"Kadhimi", "Pompeo", "Haddad"}
	r := rand.New(rand.NewSource(7))
	for trial := 0; trial < 30; trial++ {
		var qs []Quote
		for i := 0; i < 40; i++ {
			n := 3 + r.Intn(8)
			text := ""
			for k := 0; k < n; k++ {
				text += words[r.Intn(len(words))] + " "
			}
			q := Quote{Doc: fmt.Sprintf("d%d", r.Intn(5))}
			q.Text, q.Start, q.End, q.Speaker = text, i*10, i*10+len(text), speakers[r.Intn(len(speakers))]
			qs = append(qs, q)
		}
		rel, ver := bruteLinks(qs)
		linkQuotes(qs)
		for i, q := range qs {
			if len(rel[i]) > maxQuoteLinks || len(ver[i]) > maxQuoteLinks {
				continue // the cap is checked below
			}
			if !reflect.DeepEqual(q.Relayed, rel[i]) || !reflect.DeepEqual(q.Versions, ver[i]) {
				t.Fatalf("trial %d, quote %d %q: relayed %v versions %v, all pairs give %v and %v", trial, i, q.Text, q.Relayed, q.Versions, rel[i], ver[i])
			}
		}
	}
}

func TestLinkQuotesCapsCitations(t *testing.T) {
	var qs []Quote
	for i := 0; i < 40; i++ {
		q := Quote{Doc: fmt.Sprintf("d%d", i)}
		q.Text, q.End = "we will bring the perpetrators of this crime to justice soon", 60
		qs = append(qs, q)
	}
	linkQuotes(qs)
	for i, q := range qs {
		if len(q.Relayed) != maxQuoteLinks || q.RelayedMore != 39-maxQuoteLinks {
			t.Fatalf("quote %d: %d relayed cited and %d more, want %d and %d", i, len(q.Relayed), q.RelayedMore, maxQuoteLinks, 39-maxQuoteLinks)
		}
	}
}
