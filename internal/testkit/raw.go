package testkit

import (
	"io"
	"net/http"
)

// RawResponse is a response read as bytes, for what is not a page (the
// text a script asks for).
type RawResponse struct {
	Status int
	Header http.Header
	Body   string
}

// Raw sends a request with the browser's cookies and returns the response
// as it came.
func (c *Client) Raw(method, path string) (*RawResponse, error) {
	req, err := http.NewRequest(method, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	for k, v := range c.Header {
		req.Header[k] = v
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return &RawResponse{Status: resp.StatusCode, Header: resp.Header, Body: string(body)}, nil
}
