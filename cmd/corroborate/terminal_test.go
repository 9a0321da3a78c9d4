package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestStderrQuotesHostileNames names inputs whose file names hold a
// newline, a terminal escape and a bidi override: every stderr line is
// one of the expected lines, with those names quoted, and no control byte
// reaches the terminal.
func TestStderrQuotesHostileNames(t *testing.T) {
	dir := t.TempDir()
	evil := filepath.Join(dir, "evil\n\x1b[31mcorroborate: fake.txt")
	bidi := filepath.Join(dir, "report-\u202etxt.exe")
	binary := []byte("\x8f\x03\xd1\x9aK\x17\xee\x02\xb4q\xc9\x1e\xfa\x95\x06\xa3\x7f\xd8\x1bZ\xe4\x90\x11\xbb\xc6\x05\x9e")
	for _, p := range []string{evil, bidi} {
		if err := os.WriteFile(p, binary, 0o644); err != nil {
			t.Skipf("cannot create a file with that name here: %v", err)
		}
	}
	_, stderr, err := execute(t, "analyze", evil, bidi, "--format", "json", "-o", filepath.Join(dir, "account.json"))
	var msg bytes.Buffer
	if code := exitCode(err, &msg); code != exitFatal {
		t.Fatalf("exit %d (err %v), want %d", code, err, exitFatal)
	}
	all := stderr + msg.String()
	if strings.ContainsAny(all, "\x1b\u202e") {
		t.Errorf("a raw ESC or bidi control reached stderr:\n%q", all)
	}
	qe, qb := strconv.Quote(evil), strconv.Quote(bidi)
	want := []*regexp.Regexp{
		regexp.MustCompile(`^corroborate: ` + regexp.QuoteMeta(qe) + `: ingest: binary input: [^\n]+$`),
		regexp.MustCompile(`^corroborate: ` + regexp.QuoteMeta(qb) + `: ingest: binary input: [^\n]+$`),
		regexp.MustCompile(`^corroborate: 0 document\(s\) analysed, 0 excluded, 2 problem\(s\) in \S+$`),
		regexp.MustCompile(`^corroborate: no account written: nothing could be analysed in ` + regexp.QuoteMeta(qe+", "+qb) + `$`),
	}
	lines := strings.Split(strings.TrimSuffix(all, "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("%d stderr lines, want %d:\n%s", len(lines), len(want), all)
	}
	for i, re := range want {
		if !re.MatchString(lines[i]) {
			t.Errorf("line %d = %q\nwant it to match %s", i+1, lines[i], re)
		}
	}
}

func TestDisplayName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"reports/a b.txt", "reports/a b.txt"},
		{"reports/تقرير.txt", "reports/تقرير.txt"},
		{"a\nb", `"a\nb"`},
		{"x\x1b[31m", `"x\x1b[31m"`},
		{"r\u202etxt", `"r\u202etxt"`},
		{"bad\xffbyte", `"bad\xffbyte"`},
	}
	for _, c := range cases {
		if got := displayName(c.in); got != c.want {
			t.Errorf("displayName(%q) = %s, want %s", c.in, got, c.want)
		}
	}
	if got, want := displayText("line 3: got \"\x1b]0;pwned\x07\" \u2067here"), `line 3: got "\x1b]0;pwned\a" \u2067here`; got != want {
		t.Errorf("displayText = %s, want %s", got, want)
	}
}
