package clean

import (
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// flat cleans text as the only line of a document (a record whose line
// breaks were lost) and returns the removals and the kept text.
func flat(t *testing.T, title, text string) ([]document.Removal, string) {
	t.Helper()
	d := &document.Document{ID: "d", Source: "d", Format: document.FormatText, Extracted: text, Title: title}
	New(Options{}).Clean(d, nil)
	return d.Removed, d.Text
}

// lead is a sentence of reporting long enough to make the line flat.
const lead = "Rescue teams worked through the night to reach the village of Orvik after the storm cut its only road, " +
	"the regional authority said on Thursday. Officials said more than two hundred homes had lost power and that " +
	"engineers expected to restore it within three days. "

// closing ends each example with more reporting.
const closing = " The authority said schools in the valley would stay closed until Monday while the road is repaired. " +
	"Residents were asked to boil their water as a precaution."

func TestInlinePieces(t *testing.T) {
	tests := []struct {
		name, piece, code string
	}{
		{"embedded post", "Roads are gone, water everywhere pic.twitter.com/AbC123xyz -- Orvik Weather (@orvikweather) March 3, 2019", CodeSocialEmbed},
		{"instagram post", "Stay safe everyone A photo posted by Valley News (@valleynews) on Mar 3, 2019 at 9:15am PST", CodeSocialEmbed},
		{"caption closed by a credit", "Flood water covers the main square of Orvik (Lena Voss/Valley Press)", CodePhotoCaption},
		{"credit after a sentence", "(Photo: Valley Press)", CodePhotoCredit},
		{"caption label", "Image caption Residents carried belongings through the flooded square", CodePhotoCaption},
		{"share buttons", "Click to share on WhatsApp (Opens in new window) Click to share on Facebook (Opens in new window)", CodeShareFollow},
		{"sign-up box", "Get daily updates directly to your inbox + Subscribe Thank you for subscribing! Could not subscribe, try again later Invalid Email", CodeShareFollow},
		{"robot check", "Please verify you're not a robot by clicking the box.", CodeWidget},
		{"ad label", "Advertisement Continue reading the main story", CodeAdvertisement},
		{"bracketed link", "[Storms in the valley are getting stronger, scientists warn]", CodeReadMoreTeaser},
		{"caps credit caption", "GETTY Volunteers fill sandbags outside the town hall", CodePhotoCaption},
		{"copyright", "Copyright 2019 Valley Press. All rights reserved.", CodeCopyright},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := lead + tt.piece + closing
			removed, kept := flat(t, "", text)
			var got *document.Removal
			for i := range removed {
				if strings.Contains(removed[i].Text, strings.Fields(tt.piece)[1]) {
					got = &removed[i]
				}
			}
			if got == nil {
				t.Fatalf("piece not removed; removals %+v", removed)
			}
			if ReasonCode(got.Reason) != tt.code {
				t.Errorf("reason %q, want code %s", got.Reason, tt.code)
			}
			for _, keep := range []string{"Rescue teams worked through the night", "engineers expected to restore it within three days.",
				"The authority said schools in the valley", "boil their water as a precaution."} {
				if !strings.Contains(kept, keep) {
					t.Errorf("reporting %q lost; text %q", keep, kept)
				}
			}
			if strings.Contains(kept, strings.TrimSpace(tt.piece)) {
				t.Errorf("piece left in the text: %q", kept)
			}
		})
	}
}

func TestInlineKeepsReporting(t *testing.T) {
	// Sentences that look a little like furniture but are reporting.
	tests := []string{
		"The mayor said the storm was \"the worst in living memory\" and called for help from the capital.",
		"Lena Voss, a photographer for Valley Press, said she had never seen the river so high.",
		"A spokesman for the police (who asked not to be named) said two people were missing.",
		"The council's spokeswoman, Ana Ruiz (pictured), said the shelters were full.",
		"By Thursday evening the water had started to fall in the lower streets.",
		"In a post on Twitter, the mayor thanked volunteers: \"You are heroes.\"",
	}
	for _, s := range tests {
		t.Run(s[:20], func(t *testing.T) {
			text := lead + s + closing
			removed, kept := flat(t, "", text)
			if !strings.Contains(kept, s) {
				t.Errorf("reporting cut; removals %+v", removed)
			}
		})
	}
}

