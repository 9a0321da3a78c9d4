package resolve

import "testing"

func TestHeadKey(t *testing.T) {
	for in, want := range map[string]string{
		"the 47-year-old researchers": "researcher",
		"the president of Iraq":       "president",
		"the Prime Minister":          "minister",
		"militias":                    "militia",
		"he":                          "",
		"2009":                        "",
		"the company's":               "company",
		"the boss":                    "boss",
		"churches":                    "church",
	} {
		if got := HeadKey(in); got != want {
			t.Errorf("HeadKey(%q) = %q, want %q", in, got, want)
		}
	}
}
