package ner

// Table-line features (off unless Lexicon.TableFeatures is set): results
// and standings lines of sports pages ("Leeds 2 Arsenal 1") hold team
// names that look like places. A sentence is a table line when it has a
// number and every word with letters in it is capitalized (or a short
// connector); its capitalized tokens get a feature joined with their
// location gazetteer bit and whether a number follows.

// fTableLine is the feature template of the table-line features.
const fTableLine byte = 0xB0

// isTableLine reports whether the prepared sentence looks like a row of a
// results table.
func (si *sentenceInfo) isTableLine() bool {
	if si.capsLine || len(si.toks) < 2 {
		return false
	}
	numbers := 0
	for i := range si.toks {
		t := &si.toks[i]
		switch {
		case t.casing == caseNone:
			if len(t.short) > 0 && t.short[0] == 'd' {
				numbers++
			}
		case t.isCapital():
		case runConnectors[t.lower]:
		default:
			return false
		}
	}
	return numbers > 0
}

// tableFeatures appends the table-line key of token i.
func (si *sentenceInfo) tableFeatures(i int, out []uint64) []uint64 {
	if !si.tableLine {
		return out
	}
	t := &si.toks[i]
	loc := byte(t.gaz>>uint(classLOC*4)) & 0xf
	nextNum := byte(0)
	if i+1 < len(si.toks) {
		if s := si.toks[i+1].short; len(s) > 0 && s[0] == 'd' {
			nextNum = 1
		}
	}
	return append(out, keyN(fTableLine, boolByte(t.isCapital()), loc, nextNum), hashStr(keyN(fTableLine, 'w', nextNum), t.lower))
}
