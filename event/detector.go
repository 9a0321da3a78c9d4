package event

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/pipeline"
)

// Options configure a Detector.
type Options struct {
	// Logger receives notes (default: slog.Default()).
	Logger *slog.Logger
	// RulesOnly finds triggers with the built-in lexicon instead of the
	// trained model (the model's classes are not used either).
	RulesOnly bool
	// Model replaces the embedded model when not nil.
	Model *Model
}

// Detector finds event mentions. It holds no per-document state and is
// safe for concurrent use.
type Detector struct {
	log   *slog.Logger
	model *Model
}

// New returns a Detector with the embedded model (or opts.Model, or no
// model with opts.RulesOnly). It fails only when the model cannot be read.
func New(opts Options) (*Detector, error) {
	d := &Detector{log: opts.Logger}
	if d.log == nil {
		d.log = slog.Default()
	}
	// The word tables are checked here, once, not in the first document.
	if err := tablesErr(); err != nil && !opts.RulesOnly {
		return nil, fmt.Errorf("event: embedded word tables: %w", err)
	}
	switch {
	case opts.RulesOnly:
	case opts.Model != nil:
		d.model = opts.Model
	default:
		m, err := Embedded()
		if err != nil {
			return nil, fmt.Errorf("event: loading the embedded model: %w", err)
		}
		d.model = m
	}
	return d, nil
}

// Contract declares the layers the stage reads and writes.
func (x *Detector) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerSentences, document.LayerTokens, document.LayerMentions, document.LayerTimexes).
		Gives(document.LayerEventMentions)
}

// Annotate writes d.Events from the sentences, tokens, named-entity
// mentions and timexes of d.
func (x *Detector) Annotate(ctx context.Context, d *document.Document) error {
	if d == nil {
		return errors.New("event: annotating a nil document")
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("event: annotating %s: %w", docName(d), err)
	}
	n := len(d.Text)
	for _, t := range d.Tokens {
		if !t.Span.Valid(n) || t.Sentence < 0 || t.Sentence >= len(d.Sentences) {
			return fmt.Errorf("event: annotating %s: token [%d,%d) in sentence %d outside the text or its %d sentences", docName(d), t.Start, t.End, t.Sentence, len(d.Sentences))
		}
	}
	for _, m := range d.Mentions {
		if !m.Span.Valid(n) {
			return fmt.Errorf("event: annotating %s: mention %q at [%d,%d) outside the %d-byte text", docName(d), m.Text, m.Start, m.End, n)
		}
	}
	for _, t := range d.Timexes {
		if !t.Span.Valid(n) {
			return fmt.Errorf("event: annotating %s: timex %q at [%d,%d) outside the %d-byte text", docName(d), t.Text, t.Start, t.End, n)
		}
	}
	d.Events = x.Detect(d)
	return nil
}

// Detect returns the event mentions of d in text order, reading d's
// tokens, mentions and timexes; it does not change d.
func (x *Detector) Detect(d *document.Document) []document.EventMention {
	var out []document.EventMention
	forSentences(d, func(s *sentence) { out = x.sentenceEvents(s, out) })
	return out
}

// tok is a token of a sentence with its word forms.
type tok struct {
	document.Span
	text  string // as written
	lower string
	lemma string
	word  bool // a word (letters), not a number or a mark
	cap   bool // starts with a capital letter
	// mention is the index in sentence.mentions of the named-entity
	// mention covering the token, or -1.
	mention int
	// timex: the token lies in a time expression.
	timex bool
	// wtype is the coarse word type of the features (wordType).
	wtype string
	// wnw are the word table bits of the word, wn those of the word or
	// its lemma.
	wnw, wn uint16
	// cluster is the word's finest cluster id (0: none).
	cluster uint16
	// trigger: the token is an event trigger; verbal: a verbal one.
	trigger, verbal bool
	class           string
	conf            float64
}

// sentence is one sentence prepared for detection.
type sentence struct {
	doc      *document.Document
	index    int
	toks     []tok
	mentions []document.Mention
	// mentionToks are the [first, last] token indexes of each mention.
	mentionToks [][2]int
	// timexes are indexes into doc.Timexes of the sentence's timexes.
	timexes   []int
	timexToks [][2]int
	// feats and sc are scratch buffers of the model.
	feats []uint32
	sc    []float32
}

