package cluster

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"
)

// peerScript is the scikit-learn peer, run with Debian's interpreter.
//
//go:embed peer/sklearn_cluster.py
var peerScript []byte

// peerPython is the interpreter that sees Debian's python3-sklearn.
const peerPython = "/usr/bin/python3"

// errNoPeer means the peer cannot run here (no interpreter or no sklearn).
var errNoPeer = errors.New("scikit-learn peer unavailable (install with: apt-get install -y python3-sklearn)")

// peerLabels are the peer's cluster labels per method, in item order.
type peerLabels struct {
	Agglomerative []int `json:"agglomerative"`
	KMeans        []int `json:"kmeans"`
	LSAKMeans     []int `json:"lsa_kmeans"`
}

// runPeer clusters the items' titles and texts with scikit-learn, telling
// it the gold number of clusters k.
func runPeer(ctx context.Context, items []item, k int) (peerLabels, time.Duration, error) {
	var out peerLabels
	if _, err := os.Stat(peerPython); err != nil {
		return out, 0, errNoPeer
	}
	check := exec.CommandContext(ctx, peerPython, "-c", "import sklearn")
	if err := check.Run(); err != nil {
		return out, 0, errNoPeer
	}
	dir, err := os.MkdirTemp("", "cluster-peer")
	if err != nil {
		return out, 0, fmt.Errorf("running the clustering peer: %w", err)
	}
	defer os.RemoveAll(dir)
	script := filepath.Join(dir, "sklearn_cluster.py")
	if err := os.WriteFile(script, peerScript, 0o600); err != nil {
		return out, 0, fmt.Errorf("writing the clustering peer script: %w", err)
	}
	docs := make([]string, len(items))
	for i, it := range items {
		docs[i] = it.doc.Title + "\n\n" + it.doc.Text
	}
	req, err := json.Marshal(map[string]any{"k": k, "docs": docs})
	if err != nil {
		return out, 0, fmt.Errorf("encoding the clustering peer's input: %w", err)
	}
	cmd := exec.CommandContext(ctx, peerPython, script)
	cmd.Stdin = bytes.NewReader(req)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return out, 0, fmt.Errorf("running the clustering peer: %w: %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	took := time.Since(start)
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		return out, 0, fmt.Errorf("reading the clustering peer's output: %w", err)
	}
	if len(out.Agglomerative) != len(items) || len(out.KMeans) != len(items) || len(out.LSAKMeans) != len(items) {
		return out, 0, fmt.Errorf("clustering peer returned %d/%d/%d labels for %d documents", len(out.Agglomerative), len(out.KMeans), len(out.LSAKMeans), len(items))
	}
	return out, took, nil
}

// labelStrings turns integer labels into strings for scoring.
func labelStrings(xs []int) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.Itoa(x)
	}
	return out
}
