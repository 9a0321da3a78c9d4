// Package quantity finds numbers in a document's cleaned text together with
// what they count: "four gunmen", "more than 700 Iraqi protesters", "a
// 30-vehicle column", "Hashimi, 47,", "13 of them". Years, dates, clock
// times and ordinals are skipped. Results go to Document.Quantities.
package quantity
