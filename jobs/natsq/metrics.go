package natsq

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Collector exports the queue's state to Prometheus: jobs waiting and in
// flight in JetStream (all workers), jobs being delivered again, and this
// process's finished, failed, dead and redelivered jobs. Jobs per second
// are rate(corroborate_jobs{state="done"}[1m]) of the store's counts.
func (q *Queue) Collector() prometheus.Collector { return &collector{q: q} }

type collector struct{ q *Queue }

var (
	descPending     = prometheus.NewDesc("corroborate_queue_pending", "Jobs published to JetStream and not yet delivered to a worker.", nil, nil)
	descInFlight    = prometheus.NewDesc("corroborate_queue_in_flight", "Jobs delivered to a worker and not yet acknowledged.", nil, nil)
	descRedelivered = prometheus.NewDesc("corroborate_queue_redelivering", "Jobs in flight that were delivered more than once.", nil, nil)
	descDeadStream  = prometheus.NewDesc("corroborate_queue_dead_letters", "Messages in the dead-letter stream.", nil, nil)
	descUp          = prometheus.NewDesc("corroborate_queue_up", "1 when the NATS connection is up.", nil, nil)
	descProcessed   = prometheus.NewDesc("corroborate_queue_jobs_total", "Jobs this process ran, by outcome (done, failed, dead, redelivered).", []string{"outcome"}, nil)
)

func (c *collector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descPending, descInFlight, descRedelivered, descDeadStream, descUp, descProcessed} {
		ch <- d
	}
}

func (c *collector) Collect(ch chan<- prometheus.Metric) {
	q := c.q
	up := 0.0
	if q.nc.IsConnected() {
		up = 1
	}
	ch <- prometheus.MustNewConstMetric(descUp, prometheus.GaugeValue, up)
	for outcome, n := range map[string]int64{"done": q.Done.Load(), "failed": q.Failed.Load(), "dead": q.Dead.Load(), "redelivered": q.Redelivered.Load()} {
		ch <- prometheus.MustNewConstMetric(descProcessed, prometheus.CounterValue, float64(n), outcome)
	}
	if up == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if cons, err := q.js.Consumer(ctx, q.stream, Consumer); err == nil {
		if info, err := cons.Info(ctx); err == nil {
			ch <- prometheus.MustNewConstMetric(descPending, prometheus.GaugeValue, float64(info.NumPending))
			ch <- prometheus.MustNewConstMetric(descInFlight, prometheus.GaugeValue, float64(info.NumAckPending))
			ch <- prometheus.MustNewConstMetric(descRedelivered, prometheus.GaugeValue, float64(info.NumRedelivered))
		}
	}
	if n, err := q.DeadLetters(ctx); err == nil {
		ch <- prometheus.MustNewConstMetric(descDeadStream, prometheus.GaugeValue, float64(n))
	}
}
