package store

import (
	"reflect"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// TestEveryDocumentFieldIsStored fails when a stage adds a layer to
// document.Document that the store would silently drop: every field of
// Document has a field of the same name in the stored record.
func TestEveryDocumentFieldIsStored(t *testing.T) {
	rec := reflect.TypeOf(docRecord{})
	doc := reflect.TypeOf(document.Document{})
	for i := 0; i < doc.NumField(); i++ {
		f := doc.Field(i)
		if !f.IsExported() {
			continue
		}
		if _, ok := rec.FieldByName(f.Name); !ok {
			t.Errorf("document.Document.%s is not in the stored record (store/codec.go): documents read back from the store would lose it", f.Name)
		}
	}
}

func TestDocumentRoundTripKeepsLayers(t *testing.T) {
	d := &document.Document{
		ID: "d1", Source: "a.txt", Text: "He said so.",
		Events: []document.EventMention{{Span: document.Span{Start: 3, End: 7}, Text: "said", Lemma: "say", Class: document.EventReporting}},
		Coref:  []document.CorefChain{{Type: document.EntityPerson, Head: -1}},
	}
	b, err := EncodeDocument(d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeDocument(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Events, d.Events) || len(got.Coref) != 1 || got.Coref[0].Head != -1 {
		t.Errorf("round trip lost layers: events %+v, coref %+v", got.Events, got.Coref)
	}
}
