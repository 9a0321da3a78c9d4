// Package warc reads and writes WARC 1.0/1.1 files (ISO 28500), plain or
// gzip-compressed record by record, as web archives and crawlers store
// them. It knows records only: turning archived pages into documents is
// package ingest's work (ingest.ReadWARC).
//
// The reader streams: it holds one record's headers at a time and hands out
// the body as a reader bounded by Content-Length, so memory stays flat
// however large the archive.
package warc
