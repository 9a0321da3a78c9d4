package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
)

// fallbackTokens splits s into word, number and punctuation tokens whose
// spans are offset by base. Hyphens and apostrophes between letters stay
// inside a word (al-Hashimi, Kata'ib); a final 's clitic is split off as
// in CoNLL.
func fallbackTokens(s string, base int) []document.Span {
	var out []document.Span
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !isWordRune(r) {
			out = append(out, document.Span{Start: base + i, End: base + i + n})
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				j += n
				continue
			}
			if isJoiner(r) && j+n < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[j+n:])
				if isWordRune(r2) {
					j += n
					continue
				}
			}
			if r == '.' && j+n < len(s) && isAbbrevDot(s[i:j], s[j+n:]) {
				j += n
				continue
			}
			break
		}
		// "U.S." keeps its final dot.
		if j < len(s) && s[j] == '.' && strings.Count(s[i:j], ".") > 0 && len(s[i:j]) <= 6 {
			j++
		}
		word := s[i:j]
		if k := cliticStart(word); k > 0 {
			out = append(out, document.Span{Start: base + i, End: base + i + k}, document.Span{Start: base + i + k, End: base + j})
		} else {
			out = append(out, document.Span{Start: base + i, End: base + j})
		}
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isJoiner(r rune) bool {
	switch r {
	case '-', '\'', '’', '‘', 'ʼ', '‐':
		return true
	}
	return false
}

// isAbbrevDot reports a dot inside an abbreviation like U.S or a number
// like 3.5.
func isAbbrevDot(before, after string) bool {
	if before == "" || after == "" {
		return false
	}
	a, _ := utf8.DecodeRuneInString(after)
	b, _ := utf8.DecodeLastRuneInString(before)
	if unicode.IsDigit(a) && unicode.IsDigit(b) {
		return true
	}
	// single capital letters separated by dots: U.S, U.N
	last := before
	if k := strings.LastIndexByte(before, '.'); k >= 0 {
		last = before[k+1:]
	}
	return utf8.RuneCountInString(last) == 1 && unicode.IsUpper(b) && unicode.IsUpper(a) &&
		(len(after) == 1 || after[1] == '.')
}

// cliticStart returns where a final 's / ’s / n't starts in word, or 0.
func cliticStart(word string) int {
	for _, c := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(word, c) && len(word) > len(c) {
			return len(word) - len(c)
		}
	}
	if strings.HasSuffix(word, "n't") && len(word) > 3 {
		return len(word) - 3
	}
	return 0
}

// fallbackSentences splits tokens of text into sentences: after . ! ? when
// the next token starts with an upper-case letter, a digit or a quote, and
// at line breaks. It returns token index ranges.
func fallbackSentences(text string, toks []document.Span) [][2]int {
	var out [][2]int
	start := 0
	for i := range toks {
		end := i+1 == len(toks)
		if !end {
			cur := text[toks[i].Start:toks[i].End]
			gap := text[toks[i].End:toks[i+1].Start]
			next, _ := utf8.DecodeRuneInString(text[toks[i+1].Start:])
			switch {
			case strings.Contains(gap, "\n"):
				end = true
			case (cur == "." || cur == "!" || cur == "?") && gap != "" &&
				(unicode.IsUpper(next) || unicode.IsDigit(next) || next == '"' || next == '“'):
				end = !isTitleAbbrev(text, toks, i)
			}
		}
		if end {
			out = append(out, [2]int{start, i + 1})
			start = i + 1
		}
	}
	return out
}

// isTitleAbbrev reports whether the dot at token i closes an abbreviation
// such as "Mr." or "Dr." (tokenized as "Mr" ".").
func isTitleAbbrev(text string, toks []document.Span, i int) bool {
	if i == 0 || toks[i-1].End != toks[i].Start {
		return false
	}
	prev := strings.ToLower(text[toks[i-1].Start:toks[i-1].End])
	switch prev {
	case "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sen", "rep", "gov", "st", "prof", "capt", "maj", "sgt", "rev", "jr", "sr", "no", "vs":
		return true
	}
	return false
}
