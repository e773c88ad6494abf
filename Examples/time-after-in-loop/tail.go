// Package tail follows a log stream and reports when it goes quiet.
package tail

import (
	"context"
	"errors"
	"time"
)

var ErrQuiet = errors.New("log stream went quiet")

// Follow forwards lines until the stream is quiet for a minute. Each line makes a
// new one-minute timer that lives on (before Go 1.23) until it fires.
func Follow(ctx context.Context, lines <-chan string, out chan<- string) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case line := <-lines:
			out <- line
		case <-time.After(time.Minute):
			return ErrQuiet
		}
	}
}

// FollowWithTimer reuses one timer.
func FollowWithTimer(ctx context.Context, lines <-chan string, out chan<- string) error {
	quiet := time.NewTimer(time.Minute)
	defer quiet.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case line := <-lines:
			out <- line
			if !quiet.Stop() {
				<-quiet.C
			}
			quiet.Reset(time.Minute)
		case <-quiet.C:
			return ErrQuiet
		}
	}
}
