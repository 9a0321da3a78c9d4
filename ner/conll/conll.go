// Package conll reads CoNLL-2003 named-entity files (Read, MarkDocuments
// for files without -DOCSTART- lines) and scores a tagger of package ner on
// them with conlleval's exact span matching (Evaluate, Scores), sorting
// the mistakes by kind (EvaluateErrors, ErrorKinds). The evaluation
// (eval/ner), the trainer (ner/train) and cmd/ner-eval share it.
package conll

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/corroborate/corroborate/ner"
)

// Sentence is one tokenized sentence with its gold BIO tags (Tags may be
// nil for unlabeled text). DocStart marks the first sentence of a document
// when the source says so (-DOCSTART- lines).
type Sentence struct {
	Words    []string
	Tags     []string
	DocStart bool
}

// Read reads a CoNLL-2003 style file: one token a line with the word
// in the first column and the NER tag in the last (or second, for the
// "TOKEN TAG 0" layout), blank lines between
// sentences, -DOCSTART- lines marking documents.
func Read(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading CoNLL file: %w", err)
	}
	defer f.Close()
	var out []Sentence
	var cur Sentence
	docStart := false
	flush := func() {
		if len(cur.Words) > 0 {
			cur.DocStart = docStart
			docStart = false
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			flush()
			continue
		}
		if fields[0] == "-DOCSTART-" {
			flush()
			docStart = true
			continue
		}
		if len(fields) < 2 {
			return nil, fmt.Errorf("reading %s line %d: want a word and a tag, got %q", path, line, sc.Text())
		}
		tag := fields[len(fields)-1]
		if !isTag(tag) {
			tag = fields[1] // the v-mipeng layout: TOKEN TAG 0
		}
		if !isTag(tag) {
			return nil, fmt.Errorf("reading %s line %d: bad tag %q", path, line, tag)
		}
		cur.Words = append(cur.Words, fields[0])
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	flush()
	if len(out) == 0 {
		return nil, fmt.Errorf("reading %s: no sentences", path)
	}
	return out, nil
}

func isTag(t string) bool {
	return t == "O" || (len(t) >= 3 && t[1] == '-' && (t[0] == 'B' || t[0] == 'I' || t[0] == 'E' || t[0] == 'S'))
}

// MarkDocuments guesses document starts in CoNLL sentences that carry no
// -DOCSTART- marks: a Reuters story opens with an all-caps headline, maybe a
// byline, then a dateline such as "BRUSSELS 1996-08-22". If any sentence is
// already marked, sents is left as it is.
func MarkDocuments(sents []Sentence) {
	for _, s := range sents {
		if s.DocStart {
			return
		}
	}
	if len(sents) > 0 {
		sents[0].DocStart = true
	}
	enc := ner.NewEncoder(ner.Lexicon{})
	caps := func(i int) bool { return enc.Encode(sents[i].Words).Headline() }
	for i, s := range sents {
		if !isDateline(s.Words) || i == 0 {
			continue
		}
		start := i - 1
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			if caps(j) {
				start = j
				break
			}
		}
		sents[start].DocStart = true
	}
}

// isDateline reports a sentence like "BRUSSELS 1996-08-22".
func isDateline(words []string) bool {
	if len(words) < 2 || len(words) > 8 {
		return false
	}
	last := words[len(words)-1]
	if len(last) != 10 || last[4] != '-' || last[7] != '-' {
		return false
	}
	for _, c := range last[:4] + last[5:7] + last[8:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return ner.WordCase(words[0]) == ner.CaseUpper
}
