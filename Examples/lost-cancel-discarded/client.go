// Package inventory talks to the inventory service with a per-call deadline.
package inventory

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

type Client struct {
	base string
	http *http.Client
}

type Item struct {
	SKU   string `json:"sku"`
	Count int    `json:"count"`
}

// Lookup throws the cancel function away: every call leaves a timer registered on the
// caller's context until that context ends.
func (c *Client) Lookup(ctx context.Context, sku string) (*Item, error) {
	ctx, _ = context.WithTimeout(ctx, 3*time.Second)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/items/"+sku, nil)
	if err != nil {
		return nil, err
	}
	return c.do(req)
}

// Reserve does it right.
func (c *Client) Reserve(ctx context.Context, sku string, n int) (*Item, error) {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	url := fmt.Sprintf("%s/items/%s/reserve?n=%d", c.base, sku, n)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return nil, err
	}
	return c.do(req)
}

func (c *Client) do(req *http.Request) (*Item, error) {
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var item Item
	if err := json.NewDecoder(resp.Body).Decode(&item); err != nil {
		return nil, err
	}
	return &item, nil
}
