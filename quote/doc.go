// Package quote finds attributions in a document's cleaned text: direct
// quotes with their speaker ("…," said Iraq analyst Sajad Jiyad; X said:
// "…"; a quote running over several sentences or paragraphs) and reported
// speech ("according to X", "X said that …", "sources told …"). Speakers
// are split into name and role, marked anonymous when unnamed, and pronoun
// speakers ("he said") are resolved to the most recent compatible speaker
// or person. Results go to Document.Quotes.
package quote
