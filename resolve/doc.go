// Package resolve groups the entity mentions of a story's documents into
// entities: one per real referent, with a canonical name, a type, roles,
// every alias with its count per document, and every mention cited.
//
// Matching is transliteration-aware: names are folded to sound units
// (vowels kept but cheap to change, consonants that romanization schemes
// exchange made cheap to swap: dh/z/d/th, q/k, ou/u, doubled letters,
// the article al-/el-/Al, apostrophes of every kind), and compared with a
// weighted edit distance. Titles are stripped and kept as roles; short
// forms (surnames) join the one full name they abbreviate; acronyms join
// their expansion when the text gives it ("X (Y)") or when it is the only
// one; "X, aka Y" joins two names. When in doubt the resolver keeps names
// apart: a bare name that is part of a longer organization name
// ("Hezbollah" beside "Kataib Hezbollah") joins nothing but the same bare
// name in a document whose surroundings agree.
//
// Use New (optionally with an alias file, see AliasRules), then Link on a
// story whose documents carry Mentions. Key, Same and TokenDistance are
// the matching primitives, for other stages that compare names (quote
// speakers); EntityFor finds the entity a name refers to after Link.
package resolve
