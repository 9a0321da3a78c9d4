package quote

// speechVerbs are the cues of attribution.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "added": true, "adds": true,
	"told": true, "tells": true, "asked": true, "asks": true, "warned": true,
	"warns": true, "stated": true, "states": true, "wrote": true, "writes": true,
	"explained": true, "explains": true, "noted": true, "notes": true,
	"insisted": true, "insists": true, "declared": true, "announced": true,
	"tweeted": true, "continued": true, "replied": true, "recalled": true,
	"stressed": true, "argued": true, "argues": true, "concluded": true,
	"claimed": true, "claims": true, "observed": true, "acknowledged": true,
	"admitted": true, "complained": true, "conceded": true, "cautioned": true,
	"confirmed": true, "reported": true, "reports": true, "suggested": true,
	"predicted": true, "believes": true, "believe": true, "contended": true,
	"maintained": true, "emphasized": true, "emphasised": true,
	"alleged": true, "denied": true, "estimated": true, "revealed": true,
	"testified": true, "shouted": true, "quipped": true, "shows": true,
	"telling": true,
	"showed":  true, "found": true, "finds": true, "indicated": true,
	"indicates": true, "argue": true, "insist": true, "warn": true,
	"acknowledges": true, "admits": true, "agreed": true, "agrees": true,
	"thinks": true, "think": true, "thought": true, "feels": true,
	"felt": true, "knows": true, "know": true, "hopes": true, "fears": true,
	"feared": true, "promised": true, "promises": true, "pledged": true,
	"vowed": true, "vows": true, "answered": true,
	"responded": true, "mentioned": true, "explain": true,
	"wondered": true, "wonders": true, "conclude": true, "concludes": true,
	"asserted": true, "asserts": true, "remarked": true, "joked": true,
	"jokes": true, "boasted": true, "boasts": true, "bragged": true,
	"lamented": true, "laments": true, "mused": true, "muses": true,
	"exclaimed": true, "retorted": true, "countered": true, "pleaded": true,
	"recounted": true, "recalls": true, "reiterated": true,
	"reiterates": true, "elaborated": true, "interjected": true,
	"emailed": true, "texted": true, "tweets": true, "stresses": true,
	"emphasizes": true, "contends": true, "maintains": true, "concedes": true,
	"acknowledge": true, "predicts": true, "complains": true, "cautions": true,
	"hope": true, "fear": true, "feel": true, "believed": true,
}

// weakIndirect are cue verbs that mark reported speech without quote marks
// only when "that" follows ("a poll shows that …", "he believes that …").
var weakIndirect = map[string]bool{
	"believes": true, "believe": true, "suggested": true, "estimated": true,
	"denied": true, "alleged": true, "revealed": true, "observed": true,
	"claimed": true, "claims": true, "reported": true, "reports": true,
	"confirmed": true, "announced": true, "predicted": true, "shows": true,
	"showed": true, "found": true, "finds": true, "indicated": true,
	"indicates": true, "agreed": true, "agrees": true, "thinks": true,
	"think": true, "thought": true, "feels": true, "felt": true,
	"knows": true, "know": true, "hopes": true, "fears": true, "feared": true,
	"promised": true, "promises": true, "pledged": true, "vowed": true,
	"vows": true, "answered": true, "responded": true, "mentioned": true,
	"acknowledges": true, "admits": true, "insist": true, "argue": true,
	"warn": true, "explain": true, "hope": true, "fear": true, "feel": true,
	"believed": true,
}

// indefinites head unnamed groups of speakers ("Those who knew him").
var indefinites = map[string]bool{
	"those": true, "these": true, "many": true, "some": true, "others": true,
	"most": true, "few": true, "several": true, "all": true, "both": true,
}

var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "i": true, "we": true, "it": true,
}

// titleWords are capitalized words that belong to a role, not a name.
var titleWords = map[string]bool{
	"president": true, "minister": true, "prime": true, "secretary": true,
	"state": true, "general": true, "gen": true, "gen.": true, "chief": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true,
	"senator": true, "sen": true, "sen.": true, "rep": true, "rep.": true,
	"representative": true, "governor": true, "gov": true, "gov.": true,
	"mayor": true, "ambassador": true, "director": true, "commander": true,
	"colonel": true, "col": true, "captain": true, "lieutenant": true,
	"sheikh": true, "ayatollah": true, "king": true, "prince": true,
	"queen": true, "judge": true, "justice": true, "officer": true,
	"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true,
	"dr": true, "dr.": true, "professor": true, "prof": true, "foreign": true,
	"interior": true, "defense": true, "defence": true, "deputy": true,
	"vice": true, "senior": true, "former": true, "leader": true,
	"chairman": true, "chairwoman": true, "head": true, "adviser": true,
	"advisor": true, "analyst": true, "expert": true, "researcher": true,
	"house": true, "speaker": true, "attorney": true, "sergeant": true,
	"sgt": true, "sgt.": true, "major": true, "cleric": true,
}

