package resolve

import (
	"fmt"
	"testing"

	"github.com/corroborate/corroborate/internal/shareddata"
	rs "github.com/corroborate/corroborate/resolve"
)

func TestDiag(t *testing.T) {
	dir := shareddata.Require(t, "data", "anetac")
	groups, _ := readGroups(dir+"/"+variantsFile, "PERSON")
	tuneG, _ := split(groups)
	tune := makePairs(tuneG, Seed)
	fn, fp := 0, 0
	for _, p := range tune {
		same := rs.Same(p.a, p.b) == rs.FullMatch
		if p.kind == "pos" && !same && fn < 70 && fn%1 == 0 {
			fmt.Printf("FN %s %s %.3f %v\n", p.a, p.b, rs.TokenDistance(p.a, p.b), rs.Same(p.a, p.b))
			fn++
		}
		if p.kind != "pos" && same && fp < 50 {
			fmt.Printf("FP %s %s %s %.3f\n", p.kind, p.a, p.b, rs.TokenDistance(p.a, p.b))
			fp++
		}
	}
}
