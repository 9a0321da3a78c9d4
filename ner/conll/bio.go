package conll

import "github.com/corroborate/corroborate/ner"

// ChunksFromBIO reads CoNLL BIO (IOB2, also tolerating IOB1) tags such as
// "B-PER", "I-PER", "O" into chunks with conlleval's rules: a chunk starts
// at B-X, or at I-X after a tag of another type or O.
func ChunksFromBIO(tags []string) []ner.Chunk {
	var out []ner.Chunk
	start, typ := -1, ""
	for i, t := range tags {
		prefix, ty := "O", ""
		if len(t) > 2 && t[1] == '-' {
			prefix, ty = t[:1], t[2:]
		}
		if start >= 0 && (prefix == "O" || prefix == "B" || ty != typ) {
			out = append(out, ner.Chunk{Start: start, End: i, Type: typ})
			start, typ = -1, ""
		}
		if prefix != "O" && start < 0 {
			start, typ = i, ty
		}
	}
	if start >= 0 {
		out = append(out, ner.Chunk{Start: start, End: len(tags), Type: typ})
	}
	return out
}
