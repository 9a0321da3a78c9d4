// Package fivew evaluates the main event's 5W1H (who, what, when, where,
// why, how) against the Giveme5W1H gold standard (Hamborg et al. 2019):
// 100 English news articles whose 5W1H phrases three coders annotated.
//
// The authors measured precision by human rating: assessors judged each
// extracted answer relevant (1), partially relevant (0.5) or not (0), and
// precision is the mean rating (their system: 0.73 over the six questions,
// 0.82 over who, what, when, where). No ratings of our output exist, so
// this evaluation approximates them automatically against the gold
// phrases that at least two coders chose: an answer that covers at least
// half of a gold phrase's content words, with at most three answer words
// per shared one, scores 1, one that shares any content word 0.5, else 0 (a
// "when" answer also scores 1 when its date equals the gold's parsed
// date). The same scorer rates the authors' own system output, shipped
// with the data, in the same run.
package fivew
