package cluster

import "time"

// Options tune a Clusterer. Zero fields take the defaults listed.
type Options struct {
	// Threshold is the least similarity (0–1) for a document to join an
	// existing story; below it the document starts a new one. Default 0.18.
	Threshold float64
	// EntityWeight is the share (0–1) of the similarity given to named-entity
	// overlap when both the document and the cluster have mentions; the rest
	// goes to the content-word cosine. Default 0.3. Set it negative to use
	// words only.
	EntityWeight float64
	// Window is the time window: a cluster whose date range lies further
	// than Window from a document's publication date is not a candidate for
	// it, and clusters idle for longer than Window behind the newest date
	// seen leave the index. Default 30 days.
	Window time.Duration
	// DecayHalfLife is the date distance at which the similarity is halved.
	// Default 15 days.
	DecayHalfLife time.Duration
	// TitleWeight and LeadWeight multiply the counts of words in the title
	// and in the lead (the first LeadSentences sentences). Defaults 3 and 2.
	TitleWeight, LeadWeight float64
	// LeadSentences is the number of opening sentences that count as the
	// lead. Default 3.
	LeadSentences int
	// PhraseWeight adds pairs of adjacent content words ("deep throat",
	// "internet explorer") as terms, their counts multiplied by it. Default
	// 1; negative uses single words only.
	PhraseWeight float64
	// MaxTerms is the number of highest-weighted terms kept in a document
	// vector. Default 120.
	MaxTerms int
	// QueryTerms is the number of a document's highest-weighted words, and
	// again of its highest-weighted entities, used to look up candidate
	// clusters in the inverted index (a story is posted under the query
	// terms of its members). Default 12. Fewer entity terms missed the
	// story of a report that names the victim less than the groups around
	// the event (hashimi 003).
	QueryTerms int
	// MaxCandidates caps the clusters scored in full per document (those
	// sharing the most query terms win). Default 64.
	MaxCandidates int
	// CentroidTerms caps the terms kept in a cluster centroid. Default 300.
	CentroidTerms int
	// MergeThreshold, when positive, merges two live stories whose
	// centroids come this close (same blend and time decay as for a
	// document) after one of them grows. Zero (the default) never merges.
	// Earlier Add results may then name a story that was absorbed; Stories
	// gives the final grouping.
	MergeThreshold float64
	// TextDates dates a document that has no publication date known to the
	// day by the first absolute day written in it (timex layer). Off by
	// default: on ECB+ it lowered pairwise F1 (dates in the text are often
	// those of earlier events).
	TextDates bool
	// DateWeight multiplies the counts of the years and months named in a
	// document (timex layer), which join the entity features. Default 1;
	// negative turns them off.
	DateWeight float64
	// MaxDocFreq drops from the index terms seen in more than this share of
	// the documents so far (once at least 50 have been seen). Default 0.2.
	MaxDocFreq float64
}

// withDefaults fills the zero fields of o.
func (o Options) withDefaults() Options {
	if o.Threshold == 0 {
		o.Threshold = 0.18
	}
	if o.EntityWeight == 0 {
		o.EntityWeight = 0.3
	}
	if o.EntityWeight < 0 {
		o.EntityWeight = 0
	}
	if o.EntityWeight > 1 {
		o.EntityWeight = 1
	}
	if o.Window == 0 {
		o.Window = 30 * 24 * time.Hour
	}
	if o.DecayHalfLife == 0 {
		o.DecayHalfLife = 15 * 24 * time.Hour
	}
	if o.TitleWeight == 0 {
		o.TitleWeight = 3
	}
	if o.LeadWeight == 0 {
		o.LeadWeight = 2
	}
	if o.LeadSentences == 0 {
		o.LeadSentences = 3
	}
	if o.MaxTerms == 0 {
		o.MaxTerms = 120
	}
	if o.QueryTerms == 0 {
		o.QueryTerms = 12
	}
	if o.MaxCandidates == 0 {
		o.MaxCandidates = 64
	}
	if o.CentroidTerms == 0 {
		o.CentroidTerms = 300
	}
	if o.DateWeight == 0 {
		o.DateWeight = 1
	}
	if o.DateWeight < 0 {
		o.DateWeight = 0
	}
	if o.PhraseWeight == 0 {
		o.PhraseWeight = 1
	}
	if o.PhraseWeight < 0 {
		o.PhraseWeight = 0
	}
	if o.MaxDocFreq == 0 {
		o.MaxDocFreq = 0.2
	}
	return o
}
