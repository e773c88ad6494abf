// Package consumer drains an order queue into the billing service.
package consumer

import (
	"context"
	"log"
	"time"
)

type Order struct {
	ID     string
	Amount int64
}

type Billing interface {
	Charge(ctx context.Context, o Order) error
	Healthy() bool
}

// Run charges every order that arrives. The loop never looks at ctx: when the
// service shuts down, the consumer goroutine stays parked on the channel.
func Run(ctx context.Context, orders <-chan Order, billing Billing) {
	for order := range orders {
		if err := billing.Charge(context.Background(), order); err != nil {
			log.Printf("order %s: %v", order.ID, err)
		}
	}
}

// WaitHealthy polls until billing answers, however long that takes.
func WaitHealthy(ctx context.Context, billing Billing) {
	for !billing.Healthy() {
		time.Sleep(2 * time.Second)
	}
}

// RunUntilCancelled is the fixed consumer: it stops as soon as ctx is done.
func RunUntilCancelled(ctx context.Context, orders <-chan Order, billing Billing) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case order, ok := <-orders:
			if !ok {
				return nil
			}
			if err := billing.Charge(ctx, order); err != nil {
				log.Printf("order %s: %v", order.ID, err)
			}
		}
	}
}
