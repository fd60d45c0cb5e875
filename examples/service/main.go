// Command service shows the library inside a web service: a net/http
// handler that accepts evidence as JSON, assesses it against an embedded
// ladder and returns the result as JSON, behind a server whose every
// resource is bounded.
//
//	POST /assess?as_of=2026-11-27
//	Content-Type: application/json
//	{"format": "careerladder/evidence/v1", "person": "alex", "evidence": [...]}
//
// Answers: 200 with the scoring.Result as JSON; 400 with the diagnostics
// as JSON when the body is not a valid evidence file for the ladder (or
// as_of is not a day); 413 when the body is larger than -max-bytes; 503
// with Retry-After when -max-inflight assessments are already running;
// 405 for other methods.
//
//	go run ./examples/service                  # a demonstration: serves on a loopback port, posts the example, prints the answers
//	go run ./examples/service -listen :8080    # serve until SIGINT or SIGTERM
//
// The ladder is compiled once at start-up; the handler is safe for
// concurrent requests because a Scorer is.
//
// # Flags
//
//	-listen ADDR               serve on ADDR instead of the demonstration
//	-max-bytes 262144          largest body, in bytes (ladder.Limits.MaxBytes)
//	-max-nodes 50000           most JSON values and keys in a body (ladder.Limits.MaxNodes)
//	-max-ids 5000              most evidence items and other ids in a body (ladder.Limits.MaxIDs)
//	-max-inflight 4            assessments running at once; more are answered 503
//	-read-header-timeout 5s    time to read a request's header
//	-read-timeout 10s          time to read a whole request, body included
//	-write-timeout 20s         time from the end of the header to the end of the answer
//	-idle-timeout 1m0s         time a kept-alive connection may wait for its next request
//	-max-header-bytes 16384    largest request header
//	-shutdown-timeout 25s      time in-flight requests get to finish after SIGINT or SIGTERM
//
// Every limit must be positive: a service has no reason to turn one off.
//
// # Memory
//
// A request holds memory only while it has one of the -max-inflight
// slots: the slot is taken before the body is read, and a request that
// finds none is answered 503 at once, its body unread and its connection
// closed. A body is read up to -max-bytes, and a Content-Length above it is
// answered 413 without reading anything.
//
// The cost of one request is dominated by parsing, which builds the whole
// YAML node tree before the node and id limits are checked; those limits
// bound what comes after (decoding, checks, scoring, the answer), not the
// parse. Measured on Go 1.26, amd64, the worst body is a flat list of
// single-digit numbers (two bytes per node): at the default -max-bytes it
// holds up to 38 MB of heap (about 150 bytes per body byte) and allocates
// 44 MB; a body of 26,000 unknown capability keys allocates the most, 74 MB,
// but holds less. A valid evidence file of the same size holds about 8 MB.
// So the assessments hold at most about 150 × max-bytes × max-inflight
// (150 MB with the defaults), and between collections the Go runtime lets
// the heap grow past what is live: with every slot parsing the worst body,
// the heap in use peaked at 140 to 180 MB and the memory taken from the
// system at 170 to 220 MB (TestConcurrentLargeBodies logs both). Set
// GOMEMLIMIT to make the runtime collect sooner.
//
// Connections are not counted: each one waiting for its header costs about
// 20 KB (buffers and a goroutine; TestSlowHeaders logs it), plus what it
// has sent of its header, at most -max-header-bytes, for at most
// -read-header-timeout; an idle one costs as much for at most
// -idle-timeout. Put a connection limit in front of the service if that
// matters.
//
// # Shutdown
//
// On SIGINT or SIGTERM the server stops accepting connections, closes
// idle ones and waits up to -shutdown-timeout for requests in flight to
// finish. With the defaults, reading a request is cut at -read-timeout and
// writing its answer at -write-timeout, both shorter than
// -shutdown-timeout, so every request in flight is done before the
// deadline.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

