// Package timeline evaluates cross-document timelines on SemEval-2015
// Task 4 "TimeLine: cross-document event ordering", Track A (raw text):
// for each target entity, the events of a set of news articles that the
// entity takes part in, ordered and anchored to dates.
//
// The score is the task's own: each timeline (gold and system) is turned
// into temporal relations between its events and dates (events on one
// line are simultaneous, a line is before the next, a dated event is
// included in its date, dates are ordered by the calendar), and the two
// relation graphs are compared with the temporal-awareness measure of
// UzZaman & Allen (2011): precision is the share of the system's
// non-redundant relations that the closure of the gold graph entails,
// recall the share of the gold's non-redundant relations that the closure
// of the system graph entails. Counts are summed over the timelines of a
// corpus (micro-average), and over the three corpora for the overall F1.
package timeline
