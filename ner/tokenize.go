package ner

import (
	"fmt"
	"strings"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/text"
)

// phraseTokens splits a gazetteer phrase into tokens as the text stage
// splits running text, so that phrases and the words tagged at run time
// agree.
func phraseTokens(s string) []document.Span {
	toks := text.Tokens(s, 0)
	out := make([]document.Span, len(toks))
	for i, t := range toks {
		out[i] = t.Span
	}
	return out
}

// tokenSentences groups the tokens the text stage wrote into d.Tokens by
// their sentence. A document with text but no tokens is an error (the text
// stage did not run before this one).
func tokenSentences(d *document.Document) ([][]document.Span, error) {
	if len(d.Tokens) == 0 {
		if strings.TrimSpace(d.Text) != "" {
			return nil, fmt.Errorf("no tokens (the text stage must run first)")
		}
		return nil, nil
	}
	var out [][]document.Span
	cur := -1
	for i, tk := range d.Tokens {
		if !tk.Span.Valid(len(d.Text)) || tk.Start >= tk.End {
			return nil, fmt.Errorf("token %d has span [%d,%d) outside the text (length %d)", i, tk.Start, tk.End, len(d.Text))
		}
		if i == 0 || tk.Sentence != cur {
			out = append(out, nil)
			cur = tk.Sentence
		}
		out[len(out)-1] = append(out[len(out)-1], tk.Span)
	}
	return out, nil
}
