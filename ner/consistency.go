package ner

import (
	"slices"
	"strings"
)

// enforceConsistency makes the labels of one document agree with
// themselves: a name tagged confidently somewhere (confidence at least
// sure) is tagged with its majority class wherever else it appears with
// every token outside any entity, and an entity of the same words with
// another class and confidence below sure takes the majority class. chunks
// and conf are changed in place.
func enforceConsistency(sents [][]string, chunks [][]Chunk, conf [][]float64, sure float64) {
	type vote struct {
		w    [numClasses]float64
		best int
		n    int // -1 once listed in byFirst
	}
	votes := map[string]*vote{}
	key := func(words []string) string { return strings.Join(words, " ") }
	for si, cs := range chunks {
		for ci, c := range cs {
			if conf[si][ci] < sure {
				continue
			}
			k := key(sents[si][c.Start:c.End])
			v := votes[k]
			if v == nil {
				v = &vote{}
				votes[k] = v
			}
			v.w[classIndex(c.Type)] += conf[si][ci]
		}
	}
	if len(votes) == 0 {
		return
	}
	// Names by first word, for matching without building strings.
	type name struct {
		words []string
		class int
	}
	byFirst := map[string][]name{}
	for si, cs := range chunks {
		for ci, c := range cs {
			if conf[si][ci] < sure {
				continue
			}
			ws := sents[si][c.Start:c.End]
			v := votes[key(ws)]
			if v.n < 0 {
				continue // already listed
			}
			for k := range v.w {
				if v.w[k] > v.w[v.best] {
					v.best = k
				}
			}
			byFirst[ws[0]] = append(byFirst[ws[0]], name{words: ws, class: v.best})
			v.n = -1
		}
	}
	// A person named in full lends the class to the surname alone, and
	// to an Arabic surname without its article ("Laith el-Obeidi" …
	// "Obeidi had warned"), unless those words are names of their own.
	for si, cs := range chunks {
		for ci, c := range cs {
			if conf[si][ci] < sure || c.Type != "PER" || c.End-c.Start < 2 {
				continue
			}
			last := sents[si][c.End-1]
			forms := []string{last}
			if _, stem := arabicPrefix(lowerWord(last)); stem != "" && len(stem) < len(last) {
				forms = append(forms, last[len(last)-len(stem):])
			}
			for _, f := range forms {
				if len(byFirst[f]) == 0 && votes[f] == nil && wordCase(f) == caseTitle {
					byFirst[f] = []name{{words: []string{f}, class: classPER}}
				}
			}
		}
	}
	for si, words := range sents {
		inside := make([]bool, len(words))
		for _, c := range chunks[si] {
			for j := c.Start; j < c.End; j++ {
				inside[j] = true
			}
		}
		// Relabel doubtful entities whose words carry a confident
		// majority class elsewhere.
		for ci, c := range chunks[si] {
			if conf[si][ci] >= sure {
				continue
			}
			if v := votes[key(words[c.Start:c.End])]; v != nil && classNames[v.best] != c.Type {
				chunks[si][ci].Type = classNames[v.best]
			}
		}
		// Tag untagged capitalized occurrences ("may" is not "May"),
		// longest name first.
		var added []Chunk
		for i := 0; i < len(words); i++ {
			if inside[i] {
				continue
			}
			names := byFirst[words[i]]
			if len(names) == 0 {
				continue
			}
			if c := wordCase(normWord(words[i])); c != caseTitle && c != caseUpper && c != caseMixed {
				continue
			}
			best := -1
			for k, nm := range names {
				n := len(nm.words)
				if i+n > len(words) || (best >= 0 && n <= len(names[best].words)) || !slices.Equal(words[i:i+n], nm.words) {
					continue
				}
				if slices.Contains(inside[i:i+n], true) {
					continue
				}
				best = k
			}
			if best < 0 {
				continue
			}
			n := len(names[best].words)
			added = append(added, Chunk{Start: i, End: i + n, Type: classNames[names[best].class]})
			for j := i; j < i+n; j++ {
				inside[j] = true
			}
			i += n - 1
		}
		for _, c := range added {
			chunks[si] = append(chunks[si], c)
			conf[si] = append(conf[si], sure)
		}
		if len(added) > 0 {
			sortChunks(chunks[si], conf[si])
		}
	}
}

// sortChunks orders chunks (and their confidences) by start.
func sortChunks(cs []Chunk, conf []float64) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].Start < cs[j-1].Start; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
			conf[j], conf[j-1] = conf[j-1], conf[j]
		}
	}
}
