// Package snippetbench reads trafilatura's multilingual evaluation set
// (shared/data/trafilatura-eval) for the evaluation packages: about a
// thousand web pages, each with text snippets that a good extraction keeps
// ("with") and boilerplate snippets it drops ("without"). eval/extract/
// multilingual scores extractors with it and eval/decoding scores charset
// decoding on its non-ASCII snippets.
package snippetbench

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/corroborate/corroborate/eval/internal/benchfile"
)

// Name is the benchmark's folder name inside shared/data.
const Name = "trafilatura-eval"

// indexFile lists the pages and their snippets inside the benchmark folder.
const indexFile = "evaldata.json"

// Page is one benchmark page.
type Page struct {
	// URL is the page's address, the key of the index.
	URL string `json:"-"`
	// File names the page under html/ (without the ".gz" suffix).
	File string `json:"file"`
	// With are snippets the page's main text contains.
	With []string `json:"with"`
	// Without are boilerplate snippets absent from the main text.
	Without []string `json:"without"`
}

// Find returns the benchmark folder: dataDir itself, or dataDir/Name, or
// dataDir/data/Name.
func Find(dataDir string) (string, error) {
	return benchfile.Find(dataDir, Name, indexFile)
}

// LoadPages reads the index of the benchmark folder dir, sorted by URL.
func LoadPages(dir string) ([]Page, error) {
	path := filepath.Join(dir, indexFile)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	var m map[string]Page
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("parsing %s: %w", path, err)
	}
	out := make([]Page, 0, len(m))
	for u, p := range m {
		p.URL = u
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out, nil
}

// ReadPage returns the bytes of a page as stored (gzip-decompressed, not
// yet decoded to UTF-8).
func ReadPage(dir string, p Page) ([]byte, error) {
	return benchfile.ReadGzip(filepath.Join(dir, "html", p.File+".gz"))
}
