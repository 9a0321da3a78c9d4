package summarize

// synonyms folds common news paraphrases onto one term (after stemming),
// so that "was assassinated" and "was shot dead" meet. The list is small
// and hand-made: event verbs and actors of violent-incident reporting.
var synonyms = map[string]string{
	"assassinat": "kill", "assassinate": "kill", "assassination": "kill", "murder": "kill", "murdered": "kill",
	"slain": "kill", "slay": "kill", "shot": "kill", "shoot": "kill", "gunned": "kill", "killing": "kill", "kill": "kill",
	"killed": "kill", "dead": "kill", "death": "kill", "die": "kill", "died": "kill",
	"gunman": "attacker", "gunmen": "attacker", "assailant": "attacker", "attacker": "attacker",
	"assassin": "attacker", "killer": "attacker",
	"motorbike": "motorcycle", "motorcycle": "motorcycle", "motorcyclist": "motorcycle",
	"residence": "home", "house": "home",
	"researcher": "expert", "analyst": "expert", "specialist": "expert", "scholar": "expert",
	"militia": "group", "faction": "group", "paramilitary": "group",
	"wounded": "injur", "injured": "injur", "hurt": "injur", "injur": "injur",
	"arrest": "detain", "detain": "detain", "detained": "detain", "arrested": "detain",
	"vow": "pledge", "vowed": "pledge", "pledge": "pledge", "promise": "pledge", "promised": "pledge",
	"condemn": "condemn", "denounce": "condemn", "denounced": "condemn", "condemned": "condemn",
}

// fold maps a stemmed word to its synonym class, or returns it unchanged.
func fold(w string) string {
	if s, ok := synonyms[w]; ok {
		return s
	}
	return w
}
