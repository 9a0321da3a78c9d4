package cluster

import (
	"context"
	"fmt"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/text"
)

// fixture is an invented report: the text below is written for these tests
// and describes fictional events.
type fixture struct {
	id, event, title, text string
	day                    int // days after 1 March 2031
	mentions               []string
}

var fixtures = []fixture{
	// Event "dam": a dam breach in the fictional valley town of Veldmoor.
	{id: "dam1", event: "dam", day: 0, title: "Dam breach floods Veldmoor valley",
		text:     "The Oskar reservoir dam gave way before dawn, sending floodwater through Veldmoor. Rescue crews evacuated riverside streets as the water rose.",
		mentions: []string{"Oskar", "Veldmoor"}},
	{id: "dam2", event: "dam", day: 0, title: "Veldmoor residents flee as reservoir empties",
		text:     "Hundreds of Veldmoor families spent the night in school gyms after the reservoir dam breach. Engineers blamed heavy rain and an ageing spillway.",
		mentions: []string{"Veldmoor"}},
	{id: "dam3", event: "dam", day: 1, title: "Engineers inspect broken Oskar dam",
		text:     "Engineers reached the broken spillway of the Oskar dam on Tuesday. Floodwater in Veldmoor began to recede, and the evacuation order stayed in place.",
		mentions: []string{"Oskar", "Veldmoor"}},
	{id: "dam4", event: "dam", day: 2, title: "Veldmoor flood toll rises",
		text:     "Officials in Veldmoor said the flood from the reservoir breach had damaged four hundred homes. The dam operator promised an independent inquiry.",
		mentions: []string{"Veldmoor"}},

	// Event "bank": the fictional Kessland central bank raises rates.
	{id: "bank1", event: "bank", day: 0, title: "Kessland central bank raises interest rate",
		text:     "The Kessland central bank lifted its benchmark interest rate by half a point, citing stubborn inflation. Governor Ilse Brandauer said borrowing costs must stay high.",
		mentions: []string{"Kessland", "Ilse Brandauer"}},
	{id: "bank2", event: "bank", day: 1, title: "Markets shrug off Kessland rate rise",
		text:     "Bond traders had expected the rate rise from the Kessland central bank. Brandauer warned that inflation remained above the target for a third year.",
		mentions: []string{"Kessland", "Brandauer"}},
	{id: "bank3", event: "bank", day: 1, title: "Mortgage holders face higher payments after rate decision",
		text:     "Kessland homeowners on variable mortgages will pay more after the central bank interest rate increase, lenders said. The bank signalled more tightening against inflation.",
		mentions: []string{"Kessland"}},

	// Event "ferry": a ferry runs aground off the fictional Marrow Island.
	{id: "ferry1", event: "ferry", day: 1, title: "Ferry runs aground off Marrow Island",
		text:     "A passenger ferry carrying ninety people ran aground on rocks off Marrow Island in fog. The coastguard lifted passengers to safety by lifeboat.",
		mentions: []string{"Marrow Island"}},
	{id: "ferry2", event: "ferry", day: 1, title: "Coastguard rescues ferry passengers",
		text:     "Lifeboat crews brought every passenger ashore after the ferry struck rocks near Marrow Island. The captain reported thick fog and a failed radar.",
		mentions: []string{"Marrow Island"}},
	{id: "ferry3", event: "ferry", day: 3, title: "Investigators board stranded Marrow ferry",
		text:     "Maritime investigators boarded the stranded ferry off Marrow Island to examine its radar. Salvage tugs waited for a high tide to refloat the hull from the rocks.",
		mentions: []string{"Marrow Island"}},
}

// base is the day the invented events start.
var base = time.Date(2031, 3, 1, 9, 0, 0, 0, time.UTC)

// tagged runs the text stage over d, which writes the tokens and sentences
// the clusterer reads (as the analysis.Tagged preset does), and returns d.
func tagged(d *document.Document) *document.Document {
	if err := text.New().Annotate(context.Background(), d); err != nil {
		panic(fmt.Sprintf("text stage on %s: %v", d.ID, err))
	}
	return d
}

// doc turns a fixture into a document with a date, the text stage's layers
// and mentions.
func (f fixture) doc() *document.Document {
	d := tagged(&document.Document{ID: f.id, Title: f.title, Text: f.text,
		Published: document.DayDate(base.AddDate(0, 0, f.day), "test")})
	for _, m := range f.mentions {
		d.Mentions = append(d.Mentions, document.Mention{Text: m, Type: document.EntityLoc})
	}
	return d
}
