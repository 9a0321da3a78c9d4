package train

import (
	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/ner/conll"
)

// bilouFromBIO converts BIO tags to the model's BILOU label indices
// (unknown types become O).
func bilouFromBIO(tags []string) []int { return ner.Labels(len(tags), conll.ChunksFromBIO(tags)) }
