package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// record is one JSON object read from an input, with its own JSON text.
type record struct {
	fields map[string]any
	raw    string
	// n is the 1-based record number in its input; line is its first line.
	n, line int
	err     error
}

// validJSONStream reports whether s is one or more JSON objects or arrays.
func validJSONStream(s string) bool {
	dec := json.NewDecoder(strings.NewReader(s))
	n := 0
	for {
		var v json.RawMessage
		err := dec.Decode(&v)
		if err == io.EOF {
			return n > 0
		}
		if err != nil || len(v) == 0 || (v[0] != '{' && v[0] != '[') {
			return false
		}
		n++
	}
}

// lineCol returns the 1-based line and column of byte offset off in s.
func lineCol(s string, off int) (line, col int) {
	off = min(max(off, 0), len(s))
	before := s[:off]
	line = strings.Count(before, "\n") + 1
	col = off - strings.LastIndexByte(before, '\n')
	return line, col
}

// jsonError describes a decoding error at a position of s.
func jsonError(s string, base int, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		l, c := lineCol(s, base+int(se.Offset))
		return reason(ErrJSON, "invalid JSON at line %d, column %d: %v", l, c, se)
	case errors.As(err, &te):
		l, c := lineCol(s, base+int(te.Offset))
		return reason(ErrJSON, "invalid JSON at line %d, column %d: %v", l, c, te)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return reason(ErrJSON, "invalid JSON: unexpected end of input (truncated?)")
	}
	return reason(ErrJSON, "invalid JSON: %v", err)
}

// parseJSON reads a JSON input: one object (single is true), an array of
// objects, or several concatenated objects. A syntax error stops the
// reading with err; elements that are not objects come back as records
// carrying an error.
func parseJSON(s string) (recs []record, single bool, err error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var values []json.RawMessage
	var starts []int
	var tailErr error
	tailLine := 0
	for {
		var v json.RawMessage
		start := int(dec.InputOffset())
		if err := dec.Decode(&v); err == io.EOF {
			break
		} else if err != nil {
			if len(values) > 0 {
				// Keep what parsed; the error becomes one more record.
				tailErr, tailLine = jsonError(s, 0, err), lineOf(s, start)
				break
			}
			return nil, false, jsonError(s, 0, err)
		}
		values = append(values, v)
		starts = append(starts, start+leadingSpace(s[start:]))
	}
	if len(values) == 0 {
		return nil, false, reason(ErrJSON, "invalid JSON: no value")
	}
	if len(values) == 1 && tailErr == nil && values[0][0] == '{' {
		r := objectRecord(values[0], 1, lineOf(s, starts[0]))
		if inner := containedRecords(r); inner != nil {
			return inner, false, nil
		}
		return []record{r}, true, nil
	}
	if len(values) == 1 && tailErr == nil && values[0][0] == '[' {
		var elems []json.RawMessage
		if err := json.Unmarshal(values[0], &elems); err != nil {
			return nil, false, jsonError(s, starts[0], err)
		}
		for i, e := range elems {
			recs = append(recs, objectRecord(e, i+1, 0))
		}
		return recs, false, nil
	}
	for i, v := range values {
		recs = append(recs, objectRecord(v, i+1, lineOf(s, starts[i])))
	}
	if tailErr != nil {
		recs = append(recs, record{n: len(recs) + 1, line: tailLine, err: tailErr})
	}
	return recs, false, nil
}

func leadingSpace(s string) int { return len(s) - len(strings.TrimLeft(s, " \t\r\n")) }

// containerFields name the arrays of articles that API responses wrap
// (NewsAPI's "articles", "items", "results", …).
var containerFields = []string{"articles", "items", "results", "data", "docs", "records", "entries", "news"}

// containedRecords unwraps an object that is not itself an article but
// holds an array of article objects; it returns nil otherwise.
func containedRecords(r record) []record {
	if r.err != nil || rawStr(r.fields, bodyFields...) != "" || rawStr(r.fields, htmlFields...) != "" {
		return nil
	}
	for _, k := range containerFields {
		arr, ok := r.fields[k].([]any)
		if !ok || len(arr) == 0 {
			continue
		}
		var out []record
		for i, el := range arr {
			rec := record{n: i + 1}
			m, ok := el.(map[string]any)
			if !ok {
				rec.err = reason(ErrJSON, "%s[%d] is not an object", k, i)
			} else {
				rec.fields = m
				b, _ := json.Marshal(m)
				rec.raw = string(b)
			}
			out = append(out, rec)
		}
		return out
	}
	return nil
}

func lineOf(s string, off int) int {
	l, _ := lineCol(s, off)
	return l
}

