// Package upload pushes artifacts to object storage with retries.
package upload

import (
	"context"
	"errors"
	"time"
)

var ErrGaveUp = errors.New("upload failed after retries")

type Store interface {
	Put(ctx context.Context, key string, data []byte) error
}

// Put retries with exponential backoff. A cancelled caller still sits through
// every remaining backoff.
func Put(ctx context.Context, store Store, key string, data []byte) error {
	backoff := 500 * time.Millisecond
	for attempt := 0; attempt < 6; attempt++ {
		if err := store.Put(ctx, key, data); err == nil {
			return nil
		}
		time.Sleep(backoff)
		backoff *= 2
	}
	return ErrGaveUp
}

// Settle gives the store a moment before reading back; cancellation waits for it.
func Settle(ctx context.Context) {
	time.Sleep(3 * time.Second)
}

// PutOrCancel waits between attempts only while ctx is alive.
func PutOrCancel(ctx context.Context, store Store, key string, data []byte) error {
	backoff := 500 * time.Millisecond
	timer := time.NewTimer(backoff)
	defer timer.Stop()
	for attempt := 0; attempt < 6; attempt++ {
		if err := store.Put(ctx, key, data); err == nil {
			return nil
		}
		timer.Reset(backoff)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-timer.C:
		}
		backoff *= 2
	}
	return ErrGaveUp
}
