// Package clean evaluates the boilerplate cleaner on the ScrapingHub
// article extraction benchmark (shared/data/scrapinghub-aeb): it takes the
// stored outputs of published extractors, runs the cleaner over each, and
// scores the text before ("peer") and after ("ours": extractor + cleaner)
// against the hand-checked article bodies with the benchmark's 4-token
// shingle metric (eval/articlebench, shared with eval/extract). Cleaning
// should raise precision without losing recall.
package clean
