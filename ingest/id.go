package ingest

import (
	"path/filepath"
	"strings"
)

// StemID returns a readable document ID for an input name: the base name
// without its extension (and without a .gz suffix), with every character
// outside [A-Za-z0-9_.-] replaced by '_'. Standard input is "stdin"; a name
// with nothing usable left is "doc".
func StemID(name string) string {
	if name == "-" || name == "" {
		return "stdin"
	}
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, ".gz")
	if ext := filepath.Ext(base); ext != "" && ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	return SanitizeID(base)
}

// SanitizeID maps s to the ID alphabet [A-Za-z0-9_.-]: other characters
// become '_' (runs collapse to one), and leading or trailing '.', '_' and
// '-' are trimmed. An empty result is "doc".
func SanitizeID(s string) string {
	var b strings.Builder
	lastUnderscore := false
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '.' || r == '-'
		if !ok {
			if !lastUnderscore {
				b.WriteByte('_')
			}
			lastUnderscore = true
			continue
		}
		b.WriteRune(r)
		lastUnderscore = r == '_'
	}
	out := strings.Trim(b.String(), "._-")
	if out == "" {
		return "doc"
	}
	return out
}
