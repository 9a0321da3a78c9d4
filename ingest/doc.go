// Package ingest reads the inputs a user names (files, folders, globs,
// standard input) into documents: it expands the arguments, rejects what
// cannot be a news report (binary, empty, oversized, unreadable), decodes the
// bytes to UTF-8 whatever their charset, sniffs the format (HTML, JSON
// records, plain text), and fills each document's source fields, Raw text
// and, for records, the body and metadata the record carries.
//
// The entry point is Read. Each input is opened and read once (a bounded
// prefix is sniffed in memory, then the rest read within the size limit),
// so pipes, FIFOs, /dev/stdin and process substitutions (/dev/fd/N) named
// as arguments arrive whole; a FIFO waits for its writer at most
// Options.OpenWait. Special files met in folders or globs are not opened
// but named in a problem. Every input that cannot become a document yields
// a document.Problem naming it and the reason; the other inputs go on.
// Warnings about an input that still became a document (a truncated UTF-8
// tail or gzip stream, an unparseable date field) are recorded on that
// document's Problems.
//
// Records are JSON objects in the style of news-please: a .json file holding
// one object, an array of objects, concatenated objects, or an object that
// wraps an array of articles (NewsAPI's "articles", "items", "results", …);
// or a .jsonl/.ndjson file with one object per line. The body comes from
// maintext, text, body, content or articleBody (or, for a record carrying
// the page, html or raw_html, which makes an HTML document); title, url,
// source_domain/publisher, authors/author, language, date_publish and
// date_modify fill the metadata.
//
// Files ending in .gz are decompressed (within the size limit). Web archives
// (files named *.warc or *.warc.gz, or starting with a WARC version line)
// are streamed record by record with package warc, and every archived HTML
// page becomes a document (ReadWARC). Page turns a fetched HTTP body into a
// document the same way, for package fetch.
package ingest
