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
//	x, err := event.New(event.Options{})   // the embedded model
//	err = x.Annotate(ctx, doc)             // writes doc.Events
//	pipeline.PerDoc("event", x)            // Contract: sentences, tokens, mentions, timexes → event-mentions
//
// Triggers and classes come from a model trained on the TimeML EVENT
// annotations of TempEval-3's TimeBank and AQUAINT (see package
// event/train and cmd/event-train), or, with Options.RulesOnly, from a
// lexicon of event verbs and nouns. Arguments, polarity and modality are
// rules in both cases.
package event
