// Package shareddata locates the project's external evaluation material:
// the shared/ folder that sits beside the repository (../shared from the
// repository root), or the folder named by $CORROBORATE_SHARED. Nothing from
// it is ever copied into the repository; tests that need it skip with a
// clear message when it is absent.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// EnvVar names the environment variable that overrides the shared folder.
const EnvVar = "CORROBORATE_SHARED"

// Root returns the shared folder and whether it exists.
func Root() (string, bool) {
	if p := os.Getenv(EnvVar); p != "" {
		return p, isDir(p)
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(filepath.Dir(dir), "shared")
			return p, isDir(p)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Path returns the path of elem inside the shared folder and whether it
// exists.
func Path(elem ...string) (string, bool) {
	root, ok := Root()
	if !ok {
		return "", false
	}
	p := filepath.Join(append([]string{root}, elem...)...)
	_, err := os.Stat(p)
	return p, err == nil
}

// Require returns the path of elem inside the shared folder, or skips the
// test with a message naming what is missing.
func Require(t testing.TB, elem ...string) string {
	t.Helper()
	p, ok := Path(elem...)
	if !ok {
		t.Skipf("shared data %q not found (looked beside the repository and in $%s); skipping", filepath.Join(elem...), EnvVar)
	}
	return p
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
