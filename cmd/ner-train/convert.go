package main

import (
	"bufio"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/corroborate/corroborate/ner"
)

// legacyFile is the gob body of a model file of format version 1 (a text
// line "corroborate-ner 1 VERSION", then the gob in gzip). Gob matches
// fields by name, so this mirrors the fields that format wrote.
type legacyFile struct {
	Version       string
	Clusters      map[string][3]uint16
	Clusters2     map[string][3]uint16
	Proj          map[string][]int8
	ProjScale     float32
	Gazetteer     map[string]uint8
	GazMaxLen     int
	Casing        map[string]uint8
	RunFeatures   bool
	TableFeatures bool
	Extra         ner.FeatureSet
	Temp          float32
	Keys          []uint64
	Counts        []uint8
	Labels        []uint8
	Weights       []int16
	Scale         float32
	Stage2        *legacyWeights
}

// legacyWeights is the layout of the second-stage weights version 1
// could carry (models with them are refused).
type legacyWeights struct {
	Keys    []uint64
	Counts  []uint8
	Labels  []uint8
	Weights []int16
	Scale   float32
}

// readLegacy reads a model file of format version 1; name is used in
// errors. The weights are those the version-1 reader computed (each int16
// step times the file's scale), so the converted model tags the same.
func readLegacy(r io.Reader, name string) (*ner.Model, error) {
	br := bufio.NewReader(r)
	header, err := br.ReadString('\n')
	if err != nil {
		return nil, fmt.Errorf("reading model %s: no header line: %w", name, err)
	}
	parts := strings.SplitN(strings.TrimSpace(header), " ", 3)
	if len(parts) < 2 || parts[0] != "corroborate-ner" {
		return nil, fmt.Errorf("reading model %s: not a version-1 corroborate NER model (header %.40q)", name, header)
	}
	if v, err := strconv.Atoi(parts[1]); err != nil || v != 1 {
		return nil, fmt.Errorf("reading model %s: format version %q, want 1", name, parts[1])
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("reading model %s: %w", name, err)
	}
	var mf legacyFile
	if err := gob.NewDecoder(zr).Decode(&mf); err != nil {
		return nil, fmt.Errorf("decoding model %s: %w", name, err)
	}
	if mf.TableFeatures || mf.Stage2 != nil {
		return nil, fmt.Errorf("reading model %s: it uses table-line features or a second stage, experiments the tagger no longer runs", name)
	}
	if len(mf.Keys) != len(mf.Counts) || len(mf.Labels) != len(mf.Weights) {
		return nil, fmt.Errorf("reading model %s: inconsistent weight tables", name)
	}
	var ws ner.Weights
	j := 0
	for f, k := range mf.Keys {
		var row [ner.NumLabels]float32
		for n := 0; n < int(mf.Counts[f]); n, j = n+1, j+1 {
			if j >= len(mf.Weights) || int(mf.Labels[j]) >= ner.NumLabels {
				return nil, fmt.Errorf("reading model %s: weight %d out of range", name, j)
			}
			row[mf.Labels[j]] = float32(mf.Weights[j]) * mf.Scale
		}
		ws.Add(k, row)
	}
	if j != len(mf.Weights) {
		return nil, fmt.Errorf("reading model %s: %d weights, the counts give %d", name, len(mf.Weights), j)
	}
	lx := ner.Lexicon{Clusters: mf.Clusters, Clusters2: mf.Clusters2, Proj: mf.Proj, ProjScale: mf.ProjScale,
		Gazetteer: mf.Gazetteer, GazMaxLen: mf.GazMaxLen, Casing: mf.Casing, RunFeatures: mf.RunFeatures, Extra: mf.Extra}
	return ner.NewModel(mf.Version, lx, mf.Temp, &ws), nil
}

// convert rewrites the version-1 model file in as a model file of the
// current format at out.
func convert(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return fmt.Errorf("converting model: %w", err)
	}
	defer f.Close()
	m, err := readLegacy(f, in)
	if err != nil {
		return err
	}
	return m.WriteFile(out)
}
