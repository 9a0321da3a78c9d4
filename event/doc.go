// Package event finds event mentions in a document: the trigger of each
// event (verbal or nominal: "killed", "assassination", "was shot dead" →
// "shot", "raid", "arrested", "said"), its TimeML class (OCCURRENCE,
// REPORTING, STATE, I_ACTION, I_STATE, ASPECTUAL, PERCEPTION), its
// polarity ("did not claim", "no group has claimed" → NEG) and modality
// ("could bring" → "could"), its lemma and sentence, and the arguments the
// sentence gives for it: agent, patient, place, time (linked to the
// document's timex) and instrument, found from the tokens, named-entity
// mentions and timexes by word order and prepositions ("killed by X",
// "in Baghdad", "with a pistol", "the assassination of X", "a raid on X").
//
// Results go to Document.Events. The stage reads the text stage's
// sentences and tokens, the named-entity mentions and the timexes:
//
//	x, err := event.New(event.Options{})   // the embedded model, checked once and shared
//	err = x.Annotate(ctx, doc)             // writes doc.Events
//	pipeline.PerDoc("event", x)            // Contract: sentences, tokens, mentions, timexes → event-mentions
//
// # Triggers and classes
//
// A trained model (model/event.bin, embedded) labels each open-class word
// "O" or with a class. It is an averaged perceptron over hashed features
// (Features: the word, lemma, suffixes, shape, neighbours and their word
// types, the verb group before the word, complements after it, named
// entity and timex membership, lexicon hits, WordNet parts of speech and
// event-noun senses and verb lexicographer files from model/wordnet.bin,
// and word clusters from model/clusters.bin), with three heads over the
// same features: detection (the labels, "O" first), part of speech
// (VERB, NOUN, …: verbs and nouns take their arguments differently) and
// class (trained on triggers only; it gives the class). Candidates are
// the words of open classes outside names. Weights are int16
// read in place from the embedded bytes, the detection head's first, so a
// word that is no trigger reads one short row per feature. The nouns of
// violent and political events the lexicon marks core ("killing",
// "raid", "strike") are added where the model finds nothing. With
// Options.RulesOnly the lexicon alone finds triggers (the milestone's
// rule-based detector).
//
// The model is trained by cmd/event-train (package event/train) on
// TempEval-3's TimeBank and AQUAINT (256 documents; every sixth held out
// for development: F1 ~86.9, class F1 ~74.2 on it). Kept because the
// development set or the principle said so: the WordNet features (+1.1
// F1 on dev), the class head (+0.3 class F1), 2^17 buckets (2^18 no
// better, 2^16 −0.4 class F1), an "O" bias of −10 (+1.2 F1), averaging
// four seeds and the word clusters (both within noise on dev; kept to
// reduce variance and for words unseen in 1990s newswire), no margin
// updates (no gain). On the TempEval-3 platinum test (`corroborate eval
// event-mentions`), one run per candidate: lexical features 78.35 F1 /
// 66.89 class F1; + WordNet and class head 79.79 / 69.40; 2^17 buckets
// 80.24 / 69.37; + clusters and four seeds 81.03 / 70.06; closed-class
// words no candidates 81.40 / 70.68; capitalized words inside names no
// candidates either (for speed; dev unchanged) 81.52 / 70.15, the
// committed model (ATT-1, the best TempEval-3 system: 81.05 / 71.88).
// Polarity accuracy on the matched events is 99.5%, modality 92.5%.
//
// Speed: about a fifth of the per-document CPU time of the stages before
// it in BenchmarkStages (go test ./analysis -run XXX -bench Stages, CPU
// profile: event 0.20 s against 0.97 s for the other stages).
//
// # Arguments, polarity, modality
//
// Rules over the sentence: a passive ("was killed", "has been shot")
// takes its subject as patient and "by X" as agent; an active verb its
// subject as agent (the antecedent for "who"/"that") and its object as
// patient (reporting and intending verbs only a named or pronoun object);
// an event noun takes "of X" and a possessor as patient when it names
// what happens to someone ("the killing of X", "Hashimi's death") and as
// agent otherwise ("a US raid"), "by X" as agent and "on/against X" as
// patient. A place is a location mention after in/at/near/outside…; a
// time the nearest date or time of the clause not nearer another trigger
// and not a period bound ("since 2003"); an instrument a weapon after
// with/using/by. Negation and modals are read back over the verb group
// and its subject within the clause.
package event
