package coref

import "github.com/corroborate/corroborate/document"

// pronounInfo describes a third-person pronoun.
type pronounInfo struct {
	// gender is "m", "f", "n" (it) or "p" (they).
	gender string
	// nominative: he, she, they, it.
	nominative bool
	// possessive: his, her, their, its.
	possessive bool
}

// pronouns are the third-person pronouns the resolver links.
var pronouns = map[string]pronounInfo{
	"he": {"m", true, false}, "him": {"m", false, false}, "his": {"m", false, true}, "himself": {"m", false, false},
	"she": {"f", true, false}, "her": {"f", false, true}, "hers": {"f", false, true}, "herself": {"f", false, false},
	"they": {"p", true, false}, "them": {"p", false, false}, "their": {"p", false, true}, "theirs": {"p", false, true}, "themselves": {"p", false, false},
	"it": {"n", true, false}, "its": {"n", false, true}, "itself": {"n", false, false},
}

// role is what a role or kind noun says about its referent.
type role struct {
	typ    string // document.EntityPerson, EntityOrg or EntityLoc
	gender string // "m", "f" or ""
}

// roleNouns maps lowercase role, title and kind nouns (one or two words)
// to the type and gender of what they describe.
var roleNouns = map[string]role{}

func init() {
	add := func(typ, gender string, words ...string) {
		for _, w := range words {
			roleNouns[w] = role{typ, gender}
		}
	}
	p, o, l := document.EntityPerson, document.EntityOrg, document.EntityLoc
	add(p, "", "prime minister", "president", "vice president", "minister", "secretary", "secretary-general",
		"premier", "chancellor", "governor", "mayor", "senator", "lawmaker", "legislator", "ambassador", "envoy",
		"diplomat", "official", "spokesperson", "leader", "commander", "general", "colonel", "officer",
		"chief", "head", "director", "chairman", "chairperson", "chair", "founder", "ceo", "executive", "manager",
		"analyst", "researcher", "expert", "scholar", "academic", "professor", "scientist", "historian", "economist",
		"journalist", "reporter", "correspondent", "editor", "writer", "author", "columnist", "novelist", "poet",
		"photographer", "filmmaker", "director", "producer", "artist", "singer", "musician", "composer", "rapper",
		"player", "striker", "midfielder", "defender", "goalkeeper", "coach", "manager", "athlete", "boxer",
		"lawyer", "attorney", "prosecutor", "judge", "doctor", "physician", "surgeon", "nurse", "teacher",
		"student", "activist", "advocate", "adviser", "advisor", "aide", "candidate", "politician", "cleric",
		"victim", "suspect", "gunman", "attacker", "assailant", "killer", "shooter", "driver", "pilot",
		"soldier", "policeman", "man", "person", "individual", "engineer", "businessman", "entrepreneur",
		"investor", "billionaire", "star", "actor", "comedian", "designer", "architect", "inventor", "priest",
		"bishop", "pope", "imam", "ayatollah", "sheikh", "prince", "defendant", "witness", "farmer", "owner",
		"resident", "citizen", "worker", "employee", "preacher", "rabbi", "detective", "sheriff", "inmate", "prisoner")
	add(p, "m", "man", "boy", "father", "son", "brother", "husband", "uncle", "nephew", "king", "prince", "businessman",
		"spokesman", "chairman", "policeman", "gentleman", "monk", "grandfather", "widower", "actor", "emperor", "duke", "lord", "sir")
	add(p, "f", "woman", "girl", "mother", "daughter", "sister", "wife", "aunt", "niece", "queen", "princess",
		"actress", "spokeswoman", "chairwoman", "businesswoman", "policewoman", "lady", "nun", "grandmother",
		"widow", "empress", "duchess", "waitress", "heroine", "girlfriend", "singer-songwriter")
	roleNouns["singer-songwriter"] = role{p, ""}
	add(o, "", "group", "militia", "movement", "party", "government", "administration", "ministry", "embassy",
		"organization", "organisation", "company", "firm", "agency", "council", "committee", "army", "military",
		"police", "force", "forces", "faction", "coalition", "alliance", "union", "association", "network", "band",
		"team", "club", "court", "parliament", "senate", "congress", "cabinet", "bank", "corporation", "institute",
		"university", "school", "hospital", "newspaper", "channel", "network", "studio", "label", "regime",
		"federation", "league", "board", "commission", "department", "office", "unit", "brigade", "battalion",
		"authority", "authorities", "charity", "foundation", "website", "magazine", "broadcaster", "outlet")
	add(l, "", "country", "city", "town", "village", "capital", "region", "province", "state", "island",
		"district", "neighbourhood", "neighborhood", "area", "nation", "kingdom", "republic")
}

// quantifiers and other words that may not stand between a determiner and
// a description's head.
var notModifier = map[string]bool{
	"of": true, "and": true, "or": true, "but": true, "in": true, "on": true, "at": true, "to": true, "for": true,
	"with": true, "by": true, "from": true, "as": true, "that": true, "which": true, "who": true, "whom": true,
	"is": true, "was": true, "are": true, "were": true, "be": true, "been": true, "has": true, "had": true,
	"have": true, "said": true, "says": true, "the": true, "a": true, "an": true, "this": true, "his": true,
	"her": true, "their": true, "its": true, "he": true, "she": true, "they": true, "it": true, "not": true,
	"than": true, "into": true, "after": true, "before": true, "about": true, "over": true, "under": true,
	"will": true, "would": true, "could": true, "can": true, "may": true, "did": true, "do": true, "does": true,
}

// prepositions mark an oblique (non-subject) mention.
var prepositions = map[string]bool{
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "with": true, "by": true,
	"from": true, "into": true, "about": true, "against": true, "over": true, "under": true, "after": true,
	"before": true, "between": true, "among": true, "through": true, "during": true, "without": true,
	"than": true, "like": true, "toward": true, "towards": true, "upon": true, "via": true, "behind": true,
}

// speechVerbs follow an organisation that "it" may stand for ("it said").
var speechVerbs = map[string]bool{
	"said": true, "says": true, "added": true, "stated": true, "announced": true, "told": true,
	"claimed": true, "denied": true, "warned": true, "wrote": true, "reported": true, "confirmed": true,
}

// pleonastic words after "it" mark an expletive ("it is", "it was").
var pleonastic = map[string]bool{
	"is": true, "was": true, "seems": true, "seemed": true, "appears": true, "appeared": true, "'s": true,
	"remains": true, "remained": true, "has": true, "had": true, "will": true, "would": true, "could": true,
	"may": true, "might": true, "takes": true, "took": true, "became": true, "becomes": true,
}
