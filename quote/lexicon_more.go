package quote

// moreSpeechVerbs extend speechVerbs with further verbs of saying in all
// tenses; moreWeak are verbs of believing, showing and expecting that mark
// reported speech only before "that" ("voters feel that …"). Both are
// merged into the main tables at start-up.
var moreSpeechVerbs = []string{
	"say", "announces", "asserted", "asserts", "assert", "contends",
	"contend", "declares", "declare", "explains", "recalls", "remarked",
	"remarks", "replies", "reiterated", "reiterates", "responds",
	"stresses", "stress", "underscored", "underlined", "emphasizes",
	"emphasises", "concedes", "concede", "cautions", "complains",
	"complain", "posted", "posts", "tweets", "wrote", "write",
	"added", "charged", "charges", "countered", "counters", "retorted",
	"boasted", "boasts", "bragged", "lamented", "laments", "joked",
	"jokes", "predicts", "predict", "reasoned", "speculated", "mused",
	"acknowledge", "admit", "admitted", "claim", "deny", "denies",
	"confirms", "confirm", "disclosed", "discloses", "informed",
	"assured", "reminded", "vowed", "promise", "pledges", "pledge",
	"vow", "urged", "urges", "demanded", "demands", "testifies",
	"alleges", "allege", "noted", "note", "observes", "points",
	"pointed", "hinted", "implied", "signaled", "signalled",
}

var moreWeak = []string{
	"suggests", "suggest", "show", "recognized", "recognizes",
	"realized", "realizes", "understood", "understands", "assumed",
	"assumes", "doubt", "doubts", "doubted", "expect", "expects",
	"expected", "hoped", "hope", "worried", "worry", "worries", "feel",
	"fear", "believed", "agree", "conceded", "decided", "decides",
	"determined", "concluded", "concludes", "learned", "discovered",
	"heard", "read", "insisted", "argued", "warned", "wrote", "write",
	"announce", "announces", "deny", "denies", "confirms", "confirm",
	"disclosed", "discloses", "claim", "allege", "alleges", "hinted",
	"implied", "signaled", "signalled", "emphasizes", "stresses",
	"stress", "predicts", "predict", "speculated", "reasoned", "mused",
	"charged", "charges", "countered", "counters", "boasted", "boasts",
	"bragged", "lamented", "laments", "noted", "note", "observes",
	"points", "pointed", "remarked", "remarks", "reiterated",
	"reiterates", "underscored", "underlined", "acknowledge", "admit",
	"admitted", "complains", "complain", "posted", "posts", "vow",
	"promise", "pledges", "pledge", "demanded", "demands", "urged",
	"urges", "testifies", "informed", "assured", "reminded",
}

// moreSourceNouns head unnamed speakers common in political news
// ("Top advisers", "Former prosecutors", "47 percent").
var moreSourceNouns = []string{
	"adviser", "advisers", "advisor", "advisors", "prosecutor",
	"prosecutors", "democrats", "republicans", "democrat", "republican",
	"opponents", "opponent", "economists", "economist", "scientists",
	"lawyers", "lawyer", "attorneys", "strategists", "strategist",
	"operatives", "donors", "delegates", "candidates", "candidate",
	"senators", "senator", "americans", "respondents", "percent",
	"majority", "plurality", "half", "third", "quarter", "campaign",
	"committee", "office", "department", "administration", "spokesmen",
	"pollster", "pollsters", "survey", "polls", "data", "analysis",
	"reporters", "conservatives", "liberals", "progressives",
	"activists", "organizers", "allies", "backers", "fans",
	"participants", "attendees", "veterans", "workers", "leaders",
	"aides", "staffers", "officials", "governors", "governor",
	"mayor", "historians", "historian", "professor", "professors",
	"executives", "executive", "ceo", "chief", "secretary", "president",
	"nominee", "frontrunner", "front-runner", "speaker", "chairman",
	"directors", "director", "editor", "editors", "columnist",
	"commentators", "commentator", "pundits", "pundit", "supporter",
	"critics", "campaigns", "documents", "records", "memo", "letter",
	"filing", "website", "article", "book", "ad", "advertisement",
	"court", "judge", "lawsuit", "complaint", "indictment", "emails",
	"email", "sources", "figures", "numbers", "estimates", "groups",
}

func init() {
	// "states" is far more often a noun ("in five states"): a cue only
	// before "that".
	weakIndirect["states"] = true
	// A verb already a full cue stays one; a new verb listed in both
	// tables is weak.
	for _, v := range moreWeak {
		if !speechVerbs[v] {
			speechVerbs[v] = true
			weakIndirect[v] = true
		}
	}
	for _, v := range moreSpeechVerbs {
		speechVerbs[v] = true
	}
	for _, n := range moreSourceNouns {
		sourceNouns[n] = true
	}
}
