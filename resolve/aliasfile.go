package resolve

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// AliasRules are user statements about names, read from an alias file.
//
// The alias file is UTF-8 text, one statement per line:
//
//	# comments and blank lines are ignored
//	same: Hisham al-Hashimi = Husham al-Hashimi = Abu Ahmad
//	different: Khamenei != Khomeini
//
// A "same" line joins every mention whose name matches any of the listed
// names (up to transliteration, titles and articles; a surname alone also
// matches its side). A "different" line forbids any entity from holding
// mentions of both names; it overrides every automatic decision.
type AliasRules struct {
	Same      [][]string
	Different [][2]string
}

// ReadAliasFile reads alias rules from the file at path.
func ReadAliasFile(path string) (*AliasRules, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading alias file: %w", err)
	}
	defer f.Close()
	rules, err := ParseAliases(f, path)
	if err != nil {
		return nil, err
	}
	return rules, nil
}

// ParseAliases parses alias rules (see AliasRules) from r; name labels
// errors.
func ParseAliases(r io.Reader, name string) (*AliasRules, error) {
	rules := &AliasRules{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		kind, rest, ok := strings.Cut(text, ":")
		if !ok {
			return nil, fmt.Errorf("alias file %s line %d: want \"same: A = B\" or \"different: A != B\", got %q", name, line, text)
		}
		switch strings.ToLower(strings.TrimSpace(kind)) {
		case "same":
			if strings.Contains(rest, "!=") {
				return nil, fmt.Errorf("alias file %s line %d: a same: line joins names with \"=\", not \"!=\"", name, line)
			}
			var names []string
			for _, n := range strings.Split(rest, "=") {
				n = strings.TrimSpace(n)
				if n == "" {
					return nil, fmt.Errorf("alias file %s line %d: empty name in %q", name, line, text)
				}
				names = append(names, n)
			}
			if len(names) < 2 {
				return nil, fmt.Errorf("alias file %s line %d: a same: line needs at least two names", name, line)
			}
			rules.Same = append(rules.Same, names)
		case "different":
			a, b, ok := strings.Cut(rest, "!=")
			a, b = strings.TrimSpace(a), strings.TrimSpace(b)
			if !ok || a == "" || b == "" || strings.Contains(b, "!=") {
				return nil, fmt.Errorf("alias file %s line %d: a different: line needs exactly two names as \"A != B\"", name, line)
			}
			rules.Different = append(rules.Different, [2]string{a, b})
		default:
			return nil, fmt.Errorf("alias file %s line %d: unknown statement %q (want same or different)", name, line, kind)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading alias file %s: %w", name, err)
	}
	return rules, nil
}
