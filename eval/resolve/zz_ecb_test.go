package resolve
import ("testing";"os")
func TestZZECB(t *testing.T) {
	if _, err := runECB(t.Context(), "/work/wt/shared/data/ecbplus", os.Stdout); err != nil { t.Fatal(err) }
}
