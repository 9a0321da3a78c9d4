// Package eventcoref links event mentions within and across the documents
// of a story into events: the story-level step "events" (Linker), run
// after entity resolution and comparison.
//
// Each document's mentions (document.Document.Events, written by package
// event) are prepared with their trigger key (Key: inflections and some
// derivations meet), their arguments (entity ids where resolved, words
// otherwise; the mention's own arguments and the named entities and time
// expressions of its sentence) and tf-idf vectors of their sentence and
// document. A logistic-regression pairwise model (Model, trained on ECB+
// by cmd/eventcoref-train, embedded as model.json) scores candidate pairs:
// mentions with the same trigger key or with triggers that corefer in the
// training data (the model's Lexicon, e.g. kill–assassinate, kill–die),
// each mention paired with at most Window mentions per block, so the
// number of scored pairs grows linearly with the mentions. Precision comes
// first:
//   - a negated or modal mention, or one naming a kind or series of events
//     ("assassinations", "death threats"), links to nothing;
//   - two mentions whose patients or resolved dates differ cannot be in one
//     event (a cannot-link constraint for the clustering);
//   - reporting verbs and vague triggers ("said", "make") link only with a
//     shared participant and similar sentences.
//
// Average-linkage clustering at the model's LinkThreshold (never below
// MinThreshold) groups the mentions; clusters that share their main
// patient entity and a strongly scored pair then join. Each group holding
// an asserted occurrence becomes a document.Event with a label ("killing
// of Hisham al-Hashimi"), type, participants and place (entity ids), date
// (from resolved time arguments), every mention, the reports that tell it
// and how many independent sources they are (claim.Independent), a role
// (main: the event most reports tell and its aftermath) and a confidence.
//
// Link adds story-level steps that Cluster (what `corroborate eval
// events` measures) leaves out, because a story recalls many background
// events told with the same words while an ECB+ topic gathers reports of
// one seminal event:
//   - mentions in different reports link only with shared evidence: the
//     same resolved patient, a name both sentences give that few
//     sentences of the story give (the victim, the prime minister and
//     the country are in too many), a resolved date, or similar
//     sentences (the gate costs ECB+ CoNLL F1 73.80 to 71.85, so it is
//     not in Cluster);
//   - a killing joins the strike or raid its sentence says caused it
//     ("killed in a US strike"), so one strike that killed two men is
//     one event;
//   - clusters of violence to one resolved victim join ("was shot",
//     "assassination"), and a mention whose patient is someone else
//     leaves them;
//   - the mentions of one raid across reports (raid, stormed, descended
//     on, arrested) join when their sentences name the same
//     organization as target.
//
// Training and the ECB+ reader live apart in eventcoref/train; the
// evaluation is eval/events (`corroborate eval events`).
package eventcoref
