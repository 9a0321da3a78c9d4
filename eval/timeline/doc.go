// Package timeline evaluates cross-document timelines on SemEval-2015
// Task 4 "TimeLine: cross-document event ordering", Track A (raw text):
// for each target entity, the events of a set of news articles that the
// entity takes part in, ordered and anchored to dates.
//
// The score is the task's own kind: each timeline (gold and system) is
// turned into temporal relations between its events and dates, and the
// two relation graphs are compared with the temporal-awareness measure of
// UzZaman & Allen (2011). Our reading of the task's conversion, written
// from its description:
//   - events on one position are simultaneous; every event of a position
//     is before every event of the next position;
//   - an event with a date (2008-03-01, 2008-03-XX, 2008-XX-XX) is
//     included in that date; dates relate by the calendar (before, or
//     one including the other), and the dates of both timelines form the
//     shared calendar;
//   - position 0 (events the annotators could not place) gives no
//     relation.
//
// Relations are closed in point algebra (each event or date an interval
// with a start before its end). A timeline's counted relations are its
// non-redundant ones: each candidate relation that the calendar and the
// candidates kept before it do not already imply. Precision is the share
// of the system's counted relations that the closure of the gold graph
// implies, recall the share of the gold's counted relations that the
// closure of the system graph implies. Counts are summed over the
// timelines of a corpus and over the three corpora for the overall F1
// (micro-average, as the task reported).
//
// Our builder runs the project's text, NER, timex and event stages and
// entity resolution over each corpus, finds the target's mentions (its
// name and short forms, resolved entities, pronouns), takes the event
// triggers near them or whose agent or patient names the target, anchors
// each to a date in its sentence, the lead's date or the creation time,
// and orders them by date. Its options were tuned on the trial (Apple)
// corpus only; the three evaluation corpora are reported once.
package timeline
