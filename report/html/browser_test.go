package html

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
	"github.com/corroborate/corroborate/summarize"
	"github.com/corroborate/corroborate/text"
)

// browserEnv turns the browser test on; scripts/browser-test.sh sets it
// after installing chromium and chromedriver.
const browserEnv = "CORROBORATE_BROWSER"

// chromeFlags keep the headless browser off the network and quiet.
var chromeFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
	"--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1200,900",
}

// TestBrowser opens a report with hostile text in headless Chromium
// through chromedriver (W3C WebDriver over HTTP), clicks the first summary
// citation, checks that the highlighted text is exactly the cited passage
// and that no planted script ran, and saves a screenshot under testout/.
func TestBrowser(t *testing.T) {
	if os.Getenv(browserEnv) == "" {
		t.Skipf("browser test: set %s=1 (scripts/browser-test.sh installs chromium and chromedriver and runs it)", browserEnv)
	}
	driver := envOr("CHROMEDRIVER", "/usr/bin/chromedriver")
	binary := envOr("CHROMIUM", "/usr/bin/chromium")
	for _, p := range []string{driver, binary} {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("browser test needs %s: %v", p, err)
		}
	}
	out := testOut(t)
	s := fixture(`<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>`)
	var page bytes.Buffer
	if err := Write(&page, s, Options{Title: "Browser test report"}); err != nil {
		t.Fatal(err)
	}
	reportPath := filepath.Join(out, "report.html")
	if err := os.WriteFile(reportPath, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	wd := startDriver(ctx, t, driver)
	sess := wd.newSession(t, binary)
	defer wd.do(t, http.MethodDelete, "/session/"+sess, nil, nil)
	wd.checkCitation(t, sess, s, reportPath, filepath.Join(out, "report-citation.png"))

	// The same on the real reports, when the shared corpus is present.
	if _, ok := shareddata.Path("corpus", "hashimi"); ok {
		hs := hashimiStory(t)
		page.Reset()
		if err := Write(&page, hs, Options{Title: "Killing of Hisham al-Hashimi (5 reports)"}); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(out, "hashimi.html")
		if err := os.WriteFile(p, page.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		wd.checkCitation(t, sess, hs, p, filepath.Join(out, "hashimi-citation.png"))
	}
}

// checkCitation loads the report at path, clicks the first summary
// citation, checks the highlight and that no planted script ran, and
// saves a screenshot to shotPath.
func (wd *webDriver) checkCitation(t *testing.T, sess string, s *document.Story, reportPath, shotPath string) {
	t.Helper()
	base := "/session/" + sess
	wd.do(t, http.MethodPost, base+"/url", map[string]any{"url": "file://" + reportPath}, nil)
	var elem map[string]string
	wd.do(t, http.MethodPost, base+"/element", map[string]any{"using": "css selector", "value": "ol.summary a.cite"}, &elem)
	var id string
	for _, v := range elem {
		id = v
	}
	if id == "" {
		t.Fatal("no citation link found in the summary")
	}
	wd.do(t, http.MethodPost, base+"/element/"+id+"/click", map[string]any{}, nil)
	c := s.Summary[0].Sources[0]
	doc := -1
	for i, d := range s.Docs {
		if d.ID == c.Doc {
			doc = i
		}
	}

	var state struct {
		Highlighted string `json:"highlighted"`
		Open        bool   `json:"open"`
		Pwned       any    `json:"pwned"`
		Status      string `json:"status"`
		Visible     bool   `json:"visible"`
	}
	wd.do(t, http.MethodPost, base+"/execute/sync", map[string]any{"script": `
var hl = Array.from(document.querySelectorAll("span.hl"));
var r = hl.length ? hl[0].getBoundingClientRect() : null;
return {highlighted: hl.map(function(e){return e.textContent}).join(""),
        open: document.getElementById("doc-" + arguments[0]).open,
        pwned: window.pwned === undefined ? null : window.pwned,
        status: document.getElementById("status").textContent,
        visible: !!r && r.top >= 0 && r.bottom <= window.innerHeight};`, "args": []any{doc}}, &state)

	_, want, err := s.Resolve(c)
	if err != nil {
		t.Fatal(err)
	}
	if state.Highlighted != want {
		t.Errorf("%s: highlighted %q, want the cited passage %q", filepath.Base(reportPath), state.Highlighted, want)
	}
	if !state.Open || !state.Visible {
		t.Errorf("%s: cited article open=%v, highlight visible=%v; want both", filepath.Base(reportPath), state.Open, state.Visible)
	}
	if state.Pwned != nil {
		t.Errorf("%s: planted script ran (window.pwned=%v)", filepath.Base(reportPath), state.Pwned)
	}
	t.Logf("%s: status bar %q", filepath.Base(reportPath), state.Status)

	var shot string
	wd.do(t, http.MethodGet, base+"/screenshot", nil, &shot)
	png, err := base64.StdEncoding.DecodeString(shot)
	if err != nil || len(png) < 1000 {
		t.Fatalf("bad screenshot (%d bytes): %v", len(png), err)
	}
	if err := os.WriteFile(shotPath, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("report %s, screenshot %s", reportPath, shotPath)
}

// hashimiStory builds a story from the raw corpus files (first line the
// title), split by package text and summarized.
func hashimiStory(t *testing.T) *document.Story {
	t.Helper()
	s := document.NewStory()
	for _, f := range shareddata.Corpus(t, "hashimi") {
		title, body, _ := strings.Cut(f.Text, "\n")
		d := &document.Document{ID: f.Name, Source: filepath.Base(f.Path), Title: title, Text: body}
		if err := text.New().Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		s.Add(d)
	}
	if err := summarize.New(summarize.Options{}).Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	return s
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// testOut returns the repository's testout/ folder (or $CORROBORATE_TESTOUT).
func testOut(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("CORROBORATE_TESTOUT")
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			t.Fatal(err)
		}
		for d := wd; ; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				dir = filepath.Join(d, "testout")
				break
			}
			if filepath.Dir(d) == d {
				dir = filepath.Join(wd, "testout")
				break
			}
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		t.Fatal(err)
	}
	return abs
}