func TestCountedGallery(t *testing.T) {
	text := lead + "Getty Images 4 Water fills the main square after the storm Reuters 4 Volunteers carry sandbags to the school " +
		"Valley Press 4 A bridge lies broken across the river The authority said the bridge would take months to rebuild." + closing
	removed, kept := flat(t, "", text)
	for _, gone := range []string{"Water fills the main square", "Volunteers carry sandbags", "A bridge lies broken"} {
		if strings.Contains(kept, gone) {
			t.Errorf("caption %q kept; removals %+v", gone, removed)
		}
	}
	if !strings.Contains(kept, "The authority said the bridge would take months to rebuild.") {
		t.Errorf("reporting after the gallery lost: %q", kept)
	}
	// Numbers that are prices or quantities are no gallery.
	prices := lead + "The shop sold boots for $39. 99 Pairs were gone by noon. It sold coats for $59. 99 Were gone by one. " +
		"Hats cost $19. 99 Sold out too." + closing
	if removed, _ := flat(t, "", prices); len(removed) != 0 {
		t.Errorf("prices taken for a gallery: %+v", removed)
	}
}

func TestGluedCaptions(t *testing.T) {
	text := lead + "Anna Berg waded through the flooded square to reach her shop on Thursday morning " +
		"The water reached the windows of the old market hall by noon, witnesses said. " +
		"Firefighters pumped water out of the school gym as Mayor Ruiz looked on " +
		"While the rain eased in the afternoon, forecasters warned of more storms at the weekend." + closing
	removed, kept := flat(t, "", text)
	for _, gone := range []string{"Anna Berg waded", "Firefighters pumped water"} {
		if strings.Contains(kept, gone) {
			t.Errorf("glued caption %q kept; removals %+v", gone, removed)
		}
	}
	for _, keep := range []string{"The water reached the windows of the old market hall by noon, witnesses said.", "While the rain eased in the afternoon"} {
		if !strings.Contains(kept, keep) {
			t.Errorf("reporting %q lost: %q", keep, kept)
		}
	}
	// A single glued block is not enough evidence.
	one := lead + "Anna Berg waded through the flooded square to reach her shop on Thursday morning " +
		"The water reached the windows of the old market hall by noon, witnesses said." + closing
	if removed, _ := flat(t, "", one); len(removed) != 0 {
		t.Errorf("one glued block removed: %+v", removed)
	}
}

func TestInlineOnlyOnFlatLines(t *testing.T) {
	// The same piece in a document with line breaks is judged by the line
	// rules only: a paragraph of 400 bytes or so is not searched inside.
	text := "Storm cuts road to Orvik\n\n" + lead + "(Photo: Valley Press)" + closing + "\n\nMore reporting follows here."
	d := &document.Document{ID: "d", Source: "d", Format: document.FormatText, Extracted: text}
	New(Options{}).Clean(d, nil)
	if !strings.Contains(d.Text, "(Photo: Valley Press)") {
		t.Errorf("a paragraph of a document with line breaks was cleaned inside: %+v", d.Removed)
	}
}

func TestRunOnBoundary(t *testing.T) {
	tests := []struct {
		text, want string // want: the word the boundary starts at, "" for none
	}{
		{"the scene after the crash in Croydon The other victims were named", "The"},
		{"volunteers from the village met Mayor Ruiz at the bridge", ""},
		{"a sign reading \"Love wins\" outside the hall", ""},
		{"mourners gathered at the scene \"We are heartbroken\" one said", "\"We"},
		{"the race still ongoing With the rain falling hard", "With"},
		{"in The Times yesterday morning", ""},
	}
	for _, tt := range tests {
		b := runOnBoundary(tt.text, 0, len(tt.text))
		got := ""
		if b > 0 {
			got = tt.text[b:wordEnd(tt.text, b)]
		}
		if got != tt.want {
			t.Errorf("runOnBoundary(%q) at %q, want %q", tt.text, got, tt.want)
		}
	}
}
