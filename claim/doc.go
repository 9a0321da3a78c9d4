// Package claim turns each document's quantities into normalized claims
// (Extractor, a per-document stage) and compares them across the story
// (Comparer, a cross-document stage): agreements, disagreements with an
// ACLED-style conservative figure, derivation links between reports (one
// relaying an outlet, or sharing long stretches of text, found with our
// own MinHash and LSH banding), and the number of independent sources
// behind each value.
//
// Order of use: quantity and quote annotate each document, then
// Extractor.Annotate builds d.Claims, then Comparer.Link fills
// s.Agreements, s.Disagreements and s.Derivations.
package claim
