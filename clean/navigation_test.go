package clean

import "testing"

func TestNavigation(t *testing.T) {
	runLineCases(t, []lineCase{
		{name: "three segments", line: "World - Europe - Varnholt Courier", want: CodeNavigation},
		{name: "breadcrumb", line: "Home > News > Floods", want: CodeNavigation},
		{name: "two with outlet", line: "Regional News | Varnholt Courier", outlet: "Varnholt Courier", want: CodeNavigation},
		{name: "outlet glued", line: "Iraq News - Local News - Lanternpost", outlet: "Lantern Post", want: CodeNavigation},
		{name: "utility link", line: "Privacy Policy", want: CodeNavigation},
		{name: "menu label", line: "Back to main menu", want: CodeNavigation},
		{name: "sentence starting with a menu word", line: "Search teams worked through the night along the river.", want: ""},
		{name: "headline with dash", line: "Floods - what we know so far about the damage in Varnholt", want: ""},
		{name: "two segments no outlet", line: "Varnholt - Brekke", want: ""},
		{name: "sentence with dashes", line: "The mayor - who took office in March - said the town was ready.", want: ""},
	})
}
