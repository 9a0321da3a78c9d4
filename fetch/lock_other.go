//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package fetch

import (
	"errors"
	"os"
)

// errNoLocking says that this platform has no file locks here; the state
// folder is then used unlocked, and saves merge with what is on disk.
var errNoLocking = errors.New("file locks not supported on this platform")

func tryLock(*os.File) (bool, error) { return false, errNoLocking }

func unlock(*os.File) error { return nil }
