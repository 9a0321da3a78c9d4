package server

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/corroborate/corroborate/store"
)

// metrics are the service's Prometheus collectors.
type metrics struct {
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
}

func newMetrics(reg *prometheus.Registry, st store.Store) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "corroborate_http_requests_total", Help: "HTTP requests by route and status code.",
		}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "corroborate_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route"}),
	}
	reg.MustRegister(m.requests, m.latency, prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	reg.MustRegister(&storeCollector{st: st,
		docs:    prometheus.NewDesc("corroborate_documents", "Documents stored.", nil, nil),
		stories: prometheus.NewDesc("corroborate_stories", "Stories with at least one report.", nil, nil),
		blobs:   prometheus.NewDesc("corroborate_blobs", "Distinct raw inputs stored.", nil, nil),
		jobs:    prometheus.NewDesc("corroborate_jobs", "Jobs by state.", []string{"state"}, nil),
	})
	return m
}

// instrument counts and times h under route name.
func (m *metrics) instrument(name string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		h.ServeHTTP(sw, r)
		m.latency.WithLabelValues(name).Observe(time.Since(start).Seconds())
		m.requests.WithLabelValues(name, strconv.Itoa(sw.code)).Inc()
	})
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// storeCollector reads the store's counts at scrape time.
type storeCollector struct {
	st                         store.Store
	docs, stories, blobs, jobs *prometheus.Desc
	mu                         sync.Mutex
}

func (c *storeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.docs
	ch <- c.stories
	ch <- c.blobs
	ch <- c.jobs
}

func (c *storeCollector) Collect(ch chan<- prometheus.Metric) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	n, err := c.st.Counts(ctx)
	if err != nil {
		return
	}
	ch <- prometheus.MustNewConstMetric(c.docs, prometheus.GaugeValue, float64(n.Documents))
	ch <- prometheus.MustNewConstMetric(c.stories, prometheus.GaugeValue, float64(n.Stories))
	ch <- prometheus.MustNewConstMetric(c.blobs, prometheus.GaugeValue, float64(n.Blobs))
	for _, s := range []string{store.JobQueued, store.JobRunning, store.JobDone, store.JobFailed, "dead"} { // dead: given up by the NATS queue (jobs/natsq)
		ch <- prometheus.MustNewConstMetric(c.jobs, prometheus.GaugeValue, float64(n.Jobs[s]), s)
	}
}
