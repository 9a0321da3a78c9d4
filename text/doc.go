// Package text splits a document's cleaned text into paragraphs, sentences
// and tokens, each with byte offsets into the text, and guesses the
// document's language.
//
// Paragraphs are separated by blank lines. Sentences never cross a
// paragraph; the splitter is rule based (abbreviations, initials, numbers,
// ellipses, quotes, brackets, lowercase continuation, headline lines).
// Tokens are words (with internal apostrophes and single hyphens; a final
// possessive 's and the negation n't split off as in CoNLL), numbers (with
// thousands separators, decimals and a percent sign), abbreviations with
// their period, punctuation and symbols.
//
// These are the flow's only sentence and token layers: the later stages
// (ner, timex, coref, quote, quantity, claim, resolve, timeline, summarize) read
// them from the document and declare so in their contracts; none splits
// the text again.
package text
