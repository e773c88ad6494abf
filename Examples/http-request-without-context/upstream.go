// Package upstream proxies price lookups to a partner API.
package upstream

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

type Quote struct {
	Symbol string  `json:"symbol"`
	Price  float64 `json:"price"`
}

type Partner struct {
	client  *http.Client
	baseURL string
}

func NewPartner(baseURL string) *Partner {
	return &Partner{client: &http.Client{Timeout: 30 * time.Second}, baseURL: baseURL}
}

// Quote ignores ctx: a cancelled lookup keeps waiting for the partner.
func (p *Partner) Quote(ctx context.Context, symbol string) (*Quote, error) {
	req, err := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/quotes/%s", p.baseURL, symbol), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return p.decode(req)
}

// Status checks the partner's health endpoint on the default client, which never times out.
func (p *Partner) Status() (int, error) {
	resp, err := http.Get(p.baseURL + "/health")
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// Ping uses the partner's client, but still without a context.
func (p *Partner) Ping(ctx context.Context) error {
	resp, err := p.client.Head(p.baseURL + "/ping")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// History attaches the context once the request is built.
func (p *Partner) History(ctx context.Context, symbol string) (*Quote, error) {
	req, err := http.NewRequest(http.MethodGet, p.baseURL+"/history/"+symbol, nil)
	if err != nil {
		return nil, err
	}
	return p.decode(req.WithContext(ctx))
}

func (p *Partner) decode(req *http.Request) (*Quote, error) {
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var quote Quote
	return &quote, json.NewDecoder(resp.Body).Decode(&quote)
}
