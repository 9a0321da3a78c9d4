// Package coref links the mentions of one referent inside one report:
// names and their short forms, definite descriptions with a role or title
// ("the prime minister", "the 47-year-old researcher", "the militia"),
// appositives ("Sajad Jiyad, an Iraq analyst,"), titles set before a name
// ("The new Iraqi Prime Minister, Mustafa al-Kazimi") and third-person
// pronouns. It is the per-document stage "coref": it reads the tokens,
// sentences and named-entity mentions and writes Document.Coref, a list
// of chains whose links each carry a confidence and the rule that made
// them.
//
// # Use
//
//	r := coref.New(coref.Options{})
//	err := r.Annotate(ctx, doc) // after text and ner
//	head, conf, ok := doc.CorefHead(span) // the named mention a pronoun or description stands for
//
// # Method
//
// Names join by the name matcher of package resolve (full spellings,
// surnames and short forms of a person). Appositives and "description,
// Name" join by rule and give the name's chain its roles. A description
// then joins the one earlier named chain that holds its role (with no
// clash of qualifiers: "the US president" never joins an Iraqi one), or
// the one earlier description with its head. A pronoun is ranked against
// every agreeing chain with a mention in the three sentences before it by
// a logistic regression (Model, FeatureNames: distance, recency rank,
// subject position and parallelism, salience, gender known) trained by
// cmd/coref-train on GAP development + validation; it is linked only when
// the best probability passes the model's precision threshold and leads
// the second by a margin, else it stays unresolved. he/she go only to
// persons whose gender (from a first-name lexicon derived from the same
// GAP splits, role nouns and titles, earlier pronouns) does not disagree;
// they/their/its and "it said" only to organisations; no pronoun is ever
// linked to a place or a date.
//
// # Page subject (evaluation only)
//
// Options.PageSubject adds five features that say whether a candidate's
// name shares a word with Document.Title, read as the subject of the page
// the text comes from: GAP's "URL" cue, since every GAP snippet names its
// Wikipedia page. It selects a second model, model-page.json, trained on
// the same splits with those features (cmd/coref-train -page). The
// product never sets it: a news headline is not the subject of a page,
// and the product model (model.json) gives those features no weight.
package coref