func main() {
	switch err := run(os.Args[1:], os.Stdout); {
	case errors.Is(err, flag.ErrHelp):
	case err != nil:
		log.Fatal(err)
	}
}

// config is what the flags set.
type config struct {
	listen string
	// limits bound one body; MaxBytes bounds the body as read too.
	limits      ladder.Limits
	maxInFlight int

	readHeaderTimeout time.Duration
	readTimeout       time.Duration
	writeTimeout      time.Duration
	idleTimeout       time.Duration
	maxHeaderBytes    int
	shutdownTimeout   time.Duration
}

// defaults returns the configuration the flags start from.
func defaults() config {
	return config{
		// Evidence for one person, even thousands of items, is far smaller.
		limits: ladder.Limits{MaxBytes: 256 << 10, MaxNodes: 50_000, MaxIDs: 5_000,
			// A 400 answer lists every diagnostic; a hundred is plenty to act on.
			MaxReports: 100},
		// Assessing is CPU work: a few at once keep a small machine's cores
		// busy, and each may hold tens of MB (see Memory).
		maxInFlight:       4,
		readHeaderTimeout: 5 * time.Second,
		readTimeout:       10 * time.Second,
		// The write deadline runs from the end of the header, so it covers
		// reading the body too.
		writeTimeout:    20 * time.Second,
		idleTimeout:     60 * time.Second,
		maxHeaderBytes:  16 << 10,
		shutdownTimeout: 25 * time.Second,
	}
}

// flags returns the command's flags, which set c.
func flags(c *config) *flag.FlagSet {
	f := flag.NewFlagSet("service", flag.ContinueOnError)
	f.StringVar(&c.listen, "listen", "", "serve on this address until SIGINT or SIGTERM, instead of the demonstration")
	f.Int64Var(&c.limits.MaxBytes, "max-bytes", c.limits.MaxBytes, "largest request body, in bytes")
	f.IntVar(&c.limits.MaxNodes, "max-nodes", c.limits.MaxNodes, "most JSON values and keys in a body")
	f.IntVar(&c.limits.MaxIDs, "max-ids", c.limits.MaxIDs, "most evidence items and other ids in a body")
	f.IntVar(&c.maxInFlight, "max-inflight", c.maxInFlight, "assessments running at once; more are answered 503")
	f.DurationVar(&c.readHeaderTimeout, "read-header-timeout", c.readHeaderTimeout, "time to read a request's header")
	f.DurationVar(&c.readTimeout, "read-timeout", c.readTimeout, "time to read a whole request, body included")
	f.DurationVar(&c.writeTimeout, "write-timeout", c.writeTimeout, "time from the end of a request's header to the end of its answer")
	f.DurationVar(&c.idleTimeout, "idle-timeout", c.idleTimeout, "time a kept-alive connection may wait for its next request")
	f.IntVar(&c.maxHeaderBytes, "max-header-bytes", c.maxHeaderBytes, "largest request header, in bytes")
	f.DurationVar(&c.shutdownTimeout, "shutdown-timeout", c.shutdownTimeout, "time requests in flight get to finish after SIGINT or SIGTERM")
	return f
}

// parseFlags reads args into a configuration.
func parseFlags(args []string, w io.Writer) (config, error) {
	c := defaults()
	f := flags(&c)
	f.SetOutput(w)
	if err := f.Parse(args); err != nil {
		return c, err
	}
	if f.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q", f.Arg(0))
	}
	for _, v := range []struct {
		name string
		n    int64
	}{
		{"max-bytes", c.limits.MaxBytes}, {"max-nodes", int64(c.limits.MaxNodes)}, {"max-ids", int64(c.limits.MaxIDs)},
		{"max-inflight", int64(c.maxInFlight)}, {"max-header-bytes", int64(c.maxHeaderBytes)},
		{"read-header-timeout", int64(c.readHeaderTimeout)}, {"read-timeout", int64(c.readTimeout)},
		{"write-timeout", int64(c.writeTimeout)}, {"idle-timeout", int64(c.idleTimeout)},
		{"shutdown-timeout", int64(c.shutdownTimeout)},
	} {
		if v.n <= 0 {
			return c, fmt.Errorf("-%s must be positive", v.name)
		}
	}
	return c, nil
}

