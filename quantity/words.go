package quantity

import textseg "github.com/corroborate/corroborate/text"

// Number words and their values.
var small = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

// Scale words multiply the number before them.
var scales = map[string]float64{
	"hundred": 100, "hundreds": 100, "thousand": 1000, "thousands": 1000,
	"million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
}

// vague are amount words used without a number ("dozens of"), with the
// conventional value (ACLED: dozens = 12, hundreds = 100).
var vague = map[string]float64{
	"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
	"millions": 1e6, "tens": 10,
}

// qualifiers that may stand before a number, longest first when matched.
var qualifiers = []string{
	"more than", "upwards of", "at least", "as many as", "up to", "at most",
	"fewer than", "less than", "close to", "nearly", "almost", "about",
	"around", "approximately", "roughly", "some", "over", "under",
	"an estimated", "estimated", "just over", "just under", "no fewer than",
	"no less than", "only", "exactly",
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// clockWords after a number make it a time of day.
var clockWords = map[string]bool{
	"a.m": true, "p.m": true, "am": true, "pm": true, "gmt": true, "utc": true,
	"o'clock": true, "o’clock": true, "hrs": true,
}

// stopAfter are words that end the search for a counted noun.
var stopAfter = map[string]bool{
	"of": true, "who": true, "that": true, "which": true, "were": true, "was": true,
	"are": true, "is": true, "and": true, "or": true, "in": true, "on": true,
	"at": true, "to": true, "from": true, "by": true, "with": true, "for": true,
	"had": true, "have": true, "has": true, "the": true, "a": true, "an": true,
	"had been": true, "will": true, "would": true, "could": true, "did": true,
	"as": true, "than": true, "but": true, "after": true, "before": true,
	"since": true, "when": true, "while": true, "into": true, "out": true,
	"them": true, "they": true, "it": true, "he": true, "she": true, "we": true,
	"others": true, "other": true, "times": true, "per": true,
}

// modifiers are lower-case words that may stand between a number and the
// counted noun ("four masked men").
var modifiers = map[string]bool{
	"armed": true, "masked": true, "unidentified": true, "unknown": true,
	"young": true, "senior": true, "local": true, "foreign": true,
	"suspected": true, "innocent": true, "nationalist": true, "new": true,
	"former": true, "additional": true, "separate": true, "different": true,
	"more": true, "unarmed": true, "peaceful": true, "prominent": true,
	"political": true, "social": true, "media": true, "security": true,
	"military": true, "militia": true, "shiite": true, "sunni": true,
	"shia": true, "elite": true, "small": true, "large": true, "major": true,
	"key": true, "top": true, "rival": true, "fellow": true,
	"female": true, "male": true, "civilian": true, "police": true,
	"government": true, "pro-iranian": true, "iran-backed": true,
	"heavily": true, "fortified": true, "wounded": true, "dead": true,
	"missing": true, "injured": true, "detained": true,
}

// units are nouns known to be counted, so they are taken even without a
// plural ending; the value is the normalized lemma.
var units = map[string]string{
	"gunman": "gunman", "gunmen": "gunman", "man": "man", "men": "man",
	"woman": "woman", "women": "woman", "people": "person", "person": "person",
	"persons": "person", "child": "child", "children": "child",
	"motorbike": "motorcycle", "motorbikes": "motorcycle",
	"motorcycle": "motorcycle", "motorcycles": "motorcycle",
	"motor-bike": "motorcycle", "motor-bikes": "motorcycle",
	"vehicle": "vehicle", "car": "car", "police": "police",
	"militia": "militia", "militias": "militia", "faction": "faction",
	"paramilitary": "paramilitary", "paramilitaries": "paramilitary",
	"staff": "staff", "personnel": "personnel", "percent": "percent",
	"per cent": "percent", "%": "percent", "min": "minute", "mins": "minute",
	"km": "kilometre", "kilometres": "kilometre", "kilometers": "kilometre",
	"kilometre": "kilometre", "kilometer": "kilometre", "dollars": "dollar",
	"dollar": "dollar", "year": "year", "years": "year", "day": "day",
	"days": "day", "week": "week", "weeks": "week", "month": "month",
	"months": "month", "hour": "hour", "hours": "hour", "minute": "minute",
	"minutes": "minute", "times": "time", "deaths": "death", "death": "death",
	"dead": "death", "killed": "", "police officers": "police officer",
	"crew": "crew", "fish": "fish", "sheep": "sheep", "series": "series",
}

// nouns that end in -s but are not plurals, or that the plural rule would
// turn wrong.
var lemmaExceptions = map[string]string{
	"news": "news", "series": "series", "species": "species",
	"analysis": "analysis", "crisis": "crisis", "status": "status",
	"bus": "bus", "gas": "gas", "lens": "lens", "process": "process",
	"leaves": "leaf", "lives": "life", "wives": "wife", "knives": "knife",
	"thieves": "thief", "wolves": "wolf", "halves": "half",
	"feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose",
	"allies": "ally", "countries": "country", "houses": "house",
	"cases": "case", "bases": "base", "phases": "phase", "purposes": "purpose",
	"vehicles": "vehicle", "rockets": "rocket", "missiles": "missile",
	"hostages": "hostage", "refugees": "refugee", "detainees": "detainee",
	"employees": "employee", "trustees": "trustee", "sources": "source",
	"forces": "force", "offices": "office", "pieces": "piece",
	"services": "service", "courses": "course", "horses": "horse",
	"nurses": "nurse", "clauses": "clause", "causes": "cause",
	"pages": "page", "images": "image", "villages": "village",
	"messages": "message", "articles": "article", "titles": "title",
	"officers": "officer", "drones": "drone", "bodies": "body",
	"armies": "army", "cities": "city", "parties": "party",
	"protesters": "protester", "protestors": "protester",
}

// lemma returns the singular lower-case form of a counted noun.
func lemma(w string) string {
	l := lower(w)
	if u, ok := units[l]; ok && u != "" {
		return u
	}
	if e, ok := lemmaExceptions[l]; ok {
		return e
	}
	n := len(l)
	switch {
	case n > 4 && hasSuffix(l, "men"):
		return l[:n-3] + "man"
	case n > 4 && hasSuffix(l, "ies"):
		return l[:n-3] + "y"
	case n > 4 && (hasSuffix(l, "ches") || hasSuffix(l, "shes") || hasSuffix(l, "sses") || hasSuffix(l, "xes")):
		return l[:n-2]
	case n > 3 && hasSuffix(l, "ss"):
		return l
	case n > 3 && hasSuffix(l, "s"):
		return l[:n-1]
	}
	return l
}

// plural reports whether w looks like an English plural noun.
func plural(w string) bool {
	l := lower(w)
	if u, ok := units[l]; ok && u != "" && u != l {
		return true
	}
	if _, ok := lemmaExceptions[l]; ok {
		return lemmaExceptions[l] != l
	}
	if hasSuffix(l, "men") && len(l) > 3 {
		return true
	}
	if len(l) > 3 && hasSuffix(l, "is") && textseg.Capitalized(w) {
		return true // nationalities: "Iraqis", "Pakistanis"
	}
	return len(l) > 3 && hasSuffix(l, "s") && !hasSuffix(l, "ss") && !hasSuffix(l, "us") && !hasSuffix(l, "is")
}
