package extract

import "runtime/metrics"

// cpuMetric is the Go runtime's estimate of CPU time spent running Go code.
const cpuMetric = "/cpu/classes/user:cpu-seconds"

// cpuSeconds returns the process's user CPU seconds so far (0 when the
// runtime does not report it). Unlike wall time it does not grow while
// other processes hold the CPU.
func cpuSeconds() float64 {
	s := []metrics.Sample{{Name: cpuMetric}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindFloat64 {
		return 0
	}
	return s[0].Value.Float64()
}
