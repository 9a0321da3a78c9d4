package ingest

import (
	"fmt"

	"github.com/corroborate/corroborate/document"
)

// records turns a JSON or JSONL input into one document per record.
func (r *reader) records(source, name, text string, dec Decoded, k kind) ([]*document.Document, []document.Problem) {
	var recs []record
	single := false
	if k == kindJSONL {
		recs = parseJSONL(text)
	} else {
		var err error
		recs, single, err = parseJSON(text)
		if err != nil {
			return r.fail(source, err)
		}
	}
	if len(recs) == 0 {
		return r.fail(source, reason(ErrJSON, "no JSON records in the input"))
	}
	stem := StemID(name)
	var docs []*document.Document
	var probs []document.Problem
	for _, rec := range recs {
		if r.ctx != nil && r.ctx.Err() != nil {
			break
		}
		src, id := recordSource(source, rec.n), fmt.Sprintf("%s-%d", stem, rec.n)
		if single {
			src, id = source, stem
		}
		if rec.err != nil {
			probs = append(probs, document.Problem{Source: src, Stage: Stage, Err: rec.err})
			continue
		}
		d, err := r.recordDoc(id, src, rec, dec)
		if err != nil {
			probs = append(probs, document.Problem{Source: src, Stage: Stage, Err: err})
			continue
		}
		docs = append(docs, d)
	}
	return docs, probs
}

// recordDoc builds a document from a news-please style record.
func (r *reader) recordDoc(id, source string, rec record, dec Decoded) (*document.Document, error) {
	m := rec.fields
	d := r.newDoc(id, source, rec.raw, Decoded{Encoding: dec.Encoding})
	d.Format = document.FormatRecord
	if body := rawStr(m, bodyFields...); body != "" {
		d.Extracted = normalizeBody(body)
	} else if html := rawStr(m, htmlFields...); html != "" {
		// A record carrying the page instead of its text: extract reads it.
		d.Format = document.FormatHTML
		d.Raw = html
	} else {
		return nil, reason(ErrNoBody, "record has no body text (looked for %v)", bodyFields)
	}
	d.Title = str(m, titleFields...)
	d.URL = str(m, urlFields...)
	if o := str(m, outletFields...); o != "" {
		d.Outlet, d.OutletSource = o, "record"
	} else if src, ok := m["source"].(map[string]any); ok { // NewsAPI: "source": {"name": …}
		if o := str(src, "name", "domain"); o != "" {
			d.Outlet, d.OutletSource = o, "record"
		}
	}
	d.Authors = strList(m, authorFields...)
	d.Language = str(m, langFields...)
	if d.Published.IsZero() {
		for _, f := range publishFields {
			if s := str(m, f); s != "" {
				if dt, err := ParseDate(s, "record"); err == nil {
					d.Published = dt
				} else {
					d.AddProblem(Stage, fmt.Errorf("field %s: %w", f, err))
				}
				break
			}
		}
	}
	for _, f := range modifyFields {
		if s := str(m, f); s != "" {
			if dt, err := ParseDate(s, "record"); err == nil {
				d.Updated = dt
			} else {
				d.AddProblem(Stage, fmt.Errorf("field %s: %w", f, err))
			}
			break
		}
	}
	return d, nil
}
