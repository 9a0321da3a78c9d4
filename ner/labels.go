package ner

import "github.com/corroborate/corroborate/document"

// Entity classes of the CoNLL-2003 label set, in the order used by the model.
const (
	classPER = iota
	classORG
	classLOC
	classMISC
	numClasses
)

// classNames are the CoNLL short names of the entity classes.
var classNames = [numClasses]string{"PER", "ORG", "LOC", "MISC"}

// classMentionTypes maps a class to the document.Mention type it produces.
var classMentionTypes = [numClasses]string{document.EntityPerson, document.EntityOrg, document.EntityLoc, document.EntityMisc}

// BILOU positions of a token inside an entity.
const (
	posB = iota
	posI
	posL
	posU
	numPos
)

// numLabels is O plus BILOU for each class. Label 0 is O; label
// 1+class*numPos+pos is pos-class.
const numLabels = 1 + numClasses*numPos

func makeLabel(class, pos int) int { return 1 + class*numPos + pos }

func labelClass(l int) int { return (l - 1) / numPos }

func labelPos(l int) int { return (l - 1) % numPos }

// classIndex returns the class index of a CoNLL type name (PER, ORG, LOC,
// MISC) or -1.
func classIndex(name string) int {
	for i, n := range classNames {
		if n == name {
			return i
		}
	}
	return -1
}

// allowedTab caches allowed; row numLabels is the sentence start.
var allowedTab = func() (t [numLabels + 1][numLabels]bool) {
	for p := -1; p < numLabels; p++ {
		row := p
		if p < 0 {
			row = numLabels
		}
		for l := 0; l < numLabels; l++ {
			t[row][l] = allowedSlow(p, l)
		}
	}
	return t
}()

// allowed reports whether label l may follow label prev under BILOU.
// prev -1 means sentence start.
func allowed(prev, l int) bool {
	if prev < 0 {
		return allowedTab[numLabels][l]
	}
	return allowedTab[prev][l]
}

func allowedSlow(prev, l int) bool {
	open := prev > 0 && (labelPos(prev) == posB || labelPos(prev) == posI)
	if open {
		return l > 0 && labelClass(l) == labelClass(prev) && (labelPos(l) == posI || labelPos(l) == posL)
	}
	return l == 0 || labelPos(l) == posB || labelPos(l) == posU
}

// Chunk is an entity found in a token sequence: tokens [Start, End) of
// class Type (PER, ORG, LOC or MISC).
type Chunk struct {
	Start, End int
	Type       string
}

// chunksFromLabels turns a BILOU label sequence into chunks, leniently
// (an I or L without an open entity of its class starts one; an entity
// left open at the end is closed there).
func chunksFromLabels(labels []int) []Chunk {
	var out []Chunk
	start, class := -1, -1
	closeAt := func(end int) {
		if start >= 0 {
			out = append(out, Chunk{Start: start, End: end, Type: classNames[class]})
		}
		start, class = -1, -1
	}
	for i, l := range labels {
		if l == 0 {
			closeAt(i)
			continue
		}
		c, p := labelClass(l), labelPos(l)
		switch p {
		case posU:
			closeAt(i)
			out = append(out, Chunk{Start: i, End: i + 1, Type: classNames[c]})
		case posB:
			closeAt(i)
			start, class = i, c
		case posI, posL:
			if start < 0 || class != c {
				closeAt(i)
				start, class = i, c
			}
			if p == posL {
				closeAt(i + 1)
			}
		}
	}
	closeAt(len(labels))
	return out
}
