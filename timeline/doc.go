// Package timeline builds the story's timeline from the dated sentences of
// every report: each sentence holding a normalized DATE or TIME expression
// becomes an entry, entries are ordered by the start of their period, and
// entries with the same date told by different reports merge into one
// entry that cites them all when their event words overlap enough (names
// compared by consonant skeleton, so transliteration variants match; a
// stricter share for months and years than for days). TIMEX3 values are
// read with timex.ParseValue; the writers under report render the result
// (report/timelinejs as TimelineJS3 JSON).
package timeline
