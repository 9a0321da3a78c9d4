// Package clean evaluates the boilerplate cleaner on the ScrapingHub
// article extraction benchmark (shared/data/scrapinghub-aeb): it takes the
// stored outputs of published extractors, runs the cleaner over each, and
// scores the text before ("peer") and after ("ours": extractor + cleaner)
// against the hand-checked article bodies with the benchmark's 4-token
// shingle metric (eval/articlebench, shared with eval/extract). Cleaning
// should raise precision without losing recall.
//
// Before that it scores cleaning on our own labelled set (labelled.go): the
// 96 Giveme5W1H news-please records next to the ScrapingHub folder, their
// boilerplate marked by hand span by span with its kind
// (testdata/giveme-boilerplate.tsv: document id, byte offsets, kind, hash;
// the text is read from the shared folder). Half of each outlet's records
// are for tuning, the other half is held out; the figures are boilerplate
// recall per kind (a span counts as removed when half its bytes are) and
// the share of reporting sentences cut into (by a fifth of their bytes).
package clean
