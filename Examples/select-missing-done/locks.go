// Package locks hands out leases on named resources.
package locks

import (
	"context"
	"errors"
	"time"
)

var (
	ErrBusy   = errors.New("lock is busy")
	ErrClosed = errors.New("lock manager closed")
)

type Manager struct {
	grants chan string
	quit   chan struct{}
}

// Acquire waits for a grant or gives up after ten seconds. A cancelled caller
// still waits the full ten seconds.
func (m *Manager) Acquire(ctx context.Context, name string) (string, error) {
	select {
	case lease := <-m.grants:
		return lease, nil
	case <-time.After(10 * time.Second):
		return "", ErrBusy
	}
}

// Renew stops when the manager closes, but not when the caller is cancelled.
func (m *Manager) Renew(ctx context.Context, lease string) (string, error) {
	select {
	case renewed := <-m.grants:
		return renewed, nil
	case <-m.quit:
		return "", ErrClosed
	}
}

// AcquireOrCancel waits for whichever comes first.
func (m *Manager) AcquireOrCancel(ctx context.Context, name string) (string, error) {
	timer := time.NewTimer(10 * time.Second)
	defer timer.Stop()
	select {
	case lease := <-m.grants:
		return lease, nil
	case <-timer.C:
		return "", ErrBusy
	case <-m.quit:
		return "", ErrClosed
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