// reset prepares s for the sentence of tokens dt, reusing its buffers;
// mi and ti are the first mention and timex that may lie in it.
func (s *sentence) reset(d *document.Document, dt []document.Token, index, mi, ti int) {
	s.doc, s.index = d, index
	if cap(s.toks) < len(dt) {
		s.toks = make([]tok, len(dt), 2*len(dt))
	}
	s.toks = s.toks[:len(dt)]
	s.mentions, s.mentionToks = s.mentions[:0], s.mentionToks[:0]
	s.timexes, s.timexToks = s.timexes[:0], s.timexToks[:0]
	for k, t := range dt {
		w := d.Text[t.Start:t.End]
		r, _ := utf8.DecodeRuneInString(w)
		low := w
		if strings.Contains(w, "’") {
			low = strings.ReplaceAll(w, "’", "'")
		}
		low = strings.ToLower(low)
		lemma := low
		if len(low) > 3 || irregular[low] != "" {
			lemma = lemmatize(low)
		}
		s.toks[k] = tok{Span: t.Span, text: w, lower: low, lemma: lemma, word: unicode.IsLetter(r) || r == '\'' || r == '’',
			cap: unicode.IsUpper(r), mention: -1}
	}
	end := dt[len(dt)-1].End
	for ; mi < len(d.Mentions) && d.Mentions[mi].Start < end; mi++ {
		m := d.Mentions[mi]
		a, b := tokenRange(s.toks, m.Span)
		if a < 0 {
			continue
		}
		for k := a; k <= b; k++ {
			s.toks[k].mention = len(s.mentions)
		}
		s.mentions = append(s.mentions, m)
		s.mentionToks = append(s.mentionToks, [2]int{a, b})
	}
	for ; ti < len(d.Timexes) && d.Timexes[ti].Start < end; ti++ {
		a, b := tokenRange(s.toks, d.Timexes[ti].Span)
		if a < 0 {
			continue
		}
		for k := a; k <= b; k++ {
			s.toks[k].timex = true
		}
		s.timexes = append(s.timexes, ti)
		s.timexToks = append(s.timexToks, [2]int{a, b})
	}
	wn, cl := wordnet(), clusters()
	for k := range s.toks {
		t := &s.toks[k]
		t.wtype = wordType(*t)
		t.cluster = cl.lookup(t.lower)
		if t.word {
			t.wnw = wn.lookup(t.lower)
			t.wn = t.wnw
			if t.lemma != t.lower {
				t.wn |= wn.lookup(t.lemma)
			}
		}
	}
}

// tokenRange returns the first and last token overlapping sp, or -1, -1.
func tokenRange(toks []tok, sp document.Span) (int, int) {
	a, b := -1, -1
	for k, t := range toks {
		if t.Span.Overlaps(sp) {
			if a < 0 {
				a = k
			}
			b = k
		}
	}
	return a, b
}

// sentenceEvents appends the events of s to out.
func (x *Detector) sentenceEvents(s *sentence, out []document.EventMention) []document.EventMention {
	if x.model != nil {
		x.model.tag(s)
	} else {
		ruleTriggers(s)
	}
	// "was shot dead": one mention, the verb's; the result is no event of
	// its own.
	for i := 1; i < len(s.toks); i++ {
		if t := &s.toks[i]; t.trigger && resultatives[t.lower] && s.toks[i-1].trigger && s.toks[i-1].verbal {
			t.trigger = false
		}
	}
	for i := range s.toks {
		t := &s.toks[i]
		if !t.trigger {
			continue
		}
		m := document.EventMention{
			Span:       t.Span,
			Text:       t.text,
			Lemma:      t.lemma,
			Class:      t.class,
			Polarity:   document.PolarityPositive,
			Sentence:   s.index,
			Confidence: t.conf,
		}
		if t.verbal {
			m.Lemma = verbLemma(t.lower)
		} else {
			m.Lemma = nounLemma(t.lower)
		}
		neg, modal := attributes(s, i)
		if neg {
			m.Polarity = document.PolarityNegative
		}
		m.Modality = modal
		m.Args = arguments(s, i)
		out = append(out, m)
	}
	return out
}