// run is the command: the demonstration, or with -listen the service until
// SIGINT or SIGTERM.
func run(args []string, w io.Writer) error {
	c, err := parseFlags(args, w)
	if err != nil {
		return err
	}
	h, err := newHandler(c, time.Now)
	if err != nil {
		return err
	}
	if c.listen == "" {
		return demo(w, c, h)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", c.listen)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "serving POST /assess on %s\n", ln.Addr())
	err = serve(ctx, newServer(c, h), ln, c.shutdownTimeout)
	if err == nil {
		fmt.Fprintln(w, "stopped")
	}
	return err
}

// newServer returns a server for h with the timeouts and header limit of c.
func newServer(c config, h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: c.readHeaderTimeout,
		ReadTimeout:       c.readTimeout,
		WriteTimeout:      c.writeTimeout,
		IdleTimeout:       c.idleTimeout,
		MaxHeaderBytes:    c.maxHeaderBytes,
	}
}

// serve serves ln with srv until ctx is done, then shuts srv down, giving
// requests in flight up to grace to finish. It returns nil after a clean
// shutdown.
func serve(ctx context.Context, srv *http.Server, ln net.Listener, grace time.Duration) error {
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: requests still running after %v: %w", grace, err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// newHandler compiles the embedded CTO ladder and returns the handler.
// now gives the default assessment day when a request names none.
func newHandler(c config, now func() time.Time) (http.Handler, error) {
	a, err := newAssessHandler(c, now)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/assess", a)
	return mux, nil
}

// newAssessHandler returns the handler of /assess.
func newAssessHandler(c config, now func() time.Time) (*assessHandler, error) {
	l, err := ladder.Load(careerladder.Ladders(), "cto.yaml")
	if err != nil {
		return nil, err
	}
	s, err := scoring.Compile(l)
	if err != nil {
		return nil, err
	}
	return &assessHandler{s: s, loader: evidence.Loader{Ladder: l, Limits: c.limits},
		slots: make(chan struct{}, c.maxInFlight), now: now}, nil
}

type assessHandler struct {
	s      *scoring.Scorer
	loader evidence.Loader
	// slots holds a token for each assessment in flight.
	slots chan struct{}
	now   func() time.Time
}

// problem is the body of an error answer.
type problem struct {
	Error       string          `json:"error"`
	Diagnostics []diagnosticOut `json:"diagnostics,omitempty"`
}

type diagnosticOut struct {
	Code       string `json:"code"`
	Line       int    `json:"line"`
	Col        int    `json:"col"`
	Path       string `json:"path,omitempty"`
	Summary    string `json:"summary"`
	Suggestion string `json:"suggestion,omitempty"`
}

func (h *assessHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeJSON(w, http.StatusMethodNotAllowed, problem{Error: "use POST"})
		return
	}
	asOf := evidence.DateOf(h.now())
	if q := r.URL.Query().Get("as_of"); q != "" {
		d, err := evidence.ParseDate(q)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, problem{Error: "as_of must be a day written as YYYY-MM-DD"})
			return
		}
		asOf = d
	}
	limit := h.loader.Limits.MaxBytes
	tooLarge := problem{Error: fmt.Sprintf("the body is larger than %d bytes", limit)}
	if r.ContentLength > limit {
		// Closing the connection spares reading a body that is refused.
		w.Header().Set("Connection", "close")
		writeJSON(w, http.StatusRequestEntityTooLarge, tooLarge)
		return
	}
	select {
	case h.slots <- struct{}{}:
		defer func() { <-h.slots }()
	default:
		w.Header().Set("Retry-After", "1")
		w.Header().Set("Connection", "close")
		writeJSON(w, http.StatusServiceUnavailable, problem{Error: "too many assessments in flight; retry later"})
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var maxErr *http.MaxBytesError
	switch {
	case errors.As(err, &maxErr):
		writeJSON(w, http.StatusRequestEntityTooLarge, tooLarge)
		return
	case err != nil:
		writeJSON(w, http.StatusBadRequest, problem{Error: "cannot read the body"})
		return
	}
	// The name ends in .json, so the body must be strict JSON.
	in, err := h.loader.Parse("request.json", body)
	var ds ladder.Diagnostics
	if errors.As(err, &ds) {
		p := problem{Error: "the evidence is not valid for ladder " + h.s.Ladder().ID}
		for _, d := range ds {
			p.Diagnostics = append(p.Diagnostics, diagnosticOut{Code: string(d.Code), Line: d.Range.Start.Line, Col: d.Range.Start.Col,
				Path: d.Path, Summary: d.Summary, Suggestion: d.Suggestion})
		}
		writeJSON(w, http.StatusBadRequest, p)
		return
	} else if err != nil {
		writeJSON(w, http.StatusBadRequest, problem{Error: err.Error()})
		return
	}
	res, err := h.s.Assess(in, asOf)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, problem{Error: err.Error()})
		return
	}
	var b bytes.Buffer
	if err := res.WriteJSON(&b); err != nil {
		writeJSON(w, http.StatusInternalServerError, problem{Error: "cannot write the result"})
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	w.Write(b.Bytes())
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// demo serves h as c says on a loopback port, posts the example evidence
// (as JSON), a broken body and an oversized one, and prints what comes
// back.
func demo(w io.Writer, c config, h http.Handler) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := newServer(c, h)
	go srv.Serve(ln)
	defer srv.Close()
	url := "http://" + ln.Addr().String() + "/assess?as_of=2026-11-27"

	example, err := exampleJSON()
	if err != nil {
		return err
	}
	client := &http.Client{Timeout: 10 * time.Second}
	post := func(label string, body []byte) (*http.Response, []byte, error) {
		resp, err := client.Post(url, "application/json", bytes.NewReader(body))
		if err != nil {
			return nil, nil, err
		}
		defer resp.Body.Close()
		out, err := io.ReadAll(resp.Body)
		fmt.Fprintf(w, "POST %s (%d bytes): %s\n", label, len(body), resp.Status)
		return resp, out, err
	}
	_, out, err := post("the example evidence", example)
	if err != nil {
		return err
	}
	var res scoring.Result
	if err := json.Unmarshal(out, &res); err != nil {
		return err
	}
	for _, t := range res.Tracks {
		level := "none"
		if t.Level != nil {
			level = t.Level.Name
		}
		fmt.Fprintf(w, "  %s: %s\n", t.Name, level)
	}
	_, out, err = post("a body with a misspelt capability", []byte(`{"format": "careerladder/evidence/v1", "person": "x",
 "evidence": [{"id": "e1", "capability": "comunication", "rating": "proficient", "date": "2026-11-01", "source": "peer"}]}`))
	if err != nil {
		return err
	}
	var p problem
	if err := json.Unmarshal(out, &p); err != nil {
		return err
	}
	for _, d := range p.Diagnostics {
		fmt.Fprintf(w, "  %d:%d %s: %s", d.Line, d.Col, d.Code, d.Summary)
		if d.Suggestion != "" {
			fmt.Fprintf(w, " (did you mean %q?)", d.Suggestion)
		}
		fmt.Fprintln(w)
	}
	if _, _, err = post("an oversized body", bytes.Repeat([]byte(" "), int(c.limits.MaxBytes)+1)); err != nil {
		return err
	}
	return nil
}

// exampleJSON returns the embedded example evidence file written as JSON,
// as a client would send it.
func exampleJSON() ([]byte, error) {
	src, err := fs.ReadFile(careerladder.Evidence(), "senior-engineer.yaml")
	if err != nil {
		return nil, err
	}
	in, err := (evidence.Loader{}).Parse("senior-engineer.yaml", src)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = in.WriteJSON(&b)
	return b.Bytes(), err
}
