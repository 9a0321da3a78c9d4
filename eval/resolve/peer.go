package resolve

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

//go:embed peer_jellyfish.py
var peerScript string

// pythonWithJellyfish returns a Python interpreter that can import
// jellyfish (Debian's python3-jellyfish lands in /usr/bin/python3).
func pythonWithJellyfish(ctx context.Context) (string, error) {
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if _, err := exec.LookPath(py); err != nil {
			continue
		}
		if err := exec.CommandContext(ctx, py, "-c", "import jellyfish").Run(); err == nil {
			return py, nil
		}
	}
	return "", fmt.Errorf("no python3 with jellyfish (apt-get install python3-jellyfish)")
}

// runPeer scores the jellyfish peer on the same pairs: its Jaro-Winkler
// threshold is tuned on tune, every method is scored on test.
func runPeer(ctx context.Context, tune, test []pair, w interface{ Write([]byte) (int, error) }, row func(string, float64, scores)) error {
	py, err := pythonWithJellyfish(ctx)
	if err != nil {
		return err
	}
	var in bytes.Buffer
	for _, split := range []struct {
		name  string
		pairs []pair
	}{{"tune", tune}, {"test", test}} {
		for _, p := range split.pairs {
			fmt.Fprintf(&in, "%s\t%s\t%s\t%s\n", split.name, p.kind, p.a, p.b)
		}
	}
	cmd := exec.CommandContext(ctx, py, "-c", peerScript)
	cmd.Stdin = &in
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("running jellyfish peer: %w", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			return fmt.Errorf("jellyfish peer: unexpected output line %q", line)
		}
		var v [6]float64
		for i := range v {
			if v[i], err = strconv.ParseFloat(f[i+1], 64); err != nil {
				return fmt.Errorf("jellyfish peer: bad number in %q: %w", line, err)
			}
		}
		row(f[0], v[0], scores{P: v[1], R: v[2], F1: v[3], FARRand: v[4], FARHard: v[5]})
	}
	return nil
}
