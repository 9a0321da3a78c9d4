package summarize

// Options tune the summarizer. The zero value gives the defaults.
type Options struct {
	// Sentences is how many sentences the summary holds (default 5).
	Sentences int
	// MaxWords caps the summary's length in words (0: no cap). The
	// sentence that crosses the cap is still included.
	MaxWords int
	// Lambda trades relevance against novelty in MMR selection, in (0, 1]
	// (default 0.7; 1 ignores redundancy).
	Lambda float64
	// CiteThreshold is the similarity (mean of TF-IDF cosine and weighted
	// term overlap, see sameSim) from which a sentence of another report
	// counts as saying the same thing and is cited too (default 0.35).
	CiteThreshold float64
	// BackgroundDays is how far (in days) from a report's publication date
	// a dated event must lie to count as background (default 14).
	BackgroundDays int
}

func (o Options) withDefaults() Options {
	if o.Sentences <= 0 {
		o.Sentences = 5
	}
	if o.Lambda <= 0 || o.Lambda > 1 {
		o.Lambda = 0.7
	}
	if o.CiteThreshold <= 0 {
		o.CiteThreshold = 0.35
	}
	if o.BackgroundDays <= 0 {
		o.BackgroundDays = 14
	}
	return o
}
