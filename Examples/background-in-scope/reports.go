// Package reports serves monthly reports built from slow upstream queries.
package reports

import (
	"context"
	"database/sql"
	"encoding/json"
	"log"
	"net/http"
	"time"
)

type Service struct {
	db      *sql.DB
	timeout time.Duration
}

// ServeHTTP builds the report on a fresh context: when the client goes away the
// query keeps running until the timeout, holding a connection.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), s.timeout)
	defer cancel()
	report, err := s.build(ctx, r.URL.Query().Get("month"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(report)
}

func (s *Service) build(ctx context.Context, month string) (map[string]int64, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT region, SUM(total) FROM orders WHERE month = $1 GROUP BY region", month)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	totals := map[string]int64{}
	for rows.Next() {
		var region string
		var total int64
		if err := rows.Scan(&region, &total); err != nil {
			return nil, err
		}
		totals[region] = total
	}
	s.recordAccess(context.TODO(), month)
	return totals, rows.Err()
}

func (s *Service) recordAccess(ctx context.Context, month string) {
	if ctx == nil {
		ctx = context.Background()
	}
	if _, err := s.db.ExecContext(ctx, "INSERT INTO access_log(month) VALUES ($1)", month); err != nil {
		log.Printf("access log: %v", err)
	}
}

// Refresh recomputes the cache; the lock row is released even when ctx is cancelled.
func (s *Service) Refresh(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, "SELECT pg_advisory_lock(42)"); err != nil {
		return err
	}
	defer s.db.ExecContext(context.Background(), "SELECT pg_advisory_unlock(42)")
	_, err := s.db.ExecContext(ctx, "REFRESH MATERIALIZED VIEW monthly_totals")
	return err
}
