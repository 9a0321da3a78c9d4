// Package anchor dates a story's events through each other's reports and
// infers the publication dates the reports do not give.
//
// It runs after the cross-document event linker (Story.Events, and the
// Event id of each mention in Document.Events) and before the timeline:
//
//  1. An event's date: a time expression linked to a mention of the event
//     (its time argument) that is absolute ("6 July 2020") or resolved
//     against a publication date dates the event in every report that
//     tells it. Absolute expressions and those resolved against a date the
//     report gives outrank those resolved against an inferred date; among
//     equals the value most reports support wins, then the finest.
//  2. A report without a publication date known to the day gets one from
//     its own relative expressions of dated events: "yesterday evening
//     Monday" for the killing another report dates Monday 6 July 2020 can
//     only have been written on 7 July. Every candidate day around the
//     event's date is tried with the timex package's own resolution (tense
//     and all, see timex.Resolver); the days on which the expression names
//     the event's date are what that expression allows, and the report's
//     expressions together allow their intersection. A single day gives a
//     day; several give an interval (Date.Earliest, Date.Latest) and the
//     narrowest calendar value holding it: "Monday" alone gives a week,
//     never a day.
//  3. The inferred date goes into Document.Published with Source
//     "inferred", the citations it rests on (Evidence) and a Note; then the
//     report's unresolved relative expressions are resolved against every
//     day the interval allows, and take a value only where all agree
//     (Timex.Anchor "inferred-published").
//  4. Dates a report gives always win: a report with a publication date is
//     never re-dated. Anchors that cannot all hold ("Monday" in one report,
//     "Sunday" in another, for one killing) leave the date unknown and are
//     reported in Document.Problems and in Story.Disagreements. A weaker
//     anchor that contradicts a stronger one (an event dated only through
//     another inferred date, against one a report gives) is set aside
//     with a disagreement.
//
// The evidence is the event stage's time arguments, with two guards: an
// expression given to several mentions dates the asserted one nearest
// before it, else the nearest after it ("descended … on June 26 and
// rounded up": the descent), and a noun-phrase trigger ("the raid") takes
// only a time written after it or right before it ("speaking on
// Wednesday, described the raid": not the raid's day). A relative
// expression that dates no event another report dates (given to no
// mention, or only to events nobody else dates) is read, as weak evidence
// for the publication date only, as the time of the nearest other mention
// before it in its sentence whose event another report dates.
//
// One reading of the linker's output serves the dating: an event the
// linker kept apart that only one report tells, of the main event's type
// (the main event: the one most reports tell), naming no person the main
// event does not, is the main event for dating ("The assassination of the
// prominent Iraqi security … on 6 July 2020" in the report that tells
// Hashimi's killing). The linking itself is left as the linker made it.
//
// An expression in a sentence that mentions a dated event ("said on
// Wednesday … following the killing") cannot name a day before it, which
// narrows the publication interval.
//
// Events dated in a later round (the raid that "June 26" dates once its
// report's year is known) feed the next, until nothing changes.
package anchor
