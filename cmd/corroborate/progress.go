package main

import (
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/corroborate/corroborate/pipeline"
)

// isTerminal reports whether w is a terminal, where a progress bar can be
// drawn (a variable so that tests can pretend).
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progressDisplay draws the analysis's progress on stderr: one bar per
// step (documents read, then each group of per-document stages and each
// cross-document stage), cleared when the step ends.
type progressDisplay struct {
	w    io.Writer
	mu   sync.Mutex
	step string
	bar  *progressbar.ProgressBar
}

// newProgress returns the display for stderr, or nil (no display) with
// --quiet or when stderr is not a terminal.
func newProgress(stderr io.Writer, quiet bool) *progressDisplay {
	if quiet || !isTerminal(stderr) {
		return nil
	}
	return &progressDisplay{w: stderr}
}

// fn returns the display as a pipeline.ProgressFunc (nil for no display).
func (p *progressDisplay) fn() pipeline.ProgressFunc {
	if p == nil {
		return nil
	}
	return p.update
}

// update shows step at done of total.
func (p *progressDisplay) update(step string, done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if step != p.step || p.bar == nil {
		if p.bar != nil {
			_ = p.bar.Clear()
		}
		p.step = step
		p.bar = progressbar.NewOptions(max(total, 1),
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription(step),
			progressbar.OptionShowCount(),
			progressbar.OptionSetRenderBlankState(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	_ = p.bar.Set(done)
}

// close clears the bar so that the lines written after it stand alone.
func (p *progressDisplay) close() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Clear()
		p.bar = nil
	}
}
