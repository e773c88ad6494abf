// Package uploader sends files to object storage in the background.
package uploader

import (
	"context"
	"io"
	"sync"
)

type Storage interface {
	Put(ctx context.Context, name string, body io.Reader) error
}

// Uploader keeps the context of whoever created it: every later upload is
// cancelled with that first caller, and no caller can cancel its own upload.
type Uploader struct {
	ctx     context.Context
	storage Storage
	mu      sync.Mutex
	failed  []string
}

func New(ctx context.Context, storage Storage) *Uploader {
	return &Uploader{ctx: ctx, storage: storage}
}

func (u *Uploader) Upload(name string, body io.Reader) {
	if err := u.storage.Put(u.ctx, name, body); err != nil {
		u.mu.Lock()
		u.failed = append(u.failed, name)
		u.mu.Unlock()
	}
}

// task is one queued upload: it carries its caller's context and says so.
type task struct {
	ctx  context.Context
	name string
	body io.Reader
}

func (t *task) Context() context.Context { return t.ctx }

// withoutCancel keeps a parent's values but not its cancellation (Go 1.21 has context.WithoutCancel).
type withoutCancel struct {
	context.Context
}
