// Package demo ships a small example story written for Corroborate: three
// fictional reports of one invented event, in the three input formats (a
// wire text with a dateline, an HTML page with navigation and sidebars, and
// news-please style JSON records including a paywalled stub). They carry the
// problems real reports have: spelling variants of the same names, dates
// relative to each report's own day, quotes, numbers that disagree, copied
// wire text and web boilerplate.
package demo

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed corpus
var corpus embed.FS

// Files returns the names of the demo reports, sorted.
func Files() ([]string, error) {
	entries, err := fs.ReadDir(corpus, "corpus")
	if err != nil {
		return nil, fmt.Errorf("listing demo corpus: %w", err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names, nil
}

// WriteTo copies the demo reports into dir (created if needed) and returns
// the paths written.
func WriteTo(dir string) ([]string, error) {
	names, err := Files()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating demo folder: %w", err)
	}
	var paths []string
	for _, n := range names {
		b, err := corpus.ReadFile("corpus/" + n)
		if err != nil {
			return nil, fmt.Errorf("reading demo file %s: %w", n, err)
		}
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return nil, fmt.Errorf("writing demo file %s: %w", p, err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// ReadFile returns the bytes of the demo report named name (see Files).
func ReadFile(name string) ([]byte, error) {
	b, err := corpus.ReadFile("corpus/" + name)
	if err != nil {
		return nil, fmt.Errorf("reading demo file %s: %w", name, err)
	}
	return b, nil
}
