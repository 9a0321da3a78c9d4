package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corroborate/corroborate/engine"
	"github.com/corroborate/corroborate/store/sqlite"
)

// childEnv makes the test binary run the command line instead of the
// tests, so that a test can start `corroborate serve` as a child process
// and kill it.
const childEnv = "CORROBORATE_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		os.Args = append([]string{"corroborate"}, os.Args[1:]...)
		main()
		return
	}
	os.Exit(m.Run())
}

// child is a `corroborate serve` process.
type child struct {
	cmd  *exec.Cmd
	base string
	logs *bytes.Buffer
}

// startServe starts serve on dir and waits for its address.
func startServe(t *testing.T, dir string, extra ...string) *child {
	t.Helper()
	args := append([]string{"serve", "--data", dir, "--addr", "127.0.0.1:0", "--rate", "0", "--workers", "1"}, extra...)
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, logs: &bytes.Buffer{}}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			c.logs.WriteString(line + "\n")
			if rest, ok := strings.CutPrefix(line, "corroborate: serving "); ok {
				addr <- strings.Fields(rest)[0]
			}
		}
	}()
	select {
	case c.base = <-addr:
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("serve did not start")
	}
	return c
}

// syntheticReport is report i: a made-up event in made-up words, so that
// each report starts its own story, carrying the unique word tokNNNNN.
func syntheticReport(i int) map[string]string {
	r := rand.New(rand.NewSource(int64(i)))
	syl := []string{"ka", "lo", "mi", "ra", "te", "su", "vo", "ne", "di", "pa", "gu", "zo"}
	word := func() string {
		n := 2 + r.Intn(3)
		var b strings.Builder
		for range n {
			b.WriteString(syl[r.Intn(len(syl))])
		}
		return b.String()
	}
	tok := fmt.Sprintf("tok%05d", i)
	var body strings.Builder
	for s := range 6 {
		fmt.Fprintf(&body, "The %s of %s said the %s %s had %s the %s near %s", word(), word(), word(), word(), word(), word(), word())
		if s == 2 {
			body.WriteString(" (" + tok + ")")
		}
		body.WriteString(". ")
	}
	return map[string]string{"title": "Report " + tok + " on " + word(), "text": body.String(), "source": "Synthetic " + word()}
}

// durability posts n reports from 4 clients, kills serve with SIGKILL
// after about half were acknowledged, restarts it and checks that every
// acknowledged report is stored exactly once (and none twice).
func durability(t *testing.T, n int) {
	dir := t.TempDir()
	c := startServe(t, dir, "--wait", "0")
	var mu sync.Mutex
	acked := map[int]string{} // report → job id
	next := 0
	killed := make(chan struct{})
	var killOnce sync.Once
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 30 * time.Second}
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				select {
				case <-killed:
					return
				default:
				}
				b, _ := json.Marshal(syntheticReport(i))
				resp, err := client.Post(c.base+"/api/v1/documents", "application/json", bytes.NewReader(b))
				if err != nil {
					return // the server is gone: this report was not acknowledged
				}
				var v struct {
					Job any `json:"job"`
				}
				json.NewDecoder(resp.Body).Decode(&v)
				resp.Body.Close()
				if resp.StatusCode == 201 || resp.StatusCode == 202 {
					mu.Lock()
					acked[i] = fmt.Sprint(v.Job)
					half := len(acked) >= n/2
					mu.Unlock()
					if half {
						killOnce.Do(func() {
							c.cmd.Process.Kill() // SIGKILL: no shutdown runs
							close(killed)
						})
					}
				}
			}
		}()
	}
	wg.Wait()
	killOnce.Do(func() { c.cmd.Process.Kill(); close(killed) })
	c.cmd.Wait()
	t.Logf("%d of %d reports acknowledged before kill -9", len(acked), n)

	c2 := startServe(t, dir)
	defer func() {
		c2.cmd.Process.Signal(os.Interrupt)
		c2.cmd.Wait()
	}()
	get := func(path string, out any) {
		resp, err := client.Get(c2.base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
	}
	// Every acknowledged job finishes after the restart.
	deadline := time.Now().Add(time.Duration(n)*time.Second + time.Minute)
	for i, job := range acked {
		for {
			var j struct{ State, Error string }
			get("/api/v1/jobs/"+job, &j)
			if j.State == "done" {
				break
			}
			if j.State == "failed" || time.Now().After(deadline) {
				t.Fatalf("report %d's job %s: %+v\n%s", i, job, j, c2.logs)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	for i := range n {
		var res struct {
			Hits []struct{ Kind, ID string } `json:"hits"`
		}
		get(fmt.Sprintf("/api/v1/search?q=tok%05d&limit=50", i), &res)
		docs := 0
		for _, h := range res.Hits {
			if h.Kind == "document" {
				docs++
			}
		}
		_, ok := acked[i]
		if (ok && docs != 1) || docs > 1 {
			t.Errorf("report %d (acknowledged %v) stored %d times", i, ok, docs)
		}
	}
}

func TestKill9KeepsAcknowledgedReports(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills a server")
	}
	durability(t, 40)
}

// TestServeRefusesOpenAddressWithoutToken: a non-loopback address needs a
// token.
func TestServeRefusesOpenAddressWithoutToken(t *testing.T) {
	t.Setenv(tokenEnv, "")
	var stderr bytes.Buffer
	root := newRoot()
	root.SetArgs([]string{"serve", "--data", t.TempDir(), "--addr", "0.0.0.0:0"})
	root.SetErr(&stderr)
	err := executeRoot(context.Background(), root)
	if code := exitCode(err, io.Discard); code != exitUsage || !strings.Contains(err.Error(), "--token") {
		t.Fatalf("exit %d, %v; want a usage error naming --token", code, err)
	}
}

// TestDemoServeAccountEqualsDemo: the story demo --serve builds has the
// account `demo --format json` writes (the paywalled stub listed as
// excluded in both).
func TestDemoServeAccountEqualsDemo(t *testing.T) {
	out := filepath.Join(t.TempDir(), "demo.json")
	root := newRoot()
	root.SetArgs([]string{"demo", "--format", "json", "-o", out})
	root.SetErr(io.Discard)
	if err := executeRoot(context.Background(), root); err != nil && !errors.Is(err, errPartial) {
		t.Fatal(err)
	}
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	e, err := engine.New(ctx, db, engine.Options{Generator: "corroborate " + version})
	if err != nil {
		t.Fatal(err)
	}
	story, err := addDemo(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	acc, err := db.Account(ctx, story)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(acc.JSON, want) {
		os.WriteFile(filepath.Join(t.TempDir(), "x"), nil, 0o644)
		if d := os.Getenv("CORROBORATE_TESTOUT"); d != "" {
			os.WriteFile(filepath.Join(d, "demo-serve.json"), acc.JSON, 0o644)
			os.WriteFile(filepath.Join(d, "demo.json"), want, 0o644)
		}
		t.Fatalf("the served demo story's account (%d bytes) differs from demo --format json (%d bytes)", len(acc.JSON), len(want))
	}
	if !bytes.Contains(want, []byte(`"excluded": [`)) {
		t.Errorf("the demo's account lists no excluded report")
	}
}
