// Package articlebench holds the ScrapingHub/Zyte article extraction
// benchmark (shared/data/scrapinghub-aeb) for the evaluation packages: its
// pages, their hand-checked article bodies, the system outputs shipped with
// it, and its metric (4-token shingles, per-page normalized counts, mean
// precision and recall, F1 from the means, exact-token accuracy).
//
// eval/extract scores extractors with it and eval/clean scores the
// boilerplate cleaner on the stored outputs.
package articlebench
