// Package crawl checks a site's links concurrently.
package crawl

import "sync"

type Result struct {
	URL    string
	Status int
	Err    error
}

// CheckAll starts one checker per link; each registers itself too late, so
// Wait can return while checkers are still starting and results are lost.
func CheckAll(status func(string) (int, error), links []string) []Result {
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		results []Result
	)
	for _, link := range links {
		go func(link string) {
			wg.Add(1)
			defer wg.Done()
			result := check(status, link)
			mu.Lock()
			results = append(results, result)
			mu.Unlock()
		}(link)
	}
	wg.Wait()
	return results
}

// CheckEach counts the checkers before starting them.
func CheckEach(status func(string) (int, error), links []string) []Result {
	results := make([]Result, len(links))
	var wg sync.WaitGroup
	wg.Add(len(links))
	for i, link := range links {
		go func(i int, link string) {
			defer wg.Done()
			results[i] = check(status, link)
		}(i, link)
	}
	wg.Wait()
	return results
}

func check(status func(string) (int, error), link string) Result {
	code, err := status(link)
	return Result{URL: link, Status: code, Err: err}
}
