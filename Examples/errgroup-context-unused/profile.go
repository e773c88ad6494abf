// Package profile assembles a user's profile page from three backends.
package profile

import (
	"context"

	"golang.org/x/sync/errgroup"
)

type Backends interface {
	Account(ctx context.Context, id string) (string, error)
	Orders(ctx context.Context, id string) ([]string, error)
	Reviews(ctx context.Context, id string) ([]string, error)
}

type Page struct {
	Account string
	Orders  []string
	Reviews []string
}

// Load fans out, but when the account lookup fails the order and review
// lookups still run to the end: they use ctx, not the group's context.
func Load(ctx context.Context, b Backends, id string) (*Page, error) {
	var page Page
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) {
		page.Account, err = b.Account(ctx, id)
		return err
	})
	g.Go(func() (err error) {
		page.Orders, err = b.Orders(ctx, id)
		return err
	})
	g.Go(func() (err error) {
		page.Reviews, err = b.Reviews(ctx, id)
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return &page, gctx.Err()
}

// LoadSummary shadows ctx with the group's context, so the tasks stop together.
func LoadSummary(ctx context.Context, b Backends, id string) (string, int, error) {
	var account string
	var orders []string
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) {
		account, err = b.Account(ctx, id)
		return err
	})
	g.Go(func() (err error) {
		orders, err = b.Orders(ctx, id)
		return err
	})
	err := g.Wait()
	return account, len(orders), err
}
