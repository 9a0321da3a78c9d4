// Package benchfile locates benchmark folders under shared/data and reads
// the gzip-compressed web pages they ship, for the evaluation packages.
package benchfile

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// MaxPage bounds the decompressed size of one page, so that a corrupt or
// hostile archive cannot exhaust memory.
const MaxPage = 64 << 20

// Find returns the folder of the benchmark called name: dataDir itself,
// dataDir/name or dataDir/data/name, the first that holds the file marker.
func Find(dataDir, name, marker string) (string, error) {
	for _, p := range []string{dataDir, filepath.Join(dataDir, name), filepath.Join(dataDir, "data", name)} {
		if _, err := os.Stat(filepath.Join(p, marker)); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("finding %s: no %s in %s or %s", name, marker, dataDir, filepath.Join(dataDir, name))
}

// ReadGzip returns the decompressed content of the gzip file at path.
func ReadGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	b, err := io.ReadAll(io.LimitReader(zr, MaxPage+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if len(b) > MaxPage {
		return nil, fmt.Errorf("reading %s: more than %d bytes once decompressed", path, MaxPage)
	}
	return b, nil
}
