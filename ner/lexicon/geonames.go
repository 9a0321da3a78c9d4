package lexicon

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// GeoNames reads the English place names (message ids) of the GeoNames
// gettext catalogue installed by Debian libgeonames-common, e.g.
// /usr/share/locale/fr/LC_MESSAGES/geonames.mo, and also the Latin-script
// translations of the given locales (alternative spellings).
func GeoNames(localeDir string, locales ...string) ([]Phrase, error) {
	seen := map[string]bool{}
	var out []Phrase
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] || !isCapitalized(s) || !latin(s) {
			return
		}
		seen[s] = true
		out = append(out, Phrase{Text: s, Class: "LOC"})
	}
	if len(locales) == 0 {
		locales = []string{"fr"}
	}
	for i, loc := range locales {
		path := filepath.Join(localeDir, loc, "LC_MESSAGES", "geonames.mo")
		ids, strs, err := readMO(path)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			for _, s := range ids {
				add(s)
			}
		}
		for _, s := range strs {
			add(s)
		}
	}
	return out, nil
}

func latin(s string) bool {
	for _, r := range s {
		if r > 0x24F && r != '’' && r != '‘' {
			return false
		}
	}
	return true
}

// readMO parses a GNU gettext .mo file.
func readMO(path string) (ids, strs []string, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("reading GeoNames catalogue: %w", err)
	}
	if len(b) < 28 {
		return nil, nil, fmt.Errorf("reading %s: too short for a .mo file", path)
	}
	var bo binary.ByteOrder
	switch binary.LittleEndian.Uint32(b) {
	case 0x950412de:
		bo = binary.LittleEndian
	case 0xde120495:
		bo = binary.BigEndian
	default:
		return nil, nil, fmt.Errorf("reading %s: not a .mo file", path)
	}
	n := int(bo.Uint32(b[8:]))
	oOff, tOff := int(bo.Uint32(b[12:])), int(bo.Uint32(b[16:]))
	str := func(tab, i int) (string, error) {
		p := tab + 8*i
		if p+8 > len(b) {
			return "", errors.New("table out of range")
		}
		l, o := int(bo.Uint32(b[p:])), int(bo.Uint32(b[p+4:]))
		if o+l > len(b) || o < 0 || l < 0 {
			return "", errors.New("string out of range")
		}
		return string(b[o : o+l]), nil
	}
	for i := 0; i < n; i++ {
		id, err := str(oOff, i)
		if err != nil {
			return nil, nil, fmt.Errorf("reading %s: %w", path, err)
		}
		s, err := str(tOff, i)
		if err != nil {
			return nil, nil, fmt.Errorf("reading %s: %w", path, err)
		}
		if id == "" {
			continue // header
		}
		ids = append(ids, id)
		strs = append(strs, s)
	}
	return ids, strs, nil
}
