package event

import "strings"

// irregular maps irregular verb forms (past, participle, third person) to
// their base form.
var irregular = map[string]string{
	"was": "be", "were": "be", "is": "be", "are": "be", "am": "be", "been": "be", "being": "be", "'s": "be",
	"has": "have", "had": "have", "having": "have",
	"does": "do", "did": "do", "done": "do", "doing": "do",
	"said": "say", "says": "say", "told": "tell", "thought": "think", "knew": "know", "known": "know",
	"saw": "see", "seen": "see", "heard": "hear", "felt": "feel", "made": "make", "took": "take", "taken": "take",
	"gave": "give", "given": "give", "went": "go", "gone": "go", "goes": "go", "came": "come", "got": "get", "gotten": "get",
	"left": "leave", "led": "lead", "held": "hold", "met": "meet", "paid": "pay", "sold": "sell", "bought": "buy",
	"brought": "bring", "began": "begin", "begun": "begin", "fought": "fight", "caught": "catch", "sought": "seek",
	"found": "find", "won": "win", "lost": "lose", "fell": "fall", "fallen": "fall", "rose": "rise", "risen": "rise",
	"shot": "shoot", "struck": "strike", "stricken": "strike", "hit": "hit", "beat": "beat", "beaten": "beat",
	"stole": "steal", "stolen": "steal", "threw": "throw", "thrown": "throw", "flew": "fly", "flown": "fly", "fled": "flee",
	"wrote": "write", "written": "write", "spoke": "speak", "spoken": "speak", "broke": "break", "broken": "break",
	"drove": "drive", "driven": "drive", "ran": "run", "withdrew": "withdraw", "withdrawn": "withdraw",
	"kept": "keep", "meant": "mean", "sent": "send", "spent": "spend", "built": "build", "lent": "lend",
	"chose": "choose", "chosen": "choose", "grew": "grow", "grown": "grow", "blew": "blow", "blown": "blow",
	"bore": "bear", "born": "bear", "forgave": "forgive", "froze": "freeze", "frozen": "freeze", "hid": "hide", "hidden": "hide",
	"laid": "lay", "lay": "lie", "lain": "lie", "overthrew": "overthrow", "overthrown": "overthrow", "rode": "ride",
	"sat": "sit", "stood": "stand", "understood": "understand", "undertook": "undertake", "woke": "wake", "wore": "wear",
	"put": "put", "set": "set", "cut": "cut", "let": "let", "quit": "quit", "shut": "shut", "spread": "spread", "cost": "cost",
	"bled": "bleed", "fed": "feed", "swore": "swear", "sworn": "swear", "tore": "tear", "torn": "tear", "wound": "wind",
	"slew": "slay", "slain": "slay", "arose": "arise", "arisen": "arise", "forbade": "forbid", "forbidden": "forbid",
	"became": "become", "overcame": "overcome", "forgot": "forget", "forgotten": "forget", "ate": "eat", "eaten": "eat",
	"drew": "draw", "drawn": "draw", "showed": "show", "shown": "show", "dealt": "deal", "dug": "dig", "hung": "hang",
	"lit": "light", "read": "read", "sank": "sink", "sunk": "sink", "sped": "speed", "stuck": "stick", "swept": "sweep",
	"taught": "teach", "upheld": "uphold", "withheld": "withhold", "died": "die", "dies": "die", "dying": "die",
	"lied": "lie", "used": "use", "owed": "owe", "aged": "age", "eyed": "eye", "tied": "tie", "children": "child", "men": "man", "women": "woman", "people": "people",
}

