// Package replica copies keys to a remote store.
package replica

import (
	"context"
	"time"
)

type Store interface {
	Get(ctx context.Context, key string) ([]byte, error)
	Put(ctx context.Context, key string, value []byte) error
}

// CopyAll defers each iteration's cancel, so every timeout lives until the whole copy is done.
func CopyAll(parent context.Context, from, to Store, keys []string) error {
	for _, key := range keys {
		ctx, cancel := context.WithTimeout(parent, 5*time.Second)
		defer cancel()
		value, err := from.Get(ctx, key)
		if err != nil {
			return err
		}
		if err := to.Put(ctx, key, value); err != nil {
			return err
		}
	}
	return nil
}

// CopyEach is correct: one function call per key, so the defer runs per key.
func CopyEach(parent context.Context, from, to Store, keys []string) error {
	for _, key := range keys {
		if err := copyOne(parent, from, to, key); err != nil {
			return err
		}
	}
	return nil
}

func copyOne(parent context.Context, from, to Store, key string) error {
	ctx, cancel := context.WithTimeout(parent, 5*time.Second)
	defer cancel()
	value, err := from.Get(ctx, key)
	if err != nil {
		return err
	}
	return to.Put(ctx, key, value)
}
