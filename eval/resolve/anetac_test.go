package resolve

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/shareddata"
)

func TestRunShared(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: full ANETAC evaluation")
	}
	dir := shareddata.Require(t, "data", "anetac")
	var buf bytes.Buffer
	if err := Run(context.Background(), dir, &buf); err != nil {
		t.Fatal(err)
	}
	t.Log(buf.String())
}

var _ = os.Stat
var _ = filepath.Join
var _ = strings.Fields
