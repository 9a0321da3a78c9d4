// Package fetch brings news pages in from the web, politely and safely: it
// honours robots.txt, limits concurrency and request rate per host, sends a
// descriptive User-Agent, revalidates with ETag / Last-Modified, retries
// 429 and 5xx answers and transient network errors (refused or reset
// connections, hang-ups before the headers, timeouts before the body) with
// exponential backoff, bounds time, size, redirects and decompression, and
// refuses to connect to private, loopback and other internal addresses
// (checked after DNS resolution, on every connection and redirect) unless
// told otherwise.
//
// Client.Documents turns URLs into documents (Format html or text, Raw set,
// URL canonical, Source the URL as given; the bytes become a document in
// ingest.Page); Client.Feed and Client.FeedDocuments do the same for the
// articles an RSS/Atom feed links to. History keeps revisions of pages
// fetched again, with a paragraph diff. Paywall and stub flags are not
// fetching's business: package flags judges every document after
// extraction.
//
// Every URL has one time budget (Options.Budget, 60s by default) for
// robots.txt, connecting, headers, body, all retries and the backoff
// between them, with a header timeout and an idle read timeout inside it;
// only the wait for a turn at its host is not counted.
//
// With Options.StateDir the revalidation cache and the revision history
// persist between runs (file format in state.go), so that a later run sends
// conditional requests and records a new revision only when a page's text
// changed. The state is written atomically as pages come in, so a run
// killed midway keeps what it fetched, and the folder is locked from New
// to Close: a second run waits for it, then goes on without it (see
// LockFile). The call order:
//
//	c := fetch.New(opts)                  // locks and loads StateDir; c.StateError() reports a damaged file or a busy folder
//	docs, probs := c.Documents(ctx, urls) // or FeedDocuments; saves StateDir as pages come in
//	// … extract and date the documents …
//	err := c.Record(docs)                 // title, dates, extracted text into the revisions; saves StateDir
//	err = c.Close()                       // saves what is left, unlocks StateDir; closes idle connections
//	diff, err := c.History().DiffParagraphs(doc.URL) // once a page has two revisions
//
// The client keeps no documents: what extraction finds reaches the
// revisions only through Record. A caller whose client is gone by then
// (package analysis fetches while reading inputs and extracts later)
// calls RecordState with the state folder instead.
package fetch
