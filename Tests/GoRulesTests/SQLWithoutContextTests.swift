import XCTest

final class SQLWithoutContextTests: XCTestCase {
    let rule = "sql-without-context"
    let holds = "cannot be cancelled although ctx is in scope: the call holds its connection after the caller gave up; use"

    func testReportsCallsOnValuesDeclaredAsDatabaseSQLTypes() {
        let source = """
        package store

        import (
        \t"context"
        \t"database/sql"
        )

        type Store struct {
        \tdb *sql.DB
        }

        type Embedded struct {
        \t*sql.DB
        }

        func (s *Store) Count(ctx context.Context) (int, error) {
        \tvar n int
        \terr := s.db.QueryRow("SELECT COUNT(*) FROM users").Scan(&n)
        \treturn n, err
        }

        func (s *Store) Rename(ctx context.Context, id int, name string) error {
        \ttx, err := s.db.Begin()
        \tif err != nil {
        \t\treturn err
        \t}
        \tdefer tx.Rollback()
        \tif _, err := tx.Exec("UPDATE users SET name = $1 WHERE id = $2", name, id); err != nil {
        \t\treturn err
        \t}
        \tstmt, err := tx.Prepare("INSERT INTO audit(user_id) VALUES ($1)")
        \tif err != nil {
        \t\treturn err
        \t}
        \tif _, err := stmt.Exec(id); err != nil {
        \t\treturn err
        \t}
        \treturn tx.Commit()
        }

        func Open(ctx context.Context, dsn string) (*sql.DB, error) {
        \tdb, err := sql.Open("postgres", dsn)
        \tif err != nil {
        \t\treturn nil, err
        \t}
        \treturn db, db.Ping()
        }

        func (e Embedded) List(ctx context.Context) (*sql.Rows, error) {
        \treturn e.Query("SELECT id FROM users")
        }

        func twoContexts(ctx context.Context, other context.Context, db *sql.DB) {
        \tdb.Exec("VACUUM")
        }
        """
        XCTAssertEqual(findings(source, only: rule), [
            "18:14: warning: s.db.QueryRow \(holds) s.db.QueryRowContext(ctx, ...) [sql-without-context]",
            "23:18: warning: s.db.Begin \(holds) s.db.BeginTx(ctx, nil) [sql-without-context]",
            "28:18: warning: tx.Exec \(holds) tx.ExecContext(ctx, ...) [sql-without-context]",
            "31:18: warning: tx.Prepare \(holds) tx.PrepareContext(ctx, ...) [sql-without-context]",
            "35:20: warning: stmt.Exec \(holds) stmt.ExecContext(ctx, ...) [sql-without-context]",
            "46:16: warning: db.Ping \(holds) db.PingContext(ctx) [sql-without-context]",
            "50:11: warning: e.Query \(holds) e.QueryContext(ctx, ...) [sql-without-context]",
            "54:5: warning: db.Exec cannot be cancelled although contexts are in scope (ctx, other): the call holds its connection after the caller gave up; use db.ExecContext(ctx, ...) [sql-without-context]",
        ])
    }

    func testSilentWithoutContextOrWithoutAKnownSQLValue() {
        let source = """
        package store

        import (
        \t"context"
        \t"database/sql"
        )

        type Cache struct{ db *sql.DB }

        // Query is the cache's own method, not database/sql's.
        func (c *Cache) Query(q string) {}

        func noContext(db *sql.DB) {
        \tdb.Exec("VACUUM")
        \tdb.Ping()
        }

        func withContext(ctx context.Context, db *sql.DB, c *Cache, rows *sql.Rows, unknown interface{ Exec(string) }) {
        \tdb.ExecContext(ctx, "VACUUM")
        \tc.Query("x")
        \tunknown.Exec("x")
        \tconn, _ := db.Conn(ctx)
        \tconn.ExecContext(ctx, "SELECT 1")
        \trows.Next()
        }
        """
        XCTAssertEqual(findings(source, only: rule), [])
    }
}

extension SQLWithoutContextTests {
    func testSilentForOtherPackagesAndTypes() {
        let cases = [
            // No database/sql import: nothing is known to be a *sql.DB.
            "package p\nimport \"context\"\nfunc f(ctx context.Context, db *sql.DB) { db.Exec(\"x\") }",
            // A type of another file: unknown.
            "package p\nimport (\n\t\"context\"\n\t\"database/sql\"\n)\nvar _ sql.DB\nfunc f(ctx context.Context, r *Repo) { r.db.Exec(\"x\") }",
            // sql.Rows has no context variant to use.
            "package p\nimport (\n\t\"context\"\n\t\"database/sql\"\n)\nfunc f(ctx context.Context, rows *sql.Rows) { rows.Next() }",
            // The context variant already.
            "package p\nimport (\n\t\"context\"\n\t\"database/sql\"\n)\nfunc f(ctx context.Context, tx *sql.Tx) { tx.QueryRowContext(ctx, \"x\") }",
            // Begin and Ping do not exist on a transaction: another type's methods.
            "package p\nimport (\n\t\"context\"\n\t\"database/sql\"\n)\nfunc f(ctx context.Context, tx *sql.Tx) { tx.Ping() }",
        ]
        for source in cases {
            XCTAssertEqual(findings(source, only: rule), [], source)
        }
    }

    func testReportsSqlxValues() {
        let source = """
        package p

        import (
        \t"context"

        \t"github.com/jmoiron/sqlx"
        )

        func f(ctx context.Context) error {
        \tdb := sqlx.MustConnect("postgres", "")
        \tvar names []string
        \treturn db.Select(&names, "SELECT name FROM users")
        }
        """
        XCTAssertEqual(findings(source, only: rule), [
            "12:12: warning: db.Select \(holds) db.SelectContext(ctx, ...) [sql-without-context]",
        ])
    }

    func testFixUsesTheContextVariant() {
        let source = """
        package p

        import (
        \t"context"
        \t"database/sql"
        )

        func f(ctx context.Context, db *sql.DB, id int) error {
        \tif err := db.Ping(); err != nil {
        \t\treturn err
        \t}
        \ttx, err := db.Begin()
        \tif err != nil {
        \t\treturn err
        \t}
        \t_, err = tx.Exec("DELETE FROM users WHERE id = $1", id)
        \treturn err
        }
        """
        XCTAssertEqual(applyingFixes(source, only: rule), """
        package p

        import (
        \t"context"
        \t"database/sql"
        )

        func f(ctx context.Context, db *sql.DB, id int) error {
        \tif err := db.PingContext(ctx); err != nil {
        \t\treturn err
        \t}
        \ttx, err := db.BeginTx(ctx, nil)
        \tif err != nil {
        \t\treturn err
        \t}
        \t_, err = tx.ExecContext(ctx, "DELETE FROM users WHERE id = $1", id)
        \treturn err
        }
        """)
    }
}
