package resolve

import "strings"

// titles maps lowercase title phrases (trailing dots and semicolons
// removed) to the role they give. Titles are stripped from names for
// matching and kept as roles. "genera" catches a common typo of "general".
var titles = map[string]string{
	"prime minister": "Prime Minister", "pm": "Prime Minister", "premier": "Prime Minister",
	"deputy prime minister": "Deputy Prime Minister",
	"president":             "President", "vice president": "Vice President",
	"secretary of state": "Secretary of State", "secretary": "Secretary",
	"secretary-general": "Secretary-General", "secretary general": "Secretary-General",
	"foreign minister": "Foreign Minister", "defence minister": "Defence Minister",
	"defense minister": "Defense Minister", "interior minister": "Interior Minister",
	"minister":        "Minister",
	"grand ayatollah": "Grand Ayatollah", "ayatollah": "Ayatollah", "ayatullah": "Ayatollah",
	"sheikh": "Sheikh", "shaikh": "Sheikh", "sheik": "Sheikh", "sayyed": "Sayyed", "sayyid": "Sayyid",
	"imam": "Imam", "mullah": "Mullah", "hojatoleslam": "Hojatoleslam", "cleric": "cleric",
	"gen": "General", "general": "General", "genera": "General", "maj. gen": "Major General",
	"major general": "Major General", "lt. gen": "Lieutenant General", "lieutenant general": "Lieutenant General",
	"brig. gen": "Brigadier General", "brigadier general": "Brigadier General", "brigadier": "Brigadier",
	"col": "Colonel", "colonel": "Colonel", "lt. col": "Lieutenant Colonel", "maj": "Major", "major": "Major",
	"capt": "Captain", "captain": "Captain", "commander": "commander", "field marshal": "Field Marshal",
	"dr": "Dr.", "doctor": "Dr.", "ph.d": "Ph.D.", "phd": "Ph.D.", "prof": "Professor", "professor": "Professor",
	"mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.", "miss": "Miss", "sir": "Sir", "dame": "Dame", "lord": "Lord",
	"king": "King", "queen": "Queen", "prince": "Prince", "princess": "Princess", "crown prince": "Crown Prince",
	"emir": "Emir", "amir": "Emir", "sultan": "Sultan", "sheikha": "Sheikha",
	"senator": "Senator", "sen": "Senator", "rep": "Representative", "representative": "Representative",
	"ambassador": "Ambassador", "envoy": "envoy", "governor": "Governor", "gov": "Governor", "mayor": "Mayor",
	"judge": "Judge", "justice": "Justice", "speaker": "Speaker", "mp": "MP", "lawmaker": "lawmaker",
	"spokesman": "spokesman", "spokeswoman": "spokeswoman", "spokesperson": "spokesperson",
	"analyst": "analyst", "chief analyst": "chief analyst", "researcher": "researcher", "expert": "expert",
	"security expert": "security expert", "lawyer": "lawyer", "activist": "activist",
	"journalist": "journalist", "photojournalist": "photojournalist", "correspondent": "correspondent",
	"novelist": "novelist", "leader": "leader", "chief": "chief", "security chief": "security chief",
	"pope": "Pope", "haji": "Haji", "hajji": "Haji", "saint": "Saint", "st": "Saint",
}

// maxTitleWords is the longest title phrase in words.
const maxTitleWords = 3

// titleWord lowercases a word and drops trailing dots, commas, colons and
// semicolons, for title lookup.
func titleWord(w string) string {
	return strings.ToLower(strings.TrimRight(w, ".;:,"))
}

// matchTitle returns how many of words, from the start, form a title, and
// the role. A leading place or nationality word may qualify the title
// ("US Secretary of State", "Iraq analyst", "Iranian leader") when more
// words follow.
func matchTitle(words []string) (n int, role string) {
	try := func(ws []string) (int, string) {
		for k := maxTitleWords; k >= 1; k-- {
			if k > len(ws) {
				continue
			}
			parts := make([]string, k)
			for i := 0; i < k; i++ {
				parts[i] = titleWord(ws[i])
			}
			if r, ok := titles[strings.Join(parts, " ")]; ok {
				return k, r
			}
		}
		return 0, ""
	}
	if k, r := try(words); k > 0 {
		return k, r
	}
	if len(words) >= 3 && isQualifier(words[0]) {
		if k, r := try(words[1:]); k > 0 {
			return k + 1, r
		}
	}
	return 0, ""
}

// trailingTitle looks for a title that ends exactly at the end of words
// (the words just before a name in the text) and returns its role.
func trailingTitle(words []string) string {
	for k := maxTitleWords; k >= 1; k-- {
		if k > len(words) {
			continue
		}
		if n, r := matchTitle(words[len(words)-k:]); n == k {
			return r
		}
	}
	return ""
}

// qualifierWords are place words that may stand before a title.
var qualifierWords = map[string]bool{
	"iraq": true, "iran": true, "syria": true, "lebanon": true, "israel": true, "turkey": true,
	"egypt": true, "yemen": true, "gulf": true, "iraqi": true, "saudi": true, "israeli": true,
	"kuwaiti": true, "qatari": true, "emirati": true, "omani": true, "pakistani": true, "afghan": true,
	"top": true, "senior": true, "former": true, "deputy": true, "acting": true, "chief": true,
}

// isQualifier reports whether w may qualify a following title: an
// acronym of a country (US, UK, UN), a nationality adjective or a listed
// place or rank word.
func isQualifier(w string) bool {
	w = strings.TrimRight(w, ".;:,")
	if n := len(w); n >= 2 && n <= 3 && strings.ToUpper(w) == w {
		return true
	}
	lw := strings.ToLower(w)
	if qualifierWords[lw] {
		return true
	}
	for _, suf := range []string{"ian", "ese", "ish"} {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf)+2 {
			return true
		}
	}
	return false
}
