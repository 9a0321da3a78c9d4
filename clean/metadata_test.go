package clean

import (
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
)

func TestBylineDateline(t *testing.T) {
	published := document.DayDate(time.Date(2027, 5, 4, 0, 0, 0, 0, time.UTC), "test")
	cases := []struct {
		name      string
		line      string
		authors   []string
		outlet    string
		published document.Date
		keep      bool
		want      string
	}{
		{name: "byline naming a known author", line: "By Ana Kovač", authors: []string{"Ana Kovač"}, want: CodeByline},
		{name: "byline with two authors, one known", line: "By Ana Kovač and Jonas Pettersen", authors: []string{"Ana Kovač"}, want: CodeByline},
		{name: "byline naming the outlet", line: "By Varnholt Courier staff", outlet: "Varnholt Courier", want: CodeByline},
		{name: "byline with unknown author stays", line: "By Ana Kovač", outlet: "Varnholt Courier", want: ""},
		{name: "byline without metadata", line: "By Ana Kovač", want: ""},
		{name: "byline kept by option", line: "By Ana Kovač", authors: []string{"Ana Kovač"}, keep: true, want: ""},
		{name: "by the time prose", line: "By the time rescuers arrived, the water had receded.", outlet: "Varnholt Courier", want: ""},
		{name: "reporting by", line: "Reporting by Jonas Pettersen; Editing by Mira Holm", authors: []string{"Jonas Pettersen"}, want: CodeByline},
		{name: "additional reporting", line: "Additional reporting by Mira Holm", want: CodeByline},
		{name: "contributed reporting", line: "Jonas Pettersen contributed reporting from Brekke.", want: CodeByline},
		{name: "contributed kept by option", line: "Jonas Pettersen contributed reporting from Brekke.", keep: true, want: ""},
		{name: "date line with published", line: "May 4, 2027", published: published, want: CodeDateline},
		{name: "updated line", line: "Updated: 4 May 2027 10:32 GMT", published: published, want: CodeDateline},
		{name: "time first with zone", line: "10:01 pm PST, Tuesday, May 4, 2027", published: published, want: CodeDateline},
		{name: "published with time", line: "Published 11:34 PM EST May 4, 2027", published: published, want: CodeDateline},
		{name: "updated on with slash", line: "Updated on: May 4, 2027 / 10:07 AM", published: published, want: CodeDateline},
		{name: "ordinal and dash", line: "Published May 4th, 2027 - 07:50 GMT", published: published, want: CodeDateline},
		{name: "short day month year", line: "4 May 2027", published: published, want: CodeDateline},
		{name: "iso", line: "2027-05-04", published: published, want: CodeDateline},
		{name: "event date range stays", line: "29 November 2026 | 20 January 2027", published: published, want: ""},
		{name: "other year stays", line: "May 4, 2019", published: published, want: ""},
		{name: "month without year or time", line: "May 4", published: published, want: ""},
		{name: "date line without published", line: "May 4, 2027", want: ""},
		{name: "date in prose", line: "On May 4, 2027 the river rose again.", published: published, want: ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := docWith("", tc.outlet, tc.line)
			d.Authors, d.Published = tc.authors, tc.published
			New(Options{KeepMetadataLines: tc.keep}).Clean(d, nil)
			if got := codeOf(t, d, tc.line); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			checkInvariants(t, d)
		})
	}
}

func TestCopyrightTags(t *testing.T) {
	runLineCases(t, []lineCase{
		{name: "copyright", line: "© 2027 Varnholt Courier. All rights reserved.", want: CodeCopyright},
		{name: "copyright word", line: "Copyright Lantern Media Group", want: CodeCopyright},
		{name: "tags", line: "Tags: floods, Varnholt, river authority", want: CodeTags},
		{name: "credit glued to prose", line: "© LanternThe storm came quickly. First the power failed, then the phones went dead.", want: ""},
		{name: "copyright prose", line: "The copyright dispute over the flood photographs reached the court on Monday, lawyers said.", want: ""},
	})
}