// lemmatize returns a base form of the lower-cased word w: verbs lose
// -s, -ed and -ing, plural nouns lose -s, by rules and a table of
// irregular forms. It is a heuristic without part of speech; it is used
// for lexicon look-ups, features and the mention's Lemma.
func lemmatize(w string) string {
	if b, ok := irregular[w]; ok {
		return b
	}
	if b, ok := lemmaExceptions[w]; ok {
		return b
	}
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ied"):
		return w[:n-3] + "y"
	case n > 5 && strings.HasSuffix(w, "ing"):
		return restoreStem(w[:n-3])
	case n > 4 && strings.HasSuffix(w, "ed"):
		return restoreStem(w[:n-2])
	case n > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "zes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// lemmaExceptions are regular-looking words the suffix rules would spoil.
var lemmaExceptions = map[string]string{
	"news": "news", "series": "series", "species": "species", "during": "during", "nothing": "nothing",
	"something": "something", "anything": "anything", "everything": "everything", "morning": "morning",
	"evening": "evening", "according": "according", "building": "building", "ceiling": "ceiling",
	"bed": "bed", "need": "need", "feed": "feed", "speed": "speed", "seed": "seed", "hundred": "hundred",
	"kindred": "kindred", "sacred": "sacred", "wicked": "wicked", "naked": "naked", "red": "red",
	"united": "united", "including": "including", "king": "king", "thing": "thing", "spring": "spring",
	"string": "string", "wing": "wing", "ring": "ring", "sing": "sing", "bring": "bring", "sting": "sting",
	"swing": "swing", "cling": "cling", "fling": "fling", "ceasefire": "ceasefire", "ties": "tie", "lies": "lie",
	"dies": "die", "uses": "use", "causes": "cause", "increases": "increase", "releases": "release",
	"bases": "base", "cases": "case", "purchases": "purchase", "responses": "response", "closes": "close",
	"raises": "raise", "forces": "force", "pieces": "piece", "sources": "source", "services": "service",
	"prices": "price", "places": "place", "faces": "face", "offices": "office", "losses": "loss",
}

// restoreStem repairs a stem left by removing -ed or -ing: a doubled
// final consonant is undoubled (stopped → stop) and a dropped final e is
// restored for common patterns (arrived → arrive, making → make).
func restoreStem(s string) string {
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && isConsonant(s[n-1]) && s[n-1] != 'l' && s[n-1] != 's' && s[n-1] != 'z' && s[n-1] != 'f' {
		return s[:n-1]
	}
	if _, ok := eStems[s]; ok {
		return s + "e"
	}
	if n >= 2 {
		last, prev := s[n-1], s[n-2]
		// -v, -z, -c(e), -u(e): always an e (arrive, seize, announce, continue).
		switch last {
		case 'v', 'u':
			return s + "e"
		case 'c':
			if prev == 'n' || isVowel(prev) {
				return s + "e"
			}
		case 'g':
			if prev == 'n' && n >= 3 && isVowel(s[n-3]) && s[n-3] != 'i' {
				return s + "e" // change, challenge (not bring)
			}
			if prev == 'd' || prev == 'r' {
				return s + "e" // judge, merge
			}
		case 's':
			if prev == 'u' || prev == 'a' || prev == 'o' || prev == 'i' || prev == 'n' || prev == 'l' || prev == 'p' || prev == 'r' {
				if !(prev == 's') {
					return s + "e" // cause, raise, close, rise, sense, pulse, collapse, nurse
				}
			}
		case 'z':
			return s + "e"
		case 't', 'd', 'k', 'p', 'm', 'n', 'b', 'r', 'l':
			// consonant-vowel-consonant with one vowel before: make, vote,
			// hope, name, use… (but not visit, open, happen, offer).
			if n >= 3 && isVowel(prev) && !isVowel(s[n-3]) && syllables(s) == 1 && last != 'r' {
				return s + "e"
			}
		}
	}
	return s
}

// eStems are stems that lose a final e before -ed/-ing and that the
// patterns in restoreStem miss.
var eStems = map[string]struct{}{
	"argu": {}, "declar": {}, "compar": {}, "prepar": {}, "requir": {}, "retir": {}, "acquir": {}, "inquir": {},
	"explor": {}, "ignor": {}, "restor": {}, "scor": {}, "stor": {}, "shar": {}, "car": {}, "dar": {}, "fir": {},
	"hir": {}, "wir": {}, "secur": {}, "cur": {}, "endur": {}, "ensur": {}, "injur": {}, "measur": {}, "captur": {},
	"manufactur": {}, "structur": {}, "pressur": {}, "tortur": {}, "featur": {}, "lectur": {},
	"complet": {}, "compet": {}, "delet": {}, "creat": {}, "negotiat": {}, "investigat": {}, "operat": {},
	"indicat": {}, "estimat": {}, "celebrat": {}, "separat": {}, "evacuat": {}, "assassinat": {}, "eliminat": {},
	"locat": {}, "relat": {}, "stat": {}, "debat": {}, "rat": {}, "dat": {}, "escalat": {}, "generat": {}, "regulat": {},
	"terminat": {}, "dominat": {}, "illustrat": {}, "demonstrat": {}, "concentrat": {}, "translat": {}, "donat": {},
	"nominat": {}, "coordinat": {}, "initiat": {}, "participat": {}, "anticipat": {}, "communicat": {}, "calculat": {},
	"facilitat": {}, "liberat": {}, "motivat": {}, "originat": {}, "retaliat": {}, "speculat": {}, "violat": {},
	"isolat": {}, "accelerat": {}, "activat": {}, "advocat": {}, "allocat": {}, "appreciat": {}, "associat": {},
	"contemplat": {}, "cooperat": {}, "deteriorat": {}, "educat": {}, "elevat": {}, "emigrat": {}, "immigrat": {},
	"incorporat": {}, "integrat": {}, "mitigat": {}, "navigat": {}, "orchestrat": {}, "penetrat": {}, "renovat": {},
	"tolerat": {}, "validat": {}, "vacat": {}, "abdicat": {}, "advis": {}, "revis": {}, "supervis": {}, "surpris": {},
	"compromis": {}, "exercis": {}, "promis": {}, "purchas": {}, "releas": {}, "increas": {}, "decreas": {}, "ceas": {},
	"leas": {}, "pleas": {}, "chas": {}, "criticiz": {}, "recogniz": {}, "organiz": {}, "authoriz": {}, "emphasiz": {},
	"realiz": {}, "seiz": {}, "freez": {}, "squeez": {}, "sneez": {}, "involv": {}, "resolv": {}, "solv": {}, "reserv": {},
	"observ": {}, "serv": {}, "deserv": {}, "preserv": {}, "conserv": {}, "achiev": {}, "believ": {}, "receiv": {},
	"perceiv": {}, "deceiv": {}, "conceiv": {}, "reliev": {}, "retriev": {}, "sav": {}, "wav": {},
	"engag": {}, "manag": {}, "damag": {}, "encourag": {}, "discourag": {}, "rag": {}, "wag": {}, "pag": {}, "stag": {},
	"arrang": {}, "rang": {}, "exchang": {}, "chang": {}, "challeng": {}, "plung": {}, "lung": {}, "oblig": {},
	"continu": {}, "issu": {}, "pursu": {}, "valu": {}, "rescu": {}, "queu": {}, "su": {}, "du": {},
	"announc": {}, "pronounc": {}, "denounc": {}, "renounc": {}, "bounc": {}, "produc": {}, "reduc": {}, "introduc": {},
	"induc": {}, "deduc": {}, "forc": {}, "enforc": {}, "reinforc": {}, "divorc": {}, "plac": {}, "replac": {}, "rac": {},
	"fac": {}, "trac": {}, "embrac": {}, "grac": {}, "balanc": {}, "advanc": {}, "enhanc": {}, "financ": {}, "danc": {},
	"glanc": {}, "sentenc": {}, "influenc": {}, "experienc": {}, "evidenc": {}, "silenc": {}, "commenc": {}, "notic": {},
	"practic": {}, "sacrific": {}, "servic": {}, "voic": {}, "pric": {}, "slic": {}, "dic": {}, "splic": {},
	"us": {}, "abus": {}, "accus": {}, "amus": {}, "caus": {}, "paus": {}, "refus": {}, "confus": {}, "excus": {},
	"fus": {}, "clos": {}, "compos": {}, "dispos": {}, "expos": {}, "impos": {}, "oppos": {}, "pos": {},
	"propos": {}, "suppos": {}, "chos": {}, "los": {}, "dos": {}, "hos": {}, "nos": {}, "ros": {}, "rais": {}, "prais": {},
	"apprais": {}, "pois": {}, "cruis": {}, "bruis": {}, "rins": {}, "licens": {}, "sens": {}, "dispens": {}, "respons": {},
	"collaps": {}, "laps": {}, "relaps": {}, "elaps": {}, "purs": {}, "nurs": {}, "curs": {}, "revers": {}, "travers": {},
	"convers": {}, "endors": {}, "hors": {}, "pars": {}, "rehears": {}, "disburs": {}, "reimburs": {}, "immers": {},
	"ton": {}, "zon": {}, "phon": {}, "clon": {}, "bon": {}, "hon": {}, "ston": {}, "condon": {}, "postpon": {},
	"dethron": {}, "enthron": {}, "combin": {}, "defin": {}, "declin": {}, "determin": {}, "examin": {}, "imagin": {},
	"undermin": {}, "min": {}, "lin": {}, "din": {}, "shin": {}, "fin": {}, "outlin": {}, "refin": {}, "confin": {},
	"assum": {}, "consum": {}, "presum": {}, "resum": {}, "fum": {}, "blam": {}, "fram": {}, "nam": {}, "tam": {},
	"welcom": {}, "becom": {}, "overcom": {}, "hom": {}, "tim": {}, "prim": {}, "clim": {}, "crim": {},
	"scrap": {}, "escap": {}, "shap": {}, "tap": {}, "drap": {}, "grap": {}, "hop": {}, "cop": {}, "scop": {}, "rop": {},
	"typ": {}, "wip": {}, "pip": {}, "rip": {}, "snip": {}, "swip": {}, "recip": {},
	"invad": {}, "evad": {}, "persuad": {}, "trad": {}, "upgrad": {}, "degrad": {}, "decid": {}, "provid": {}, "divid": {},
	"guid": {}, "rid": {}, "hid": {}, "slid": {}, "collid": {}, "coincid": {}, "resid": {}, "presid": {}, "conclud": {},
	"includ": {}, "exclud": {}, "allud": {}, "elud": {}, "explod": {}, "erod": {}, "encod": {}, "decod": {},
	"bak": {}, "mak": {}, "tak": {}, "wak": {}, "lik": {}, "strik": {}, "hik": {}, "pok": {}, "smok": {}, "invok": {},
	"provok": {}, "revok": {}, "evok": {}, "stok": {}, "jok": {}, "spok": {},
	"unit": {}, "writ": {}, "invit": {}, "cit": {}, "excit": {}, "recit": {}, "ignit": {}, "vot": {}, "not": {},
	"quot": {}, "promot": {}, "devot": {}, "wrot": {}, "mut": {}, "salut": {}, "disput": {}, "comput": {}, "execut": {},
	"prosecut": {}, "persecut": {}, "contribut": {}, "distribut": {}, "attribut": {}, "constitut": {}, "institut": {},
	"substitut": {}, "dilut": {}, "pollut": {}, "rout": {}, "rebut": {}, "tast": {}, "wast": {}, "past": {}, "hast": {},
	"tabl": {}, "enabl": {}, "disabl": {}, "troubl": {}, "doubl": {}, "assembl": {}, "resembl": {}, "scrambl": {},
	"stumbl": {}, "tumbl": {}, "crumbl": {}, "gambl": {}, "handl": {}, "settl": {}, "battl": {}, "tackl": {}, "struggl": {},
	"smuggl": {}, "juggl": {}, "circl": {}, "titl": {}, "bottl": {}, "rattl": {}, "startl": {}, "whistl": {}, "dismantl": {},
	"wrestl": {}, "nestl": {}, "rifl": {}, "stifl": {}, "baffl": {}, "shuffl": {}, "muffl": {}, "rul": {}, "schedul": {},
	"fil": {}, "smil": {}, "compil": {}, "reconcil": {}, "exil": {}, "pil": {}, "til": {}, "whil": {}, "sampl": {},
	"coupl": {}, "cycl": {}, "recycl": {}, "bundl": {}, "kindl": {}, "peddl": {},
	"entitl": {}, "tangl": {}, "singl": {}, "mingl": {}, "angl": {}, "jingl": {},
	"sur": {}, "lur": {}, "pur": {}, "matur": {}, "obscur": {}, "procur": {}, "assur": {}, "insur": {}, "expir": {},
	"aspir": {}, "inspir": {}, "conspir": {}, "admir": {}, "desir": {}, "tir": {}, "mir": {}, "sir": {}, "glar": {},
	"spar": {}, "star": {}, "bor": {}, "cor": {}, "implor": {}, "ador": {}, "deplor": {}, "snor": {},
}

// syllables counts vowel groups in s.
func syllables(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		v := isVowel(s[i])
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

func isConsonant(c byte) bool {
	return c >= 'a' && c <= 'z' && !isVowel(c) && c != 'y' && c != 'w' && c != 'x'
}
