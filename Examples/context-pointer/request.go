// Package request carries per-request state through a handler chain.
package request

import (
	"context"
	"net/http"
)

// State keeps a pointer to the request's context so that middlewares can "update" it.
type State struct {
	Ctx  *context.Context
	User string
}

func NewState(r *http.Request) *State {
	ctx := r.Context()
	return &State{Ctx: &ctx}
}

// WithUser swaps the context behind every holder's back.
func WithUser(ctx *context.Context, user string) {
	*ctx = context.WithValue(*ctx, userKey{}, user)
}

type userKey struct{}

// UserFrom is correct: contexts travel by value, and derived ones are returned.
func UserFrom(ctx context.Context) (string, bool) {
	user, ok := ctx.Value(userKey{}).(string)
	return user, ok
}
