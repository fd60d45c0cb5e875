//go:build unix

package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSignal runs the command as main does and stops it with SIGTERM.
func TestSignal(t *testing.T) {
	pr, pw := io.Pipe()
	lines := make(chan string, 10)
	go func() {
		s := bufio.NewScanner(pr)
		for s.Scan() {
			lines <- s.Text()
		}
		close(lines)
	}()
	done := make(chan error, 1)
	go func() {
		done <- run([]string{"-listen", "127.0.0.1:0"}, pw)
		pw.Close()
	}()
	var first string
	select {
	case first = <-lines:
	case err := <-done:
		t.Fatalf("run: %v", err)
	case <-time.After(patience):
		t.Fatal("no address announced")
	}
	addr, ok := strings.CutPrefix(first, "serving POST /assess on ")
	if !ok {
		t.Fatalf("first line %q", first)
	}
	client := &http.Client{Timeout: patience}
	resp, err := client.Get("http://" + addr + "/assess")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	client.CloseIdleConnections()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %s", resp.Status)
	}
	// run listens for the signal before it announces the address.
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run: %v", err)
		}
	case <-time.After(patience):
		t.Fatal("run did not stop on SIGTERM")
	}
	if last := <-lines; last != "stopped" {
		t.Errorf("after SIGTERM: %q", last)
	}
}
