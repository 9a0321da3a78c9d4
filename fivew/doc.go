// Package fivew answers the six journalistic questions — who, what,
// when, where, why and how — about a story's main event, each answer
// cited in the reports and given a confidence, or "unknown" with a
// reason.
//
// The answers rest on the story's main Event (Story.Events, role main):
// its mentions, their arguments (agent, patient, place, time,
// instrument) and its date. When no event linker ran or no event was
// found, they fall back on the lead of the earliest report: its opening
// sentence, the names and dates the other stages found in it, and cue
// words for cause ("because", "after", "in retaliation for") and manner
// ("by", "with", "using").
package fivew
