// Package heartbeat tells the coordinator that this node is alive.
package heartbeat

import (
	"context"
	"log"
	"time"
)

type Coordinator interface {
	Beat(ctx context.Context, node string) error
}

// Send beats every interval until ctx is cancelled. Or so it seems: the break
// leaves the select, not the loop, and after cancellation the loop spins on the
// closed Done channel.
func Send(ctx context.Context, c Coordinator, node string, interval time.Duration) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			log.Printf("heartbeat for %s stopped", node)
			break
		case <-ticker.C:
			if err := c.Beat(ctx, node); err != nil {
				log.Printf("heartbeat for %s: %v", node, err)
			}
		}
	}
}

// SendUntilDone leaves the loop through a label.
func SendUntilDone(ctx context.Context, c Coordinator, node string, interval time.Duration) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
beats:
	for {
		select {
		case <-ctx.Done():
			break beats
		case <-ticker.C:
			if err := c.Beat(ctx, node); err != nil {
				log.Printf("heartbeat for %s: %v", node, err)
			}
		}
	}
	log.Printf("heartbeat for %s stopped", node)
}
