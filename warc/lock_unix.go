//go:build linux || darwin || freebsd || openbsd || netbsd || dragonfly

package warc

import (
	"fmt"
	"os"
	"syscall"
)

// lockFile takes an exclusive flock on f, waiting for other holders, and
// returns the function that releases it.
func lockFile(f *os.File) (func(), error) {
	fd := int(f.Fd())
	for {
		err := syscall.Flock(fd, syscall.LOCK_EX)
		if err == nil {
			break
		}
		if err != syscall.EINTR {
			return nil, fmt.Errorf("locking %s: %w", f.Name(), err)
		}
	}
	return func() { syscall.Flock(fd, syscall.LOCK_UN) }, nil
}
