package jobs

import (
	"context"
	"errors"
	"time"
)

// ErrNoJob is returned when no job arrived before the deadline.
var ErrNoJob = errors.New("no job")

// Next waits for the next job. Its cancel function was once discarded; the leak was fixed, but the
// suppression written for it stayed behind.
func Next(parent context.Context, queue <-chan string) (string, error) {
	ctx, cancel := context.WithTimeout(parent, 5*time.Second) //cancellint:ignore lost-cancel-discarded queue reads are short
	defer cancel()
	select {
	case job := <-queue:
		return job, nil
	case <-ctx.Done():
		return "", ErrNoJob
	}
}

// Drain empties the queue until the parent is cancelled.
func Drain(parent context.Context, queue <-chan string) int {
	//cancellint:ignore lost-cancle-discarded drained on shutdown only
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	drained := 0
	for {
		select {
		case <-queue:
			drained++
		case <-ctx.Done():
			return drained
		}
	}
}
