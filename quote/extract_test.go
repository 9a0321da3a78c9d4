package quote

import (
	"context"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/text"
)

// split returns a document of s with the layers the text stage writes
// (paragraphs, sentences, tokens), which the extractor reads.
func split(t testing.TB, s string) *document.Document {
	t.Helper()
	d := &document.Document{ID: "test", Text: s}
	if err := text.New().Annotate(context.Background(), d); err != nil {
		t.Fatalf("text stage on %q: %v", s, err)
	}
	return d
}

type wantQuote struct {
	content   string
	speaker   string
	written   string // the speaker span as written
	role      string
	direct    bool
	anonymous bool
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []wantQuote
	}{
		{"said X with title",
			`"The bridge will reopen next week," said Transport Minister Lina Farouk.`,
			[]wantQuote{{"The bridge will reopen next week", "Lina Farouk", "Transport Minister Lina Farouk", "Transport Minister", true, false}}},
		{"X said colon",
			`Mayor Tom Reyes said: "We will rebuild every house."`,
			[]wantQuote{{"We will rebuild every house.", "Tom Reyes", "Mayor Tom Reyes", "Mayor", true, false}}},
		{"curly quotes, anonymous",
			"“We heard three blasts,” a local shopkeeper said.",
			[]wantQuote{{"We heard three blasts", "local shopkeeper", "a local shopkeeper", "local shopkeeper", true, true}}},
		{"told outlet before quote",
			`Harbor analyst Nadia Kermani told the Tribune, "The cranes are idle."`,
			[]wantQuote{{"The cranes are idle.", "Nadia Kermani", "Harbor analyst Nadia Kermani", "Harbor analyst", true, false}}},
		{"X said after quote",
			`"Get out of the building now," Captain Vera Holm shouted.`,
			[]wantQuote{{"Get out of the building now", "Vera Holm", "Captain Vera Holm", "Captain", true, false}}},
		{"pronoun speaker",
			`Port director Omar Saleh met reporters on Friday. "Nothing moves until the storm passes," he said.`,
			[]wantQuote{{"Nothing moves until the storm passes", "Omar Saleh", "he", "", true, false}}},
		{"multi-sentence quote",
			`"The water rose fast. We lost everything," said farmer Ana Ruiz.`,
			[]wantQuote{{"The water rose fast. We lost everything", "Ana Ruiz", "farmer Ana Ruiz", "farmer", true, false}}},
		{"quote over two paragraphs",
			"\"The first wave hit the pier at dawn.\n\n\"By noon the market was under water,\" said fisherman Idris Noor.",
			[]wantQuote{{"The first wave hit the pier at dawn.\n\n\"By noon the market was under water", "Idris Noor", "fisherman Idris Noor", "fisherman", true, false}}},
		{"continuation quote",
			`"We need boats," said Ana Ruiz. "We need them today."`,
			[]wantQuote{
				{"We need boats", "Ana Ruiz", "Ana Ruiz", "", true, false},
				{"We need them today.", "Ana Ruiz", "Ana Ruiz", "", true, false}}},
		{"according to",
			`According to the harbor authority, the port will stay closed until Monday.`,
			[]wantQuote{{"the port will stay closed until Monday", "harbor authority", "the harbor authority", "harbor authority", false, false}}},
		{"told outlet that",
			`Officials told the Daily Mirror that the dam had cracked overnight.`,
			[]wantQuote{{"that the dam had cracked overnight", "Officials", "Officials", "Officials", false, true}}},
		{"sources told",
			`Security sources told local media that two guards were hurt.`,
			[]wantQuote{{"that two guards were hurt", "Security sources", "Security sources", "Security sources", false, true}}},
		{"sentence-final said",
			`The plant will close in May, a company spokesman said.`,
			[]wantQuote{{"The plant will close in May", "company spokesman", "a company spokesman", "company spokesman", false, true}}},
		{"said that",
			`Senator Maya Ortiz said that the vote would be delayed.`,
			[]wantQuote{{"that the vote would be delayed", "Maya Ortiz", "Senator Maya Ortiz", "Senator", false, false}}},
		{"doubled apostrophes",
			`''The tide is turning,'' said port pilot Sami Badr.`,
			[]wantQuote{{"The tide is turning", "Sami Badr", "port pilot Sami Badr", "port pilot", true, false}}},
		{"appositive role after name",
			`Nadia Kermani, an engineer at the port, said the crane had failed.`,
			[]wantQuote{{"the crane had failed", "Nadia Kermani", "Nadia Kermani, an engineer at the port", "engineer at the port", false, false}}},
		{"appositive age",
			`Omar Saleh, 61, told reporters that the ferry was late.`,
			[]wantQuote{{"that the ferry was late", "Omar Saleh", "Omar Saleh, 61", "", false, false}}},
		{"definite common noun speaker",
			`The company says the plant will reopen in spring.`,
			[]wantQuote{{"the plant will reopen in spring", "company", "The company", "company", false, false}}},
		{"said X, description",
			`The ferry will not sail before Friday, said Omar Saleh, the harbor pilot.`,
			[]wantQuote{{"The ferry will not sail before Friday", "Omar Saleh", "Omar Saleh, the harbor pilot", "harbor pilot", false, false}}},
		{"parenthetical cue",
			`The storm, Mayor Tom Reyes said, was the worst in decades.`,
			[]wantQuote{{"The storm, Mayor Tom Reyes said, was the worst in decades", "Tom Reyes", "Mayor Tom Reyes", "Mayor", false, false}}},
		{"name before description",
			`Lina Farouk, the mayor's deputy, said the road would reopen.`,
			[]wantQuote{{"the road would reopen", "Lina Farouk", "Lina Farouk, the mayor's deputy", "mayor's deputy", false, false}}},
		{"place before speaker is no name",
			`In Lorbridge, police said the road would reopen.`,
			[]wantQuote{{"the road would reopen", "police", "police", "police", false, true}}},
		{"quoting a source",
			`The paper, quoting a security official, said the bridge had cracked.`,
			[]wantQuote{{"the bridge had cracked", "security official", "a security official", "security official", false, true}}},
		{"participle cue",
			`Governor Maya Ortiz visited the dam on Friday, saying that repairs would start soon.`,
			[]wantQuote{{"that repairs would start soon", "Maya Ortiz", "Governor Maya Ortiz", "Governor", false, false}}},
		{"abbreviated title after cue",
			`"The river is dying," said his colleague Dr. Hana Jabbar of the university.`,
			[]wantQuote{{"The river is dying", "Hana Jabbar", "his colleague Dr. Hana Jabbar", "colleague", true, false}}},
		{"no cue across paragraphs",
			"\"We lost the boat,\" said Ana Ruiz. \"The nets too.\"\n\nMayor Tom Reyes said the port would reopen.",
			[]wantQuote{
				{"We lost the boat", "Ana Ruiz", "Ana Ruiz", "", true, false},
				{"the port would reopen", "Tom Reyes", "Mayor Tom Reyes", "Mayor", false, false}}},
		{"unclosed title is no quote",
			"In a report titled “The harbor in crisis, he warned that the pier would fail within a year and that repairs were overdue.",
			[]wantQuote{{"that the pier would fail within a year and that repairs were overdue", "", "he", "", false, false}}},
		{"name, description, said after quote",
			`"The port will reopen," Marc Diaz, the head of the harbor league, said.`,
			[]wantQuote{{"The port will reopen", "Marc Diaz", "Marc Diaz, the head of the harbor league", "head of the harbor league", true, false}}},
		{"final cue wins over inner verb",
			`The mayor had told the guards that the gate must stay shut, a police source added.`,
			[]wantQuote{{"The mayor had told the guards that the gate must stay shut", "police source", "a police source", "police source", false, true}}},
		{"stray closing mark ends a paragraph",
			"Most readers of the harbor bulletin voted no.\"\n\n“The sea decides,” said Ana Ruiz.",
			[]wantQuote{{"The sea decides", "Ana Ruiz", "Ana Ruiz", "", true, false}}},
		{"headline with speaker",
			"Mayor Reyes: port will reopen next week\n\nThe storm passed.",
			[]wantQuote{{"port will reopen next week", "Reyes", "Mayor Reyes", "Mayor", false, false}}},
		{"transcript line",
			"REYES: We will rebuild the pier this year.",
			[]wantQuote{{"We will rebuild the pier this year.", "REYES", "REYES", "", true, false}}},
		{"section label is no speaker",
			"The Latest: port will reopen next week\n\nUpdate: more rain is due tonight.",
			nil},
		{"scare quote ignored", `The minister's "reckless" plan failed on Tuesday.`, nil},
		{"stance verb with object",
			`The minister called the plan "reckless" on Tuesday.`,
			[]wantQuote{{`the plan "reckless"`, "minister", "The minister", "minister", false, false}}},
		{"stance verb needs a speaker",
			`In the end the storm called off the regatta.`,
			nil},
		{"poll share as speaker",
			`Only 24 percent said the ferry should be sold.`,
			[]wantQuote{{"the ferry should be sold", "Only 24 percent", "Only 24 percent", "Only 24 percent", false, true}}},
		{"support is no speech (issue 14)",
			`Omar Saleh, who supported the new cranes, left the board in May.`,
			nil},
		{"which opens a clause",
			`Omar Saleh praised the new cranes of the port which he said would double trade.`,
			[]wantQuote{{"would double trade", "Omar Saleh", "he", "", false, false}}},
		{"second verb of the subject",
			`A spokeswoman for Mayor Ann Cole toured the pier and said repairs would start in May.`,
			[]wantQuote{{"repairs would start in May", "spokeswoman for Mayor Ann Cole", "A spokeswoman for Mayor Ann Cole", "spokeswoman for Mayor Ann Cole", false, true}}},
		{"closing cue with a time",
			`The ferry will not sail before Friday, harbor officials said on Monday.`,
			[]wantQuote{{"The ferry will not sail before Friday", "harbor officials", "harbor officials", "harbor officials", false, true}}},
		{"think without that",
			`Ms. Cole said she thinks they will win the vote.`,
			[]wantQuote{{"she thinks they will win the vote", "Cole", "Ms. Cole", "", false, false}}},
		{"headline verb",
			`Mayor Cole Says Ferry Will Sail Again`,
			[]wantQuote{{"Ferry Will Sail Again", "Cole", "Mayor Cole", "Mayor", false, false}}},
		{"no attribution", `The river flooded the valley on Tuesday.`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkExtract(t, tc.in, tc.want) })
	}
}

