package clean

import "testing"

func TestTeaser(t *testing.T) {
	runLineCases(t, []lineCase{
		{name: "read more colon", line: "Read more: Varnholt residents count the cost of the spring floods", want: CodeReadMoreTeaser},
		{name: "read also", line: "Read also: Engineers warn of weak river defences", want: CodeReadMoreTeaser},
		{name: "related caps", line: "RELATED: Dam inspection delayed again", want: CodeReadMoreTeaser},
		{name: "see also dash", line: "See also - Ten years of floods in pictures", want: CodeReadMoreTeaser},
		{name: "bracketed related", line: "[Related: Harbour plan approved after long debate]", want: CodeReadMoreTeaser},
		{name: "see more caps", line: "SEE MORE: Ferry strike enters second week", want: CodeReadMoreTeaser},
		{name: "related post", line: "Related post: Ten recipes for spring", want: CodeReadMoreTeaser},
		{name: "label alone between paragraphs", line: "Related", want: CodeReadMoreTeaser},
		{name: "you may also like alone", line: "You may also like...", want: CodeReadMoreTeaser},
		{name: "watching prose", line: "Watch parties were held in three cafés, the organisers said.", want: ""},
		{name: "read more in prose", line: "Read more about the plan in the council's report, the mayor urged residents.", want: ""},
		{name: "related-party", line: "Related-party loans at the utility are under review by auditors, the ministry said.", want: ""},
	})
}

func TestReadTime(t *testing.T) {
	runLineCases(t, []lineCase{
		{name: "min read", line: "4 min read", want: CodeReadTime},
		{name: "minute read", line: "6-minute read", want: CodeReadTime},
		{name: "reading time", line: "Reading time: 3 minutes", want: CodeReadTime},
		{name: "prose minutes", line: "Rescuers needed 4 minutes to reach the boat.", want: ""},
	})
}

func TestAdvertisement(t *testing.T) {
	runLineCases(t, []lineCase{
		{name: "marker", line: "Advertisement", want: CodeAdvertisement},
		{name: "continues", line: "Story continues below advertisement", want: CodeAdvertisement},
		{name: "prose", line: "The advertisement ran in three newspapers before the vote.", want: ""},
	})
}

func TestWidget(t *testing.T) {
	runLineCases(t, []lineCase{
		{name: "player notice", line: "Media playback is unsupported on your device", want: CodeWidget},
		{name: "gallery", line: "View gallery", want: CodeWidget},
		{name: "prose about loading", line: "Loading the boats took most of the morning.", want: ""},
	})
}
