// Package warmup fills caches before the server takes traffic.
package warmup

import (
	"context"
	"log"
	"time"
)

type Loader struct {
	keys []string
}

func (l *Loader) load(ctx context.Context, key string) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(10 * time.Millisecond):
		return nil
	}
}

// Warm was written before the loader took a context; nil compiles, then panics.
func (l *Loader) Warm() {
	for _, key := range l.keys {
		if err := l.load(nil, key); err != nil {
			log.Printf("warm %s: %v", key, err)
		}
	}
}

// WarmWithin bounds the whole warm-up, but derives the bound from nil.
func (l *Loader) WarmWithin(limit time.Duration) error {
	ctx, cancel := context.WithTimeout(nil, limit)
	defer cancel()
	for _, key := range l.keys {
		if err := l.load(ctx, key); err != nil {
			return err
		}
	}
	return nil
}

// WarmContext is the fixed version.
func (l *Loader) WarmContext(ctx context.Context) error {
	for _, key := range l.keys {
		if err := l.load(ctx, key); err != nil {
			return err
		}
	}
	return nil
}
