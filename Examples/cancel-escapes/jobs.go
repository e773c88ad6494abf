// Package jobs runs background jobs that can be cancelled by id.
package jobs

import (
	"context"
	"sync"
	"time"
)

type Runner struct {
	mu       sync.Mutex
	running  map[string]context.CancelFunc
	shutdown context.CancelFunc
}

func NewRunner() *Runner {
	return &Runner{running: make(map[string]context.CancelFunc)}
}

// Start registers the job's cancel function, but Finish below forgets the entry without calling
// it, and nothing else reads the registry: every finished job leaks its context and timer.
func (r *Runner) Start(parent context.Context, id string, job func(context.Context) error) {
	ctx, cancel := context.WithTimeout(parent, 10*time.Minute)
	r.mu.Lock()
	r.running[id] = cancel
	r.mu.Unlock()
	go func() {
		_ = job(ctx)
		r.Finish(id)
	}()
}

func (r *Runner) Finish(id string) {
	r.mu.Lock()
	delete(r.running, id)
	r.mu.Unlock()
}

// Fanout hands one cancel function to every worker; the first worker to finish cancels the
// others' context.
func (r *Runner) Fanout(parent context.Context, workers int, work func(context.Context)) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer cancel()
			defer wg.Done()
			work(ctx)
		}()
	}
	wg.Wait()
}

// Serve is correct: the cancel function is kept for Stop, which calls it.
func (r *Runner) Serve(parent context.Context, loop func(context.Context)) {
	ctx, cancel := context.WithCancel(parent)
	r.shutdown = cancel
	go loop(ctx)
}

func (r *Runner) Stop() {
	if r.shutdown != nil {
		r.shutdown()
	}
}
