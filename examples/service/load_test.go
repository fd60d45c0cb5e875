package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careerladder/careerladder/scoring"
)

// The tests below serve on a loopback port in-process. Every connection
// and request has a deadline of a few seconds, and every loop a count, so
// a broken server fails them instead of hanging them.

const patience = 20 * time.Second // far longer than any answer needs

// start serves h with c on a loopback port until the test ends, and returns
// the address and the server. connState, if not nil, sees every change of
// a connection's state.
func start(t *testing.T, c config, h http.Handler, connState func(net.Conn, http.ConnState)) (string, *http.Server) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(c, h)
	srv.ConnState = connState
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, srv, ln, patience) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return ln.Addr().String(), srv
}

// heapPeak samples HeapInuse every few milliseconds until stop is called,
// which returns the highest value seen.
func heapPeak() (stop func() uint64) {
	var peak atomic.Uint64
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-quit:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	return func() uint64 {
		close(quit)
		<-done
		return peak.Load()
	}
}

func mb(n uint64) float64 { return float64(n) / 1e6 }

// numbers returns a JSON list of single-digit numbers of n bytes, the body
// that costs the parser the most memory for its size.
func numbers(n int) []byte {
	b := bytes.Repeat([]byte("0,"), n/2)
	b[len(b)-1] = ']'
	return append([]byte("["), b...)
}

// TestSlowHeaders opens hundreds of connections that send part of a
// header and stop: the server drops every one after the header timeout,
// and answers other clients meanwhile.
func TestSlowHeaders(t *testing.T) {
	const conns = 300
	c := defaults()
	c.readHeaderTimeout = time.Second
	h, err := newHandler(c, day)
	if err != nil {
		t.Fatal(err)
	}
	var open, peak atomic.Int64
	addr, _ := start(t, c, h, func(_ net.Conn, s http.ConnState) {
		switch s {
		case http.StateNew:
			if n := open.Add(1); n > peak.Load() {
				peak.Store(n)
			}
		case http.StateClosed, http.StateHijacked:
			open.Add(-1)
		}
	})
	runtime.GC()
	var before, during runtime.MemStats
	runtime.ReadMemStats(&before)
	deadline := time.Now().Add(patience)
	var cs []net.Conn
	defer func() {
		for _, c := range cs {
			c.Close()
		}
	}()
	for range conns {
		c, err := net.DialTimeout("tcp", addr, patience)
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, c)
		c.SetDeadline(deadline)
		if _, err := io.WriteString(c, "POST /assess HTTP/1.1\r\nHost: x\r\nContent-Type: appl"); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; open.Load() < conns && i < 100; i++ {
		time.Sleep(10 * time.Millisecond) // the server accepts in its own time
	}
	runtime.ReadMemStats(&during)
	inuse := func(ms *runtime.MemStats) uint64 { return ms.HeapInuse + ms.StackInuse }
	grown := inuse(&during) - min(inuse(&during), inuse(&before))
	t.Logf("%d partial headers: heap and stacks %.1f MB more than before, %.1f KB a connection (both sides)",
		conns, mb(grown), float64(grown)/conns/1e3)

	// The service still answers while they hang.
	body, err := exampleJSON()
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Timeout: patience}
	resp, err := client.Post("http://"+addr+"/assess", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("during the slow headers: %s", resp.Status)
	}
	client.CloseIdleConnections()

	dropped := 0
	for _, c := range cs {
		// The server closes without a word; a read sees the end, or a
		// reset, long before the deadline.
		n, err := c.Read(make([]byte, 1))
		var ne net.Error
		if n == 0 && err != nil && !(errors.As(err, &ne) && ne.Timeout()) {
			dropped++
		}
	}
	if dropped != conns {
		t.Errorf("%d of %d slow connections dropped", dropped, conns)
	}
	t.Logf("at most %d connections open at once on the server", peak.Load())
	for i := 0; open.Load() > 0 && i < 100; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if n := open.Load(); n != 0 {
		t.Errorf("%d connections still open on the server", n)
	}
}

