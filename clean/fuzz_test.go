package clean

import (
	"testing"

	"github.com/corroborate/corroborate/document"
)

// FuzzClean checks that no input makes the cleaner panic or break its
// invariants (go test ./clean -fuzz FuzzClean -fuzztime 30s).
func FuzzClean(f *testing.F) {
	f.Add("Headline | Outlet\n\nHeadline\n\nBy A Writer\n\nText (AP)\n\nAbout Outlet\n\nOutlet is a site.\n\nOther news", "Headline | Outlet", "Outlet", false)
	f.Add("Region in Brief\nItem one.More\nItem two.More", "", "", true)
	f.Add("\r\n\u00a0\n\ufeffx\n\n(", "(", ")", false)
	f.Add("© \n[\n]\nMore\nabout \n", "about", "", true)
	f.Add(lead+"Image caption Water fills the square Getty Images 4 A bridge (Lena Voss/Valley Press) Roads gone pic.twitter.com/x -- A (@a) March 3, 2019 "+
		"Click to share on X (Opens in new window) [A bracketed headline about the storm] Anna Berg waded to her shop The water rose. "+
		"Firefighters pumped the gym as Mayor Ruiz looked on While it rained, more fell."+closing, "Storm", "Valley Press", false)
	f.Fuzz(func(t *testing.T, extracted, title, outlet string, html bool) {
		d := &document.Document{ID: "f", Extracted: extracted, Title: title, Outlet: outlet, Format: document.FormatText}
		if html {
			d.Format = document.FormatHTML
		}
		sib := &document.Document{ID: "g", Extracted: extracted, Outlet: outlet}
		New(Options{}).Clean(d, []*document.Document{sib})
		checkInvariants(t, d)
	})
}