// webDriver is a minimal W3C WebDriver client.
type webDriver struct {
	url    string
	client *http.Client
}

func startDriver(ctx context.Context, t *testing.T, path string) *webDriver {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.CommandContext(ctx, path, fmt.Sprintf("--port=%d", port))
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	wd := &webDriver{url: fmt.Sprintf("http://127.0.0.1:%d", port), client: &http.Client{Timeout: 60 * time.Second}}
	for i := 0; i < 100; i++ {
		resp, err := wd.client.Get(wd.url + "/status")
		if err == nil {
			resp.Body.Close()
			return wd
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("chromedriver did not start: %s", logs.String())
	return nil
}

func (wd *webDriver) newSession(t *testing.T, binary string) string {
	t.Helper()
	var resp struct {
		SessionID string `json:"sessionId"`
	}
	wd.do(t, http.MethodPost, "/session", map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"browserName":        "chrome",
		"goog:chromeOptions": map[string]any{"binary": binary, "args": chromeFlags},
	}}}, &resp)
	if resp.SessionID == "" {
		t.Fatal("chromedriver gave no session id")
	}
	return resp.SessionID
}

// do sends one WebDriver command and decodes its "value" into out.
func (wd *webDriver) do(t *testing.T, method, path string, body any, out any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, wd.url+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := wd.client.Do(req)
	if err != nil {
		t.Fatalf("webdriver %s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("webdriver %s %s: %s: %s", method, path, resp.Status, strings.TrimSpace(string(raw)))
	}
	if out == nil {
		return
	}
	var env struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(raw, &env); err != nil {
		t.Fatalf("webdriver %s %s: decoding %q: %v", method, path, raw, err)
	}
	if err := json.Unmarshal(env.Value, out); err != nil {
		t.Fatalf("webdriver %s %s: decoding value %q: %v", method, path, env.Value, err)
	}
}
