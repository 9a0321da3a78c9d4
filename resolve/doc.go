// Package resolve groups the entity mentions of a story's documents into
// entities: one per real referent, with a canonical name (the fullest
// well-formed spelling), a type, roles, every alias with its count per
// document, and every mention cited as (document, start, end).
//
// # Use
//
//	r, err := resolve.New(resolve.Options{AliasFile: "aliases.txt"}) // AliasFile optional
//	...
//	err = r.Link(ctx, story) // after the per-document NER stage filled d.Mentions
//
// Link fills story.Entities (sorted by mention count, then id; ids such as
// "e-hisham-al-hashimi" derive from the canonical name, with the type or a
// counter added on a clash) and sets Mention.Entity on every mention that
// holds a name. A Resolver is safe for concurrent use on different
// stories. Until a tagger fills Document.Mentions, CandidateMentions gives
// capitalized-phrase candidates.
//
// # Matching
//
// Names are folded to sound units (vowels kept but cheap to change;
// consonants that romanization schemes exchange, such as dh/z/d/th, q/k,
// ou/u, made cheap to swap; doubled letters collapsed; the article al-,
// el-, Al and al-- dropped; apostrophes of every kind removed) and
// compared token by token with a weighted edit distance (TokenDistance,
// threshold DefaultSameThreshold, tuned on the ANETAC name pairs: see
// eval/resolve; Options.SameThreshold and Options.NisbaThreshold change
// them for one Resolver). Key gives the coarse consonant skeleton used for
// blocking, so cost stays near-linear in the number of mentions.
//
// Same(a, b) tells FullMatch (spellings of one name), PartialMatch (a short
// form: surname, or first name and surname), WeakMatch (a truncated or
// suffixed spelling such as Suleiman / Soleimani that needs context) or
// NoMatch. Titles and honorifics are stripped and kept as roles. The quote
// stage can use Same, or EntityFor after Link, to resolve speakers.
//
// # Linking
//
// In order: whole names that match; the user's alias rules; names the
// text equates ("X (Y)" with Y an acronym of X or sharing a word with it,
// "X, aka Y"); acronyms to their only expansion in the story; short person
// names to the one longer name they abbreviate (preferring the same
// document; a lone first name only within its document); weak spellings
// when context agrees (a shared first name or role, and no other entity
// with the truncated spelling); and last, bare names that are part of a
// longer organization name ("Hezbollah" beside "Kataib Hezbollah"), which
// join each other across documents only when their paragraphs name a
// shared entity that is not mentioned by most reports. When in doubt names
// stay apart; known confusable pairs (Khamenei / Khomeini) and the alias
// file's "different" rules can never share an entity.
package resolve