// resultatives are the results that follow a verb in one event ("shot
// dead", "beaten unconscious").
var resultatives = setOf(`dead unconscious`)

// verbLemma is the base form of a verb form.
func verbLemma(w string) string { return lemmatize(w) }

// nounLemma is the singular of a noun form; -ing nouns stay as they are
// ("killing", "bombing").
func nounLemma(w string) string {
	if strings.HasSuffix(w, "ings") {
		return w[:len(w)-1]
	}
	if strings.HasSuffix(w, "ing") {
		return w
	}
	return lemmatize(w)
}

// ruleTriggers marks the triggers of s from the lexicon.
func ruleTriggers(s *sentence) {
	for i := range s.toks {
		t := &s.toks[i]
		if !t.word || auxiliaries[t.lower] || t.mention >= 0 || t.timex || (t.cap && i > 0) {
			continue
		}
		if e, ok := eventNouns[t.lower]; ok {
			t.trigger, t.class, t.conf = true, e.class, 0.6
			t.verbal = !e.noun || looksVerbal(s, i)
			continue
		}
		if e, ok := eventNouns[t.lemma]; ok && !strings.HasSuffix(t.lower, "ed") && !strings.HasSuffix(t.lower, "ing") {
			t.trigger, t.class, t.conf = true, e.class, 0.6
			t.verbal = looksVerbal(s, i)
			continue
		}
		if eventVerbs[t.lemma] && nounLike[t.lemma] && !strings.HasSuffix(t.lower, "ed") && !strings.HasSuffix(t.lower, "ing") && !looksVerbal(s, i) {
			continue // "the state", "security forces", "his views"
		}
		if eventVerbs[t.lemma] {
			t.trigger, t.verbal, t.conf = true, true, 0.55
			t.class = verbClass(t.lemma)
		}
	}
}

// lexiconNouns adds to the model's triggers the nouns of the lexicon
// that name the events news reports are about (killings, attacks,
// arrests: the eventNouns marked core), where the model saw none.
func lexiconNouns(s *sentence) {
	for i := range s.toks {
		t := &s.toks[i]
		if t.trigger || !t.word || t.mention >= 0 || t.timex || (t.cap && i > 0) {
			continue
		}
		e, ok := eventNouns[t.lower]
		if !ok {
			e, ok = eventNouns[t.lemma]
		}
		if ok && e.core {
			t.trigger, t.class, t.conf, t.verbal = true, e.class, 0.5, false
		}
	}
}

// verbClass is the lexicon's class of a verb lemma (OCCURRENCE when not
// listed).
func verbClass(lemma string) string {
	if c, ok := verbClasses[lemma]; ok {
		return c
	}
	return document.EventOccurrence
}

// looksVerbal guesses whether the word at i, which may be a noun or a
// verb ("attack", "raids", "killing"), is used as a verb: after an
// auxiliary, "to" or a pronoun subject, or an -ed form.
func looksVerbal(s *sentence, i int) bool {
	w := s.toks[i].lower
	if strings.HasSuffix(w, "ed") {
		return true
	}
	p := prevWord(s, i)
	if p < 0 {
		return false
	}
	pw := s.toks[p].lower
	if strings.HasSuffix(w, "ing") {
		return auxiliaries[pw] && !determiners[pw]
	}
	if pw == "'s" {
		return false // "Hashimi's death": a possessive
	}
	return auxiliaries[pw] || pw == "to" || subjectPronouns[pw] || modals[pw]
}

// prevWord returns the index of the token before i, skipping adverbs in
// -ly and negations, or -1.
func prevWord(s *sentence, i int) int {
	for k := i - 1; k >= 0; k-- {
		if (strings.HasSuffix(s.toks[k].lower, "ly") && s.toks[k].word || s.toks[k].lower == "not" || s.toks[k].lower == "n't" || s.toks[k].lower == "never") && k > 0 {
			continue
		}
		return k
	}
	return -1
}

var determiners = setOf(`the a an this that these those his her its their our my your no some any every each another`)

var subjectPronouns = setOf(`he she they we i you it who which that`)

// docName names d in errors: its source, else its id.
func docName(d *document.Document) string {
	if d.Source != "" {
		return d.Source
	}
	return d.ID
}
