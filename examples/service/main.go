// Command service shows the library inside a web service: a net/http
// handler that accepts evidence as JSON, assesses it against an embedded
// ladder and returns the result as JSON.
//
//	POST /assess?as_of=2026-11-27
//	Content-Type: application/json
//	{"format": "careerladder/evidence/v1", "person": "alex", "evidence": [...]}
//
// Answers: 200 with the scoring.Result as JSON; 400 with the diagnostics
// as JSON when the body is not a valid evidence file for the ladder (or
// as_of is not a day); 413 when the body is larger than the limit; 405 for
// other methods.
//
//	go run ./examples/service                  # a demonstration: serves on a loopback port, posts the example, prints the answers
//	go run ./examples/service -listen :8080    # serve until interrupted
//
// The ladder is compiled once at start-up; the handler is safe for
// concurrent requests because a Scorer is.
package main

import (
	"bytes"
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
	"time"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

// maxBody bounds request bodies; evidence for one person is far smaller.
const maxBody = 1 << 20

func main() {
	listen := flag.String("listen", "", "serve on this address until interrupted, instead of the demonstration")
	flag.Parse()
	h, err := newHandler(maxBody, time.Now)
	if err != nil {
		log.Fatal(err)
	}
	if *listen != "" {
		log.Printf("serving POST /assess on %s", *listen)
		log.Fatal(http.ListenAndServe(*listen, h))
	}
	if err := demo(os.Stdout, h); err != nil {
		log.Fatal(err)
	}
}

// newHandler compiles the embedded CTO ladder and returns the handler.
// now gives the default assessment day when a request names none.
func newHandler(limit int64, now func() time.Time) (http.Handler, error) {
	l, err := ladder.Load(careerladder.Ladders(), "cto.yaml")
	if err != nil {
		return nil, err
	}
	s, err := scoring.Compile(l)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/assess", &assessHandler{s: s, limit: limit, now: now})
	return mux, nil
}

type assessHandler struct {
	s     *scoring.Scorer
	limit int64
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
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.limit))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		writeJSON(w, http.StatusRequestEntityTooLarge, problem{Error: fmt.Sprintf("the body is larger than %d bytes", h.limit)})
		return
	case err != nil:
		writeJSON(w, http.StatusBadRequest, problem{Error: "cannot read the body"})
		return
	}
	// The name ends in .json, so the body must be strict JSON.
	in, err := evidence.Loader{Ladder: h.s.Ladder()}.Parse("request.json", body)
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

// demo serves h on a loopback port, posts the example evidence (as JSON),
// a broken body and an oversized one, and prints what comes back.
func demo(w io.Writer, h http.Handler) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
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
	if _, _, err = post("an oversized body", bytes.Repeat([]byte(" "), maxBody+1)); err != nil {
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