// TestConcurrentLargeBodies posts 100 bodies of up to about 1 MB at once,
// of the shape that costs the parser the most, to a server with the
// default limits, and then keeps every slot busy with the worst body under
// the limit for a second. Every request gets an answer, and the heap stays
// under 300 MB.
func TestConcurrentLargeBodies(t *testing.T) {
	const (
		clients   = 100
		saturate  = time.Second
		hammerers = 8 // twice the slots, so that they stay busy
	)
	c := defaults()
	h, err := newHandler(c, day)
	if err != nil {
		t.Fatal(err)
	}
	addr, _ := start(t, c, h, nil)
	example, err := exampleJSON()
	if err != nil {
		t.Fatal(err)
	}
	big := numbers(940_000)
	worst := numbers(int(c.limits.MaxBytes) - 2)
	type body struct {
		name    string
		body    []byte
		chunked bool // no Content-Length: the server finds out by reading
		allowed []int
	}
	bodies := []body{
		{"0.94 MB", big, false, []int{413}},
		{"0.94 MB, chunked", big, true, []int{413, 503}},
		{"just under the limit", worst, false, []int{400, 503}},
		{"just under the limit, chunked", worst, true, []int{400, 503}},
		{"the example", example, false, []int{200, 503}},
	}

	tr := &http.Transport{MaxConnsPerHost: clients, ResponseHeaderTimeout: patience}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: patience}
	var mu sync.Mutex
	statuses := map[string]map[int]int{}
	var failures []string
	post := func(b body) (status int) {
		var r io.Reader = bytes.NewReader(b.body)
		if b.chunked {
			r = struct{ io.Reader }{r} // hides the length
		}
		resp, err := client.Post("http://"+addr+"/assess?as_of=2026-11-27", "application/json", r)
		if err == nil {
			_, err = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			status = resp.StatusCode
			if !slices.Contains(b.allowed, status) {
				err = fmt.Errorf("answered %d, want one of %v", status, b.allowed)
			} else if status == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") == "" {
				err = errors.New("503 without Retry-After")
			}
		}
		mu.Lock()
		defer mu.Unlock()
		if statuses[b.name] == nil {
			statuses[b.name] = map[int]int{}
		}
		statuses[b.name][status]++
		if err != nil && len(failures) < 10 {
			failures = append(failures, fmt.Sprintf("%s: %v", b.name, err))
		}
		return status
	}

	runtime.GC()
	stop := heapPeak()
	var wg sync.WaitGroup
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			post(bodies[i%len(bodies)])
		}()
	}
	wg.Wait()
	peakBurst := stop()

	stop = heapPeak()
	end := time.Now().Add(saturate)
	sat := body{"saturating, just under the limit", worst, false, []int{400, 503}}
	for range hammerers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000 && time.Now().Before(end); i++ {
				if post(sat) == http.StatusServiceUnavailable {
					time.Sleep(5 * time.Millisecond)
				}
			}
		}()
	}
	wg.Wait()
	peakSaturated := stop()
	tr.CloseIdleConnections()
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	t.Logf("answers: %v", statuses)
	t.Logf("HeapInuse: peak %.1f MB in the burst, %.1f MB saturated, %.1f MB after and a GC; Sys %.1f MB",
		mb(peakBurst), mb(peakSaturated), mb(after.HeapInuse), mb(after.Sys))

	for _, f := range failures {
		t.Error(f)
	}
	const budget = 300e6
	if peak := max(peakBurst, peakSaturated); peak > budget || after.Sys > budget {
		t.Errorf("memory: HeapInuse peak %.1f MB, Sys %.1f MB; want both under %.0f MB", mb(peak), mb(after.Sys), mb(budget))
	}
}

// TestInFlightBound fills the in-flight slots and finds the next request
// answered 503 with Retry-After at once, its body never read; a slot set
// free serves again.
func TestInFlightBound(t *testing.T) {
	c := defaults()
	c.maxInFlight = 2
	c.readTimeout, c.writeTimeout = time.Minute, time.Minute // a server waiting for the body would not answer in time
	a, err := newAssessHandler(c, day)
	if err != nil {
		t.Fatal(err)
	}
	addr, _ := start(t, c, a, nil)
	for range c.maxInFlight {
		a.slots <- struct{}{} // as an assessment in flight does
	}

	conn, err := net.DialTimeout("tcp", addr, patience)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(patience))
	// A header promising a body that never comes.
	fmt.Fprintf(conn, "POST /assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") != "1" || !resp.Close ||
		!strings.Contains(string(out), "too many assessments") {
		t.Errorf("with every slot taken: %s, Retry-After %q, close %v, %s", resp.Status, resp.Header.Get("Retry-After"), resp.Close, out)
	}

	<-a.slots
	body, err := exampleJSON()
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Timeout: patience}
	defer client.CloseIdleConnections()
	resp, err = client.Post("http://"+addr+"/assess", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("with a slot free: %s", resp.Status)
	}
	<-a.slots
}

// TestShutdownFinishesInFlight starts a request, shuts the server down
// while its body is half sent, then sends the rest: the request gets its
// full answer and serve returns cleanly.
func TestShutdownFinishesInFlight(t *testing.T) {
	c := defaults()
	a, err := newAssessHandler(c, day)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- serve(ctx, newServer(c, a), ln, patience) }()

	body, err := exampleJSON()
	if err != nil {
		t.Fatal(err)
	}
	conn, err := net.DialTimeout("tcp", addr, patience)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(patience))
	half := len(body) / 2
	fmt.Fprintf(conn, "POST /assess?as_of=2026-11-27 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:half])
	// The handler holds a slot while it reads the body.
	for i := 0; len(a.slots) == 0 && i < 500; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if len(a.slots) == 0 {
		t.Fatal("the request never reached the handler")
	}

	cancel()
	// Shutdown closes the listener first; wait until it has.
	for i := 0; i < 500; i++ {
		c, err := net.DialTimeout("tcp", addr, patience)
		if err != nil {
			break
		}
		c.Close()
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case err := <-served:
		t.Fatalf("serve returned with a request in flight: %v", err)
	default:
	}

	if _, err := conn.Write(body[half:]); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	var res scoring.Result
	err = json.NewDecoder(resp.Body).Decode(&res)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || err != nil || res.Person != "alex" {
		t.Errorf("the request in flight: %s, %v, person %q", resp.Status, err, res.Person)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(patience):
		t.Error("serve did not return after the last request")
	}
}
