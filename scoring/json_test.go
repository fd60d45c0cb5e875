package scoring_test

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/careerladder/careerladder/scoring"
)

// encoded is r as an encoding/json Encoder without HTML escaping writes
// it, less the newline.
func encoded(t *testing.T, r *scoring.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// TestAppendJSON checks that AppendJSON appends what encoding/json writes,
// and WriteJSON writes what it writes indented, for results of the shipped ladders and of inputs whose names need every
// kind of escape.
func TestAppendJSON(t *testing.T) {
	odd := []string{"<b>&amp;", `"quoted"`, `back\slash`, "tab\tnew\nline\x00\x1f", "\u2028\u2029", "\xff\xfe", "é😀", ""}
	rng := rand.New(rand.NewPCG(71, 73))
	var results []scoring.Result
	for _, name := range []string{"cto.yaml", "engineering-ladders.yaml", "snowflake.yaml", "sparse.yaml"} {
		s := compile(t, name)
		for _, n := range []int{0, 1, 30, 200} {
			in := randomInput(rng, s, n)
			for i := range in.Evidence {
				if rng.IntN(4) == 0 {
					in.Evidence[i].ID += odd[rng.IntN(len(odd))]
					in.Evidence[i].Source = odd[rng.IntN(len(odd))]
				}
			}
			in.Person = odd[rng.IntN(len(odd))] + "p"
			in.Ratings = append(in.Ratings, scoring.Assessment{Assessor: odd[rng.IntN(len(odd))], Ratings: []scoring.CapabilityRating{{Capability: odd[0], Rating: odd[1]}}})
			results = append(results, s.Assess(in, asOf))
		}
	}
	results = append(results, scoring.Result{}, scoring.Result{Evidence: []scoring.ItemTrace{}}, scoring.Result{Evidence: []scoring.ItemTrace{{}}})
	prefix := []byte("line 0\n")
	for i := range results {
		r := &results[i]
		got, err := r.AppendJSON(bytes.Clone(prefix))
		if err != nil {
			t.Fatal(err)
		}
		if want := append(bytes.Clone(prefix), encoded(t, r)...); !bytes.Equal(got, want) {
			t.Fatalf("result %d:\n got %s\nwant %s", i, got, want)
		}
		// WriteJSON is the same, indented.
		var w, want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteJSON(&w); err != nil || !bytes.Equal(w.Bytes(), want.Bytes()) {
			t.Fatalf("WriteJSON of result %d (%v):\n got %s\nwant %s", i, err, w.Bytes(), want.Bytes())
		}
	}
	bad := scoring.Result{Evidence: []scoring.ItemTrace{{Weight: math.NaN()}}}
	if got, err := bad.AppendJSON(prefix); err == nil || !bytes.Equal(got, prefix) {
		t.Errorf("NaN weight: %q, %v", got, err)
	}
	if _, err := (*scoring.Result)(nil).AppendJSON(nil); err == nil {
		t.Error("nil result: no error")
	}
}
