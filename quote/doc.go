// Package quote finds attributions in a document's cleaned text: direct
// quotes with their speaker ("…," said Iraq analyst Sajad Jiyad; X said:
// "…"; a quote running over several sentences or paragraphs) and reported
// speech ("according to X", "X said that …", "sources told …", "…, X
// said on Monday", "X toured the pier and said …", ", adding that …",
// "X, who said …", "… in a new poll"), beliefs and stances ("X thinks
// …", "polls show …", "X called the plan …", "X endorsed Y"). Speakers
// may be names, noun phrases ("a spokeswoman for the mayor", "Top
// advisers") or shares of a poll ("47 percent"); they are split into name
// and role, marked anonymous when unnamed, and pronoun speakers ("he
// said") are resolved to the most recent compatible speaker or person.
// Results go to Document.Quotes.
package quote
