// Package timex finds time expressions in a document's cleaned text and
// normalizes them to TIMEX3 values against the document's publication date.
//
// Extraction is rule based over a light tokenization of the text (see
// tokens.go: runs of letters or digits and single marks, the pieces its
// date and clock patterns such as 10:30, 3-4 or 2020-07-06 are written
// with; it is the grammar's lexer, not a second token layer). Sentences
// are the text stage's (Document.Sentences). Normalization is tense aware:
// a weekday or a month named in a past-tense sentence resolves to the most recent one on or before the
// anchor, in a future-tense sentence to the next one. When a document has
// no publication date, relative expressions are left unresolved (their value
// carries X placeholders and their Anchor is "unknown").
package timex
