package inventory

import (
	"context"
	"log"
	"os"
	"os/signal"
)

// Watch runs until interrupted, but never releases the signal registration.
func Watch(parent context.Context, updates <-chan Item) {
	ctx, _ := signal.NotifyContext(parent, os.Interrupt)
	for {
		select {
		case <-ctx.Done():
			return
		case item := <-updates:
			log.Printf("%s: %d", item.SKU, item.Count)
		}
	}
}
