// Package fetch brings news pages in from the web, politely and safely: it
// honours robots.txt, limits concurrency and request rate per host, sends a
// descriptive User-Agent, revalidates with ETag / Last-Modified, retries
// 429 and 5xx answers with exponential backoff, bounds time, size,
// redirects and decompression, and refuses to connect to private, loopback
// and other internal addresses (checked after DNS resolution, on every
// connection and redirect) unless told otherwise.
//
// Client.Documents turns URLs into documents (Format html or text, Raw set,
// URL canonical, Source the URL as given); Client.Feed and
// Client.FeedDocuments do the same for the articles an RSS/Atom feed links
// to. History keeps revisions of pages fetched again, with a paragraph diff;
// Flags marks paywalled and stub documents.
package fetch
