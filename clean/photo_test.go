package clean

import "testing"

func TestPhoto(t *testing.T) {
	runLineCases(t, []lineCase{
		{name: "caption AP", line: "Rescue workers carry sandbags along the river bank in Varnholt, Tuesday, May 4, 2027. (AP)", want: CodePhotoCaption},
		{name: "caption Getty brackets", line: "Residents wade through the flooded market square this week [Getty]", want: CodePhotoCaption},
		{name: "caption AFP via Getty", line: "A boat passes the closed bridge (AFP via Getty Images)", want: CodePhotoCaption},
		{name: "caption photo label", line: "The old mill stands in water. Photo: Ana Kovač/Varnholt Courier", want: CodePhotoCaption},
		{name: "caption photographer in parens", line: "Volunteers fill sandbags near the station (Photo by Lena Ostrova)", want: CodePhotoCaption},
		{name: "labelled caption", line: "Image caption Volunteers at the station on Tuesday", want: CodePhotoCaption},
		{name: "glued caption label", line: "Media captionThe mayor visits the shelter", want: CodePhotoCaption},
		{name: "caption label alone", line: "Image copyright", want: CodePhotoCredit},
		{name: "credit with initials", line: "Photo: Jonas P. Lind, AP", want: CodePhotoCredit},
		{name: "credit only", line: "(AP Photo/Jonas Pettersen)", want: CodePhotoCredit},
		{name: "credit label only", line: "Photo: Reuters", want: CodePhotoCredit},
		{name: "image credit", line: "Image credit: Varnholt river authority", want: CodePhotoCredit},
		{name: "agency only", line: "Getty Images", want: CodePhotoCredit},
		{name: "long reporting ending AP", line: "The river authority said water levels at the northern gauge had risen by almost a metre overnight and that further rain was forecast for the weekend, when the second flood wave is expected to reach the town. (AP)", want: ""},
		{name: "short reporting with said ending AP", line: "The river authority said the northern gauge had risen by almost a metre overnight. (AP)", want: ""},
		{name: "reporting mentions AP", line: "A spokesman told The Associated Press that the dam was safe.", want: ""},
		{name: "lower-case acronym in brackets is prose", line: "The debate turned to the electronic patient record (ePA)", want: ""},
		{name: "parenthetical not a credit", line: "The town council (which met on Monday) approved the emergency budget.", want: ""},
	})
}
