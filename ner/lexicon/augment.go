package lexicon

import (
	"math/rand"
	"strings"

	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/ner/conll"
)

// arabicGivenNames are common Arabic given names in usual English
// spellings, used to synthesize training names.
var arabicGivenNames = strings.Fields(`Ahmed Ahmad Mohammed Muhammad Mohamed Ali Omar Umar Hassan Hasan Hussein
Hussain Khalid Khaled Mustafa Mostafa Hisham Haider Hayder Ammar Qassem Qasim Adel Adil Faleh Hadi Nouri Nuri
Sajad Sajjad Muqtada Ayad Iyad Saleh Salih Youssef Yusuf Ibrahim Ismail Jamal Kamal Karim Majid Mahmoud
Mahdi Nabil Rami Riyad Samir Tariq Walid Waleed Ziad Fadi Fanar Bassam Haidar Jaafar Jafar Osama Usama
Ayman Hamza Anas Bilal Fatima Layla Leila Zainab Zaynab Rasha Souad Suad Maryam Nour Huda Amal Rana Hiba
Salma Aisha Noura Dalia Hanan Sawsan Rafif Tara Abbas Hamid Hameed Faisal Fahd Sultan Nasser Naser`)

// AugmentArabicNames returns copies of some documents of sents (runs of
// sentences from one DocStart to the next) in which person names are
// replaced, consistently within the document, by synthesized Arabic-style
// names built from given names and surnames: "al-Surname", "Abu Given
// al-Surname", "Given bin Given", "Abdul-Surname", "Kata'ib"-style
// apostrophes kept from the surname list. frac is the share of documents
// with persons that get a copy.
func AugmentArabicNames(sents []conll.Sentence, surnames []string, frac float64, rng *rand.Rand) []conll.Sentence {
	if len(surnames) == 0 {
		return nil
	}
	var out []conll.Sentence
	for start := 0; start < len(sents); {
		end := start + 1
		for end < len(sents) && !sents[end].DocStart {
			end++
		}
		doc := sents[start:end]
		start = end
		if !hasPerson(doc) || rng.Float64() >= frac {
			continue
		}
		orgs := rng.Float64() < orgShare
		repl := map[string][]string{}
		for i, s := range doc {
			ns := conll.Sentence{DocStart: i == 0}
			caps := allCaps(s.Words)
			perAt := map[int]ner.Chunk{}
			for _, c := range conll.ChunksFromBIO(s.Tags) {
				if c.Type == "PER" || (orgs && c.Type == "ORG") {
					perAt[c.Start] = c
				}
			}
			for w := 0; w < len(s.Words); {
				c, ok := perAt[w]
				if !ok {
					ns.Words = append(ns.Words, s.Words[w])
					ns.Tags = append(ns.Tags, s.Tags[w])
					w++
					continue
				}
				var name []string
				if c.Type == "ORG" {
					key := "org:" + strings.ToLower(strings.Join(s.Words[c.Start:c.End], " "))
					r, ok := repl[key]
					if !ok {
						r = synthOrg(surnames, rng)
						repl[key] = r
					}
					name = r
				}
				for j := c.Start; j < c.End && c.Type == "PER"; j++ {
					key := strings.ToLower(s.Words[j])
					r, ok := repl[key]
					if !ok {
						r = synthPart(j == c.Start && c.End-c.Start > 1, surnames, rng)
						repl[key] = r
					}
					name = append(name, r...)
				}
				for k, nw := range name {
					if caps {
						nw = strings.ToUpper(nw)
					}
					tag := "I-" + c.Type
					if k == 0 {
						tag = "B-" + c.Type
					}
					ns.Words = append(ns.Words, nw)
					ns.Tags = append(ns.Tags, tag)
				}
				w = c.End
			}
			out = append(out, ns)
		}
	}
	return out
}

func hasPerson(doc []conll.Sentence) bool {
	for _, s := range doc {
		for _, t := range s.Tags {
			if strings.HasSuffix(t, "-PER") {
				return true
			}
		}
	}
	return false
}

func allCaps(words []string) bool {
	letters := 0
	for _, w := range words {
		if strings.ToUpper(w) != w {
			return false
		}
		if strings.ToLower(w) != w {
			letters++
		}
	}
	return letters >= 2
}

// synthPart returns the tokens replacing one token of a person name: a
// given name (first token of a multi-token name) or a surname form.
func synthPart(first bool, surnames []string, rng *rand.Rand) []string {
	given := func() string { return arabicGivenNames[rng.Intn(len(arabicGivenNames))] }
	sur := func() string { return surnames[rng.Intn(len(surnames))] }
	if first {
		switch r := rng.Float64(); {
		case r < 0.12:
			return []string{"Abu", given()}
		case r < 0.2:
			return []string{"Abdul", given()}
		default:
			return []string{given()}
		}
	}
	art := []string{"al", "al", "al", "al", "Al", "el", "El"}[rng.Intn(7)]
	switch r := rng.Float64(); {
	case r < 0.45:
		return []string{art + "-" + sur()}
	case r < 0.55:
		return []string{"Abdul-" + given()}
	case r < 0.62:
		return []string{"bin", given()}
	case r < 0.68:
		return []string{given(), art + "-" + sur()}
	case r < 0.74:
		return []string{"Abdel", sur()}
	default:
		return []string{sur()}
	}
}

// Surnames returns the single-token capitalized person names of phrases.
func Surnames(phrases []Phrase) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range phrases {
		if p.Class != "PER" || strings.ContainsAny(p.Text, " .") || len(p.Text) < 3 || !isCapitalized(p.Text) || seen[p.Text] {
			continue
		}
		seen[p.Text] = true
		out = append(out, p.Text)
	}
	return out
}

// orgWords are words that name armed groups and parties in the region.
var orgWords = strings.Fields(`Hezbollah Nujaba Badr Salam Haq Nasr Fatah Jihad Ansar Imam Shuhada Abbas Ali
Hussein Mahdi Khorasani Furqan Tawhid Islam Umma Karama Wafa Thar Muqawama Hashd Sadr Dawa Fadhila Hikma`)

// synthOrg returns an Arabic-style organization name.
func synthOrg(surnames []string, rng *rand.Rand) []string {
	w := func() string {
		if rng.Float64() < 0.7 {
			return orgWords[rng.Intn(len(orgWords))]
		}
		return surnames[rng.Intn(len(surnames))]
	}
	apos := []string{"'", "’", ""}[rng.Intn(3)]
	switch rng.Intn(10) {
	case 0, 1:
		return []string{"Kata" + apos + "ib", w()}
	case 2:
		return []string{"Kataeb", w()}
	case 3:
		return []string{"Asa" + apos + "ib", "Ahl", "al-" + w()}
	case 4:
		return []string{"Saraya", "al-" + w()}
	case 5:
		return []string{"Harakat", w(), "al-" + w()}
	case 6:
		return []string{"Jaish", "al-" + w()}
	case 7:
		return []string{w(), "Brigades"}
	case 8:
		return []string{"Popular", []string{"Mobilisation", "Mobilization"}[rng.Intn(2)], "Forces"}
	default:
		return []string{"Liwa", w()}
	}
}

// orgShare is the share of augmented documents whose organizations are
// replaced too.
const orgShare = 0.5
