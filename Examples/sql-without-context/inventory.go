// Package inventory keeps stock levels in PostgreSQL.
package inventory

import (
	"context"
	"database/sql"
	"errors"
)

var ErrOutOfStock = errors.New("out of stock")

type Store struct {
	db *sql.DB
}

func Open(dsn string) (*Store, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	// No request exists yet at start-up: nothing to cancel.
	if err := db.Ping(); err != nil {
		return nil, err
	}
	return &Store{db: db}, nil
}

// Reserve takes items out of stock, but none of its statements can be cancelled.
func (s *Store) Reserve(ctx context.Context, sku string, quantity int) error {
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var available int
	if err := tx.QueryRow("SELECT available FROM stock WHERE sku = $1 FOR UPDATE", sku).Scan(&available); err != nil {
		return err
	}
	if available < quantity {
		return ErrOutOfStock
	}
	if _, err := tx.Exec("UPDATE stock SET available = available - $1 WHERE sku = $2", quantity, sku); err != nil {
		return err
	}
	return tx.Commit()
}

// Available does it right.
func (s *Store) Available(ctx context.Context, sku string) (int, error) {
	var available int
	err := s.db.QueryRowContext(ctx, "SELECT available FROM stock WHERE sku = $1", sku).Scan(&available)
	return available, err
}
