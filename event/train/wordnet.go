package train

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Bits of the word table (the same as package event's).
const (
	wnVerb = 1 << iota
	wnNoun
	wnAdj
	wnAdv
	wnNounEvent1
	wnNounEventAny
	wnNounState1
	wnVerbFirst
)

// eventLexFiles are the noun lexicographer files of events: noun.act (4),
// noun.event (11), noun.phenomenon (19), noun.process (22).
var eventLexFiles = map[int]bool{4: true, 11: true, 19: true, 22: true}

// WordNet builds the word table of package event from the WordNet
// database files in dir (index.* and data.*, as in Debian's
// wordnet-base): for each single word, which parts of speech it has,
// whether its noun senses name events, whether it is more often a verb
// than a noun, and the lexicographer file of its first verb sense.
func WordNet(dir string) (map[string]uint16, error) {
	out := map[string]uint16{}
	tagged := map[string][2]int{} // verb, noun tagged-sense counts
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		data, err := os.ReadFile(filepath.Join(dir, "data."+pos))
		if err != nil {
			return nil, fmt.Errorf("wordnet: %w", err)
		}
		lexfile := func(off int) int {
			if off+15 > len(data) {
				return -1
			}
			f := strings.Fields(string(data[off : off+30]))
			if len(f) < 2 {
				return -1
			}
			n, err := strconv.Atoi(f[1])
			if err != nil {
				return -1
			}
			return n
		}
		f, err := os.Open(filepath.Join(dir, "index."+pos))
		if err != nil {
			return nil, fmt.Errorf("wordnet: %w", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, " ") {
				continue
			}
			fs := strings.Fields(line)
			if len(fs) < 6 || strings.Contains(fs[0], "_") {
				continue
			}
			w := fs[0]
			nSyn, _ := strconv.Atoi(fs[2])
			pCnt, _ := strconv.Atoi(fs[3])
			k := 4 + pCnt
			if k+2 > len(fs) {
				continue
			}
			tagCnt, _ := strconv.Atoi(fs[k+1])
			offs := fs[k+2:]
			if len(offs) > nSyn {
				offs = offs[:nSyn]
			}
			bits := out[w]
			switch pos {
			case "noun":
				bits |= wnNoun
				for i, o := range offs {
					off, _ := strconv.Atoi(o)
					lf := lexfile(off)
					if eventLexFiles[lf] {
						bits |= wnNounEventAny
						if i == 0 {
							bits |= wnNounEvent1
						}
					}
					if i == 0 && lf == 26 {
						bits |= wnNounState1
					}
				}
				t := tagged[w]
				t[1] = tagCnt
				tagged[w] = t
			case "verb":
				bits |= wnVerb
				if len(offs) > 0 {
					off, _ := strconv.Atoi(offs[0])
					if lf := lexfile(off); lf >= 29 && lf <= 43 {
						bits |= uint16(lf-28) << 8
					}
				}
				t := tagged[w]
				t[0] = tagCnt
				tagged[w] = t
			case "adj":
				bits |= wnAdj
			case "adv":
				bits |= wnAdv
			}
			out[w] = bits
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("wordnet: %w", err)
		}
	}
	for w, t := range tagged {
		if t[0] > t[1] {
			out[w] |= wnVerbFirst
		}
	}
	return out, nil
}
