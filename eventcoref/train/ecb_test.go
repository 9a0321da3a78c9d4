package train

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/corroborate/corroborate/document"
)

const doc1 = `<Document doc_name="7_1ecb.xml">
<token t_id="1" sentence="0" number="0">Troops</token>
<token t_id="2" sentence="0" number="1">did</token>
<token t_id="3" sentence="0" number="2">not</token>
<token t_id="4" sentence="0" number="3">fire</token>
<token t_id="5" sentence="1" number="0">Police</token>
<token t_id="6" sentence="1" number="1">said</token>
<token t_id="7" sentence="2" number="0">Unchecked</token>
<token t_id="8" sentence="2" number="1">raid</token>
<Markables>
<NEG_ACTION_OCCURRENCE m_id="1"><token_anchor t_id="4"/></NEG_ACTION_OCCURRENCE>
<ACTION_REPORTING m_id="2"><token_anchor t_id="6"/></ACTION_REPORTING>
<ACTION_OCCURRENCE m_id="3"><token_anchor t_id="8"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="4"><token_anchor t_id="1"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="9" instance_id="ACT7" TAG_DESCRIPTOR="fire"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT7"><source m_id="1"/><target m_id="9"/></CROSS_DOC_COREF>
</Relations>
</Document>`

func TestReadECB(t *testing.T) {
	dir := t.TempDir()
	td := filepath.Join(dir, "ECB+", "7")
	if err := os.MkdirAll(td, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(td, "7_1ecb.xml"), []byte(doc1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ECBplus_coreference_sentences.csv"), []byte("Topic,File,Sentence Number\n7,1ecb,0\n7,1ecb,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	topics, err := ReadECB(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(topics) != 1 || topics[0].Number != 7 || len(topics[0].Docs) != 1 {
		t.Fatalf("topics = %+v", topics)
	}
	d := topics[0].Docs[0]
	if d.Text != "Troops did not fire\nPolice said\nUnchecked raid" || len(d.Sentences) != 3 {
		t.Errorf("text %q, %d sentences", d.Text, len(d.Sentences))
	}
	// The raid is in an unchecked sentence and is left out.
	if len(d.Events) != 2 || d.Events[0].Text != "fire" || d.Events[1].Text != "said" {
		t.Fatalf("events = %+v", d.Events)
	}
	if d.Events[0].Polarity != document.PolarityNegative || d.Events[1].Class != document.EventReporting {
		t.Errorf("fire %s, said %s", d.Events[0].Polarity, d.Events[1].Class)
	}
	if d.Gold[0] != "ACT7" || d.Gold[1] == "ACT7" {
		t.Errorf("gold = %v", d.Gold)
	}
	if len(d.Mentions) != 1 || d.Mentions[0].Text != "Troops" || !d.Checked[0] || d.Checked[2] {
		t.Errorf("mentions %+v, checked %v", d.Mentions, d.Checked)
	}
	if d.Sub != "ecb" {
		t.Errorf("sub-topic %q", d.Sub)
	}
	s := NewSet(topics)
	if len(s.Gold) != 2 || s.Gold[0] != "7/ACT7" {
		t.Errorf("set gold = %v", s.Gold)
	}
	if _, err := ReadECB(t.TempDir(), nil); err == nil {
		t.Error("no error without the sentence list")
	}
	if _, err := Fit(context.Background(), s, nil, 1e-3, 5); err != nil {
		t.Fatal(err)
	}
}
