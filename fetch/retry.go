package fetch

import (
	"context"
	"errors"
	"io"
	"net"
	"syscall"
	"time"
)

// Retry decisions. A request is tried again (up to Options.MaxRetries times,
// with the backoff of backoff) when the server answered 429 or 5xx, or when
// the network failed in a way that a later attempt may not: the connection
// was refused, reset or aborted, the server closed it before sending
// complete headers, DNS timed out, or a timeout struck before any byte of
// the body arrived. Refusals by policy (a non-public address, robots.txt,
// a too-large body, an unwanted content type), 4xx answers, redirect
// errors, TLS failures and the caller's own cancellation are final.

// transientErrnos are socket errors worth another attempt.
var transientErrnos = []error{
	syscall.ECONNREFUSED, syscall.ECONNRESET, syscall.ECONNABORTED, syscall.EPIPE,
	syscall.ETIMEDOUT, syscall.EHOSTUNREACH, syscall.ENETUNREACH, syscall.ENETDOWN,
}

// finalErrors are refusals that no retry can change.
var finalErrors = []error{ErrPrivateAddress, ErrDisallowed, ErrTooLarge, ErrContentType, context.Canceled}

// transientNetError reports whether err, met while connecting, sending the
// request or waiting for the response headers, may go away on retry. ctx
// is the caller's context: once it has ended nothing is retried.
func transientNetError(ctx context.Context, err error) bool {
	if err == nil || ctx.Err() != nil {
		return false
	}
	for _, f := range finalErrors {
		if errors.Is(err, f) {
			return false
		}
	}
	for _, e := range transientErrnos {
		if errors.Is(err, e) {
			return true
		}
	}
	// The server hung up before (complete) response headers.
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return true
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return dnsErr.IsTimeout || dnsErr.IsTemporary
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// transientBodyError reports whether an error reading a response body may go
// away on retry: a reset or early close at any point, a timeout only while
// no byte of the body had arrived (a server that trickles the body would
// only be slow again).
func transientBodyError(ctx context.Context, err error, gotBytes int64) bool {
	if !transientNetError(ctx, err) {
		return false
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return gotBytes == 0
	}
	return true
}

// backoff is the wait before retry number attempt+1: RetryBase doubled per
// earlier attempt, or the server's Retry-After when it gave one, capped at
// MaxRetryWait.
func backoff(o Options, attempt int, retryAfter time.Duration) time.Duration {
	if retryAfter > 0 {
		return min(retryAfter, o.MaxRetryWait)
	}
	if attempt >= 30 {
		return o.MaxRetryWait
	}
	wait := o.RetryBase << attempt
	if wait <= 0 || wait > o.MaxRetryWait {
		return o.MaxRetryWait
	}
	return wait
}