// abbreviatedTitles are titles written with a full stop ("Dr.", "Gen.").
var abbreviatedTitles = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "capt": true, "sen": true, "rep": true, "gov": true, "maj": true,
}

// determiners are dropped from the front of a role.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "one": true, "as": true, "his": true,
	"her": true, "their": true, "its": true, "another": true, "two": true,
	"three": true, "several": true, "some": true, "many": true,
}

// sourceNouns head unnamed sources ("a senior official", "security
// sources"); a speaker phrase headed by one without a name is anonymous.
var sourceNouns = map[string]bool{
	"official": true, "officials": true, "source": true, "sources": true,
	"expert": true, "experts": true, "analyst": true, "analysts": true,
	"witness": true, "witnesses": true, "resident": true, "residents": true,
	"diplomat": true, "diplomats": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "journalist": true,
	"journalists": true, "activist": true, "activists": true, "friend": true,
	"friends": true, "colleague": true, "colleagues": true, "police": true,
	"authorities": true, "observer": true, "observers": true, "critic": true,
	"critics": true, "aide": true, "aides": true, "people": true,
	"person": true, "officer": true, "officers": true, "investigator": true,
	"investigators": true, "doctor": true, "doctors": true, "member": true,
	"members": true, "relative": true, "relatives": true, "neighbor": true,
	"neighbors": true, "neighbour": true, "neighbours": true,
	"commander": true, "commanders": true, "researcher": true,
	"researchers": true, "lawmaker": true, "lawmakers": true,
	"insider": true, "insiders": true, "official's": true, "man": true,
	"woman": true, "survivor": true, "survivors": true, "reports": true,
	"report": true, "statement": true, "study": true, "poll": true,
	"critics'": true, "supporters": true, "voters": true, "leaders": true,
	"leader": true, "staff": true, "acquaintances": true, "family": true,
	"agency": true, "newspaper": true, "ministry": true, "embassy": true,
	"government": true, "military": true, "army": true, "group": true,
}

// phraseEnd are lower-case words that end a speaker phrase read after the
// cue ("said Mohie in a statement").
var phraseEnd = map[string]bool{
	"in": true, "on": true, "at": true, "during": true, "after": true,
	"before": true, "who": true, "which": true, "while": true, "when": true,
	"adding": true, "according": true, "to": true, "that": true, "and": true,
	"but": true, "as": true, "from": true, "with": true, "told": true,
	"said": true, "last": true, "earlier": true, "later": true, "today": true,
	"yesterday": true, "tonight": true, "this": true, "for": true,
}

// relativizers cut a speaker phrase: "a journalist who knew him".
var relativizers = map[string]bool{
	"who": true, "which": true, "that": true, "whose": true, "whom": true,
	"where": true,
}

// clauseStart are words before a speaker that end the backward search.
var clauseStart = map[string]bool{
	"and": true, "but": true, "or": true, "so": true, "because": true,
	"while": true, "although": true, "though": true, "when": true,
	"if": true, "since": true, "after": true, "before": true,
	"that": true, "then": true, "yet": true, "where": true, "which": true,
}

var weekdaysMonths = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "january": true,
	"february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true,
}

// possessives open noun phrases that can be speakers ("the campaign",
// "his lawyer").
var possessives = map[string]bool{
	"the": true, "his": true, "her": true, "their": true, "its": true,
	"our": true, "a": true, "an": true, "this": true, "that": true,
}

// prepositions open adverbial phrases that are never speakers ("In
// Baghdad, police said").
var prepositions = map[string]bool{
	"in": true, "on": true, "at": true, "after": true, "before": true,
	"during": true, "since": true, "for": true, "from": true, "with": true,
	"by": true, "as": true, "when": true, "while": true, "late": true,
	"early": true, "earlier": true, "later": true, "last": true, "this": true,
	"meanwhile": true, "however": true, "but": true, "and": true, "also": true,
	"near": true, "outside": true, "inside": true, "across": true,
}
