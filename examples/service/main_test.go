package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/careerladder/careerladder/scoring"
)

// day is the assessment day of the tests.
func day() time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) }

func handler(t *testing.T) http.Handler {
	t.Helper()
	h, err := newHandler(defaults(), day)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func do(h http.Handler, method, target string, body []byte) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, bytes.NewReader(body)))
	return rec
}

func TestAssessOK(t *testing.T) {
	h := handler(t)
	body, err := exampleJSON()
	if err != nil {
		t.Fatal(err)
	}
	rec := do(h, http.MethodPost, "/assess", body)
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("status %d, %s", rec.Code, rec.Body)
	}
	var res scoring.Result
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if res.Person != "alex" || res.AsOf.String() != "2026-11-27" || res.Tracks[0].Level.ID != "senior" || len(res.Evidence) != 36 {
		t.Errorf("result: %s %s %+v, %d items", res.Person, res.AsOf, res.Tracks[0].Level, len(res.Evidence))
	}
	// as_of moves the day; the same body a year on counts fewer hard problems.
	later := do(h, http.MethodPost, "/assess?as_of=2027-11-27", body)
	if later.Code != http.StatusOK || !strings.Contains(later.Body.String(), `"as_of": "2027-11-27"`) {
		t.Errorf("as_of: %d %s", later.Code, later.Body.String()[:200])
	}
}

func TestAssessErrors(t *testing.T) {
	h := handler(t)
	for _, tc := range []struct {
		name, method, target, body string
		status                     int
		want                       string
	}{
		{"unknown capability", "POST", "/assess", `{"format": "careerladder/evidence/v1", "person": "x", "evidence": [{"id": "e1", "capability": "comunication", "rating": "proficient", "date": "2026-11-01", "source": "peer"}]}`,
			400, `"code": "unknown-ref"`},
		{"YAML is not JSON", "POST", "/assess", "format: careerladder/evidence/v1\nperson: x\n", 400, `"code": "syntax"`},
		{"trailing comma", "POST", "/assess", `{"format": "careerladder/evidence/v1", "person": "x",}`, 400, `"line": 1`},
		{"empty", "POST", "/assess", "", 400, `"code": "empty"`},
		{"bad day", "POST", "/assess?as_of=tomorrow", `{}`, 400, "as_of"},
		{"too large", "POST", "/assess", strings.Repeat(" ", 256<<10+1), 413, "larger than"},
		{"GET", "GET", "/assess", "", 405, "use POST"},
	} {
		rec := do(h, tc.method, tc.target, []byte(tc.body))
		if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.want) {
			t.Errorf("%s: %d %s, want %d with %s", tc.name, rec.Code, rec.Body, tc.status, tc.want)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
			t.Errorf("%s: content type %q", tc.name, ct)
		}
	}
	if rec := do(h, "GET", "/other", nil); rec.Code != 404 {
		t.Errorf("other path: %d", rec.Code)
	}
}

func TestChunkedTooLarge(t *testing.T) {
	h := handler(t)
	// A reader of unknown length: the body is sent chunked, and the
	// handler finds it too large only by reading.
	body := struct{ io.Reader }{strings.NewReader(strings.Repeat(" ", 256<<10+1))}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/assess", body))
	if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "larger than 262144 bytes") {
		t.Errorf("%d %s", rec.Code, rec.Body)
	}
}

func TestFlags(t *testing.T) {
	c, err := parseFlags([]string{"-listen", "127.0.0.1:0", "-max-bytes", "1000", "-max-inflight", "1", "-read-timeout", "2s"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.listen != "127.0.0.1:0" || c.limits.MaxBytes != 1000 || c.maxInFlight != 1 || c.readTimeout != 2*time.Second ||
		c.limits.MaxNodes != defaults().limits.MaxNodes {
		t.Errorf("%+v", c)
	}
	for _, args := range [][]string{{"-max-bytes", "-1"}, {"-max-inflight", "0"}, {"-idle-timeout", "0s"}, {"extra"}, {"-no-such-flag"}} {
		if _, err := parseFlags(args, io.Discard); err == nil {
			t.Errorf("%q accepted", args)
		}
	}
	// The package comment lists every flag with its default.
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	c = defaults()
	flags(&c).VisitAll(func(f *flag.Flag) {
		want := "//\t-" + f.Name + " "
		if f.DefValue != "" {
			want += f.DefValue + " "
		}
		if !strings.Contains(string(src), want) {
			t.Errorf("the package comment lacks %q", want)
		}
	})
}

func TestDemo(t *testing.T) {
	h := handler(t)
	var b bytes.Buffer
	if err := demo(&b, defaults(), h); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"POST the example evidence (", "200 OK", "  Engineering: Senior Engineer", "  Leadership: none",
		"400 Bad Request", "unknown-ref: unknown capability \"comunication\"", "413 Request Entity Too Large",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, b.String())
		}
	}
}
