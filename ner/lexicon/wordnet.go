package lexicon

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// WordNet lexicographer file numbers used to type instance synsets.
const (
	lexGroup    = 14
	lexLocation = 15
	lexObject   = 17
	lexPerson   = 18
)

// Phrase is a gazetteer entry: a name and its CoNLL class.
type Phrase struct {
	Text  string
	Class string
}

// WordNet reads data.noun and data.adj under dir (e.g. /usr/share/wordnet)
// and returns proper names: instance synsets typed by their lexicographer
// file (person → PER, location/object → LOC, group → ORG, others → MISC),
// capitalized person nouns such as demonyms (MISC) and capitalized
// adjectives (MISC).
func WordNet(dir string) ([]Phrase, error) {
	var out []Phrase
	err := scanData(filepath.Join(dir, "data.noun"), func(lexfile int, lemmas []string, instance bool) {
		class := ""
		switch {
		case instance && lexfile == lexPerson:
			class = "PER"
		case instance && (lexfile == lexLocation || lexfile == lexObject):
			class = "LOC"
		case instance && lexfile == lexGroup:
			class = "ORG"
		case instance:
			class = "MISC"
		case lexfile == lexPerson:
			class = "MISC"
		default:
			return
		}
		for _, l := range lemmas {
			if isCapitalized(l) || particleName(l) {
				out = append(out, Phrase{Text: l, Class: class})
			}
		}
	})
	if err != nil {
		return nil, err
	}
	err = scanData(filepath.Join(dir, "data.adj"), func(_ int, lemmas []string, _ bool) {
		for _, l := range lemmas {
			if isCapitalized(l) && !strings.Contains(l, " ") {
				out = append(out, Phrase{Text: l, Class: "MISC"})
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// nameParticles are lowercase words that open names ("al-Qaeda", "de
// Gaulle", "bin Laden", "van Gogh").
var nameParticles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "abu": true, "de": true, "di": true, "da": true,
	"du": true, "le": true, "van": true, "von": true,
}

// particleName reports a lemma that opens with a name particle followed
// by a hyphen or space and a capitalized word.
func particleName(s string) bool {
	i := strings.IndexAny(s, "- ")
	return i > 0 && nameParticles[s[:i]] && isCapitalized(s[i+1:])
}

func isCapitalized(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// scanData calls fn for every synset line of a WordNet data file with its
// lexicographer file number, its lemmas (underscores as spaces, adjective
// markers removed) and whether it is an instance synset.
func scanData(path string, fn func(lexfile int, lemmas []string, instance bool)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("reading WordNet: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") || line == "" {
			continue // licence header
		}
		fields := strings.Fields(line)
		if len(fields) < 6 {
			continue
		}
		var lexfile, count int
		if _, err := fmt.Sscanf(fields[1], "%d", &lexfile); err != nil {
			continue
		}
		if _, err := fmt.Sscanf(fields[3], "%x", &count); err != nil {
			continue
		}
		if 4+2*count > len(fields) {
			continue
		}
		lemmas := make([]string, 0, count)
		for i := 0; i < count; i++ {
			l := fields[4+2*i]
			if k := strings.IndexByte(l, '('); k > 0 {
				l = l[:k]
			}
			lemmas = append(lemmas, strings.ReplaceAll(l, "_", " "))
		}
		instance := strings.Contains(line, " @i ")
		fn(lexfile, lemmas, instance)
	}
	return sc.Err()
}
