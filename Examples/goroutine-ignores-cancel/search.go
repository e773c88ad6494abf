// Package search fans a query out to the index and answers within the request's lifetime.
package search

import (
	"encoding/json"
	"net/http"
)

type Hit struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

type Index interface {
	Lookup(query string) []Hit
}

// Handler answers from the index, or gives up when the client goes away. But the
// lookup goroutine sends on an unbuffered channel: once the handler has returned,
// nobody receives and the goroutine is stuck forever.
func Handler(index Index) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		hits := make(chan []Hit)
		go func() {
			hits <- index.Lookup(r.URL.Query().Get("q"))
		}()
		select {
		case found := <-hits:
			json.NewEncoder(w).Encode(found)
		case <-r.Context().Done():
			http.Error(w, "client went away", http.StatusRequestTimeout)
		}
	}
}

// BufferedHandler is the fix: one slot lets the goroutine deliver and exit.
func BufferedHandler(index Index) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		hits := make(chan []Hit, 1)
		go func() {
			hits <- index.Lookup(r.URL.Query().Get("q"))
		}()
		select {
		case found := <-hits:
			json.NewEncoder(w).Encode(found)
		case <-r.Context().Done():
			http.Error(w, "client went away", http.StatusRequestTimeout)
		}
	}
}
