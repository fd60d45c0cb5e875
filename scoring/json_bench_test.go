package scoring_test

import (
	"context"
	"encoding/json"
	"io"
	"testing"
	"time"

	"github.com/careerladder/careerladder/scoring"
)

// resultWriters write a result as a line of JSON: through AppendJSON into
// a reused buffer, and through an encoding/json Encoder that leaves HTML
// unescaped as AppendJSON does. They produce the same bytes.
func resultWriters(w io.Writer) (appendJSON, encoder func(*scoring.Result) error) {
	var buf []byte
	appendJSON = func(r *scoring.Result) error {
		var err error
		if buf, err = r.AppendJSON(buf[:0]); err != nil {
			return err
		}
		_, err = w.Write(append(buf, '\n'))
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return appendJSON, func(r *scoring.Result) error { return enc.Encode(r) }
}

// BenchmarkResultsJSON writes the results of a JSON Lines stream of 1,000
// people with 200 items each (58 MB) as JSON Lines, through AppendJSON and
// through an Encoder, alternating which goes first in each iteration:
// "write" writes results assessed beforehand, "whole" reads the stream,
// assesses it (AssessJSONLines) and writes. It reports the time through
// the Encoder over the time through AppendJSON ("encoder/append").
func BenchmarkResultsJSON(b *testing.B) {
	const people, perPerson = 1000, 200
	s := jsonlScorer(b)
	var results []scoring.Result
	jr := s.NewJSONLinesReader(&jsonlStream{people: people, perPerson: perPerson}, "gen.jsonl")
	for {
		in, err := jr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		results = append(results, s.Assess(in, asOf))
	}
	appendJSON, encoder := resultWriters(io.Discard)
	write := func(f func(*scoring.Result) error) {
		for i := range results {
			if err := f(&results[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	whole := func(f func(*scoring.Result) error) {
		jr := s.NewJSONLinesReader(&jsonlStream{people: people, perPerson: perPerson}, "gen.jsonl")
		if err := s.AssessJSONLines(context.Background(), jr, asOf, f, nil); err != nil {
			b.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		run  func(func(*scoring.Result) error)
	}{{"write", write}, {"whole", whole}} {
		b.Run(tc.name, func(b *testing.B) {
			var on [2]time.Duration // append, encoder
			for i := range b.N {
				for j := range 2 {
					k := (i + j) % 2
					start := time.Now()
					tc.run([]func(*scoring.Result) error{appendJSON, encoder}[k])
					on[k] += time.Since(start)
				}
			}
			b.ReportMetric(on[1].Seconds()/on[0].Seconds(), "encoder/append")
			b.ReportMetric(on[0].Seconds()/float64(b.N), "append-sec/op")
			b.ReportMetric(on[1].Seconds()/float64(b.N), "encoder-sec/op")
		})
	}
}

// BenchmarkJSONLines50MB reads a JSON Lines stream of 1,000 people with
// 172 items each, about 50 MB, as BenchmarkJSONLines does its 29 MB.
func BenchmarkJSONLines50MB(b *testing.B) {
	const people, perPerson = 1000, 172
	s := jsonlScorer(b)
	b.SetBytes(streamSize(people, perPerson))
	b.ReportAllocs()
	for b.Loop() {
		jr := s.NewJSONLinesReader(&jsonlStream{people: people, perPerson: perPerson}, "gen.jsonl")
		for {
			_, err := jr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}