// objectRecord decodes one JSON value that should be an object.
func objectRecord(v json.RawMessage, n, line int) record {
	r := record{raw: string(v), n: n, line: line}
	if len(v) == 0 || v[0] != '{' {
		r.err = reason(ErrJSON, "record %d is a JSON %s, not an object", n, jsonKind(v))
		return r
	}
	if err := unmarshalObject(v, &r.fields); err != nil {
		r.err = reason(ErrJSON, "record %d: invalid JSON: %v", n, err)
	}
	return r
}

// unmarshalObject decodes one JSON object, failing on anything after it.
func unmarshalObject(v []byte, m *map[string]any) error {
	dec := json.NewDecoder(bytes.NewReader(v))
	dec.UseNumber()
	if err := dec.Decode(m); err != nil {
		return err
	}
	if off := int(dec.InputOffset()); len(bytes.TrimSpace(v[off:])) > 0 {
		return errTrailing
	}
	return nil
}

var errTrailing = errors.New("extra data after the object")

func jsonKind(v json.RawMessage) string {
	if len(v) == 0 {
		return "nothing"
	}
	switch v[0] {
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// parseJSONL reads one JSON object per non-blank line. Lines that do not
// parse come back as records carrying an error naming the line.
func parseJSONL(s string) []record {
	var recs []record
	n := 0
	for i, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		n++
		r := record{raw: line, n: n, line: i + 1}
		if line[0] != '{' {
			r.err = reason(ErrJSON, "line %d: invalid JSON: expected an object starting with '{'", i+1)
		} else if err := unmarshalObject([]byte(line), &r.fields); err != nil {
			var se *json.SyntaxError
			if errors.Is(err, errTrailing) {
				r.err = reason(ErrJSON, "line %d: invalid JSON: extra data after the object", i+1)
			} else if errors.As(err, &se) {
				r.err = reason(ErrJSON, "line %d, column %d: invalid JSON: %v", i+1, se.Offset, se)
			} else if errors.Is(err, io.ErrUnexpectedEOF) {
				r.err = reason(ErrJSON, "line %d: invalid JSON: unexpected end of line (truncated object?)", i+1)
			} else {
				r.err = reason(ErrJSON, "line %d: invalid JSON: %v", i+1, err)
			}
		}
		recs = append(recs, r)
	}
	return recs
}

// str returns the first of keys whose value is a non-blank string.
func str(m map[string]any, keys ...string) string {
	for _, k := range keys {
		if v, ok := m[k].(string); ok && strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// rawStr is str without trimming (bodies keep their layout).
func rawStr(m map[string]any, keys ...string) string {
	for _, k := range keys {
		if v, ok := m[k].(string); ok && strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// strList reads a field holding a string or an array of strings.
func strList(m map[string]any, keys ...string) []string {
	for _, k := range keys {
		switch v := m[k].(type) {
		case string:
			if s := strings.TrimSpace(v); s != "" {
				return []string{s}
			}
		case []any:
			var out []string
			for _, x := range v {
				switch x := x.(type) {
				case string:
					if s := strings.TrimSpace(x); s != "" {
						out = append(out, s)
					}
				case map[string]any: // schema.org style {"name": …}
					if s := str(x, "name"); s != "" {
						out = append(out, s)
					}
				}
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	return nil
}

// Record field names, in order of preference.
var (
	bodyFields    = []string{"maintext", "text", "body", "content", "articleBody", "article"}
	htmlFields    = []string{"html", "raw_html", "content_html"}
	titleFields   = []string{"title", "headline"}
	urlFields     = []string{"url", "canonical_url", "link"}
	outletFields  = []string{"source_domain", "publisher", "outlet", "site_name", "source"}
	authorFields  = []string{"authors", "author", "byline"}
	langFields    = []string{"language", "lang"}
	publishFields = []string{"date_publish", "published", "publishedAt", "date_published", "datePublished", "date", "pubDate"}
	modifyFields  = []string{"date_modify", "updated", "date_modified", "dateModified"}
)

// normalizeBody turns a record's body into paragraphs separated by blank
// lines. Line ends are normalised; when the body already uses blank lines
// between paragraphs, single line breaks stay inside their paragraph,
// otherwise every line is a paragraph (news-please's maintext style).
func normalizeBody(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\u00a0")
	}
	blankSeparated := false
	for i := 1; i+1 < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "" && strings.TrimSpace(lines[i-1]) != "" {
			blankSeparated = true
			break
		}
	}
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			flush()
			continue
		}
		if !blankSeparated {
			paras = append(paras, t)
			continue
		}
		cur = append(cur, t)
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// describeRecordErr names what went wrong with record r of source.
func recordSource(source string, n int) string { return fmt.Sprintf("%s#%d", source, n) }
