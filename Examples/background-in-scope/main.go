package reports

import (
	"context"
	"os"
	"os/signal"
)

// Run has no caller context: main-like entry points start from Background.
func Run(serve func(context.Context) error) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return serve(ctx)
}
