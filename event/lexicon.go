package event

import (
	"strings"

	"github.com/corroborate/corroborate/document"
)

// words splits a space-separated list.
func words(s string) []string { return strings.Fields(s) }

// lexEntry is what the lexicon knows of an event word.
type lexEntry struct {
	class string
	// noun marks a nominal trigger (the lemma is a noun).
	noun bool
	// patientFirst marks nouns whose possessor or of-phrase is the one the
	// event happens to ("Hashimi's killing", "the arrest of X").
	patientFirst bool
	// core marks the nouns of violent and political events that news
	// reports are about; the trained detector adds them where its model
	// finds no trigger.
	core bool
}

// verbClasses are event verbs (by lemma) with their TimeML class; verbs
// not listed here but in eventVerbs are occurrences.
var verbClasses = func() map[string]string {
	m := map[string]string{}
	add := func(class, list string) {
		for _, w := range words(list) {
			m[w] = class
		}
	}
	add(document.EventReporting, "say tell report announce state claim add explain note describe write quote cite comment reply respond "+
		"declare testify insist acknowledge admit mention remark reveal disclose inform brief assert argue tweet post recount relate warn caution")
	add(document.EventPerception, "see watch hear observe notice listen witness view spot sight")
	add(document.EventAspectual, "begin start continue stop end finish complete resume cease halt quit keep initiate terminate "+
		"launch conclude commence suspend proceed")
	add(document.EventIAction, "attempt try promise offer vow order ask urge call demand request propose decide allow permit prevent "+
		"avoid investigate delay postpone cancel accuse appoint name seek persuade force pledge threaten vote approve reject "+
		"refuse agree authorize forbid ban prohibit urge encourage nominate elect choose plan intend mandate instruct command "+
		"require invite challenge deny blame condemn criticize demand recommend advise press lobby push pressure compel")
	add(document.EventIState, "believe think want hope expect fear wish desire doubt suspect imagine worry like love hate need feel "+
		"know assume consider suppose guess trust prefer dread anticipate predict estimate")
	add(document.EventState, "own remain stay live possess lack resemble contain belong exist depend mean hold")
	return m
}()

// eventVerbs are verbs (by lemma) that name occurrences. The list is the
// rule-based detector's; the trained model learns the rest.
var eventVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range words(`kill murder assassinate shoot stab slay execute behead bomb attack strike hit raid storm
		assault ambush invade capture seize arrest detain kidnap abduct release free rescue injure wound hurt die
		fire fight battle clash explode blast destroy damage burn crash collapse flee escape surrender withdraw retreat
		deploy send dispatch move arrive leave return visit meet talk negotiate sign agree win lose defeat beat
		elect resign retire hire fire sack dismiss sentence convict charge sue try acquit jail imprison indict
		protest demonstrate riot march rally strike occupy block close open shut build open sell buy pay spend invest
		merge acquire raise cut increase decrease rise fall drop climb jump soar plunge grow shrink gain lose
		publish issue release broadcast air post share threaten target confront encircle surround enter descend
		round detain question interrogate torture hang happen occur take give make receive get bring carry hold
		become turn lead follow join form found create establish introduce pass enact implement impose lift
		oppose support back endorse help aid fund finance provide supply deliver offer replace succeed
		break change improve worsen escalate end trigger cause result provoke spark fuel prompt
		prove revert speculate point link suffer face survive emerge appear vanish disappear fail succeed
		recover restore rebuild reach cross launch shell ignite`) {
		m[w] = true
	}
	for w := range verbClasses {
		m[w] = true
	}
	return m
}()

// eventNouns are nouns (singular) that name events, with their class.
var eventNouns = func() map[string]lexEntry {
	m := map[string]lexEntry{}
	add := func(class string, pf bool, list string) {
		for _, w := range words(list) {
			m[w] = lexEntry{class: class, noun: true, patientFirst: pf}
		}
	}
	defer func() {
		for _, w := range words(`killing assassination murder death execution arrest kidnapping abduction shooting
			stabbing beheading attack raid strike airstrike bombing explosion blast assault ambush massacre invasion`) {
			e := m[w]
			e.core = true
			m[w] = e
		}
	}()
	add(document.EventOccurrence, true, `killing assassination murder death execution arrest detention kidnapping abduction
		release injury shooting stabbing beheading capture funeral burial trial conviction dismissal resignation
		appointment election removal ouster disappearance`)
	add(document.EventOccurrence, false, `attack raid strike airstrike bombing explosion blast assault ambush massacre invasion
		offensive operation war battle fight fighting clash conflict violence protest demonstration riot march rally
		crash accident collision fire earthquake flood storm hurricane outbreak epidemic
		meeting summit visit talks negotiation agreement deal treaty ceasefire truce vote referendum
		sale purchase merger acquisition takeover deployment withdrawal retreat escape return arrival departure
		coup revolution uprising crackdown campaign escalation incident ceremony celebration launch
		increase decrease rise fall drop decline growth loss gain collapse crisis recovery
		shutdown closure opening investment payment transfer change move decision victory defeat`)
	add(document.EventReporting, false, "statement announcement report testimony remark comment interview speech")
	add(document.EventIAction, false, "investigation inquiry probe request demand promise threat order call plan proposal pledge effort attempt warning accusation")
	add(document.EventIState, false, "fear hope expectation belief concern")
	return m
}()

// nounLike are verbs (by lemma) that are more often nouns that name no
// event; the rule-based detector takes them only where they look verbal.
var nounLike = setOf(`state force view post note name order call plan need fear hope report claim back
	support fund finance issue air share target form hold end change deal mean question rally
	block close sentence charge free fire land ban demand offer vote turn head face`)

// auxiliaries are forms of be, have and do and the modals: never triggers
// by themselves in the rule-based detector.
var auxiliaries = setOf(`be is are was were am been being have has had having do does did doing
	will would shall should can could may might must 's 're 've 'd 'll ought`)

// modals are the words that mark an event as possible, wished, planned or
// conditional (TimeML modality).
var modals = setOf(`will would shall should can could may might must ought 'll 'd wo ca`)

// negators mark negative polarity.
var negators = setOf(`not n't never no without neither nor none nobody nothing cannot`)

// weapons are instruments an event may use.
var weapons = setOf(`pistol pistols gun guns rifle rifles handgun handguns bomb bombs drone drones missile missiles rocket
	rockets knife knives grenade grenades explosive explosives weapon weapons silencer silencers mortar mortars
	machine-gun kalashnikov ak-47 ied ieds artillery tank tanks helicopter helicopters airstrike airstrikes
	bullet bullets gunfire car-bomb poison gas dagger sword truck vehicle motorbike motorcycle`)

// placePreps introduce a place argument.
var placePreps = setOf(`in at near outside inside into across throughout around from off`)

// setOf builds a set from a space-separated list.
func setOf(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words(list) {
		m[w] = true
	}
	return m
}
