//go:build !unix

package extract

// cpuSeconds is not measured on this platform.
func cpuSeconds() float64 { return 0 }
