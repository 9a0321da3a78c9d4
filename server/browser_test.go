package server_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/corroborate/corroborate/server"
)

// browserEnv turns the browser test on (scripts/browser-test.sh sets it
// after installing Debian's chromium).
const browserEnv = "CORROBORATE_BROWSER"

// article is an invented report typed into the form.
const article = `Dam gates opened after week of rain in Velmora

VELMORA, 14 March (Harbour Wire) - Engineers opened three gates of the Velmora dam on Tuesday after a week of heavy rain raised the reservoir to its highest level in twenty years, the regional water authority said.

"We had no choice but to release water before the weekend storms," said Irena Kovalska, the authority's chief engineer. She said about 1,200 residents of low-lying streets had been asked to move to higher ground.

The mayor of Velmora, Tomas Brezik, said schools near the river would stay closed until Friday. "Nobody has been hurt, and we intend to keep it that way," he told reporters.

The authority said the river was expected to peak on Wednesday evening and to fall slowly over the following days.`

// TestBrowserAddReportAndFollowCitation uses the web interface in headless
// Chromium as a person would: open /, paste a report into the form and
// send it, watch it land in a story, open the story from the list, open its
// account, click a summary citation and check the highlighted passage is
// the cited one. Screenshots go to $CORROBORATE_TESTOUT (else a temporary
// folder).
func TestBrowserAddReportAndFollowCitation(t *testing.T) {
	if os.Getenv(browserEnv) == "" {
		t.Skipf("browser test: set %s=1 (scripts/browser-test.sh installs chromium and runs it)", browserEnv)
	}
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("browser test needs chromium: %v", err)
	}
	out := os.Getenv("CORROBORATE_TESTOUT")
	if out == "" {
		out = t.TempDir()
	}
	s := start(t, server.Config{Rate: 50})

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.NoSandbox,
		chromedp.WindowSize(1200, 900), chromedp.Flag("disable-background-networking", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}

	do(chromedp.Navigate(s.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("add-form")),
		chromedp.SetValue(chromedp.ID("add-text"), article),
		chromedp.SetValue(chromedp.ID("add-source"), "Harbour Wire"))
	shot("service-1-form.png")
	// The job page follows the work and opens the story when done.
	do(chromedp.Click(chromedp.ID("add-submit")), chromedp.WaitVisible(chromedp.ID("story")))
	storyURL, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	// The account shows in the story page's frame.
	do(chromedp.Sleep(time.Second))
	shot("service-2-story.png")
	do(chromedp.Navigate(s.URL+"/"), chromedp.WaitVisible(chromedp.ID("stories")))
	listText, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("stories")))
	if err != nil {
		t.Fatal(err)
	}
	do(chromedp.Click(chromedp.CSS("a.story-link")), chromedp.WaitVisible(chromedp.ID("story")))
	if !strings.Contains(storyURL, "/stories/s") {
		t.Fatalf("after sending the form the browser is at %s, want a story", storyURL)
	}
	if !strings.Contains(listText, "Dam gates opened") {
		t.Fatalf("the story list reads %q, want the new report's story", listText)
	}
	storyID := storyURL[strings.LastIndex(storyURL, "/")+1:]

	// The cited passage, from the API.
	var acc struct {
		Documents []struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		} `json:"documents"`
		Summary []struct {
			Sources []struct {
				Doc        string
				Start, End int
			} `json:"sources"`
		} `json:"summary"`
	}
	resp := s.do(t, "GET", "/api/v1/stories/"+storyID, "", nil, &acc)
	if resp.StatusCode != 200 || len(acc.Summary) == 0 || len(acc.Summary[0].Sources) == 0 {
		t.Fatalf("account: %d, summary %+v", resp.StatusCode, acc.Summary)
	}
	c := acc.Summary[0].Sources[0]
	want := ""
	for _, d := range acc.Documents {
		if d.ID == c.Doc {
			want = d.Text[c.Start:c.End]
		}
	}

	type hlState struct {
		Highlighted string `json:"highlighted"`
		Visible     bool   `json:"visible"`
	}
	do(chromedp.Click(chromedp.ID("full-account")),
		chromedp.WaitVisible(chromedp.CSS("ol.summary a.cite")),
		chromedp.Click(chromedp.CSS("ol.summary a.cite")),
		chromedp.Sleep(300*time.Millisecond))
	state, err := chromedp.Run(ctx, chromedp.Evaluate[hlState](`(function(){
var hl = Array.from(document.querySelectorAll("span.hl"));
var r = hl.length ? hl[0].getBoundingClientRect() : null;
return {highlighted: hl.map(function(e){return e.textContent}).join(""),
        visible: !!r && r.top >= 0 && r.bottom <= window.innerHeight};})()`))
	if err != nil {
		t.Fatal(err)
	}
	shot("service-3-citation.png")
	if state.Highlighted != want || want == "" {
		t.Errorf("highlighted %q, want the cited passage %q", state.Highlighted, want)
	}
	if !state.Visible {
		t.Errorf("the highlighted passage is not in view")
	}
	b, _ := json.Marshal(state)
	t.Logf("citation: %s; screenshots in %s", b, out)
}
