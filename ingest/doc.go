// Package ingest reads the inputs a user names (files, folders, globs,
// standard input) into documents: it expands the arguments, rejects what
// cannot be a news report (binary, empty, oversized, unreadable), decodes the
// bytes to UTF-8 whatever their charset, sniffs the format (HTML, JSON
// records, plain text), and fills each document's source fields, Raw text
// and, for records, the body and metadata the record carries.
//
// The entry point is Read. Every input that cannot become a document yields
// a document.Problem naming it and the reason; the other inputs go on.
// Warnings about an input that still became a document (a truncated UTF-8
// tail, an unparseable date field) are recorded on that document's Problems.
package ingest
