package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestClusterCommand clusters six invented text reports about two
// fictional events and checks the JSON stories group them by event.
func TestClusterCommand(t *testing.T) {
	dir := t.TempDir()
	reports := map[string]string{
		"quake1.txt":  "Earthquake shakes Pellam harbour\n\nA strong earthquake shook the harbour town of Pellam on Monday, cracking the sea wall and toppling cranes at the port.",
		"quake2.txt":  "Pellam port closed after quake\n\nThe port of Pellam stayed closed after the earthquake damaged its sea wall and two cranes, the harbour authority said.",
		"quake3.txt":  "Aftershocks rattle Pellam\n\nAftershocks rattled Pellam as engineers checked the cracked harbour sea wall for further earthquake damage.",
		"strike1.txt": "Rail workers strike in Dunmore\n\nTrain drivers in Dunmore walked out over pay, halting commuter rail services across the region.",
		"strike2.txt": "Dunmore commuters stranded by rail strike\n\nCommuters in Dunmore were stranded as the train drivers' strike over pay shut every rail line.",
		"strike3.txt": "Talks fail to end Dunmore rail strike\n\nPay talks between the rail operator and Dunmore train drivers broke down, extending the strike.",
	}
	for name, body := range reports {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "stories.json")
	cmd := newCluster()
	var stderr bytes.Buffer
	cmd.SetErr(&stderr)
	cmd.SetArgs([]string{dir, "--format", "json", "-o", out, "--published", "2031-05-04"})
	if err := cmd.Execute(); err != nil {
		t.Fatalf("cluster: %v\n%s", err, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Stories []struct {
			ID        string `json:"id"`
			Documents []struct {
				Source string `json:"source"`
			} `json:"documents"`
		} `json:"stories"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, b)
	}
	storyOf := map[string]string{}
	for _, s := range got.Stories {
		for _, d := range s.Documents {
			storyOf[filepath.Base(d.Source)] = s.ID
		}
	}
	if len(storyOf) != len(reports) {
		t.Fatalf("%d reports in the stories, want %d:\n%s", len(storyOf), len(reports), b)
	}
	for a := range reports {
		for b := range reports {
			same := storyOf[a] == storyOf[b]
			want := strings.HasPrefix(a, "quake") == strings.HasPrefix(b, "quake")
			if same != want {
				t.Errorf("%s (%s) and %s (%s): same story = %v, want %v", a, storyOf[a], b, storyOf[b], same, want)
			}
		}
	}
}

func TestClusterCommandUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"x.txt", "--format", "html"}, {"x.txt", "--threshold", "2"}} {
		cmd := newCluster()
		cmd.SetArgs(args)
		cmd.SetErr(&bytes.Buffer{})
		cmd.SetOut(&bytes.Buffer{})
		if err := cmd.Execute(); err == nil {
			t.Errorf("cluster %v: want a usage error", args)
		} else if _, ok := err.(usageError); !ok {
			t.Errorf("cluster %v: err %v is not a usage error", args, err)
		}
	}
}
