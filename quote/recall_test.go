package quote

import "testing"

// TestExtractRecall covers the attribution forms added for recall: survey
// sources, participle clauses after a quote, reported speech before a
// quote in the same sentence, a comma-led subject after a closing cue,
// and the guards against passive cues and plural nouns.
func TestExtractRecall(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []wantQuote
	}{
		{"finding in a poll",
			`The mayor leads by six points in a new Harbor Times poll.`,
			[]wantQuote{{"The mayor leads by six points", "new Harbor Times poll", "a new Harbor Times poll", "new Harbor Times poll", false, true}}},
		{"poll opening the sentence",
			`In a survey released Monday, most residents rated the ferry line highly.`,
			[]wantQuote{{"most residents rated the ferry line highly", "survey released Monday", "a survey released Monday", "survey released Monday", false, true}}},
		{"participle after a direct quote",
			`"We will rebuild the pier," the mayor said, citing the storm damage to the docks.`,
			[]wantQuote{
				{"We will rebuild the pier", "mayor", "the mayor", "mayor", true, false},
				{"the storm damage to the docks", "mayor", "the mayor", "mayor", false, false},
			}},
		{"participle after reported speech",
			`The ferry will stay docked, a harbor official said, adding that the crews were safe.`,
			[]wantQuote{
				{"The ferry will stay docked", "harbor official", "a harbor official", "harbor official", false, true},
				{"that the crews were safe", "harbor official", "a harbor official", "harbor official", false, true},
			}},
		{"reported speech before a quote",
			`After the pilot said that the ferry was safe, Ms. Cole said: "We sail on Monday."`,
			[]wantQuote{
				{"that the ferry was safe", "pilot", "the pilot", "pilot", false, false},
				{"We sail on Monday.", "Cole", "Ms. Cole", "", true, false},
			}},
		{"blame is no speech, the speech after it is (issue 14)",
			`Ms. Cole blamed the storm for the delay, and said the pier would open in June.`,
			[]wantQuote{
				{"the pier would open in June", "Cole", "Ms. Cole", "", false, false},
			}},
		{"lower-case speaker after closing cue",
			`The pier will open in June, said harbor engineer Tom Reyes.`,
			[]wantQuote{{"The pier will open in June", "Tom Reyes", "harbor engineer Tom Reyes", "harbor engineer", false, false}}},
		{"relative clause",
			`The plan was backed by Ann Cole, who said the pier was safe, and by the council.`,
			[]wantQuote{{"the pier was safe", "Ann Cole", "Ann Cole, who", "", false, false}}},
		{"relative clause inside reported speech",
			`The mayor said the pilot, who warned of high winds, would stay.`,
			[]wantQuote{{"the pilot, who warned of high winds, would stay", "mayor", "The mayor", "mayor", false, false}}},
		{"passive stance verb is no cue",
			`The harbor budget was criticized in the council chamber.`,
			nil},
		{"plural noun is no cue",
			`Ferries now run between ports in five states along the coast.`,
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkExtract(t, tc.in, tc.want) })
	}
}
