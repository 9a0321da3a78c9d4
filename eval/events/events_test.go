package events

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two invented reports of one invented event in CROMER layout, topic 40.
const cromer1 = `<Document doc_name="40_1ecb.xml">
<token t_id="1" sentence="0" number="0">Gunmen</token>
<token t_id="2" sentence="0" number="1">killed</token>
<token t_id="3" sentence="0" number="2">Rami</token>
<token t_id="4" sentence="0" number="3">Nasser</token>
<token t_id="5" sentence="0" number="4">in</token>
<token t_id="6" sentence="0" number="5">Qalat</token>
<token t_id="7" sentence="1" number="0">Police</token>
<token t_id="8" sentence="1" number="1">arrested</token>
<token t_id="9" sentence="1" number="2">two</token>
<token t_id="10" sentence="1" number="3">men</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="8"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="3"><token_anchor t_id="3"/><token_anchor t_id="4"/></HUMAN_PART_PER>
<LOC_GEO m_id="4"><token_anchor t_id="6"/></LOC_GEO>
<ACTION_OCCURRENCE m_id="9" instance_id="ACT1" TAG_DESCRIPTOR="killing"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="1"/><target m_id="9"/></CROSS_DOC_COREF>
</Relations>
</Document>`

const cromer2 = `<Document doc_name="40_2ecb.xml">
<token t_id="1" sentence="0" number="0">Nasser</token>
<token t_id="2" sentence="0" number="1">was</token>
<token t_id="3" sentence="0" number="2">killed</token>
<token t_id="4" sentence="0" number="3">in</token>
<token t_id="5" sentence="0" number="4">Qalat</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="3"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="2"><token_anchor t_id="1"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="9" instance_id="ACT1" TAG_DESCRIPTOR="killing"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="1"/><target m_id="9"/></CROSS_DOC_COREF>
</Relations>
</Document>`

// A third report on something else, so that document frequencies tell
// the two reports of the killing apart from it.
const cromer3 = `<Document doc_name="40_3ecbplus.xml">
<token t_id="1" sentence="0" number="0">Floods</token>
<token t_id="2" sentence="0" number="1">closed</token>
<token t_id="3" sentence="0" number="2">schools</token>
<token t_id="4" sentence="0" number="3">in</token>
<token t_id="5" sentence="0" number="4">Dorne</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
</Markables>
<Relations>
</Relations>
</Document>`

func TestRunInvented(t *testing.T) {
	dir := t.TempDir()
	td := filepath.Join(dir, "ECB+", "40")
	if err := os.MkdirAll(td, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"40_1ecb.xml": cromer1, "40_2ecb.xml": cromer2, "40_3ecbplus.xml": cromer3} {
		if err := os.WriteFile(filepath.Join(td, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	csv := "Topic,File,Sentence Number\n40,1ecb,0\n40,1ecb,1\n40,2ecb,0\n40,3ecbplus,0\n"
	if err := os.WriteFile(filepath.Join(dir, "ECBplus_coreference_sentences.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Run(t.Context(), dir, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	// Both "killed" link, "arrested" and "closed" stay alone: a perfect
	// response.
	if last != "CoNLL F1 1.0000" {
		t.Errorf("last line %q, want CoNLL F1 1.0000; output:\n%s", last, out.String())
	}
	if !strings.Contains(out.String(), "held-out topics [40]") || !strings.Contains(out.String(), "4 gold event mentions") {
		t.Errorf("output does not name the topic and mentions:\n%s", out.String())
	}
}

func TestRunMissingData(t *testing.T) {
	if err := Run(t.Context(), t.TempDir(), &bytes.Buffer{}); err == nil {
		t.Error("no error on an empty folder")
	}
}
