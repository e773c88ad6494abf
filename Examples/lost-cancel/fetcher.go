// Package fetcher downloads documents with per-request timeouts.
package fetcher

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

type Fetcher struct {
	client  *http.Client
	timeout time.Duration
}

// Get leaks its timeout context when the request cannot be built: the cancel is only called
// after a successful Do.
func (f *Fetcher) Get(parent context.Context, url string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(parent, f.timeout)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("build request: %w", err)
	}
	resp, err := f.client.Do(req)
	cancel()
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Retry gives every attempt a fresh deadline but only cancels the last one.
func (f *Fetcher) Retry(parent context.Context, url string, attempts int) (*http.Response, error) {
	var cancel context.CancelFunc
	var lastErr error
	for i := 0; i < attempts; i++ {
		var ctx context.Context
		ctx, cancel = context.WithTimeout(parent, f.timeout)
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return nil, err
		}
		resp, err := f.client.Do(req)
		if err == nil {
			return resp, nil
		}
		lastErr = err
	}
	if cancel != nil {
		cancel()
	}
	return nil, lastErr
}

// Head is correct: the cancel is deferred right after the constructor.
func (f *Fetcher) Head(parent context.Context, url string) (int, error) {
	ctx, cancel := context.WithTimeout(parent, f.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// Watch is correct too: the deferred literal cancels whichever timeout is current at return.
func (f *Fetcher) Watch(parent context.Context, pings <-chan struct{}) error {
	ctx, cancel := context.WithTimeout(parent, f.timeout)
	defer func() { cancel() }()
	for {
		select {
		case <-ctx.Done():
			return errors.New("no ping within the timeout")
		case <-pings:
			cancel()
			ctx, cancel = context.WithTimeout(parent, f.timeout)
		}
	}
}
