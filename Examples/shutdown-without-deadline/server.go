// Package server runs the public API and the metrics endpoint.
package server

import (
	"context"
	"net/http"
	"time"
)

type Servers struct {
	api     *http.Server
	metrics *http.Server
}

func New(api, metrics http.Handler) *Servers {
	return &Servers{
		api:     &http.Server{Addr: ":8080", Handler: api},
		metrics: &http.Server{Addr: ":9090", Handler: metrics},
	}
}

// Stop drains the API, but one slow client keeps it waiting for ever.
func (s *Servers) Stop() error {
	stopCtx, cancel := context.WithCancel(context.Background())
	defer cancel()
	apiErr := s.api.Shutdown(stopCtx)
	if err := s.metrics.Shutdown(context.TODO()); err != nil {
		return err
	}
	return apiErr
}

// StopWithin bounds the drain and cuts whatever is left.
func (s *Servers) StopWithin(limit time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	if err := s.api.Shutdown(ctx); err != nil {
		return s.api.Close()
	}
	return nil
}