// checkExtract extracts the quotes of in and compares them with want:
// content, speaker, the speaker phrase as written, role, direct and
// anonymous flags, and that the spans read back the content.
func checkExtract(t *testing.T, in string, want []wantQuote) {
	t.Helper()
	got := New().Extract(split(t, in))
	if len(got) != len(want) {
		t.Fatalf("Extract(%q) = %d quotes %+v, want %d", in, len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		written := in[g.SpeakerSpan.Start:g.SpeakerSpan.End]
		if g.Text != w.content || g.Speaker != w.speaker || written != w.written || g.Role != w.role || g.Direct != w.direct || g.Anonymous != w.anonymous {
			t.Errorf("quote %d = {content %q speaker %q written %q role %q direct %v anon %v}, want %+v",
				i, g.Text, g.Speaker, written, g.Role, g.Direct, g.Anonymous, w)
		}
		if in[g.Content.Start:g.Content.End] != g.Text {
			t.Errorf("content span reads %q, text %q", in[g.Content.Start:g.Content.End], g.Text)
		}
		if !g.Span.Contains(g.Content) {
			t.Errorf("quote span %v does not contain content %v", g.Span, g.Content)
		}
	}
}

func TestExtractUsesMentions(t *testing.T) {
	text := `"Prices doubled," said Kermani Trading director Sami Badr.`
	start := len(`"Prices doubled," said Kermani Trading director `)
	mentions := []document.Mention{{Span: document.Span{Start: start, End: start + len("Sami Badr")}, Type: document.EntityPerson, Text: "Sami Badr"}}
	d := split(t, text)
	d.Mentions = mentions
	got := New().Extract(d)
	if len(got) != 1 || got[0].Speaker != "Sami Badr" || got[0].Role != "Kermani Trading director" {
		t.Fatalf("got %+v", got)
	}
}

func TestAnnotateErrors(t *testing.T) {
	if err := New().Annotate(context.Background(), nil); err == nil {
		t.Error("nil document: want error")
	}
	d := &document.Document{ID: "bad", Text: "short", Sentences: []document.Span{{Start: 0, End: 99}}}
	if err := New().Annotate(context.Background(), d); err == nil {
		t.Error("sentence outside text: want error")
	}
	d = &document.Document{ID: "badmention", Text: "short", Mentions: []document.Mention{{Span: document.Span{Start: 3, End: 50}}}}
	if err := New().Annotate(context.Background(), d); err == nil {
		t.Error("mention outside text: want error")
	}
	d = &document.Document{ID: "unsplit", Text: `"Stay home," said Ana Ruiz.`}
	if err := New().Annotate(context.Background(), d); err == nil {
		t.Error("text without sentences: want error")
	}
	d = split(t, `"Stay home," said Ana Ruiz.`)
	if err := New().Annotate(context.Background(), d); err != nil || len(d.Quotes) != 1 {
		t.Fatalf("Annotate: %v, %+v", err, d.Quotes)
	}
}

func BenchmarkExtract(b *testing.B) {
	text := `Port director Omar Saleh met reporters on Friday. "Nothing moves until the storm passes," he said. ` +
		`Officials told the Daily Mirror that the dam had cracked overnight. "We need boats," said farmer Ana Ruiz.` + "\n\n"
	for len(text) < 20000 {
		text += text
	}
	d := split(b, text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		New().Extract(d)
	}
}
