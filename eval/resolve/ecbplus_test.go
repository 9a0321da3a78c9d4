package resolve

import (
	"os"
	"path/filepath"
	"testing"
)

// An invented two-document topic in CROMER layout.
const cromerA = `<Document doc_name="9_1ecb.xml">
<token t_id="1" sentence="0" number="0">Nabil</token>
<token t_id="2" sentence="0" number="1">Rafi</token>
<token t_id="3" sentence="0" number="2">visited</token>
<token t_id="4" sentence="0" number="3">Qalat</token>
<token t_id="5" sentence="1" number="0">He</token>
<token t_id="6" sentence="1" number="1">left</token>
<Markables>
<HUMAN_PART_PER m_id="1"><token_anchor t_id="1"/><token_anchor t_id="2"/></HUMAN_PART_PER>
<LOC_GEO m_id="2"><token_anchor t_id="4"/></LOC_GEO>
<HUMAN_PART_PER m_id="3"><token_anchor t_id="5"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="4"><token_anchor t_id="3"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="9" instance_id="HUM1" TAG_DESCRIPTOR="rafi"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="HUM1"><source m_id="1"/><source m_id="3"/><target m_id="9"/></CROSS_DOC_COREF>
</Relations>
</Document>`

const cromerB = `<Document doc_name="9_2ecb.xml">
<token t_id="1" sentence="0" number="0">Rafi</token>
<token t_id="2" sentence="0" number="1">spoke</token>
<Markables>
<HUMAN_PART_PER m_id="1"><token_anchor t_id="1"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="9" instance_id="HUM1" TAG_DESCRIPTOR="rafi"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="HUM1"><source m_id="1"/><target m_id="9"/></CROSS_DOC_COREF>
</Relations>
</Document>`

func TestReadECBAndRun(t *testing.T) {
	dir := t.TempDir()
	td := filepath.Join(dir, "ECB+", "9")
	if err := os.MkdirAll(td, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(td, "9_1ecb.xml"), []byte(cromerA), 0o644)
	os.WriteFile(filepath.Join(td, "9_2ecb.xml"), []byte(cromerB), 0o644)
	os.WriteFile(filepath.Join(dir, "ECBplus_coreference_sentences.csv"), []byte("Topic,File,Sentence Number\n9,1ecb,0\n9,1ecb,1\n9,2ecb,0\n"), 0o644)
	d, err := readECBDoc(filepath.Join(td, "9_1ecb.xml"), 9)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.mentions) != 3 {
		t.Fatalf("entity mentions = %d, want 3 (action and instance markables skipped)", len(d.mentions))
	}
	if d.mentions[0].cluster != "HUM1" || d.mentions[2].cluster != "HUM1" || d.mentions[1].cluster == "HUM1" {
		t.Errorf("clusters = %q %q %q", d.mentions[0].cluster, d.mentions[1].cluster, d.mentions[2].cluster)
	}
	var out nopWriter
	conll, err := runECB(t.Context(), dir, &out)
	if err != nil {
		t.Fatal(err)
	}
	// Rafi/Nabil Rafi are linked by name and "He" to them through the
	// document's coreference chain: every gold link is found.
	if conll < 0.999 {
		t.Errorf("CoNLL F1 = %v on the invented topic", conll)
	}
}

type nopWriter struct{}

func (nopWriter) Write(p []byte) (int, error) { return len(p), nil }
