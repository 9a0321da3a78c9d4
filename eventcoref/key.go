package eventcoref

import (
	"strings"
	"unicode"
)

// irregular maps irregular inflected forms to their base form.
var irregular = map[string]string{
	"shot": "shoot", "struck": "strike", "stricken": "strike", "hit": "hit", "died": "die", "dies": "die", "dying": "die",
	"dead": "die", "death": "die", "deaths": "die", "fled": "flee", "fought": "fight", "caught": "catch", "took": "take",
	"taken": "take", "gave": "give", "given": "give", "went": "go", "gone": "go", "made": "make", "said": "say", "says": "say",
	"told": "tell", "held": "hold", "won": "win", "lost": "lose", "led": "lead", "left": "leave", "met": "meet", "paid": "pay",
	"sold": "sell", "bought": "buy", "brought": "bring", "thought": "think", "found": "find", "began": "begin", "begun": "begin",
	"broke": "break", "broken": "break", "chose": "choose", "chosen": "choose", "came": "come", "drove": "drive", "driven": "drive",
	"fell": "fall", "fallen": "fall", "felt": "feel", "flew": "fly", "flown": "fly", "forgot": "forget", "got": "get", "gotten": "get",
	"grew": "grow", "grown": "grow", "heard": "hear", "hid": "hide", "hidden": "hide", "kept": "keep", "knew": "know", "known": "know",
	"laid": "lay", "lay": "lie", "meant": "mean", "ran": "run", "rose": "rise", "risen": "rise", "sent": "send", "set": "set",
	"shook": "shake", "shaken": "shake", "sank": "sink", "sunk": "sink", "sat": "sit", "slew": "slay", "slain": "slay",
	"spoke": "speak", "spoken": "speak", "spent": "spend", "stole": "steal", "stolen": "steal", "stood": "stand", "swore": "swear",
	"sworn": "swear", "threw": "throw", "thrown": "throw", "understood": "understand", "woke": "wake", "wore": "wear", "wrote": "write",
	"written": "write", "ate": "eat", "eaten": "eat", "did": "do", "done": "do", "does": "do", "had": "have", "has": "have",
	"was": "be", "were": "be", "is": "be", "are": "be", "been": "be", "am": "be", "saw": "see", "seen": "see", "bled": "bleed",
	"blew": "blow", "blown": "blow", "bore": "bear", "born": "bear", "bound": "bind", "built": "build", "burnt": "burn",
	"dealt": "deal", "dug": "dig", "drew": "draw", "drawn": "draw", "fed": "feed", "forbade": "forbid", "froze": "freeze",
	"frozen": "freeze", "hung": "hang", "hurt": "hurt", "lent": "lend", "lit": "light", "quit": "quit", "rang": "ring",
	"rode": "ride", "ridden": "ride", "sought": "seek", "shut": "shut", "slid": "slide", "split": "split", "spread": "spread",
	"stuck": "stick", "stung": "sting", "swept": "sweep", "swam": "swim", "taught": "teach", "tore": "tear", "torn": "tear",
	"wept": "weep", "withdrew": "withdraw", "withdrawn": "withdraw", "wound": "wind", "overtook": "overtake", "undertook": "undertake",
	"men": "man", "women": "woman", "children": "child", "people": "person", "lives": "life", "wives": "wife",
}

// Key returns a normalized form of a word under which its inflections and
// some derivations meet: "killed", "kills" and "killing" give "kil";
// "investigation" and "investigated" give "investig"; "shot" gives
// "shot" (via "shoot"). It is a matching key, not a readable lemma.
func Key(word string) string {
	w := strings.ToLower(strings.TrimFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
	if w == "" {
		return ""
	}
	if b, ok := irregular[w]; ok {
		w = b
	}
	strip := func(suf string, min int) bool {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= min {
			w = w[:len(w)-len(suf)]
			return true
		}
		return false
	}
	switch {
	case strip("ations", 5), strip("ation", 5), strip("itions", 5), strip("ition", 5), strip("ments", 4), strip("ment", 4):
	case strip("ies", 3):
		w += "y"
	case strip("ied", 3):
		w += "y"
	case strip("ings", 3), strip("ing", 3), strip("ed", 3), strip("es", 3), strip("s", 3):
	}
	switch {
	case strip("ate", 5), strip("at", 5):
	case strip("e", 3):
	}
	if n := len(w); n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiou", rune(w[n-1])) {
		w = w[:n-1]
	}
	return w
}

// auxiliary lists words skipped when choosing the head of a multi-word
// trigger ("was killed", "set fire to").
var auxiliary = map[string]bool{
	"be": true, "have": true, "do": true, "get": true, "will": true, "would": true, "could": true, "can": true, "may": true,
	"might": true, "must": true, "shall": true, "should": true, "the": true, "a": true, "an": true, "to": true, "of": true,
	"in": true, "on": true, "up": true, "out": true, "off": true, "into": true, "for": true, "by": true, "with": true, "not": true,
	"n't": true, "his": true, "her": true, "their": true, "its": true, "s": true, "and": true, "'s": true,
}

// HeadKey returns the Key of the head word of a trigger: the first word
// that is no auxiliary, article or particle ("was shot dead" → "shot"
// via "shoot"), or of the last word when all are.
func HeadKey(trigger string) string {
	words := strings.FieldsFunc(trigger, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' })
	for _, w := range words {
		lw := strings.ToLower(w)
		if b, ok := irregular[lw]; ok {
			lw = b
		}
		if !auxiliary[lw] {
			return Key(w)
		}
	}
	if len(words) > 0 {
		return Key(words[len(words)-1])
	}
	return ""
}
