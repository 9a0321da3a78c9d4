package time

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
)

// peerDoc is one document handed to the peer script.
type peerDoc struct {
	Name string `json:"name"`
	DCT  string `json:"dct"`
	Text string `json:"text"`
}

// peerTimex is one expression found by the peer.
type peerTimex struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// TestPeerChrono scores the chrono-node peer on the platinum set with our
// matcher. It runs in two steps (see peer/chrono_peer.js):
//
//	TIMEX_PEER_DUMP=/tmp/te3.json go test -run PeerChrono ./eval/time/
//	NODE_PATH=... node eval/time/peer/chrono_peer.js /tmp/te3.json > /tmp/chrono.json
//	TIMEX_PEER_OUT=/tmp/chrono.json go test -run PeerChrono -v ./eval/time/
func TestPeerChrono(t *testing.T) {
	dump, out := os.Getenv("TIMEX_PEER_DUMP"), os.Getenv("TIMEX_PEER_OUT")
	if dump == "" && out == "" {
		t.Skip("set TIMEX_PEER_DUMP or TIMEX_PEER_OUT to compare with the chrono-node peer")
	}
	dir := shareddata.Require(t, "data", "tempeval3", "test", "te3-platinum")
	files, _ := filepath.Glob(filepath.Join(dir, "*.tml"))
	var docs []*TimeMLDoc
	for _, f := range files {
		d, err := ReadTimeML(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	if dump != "" {
		var pd []peerDoc
		for _, d := range docs {
			pd = append(pd, peerDoc{Name: filepath.Base(d.Name), DCT: d.DCT.Format("2006-01-02"), Text: d.Text})
		}
		b, _ := json.Marshal(pd)
		if err := os.WriteFile(dump, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out == "" {
		return
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var peer map[string][]peerTimex
	if err := json.Unmarshal(b, &peer); err != nil {
		t.Fatal(err)
	}
	var c Counts
	for _, d := range docs {
		var sys []document.Timex
		for _, p := range peer[filepath.Base(d.Name)] {
			sys = append(sys, document.Timex{Span: document.Span{Start: p.Start, End: p.End}, Text: p.Text, Type: p.Type, Value: p.Value})
		}
		c.Add(d.Timexes, sys)
	}
	var buf bytes.Buffer
	Report(&buf, "chrono-node 2.10.3 (peer) on TempEval-3 platinum", "chrono-node", c)
	ours, err := Evaluate(context.Background(), files, nil)
	if err != nil {
		t.Fatal(err)
	}
	Report(&buf, "corroborate on the same documents", "corroborate", ours)
	t.Log(buf.String())
}
