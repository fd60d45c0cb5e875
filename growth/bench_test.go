package growth_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/growth"
	"github.com/careerladder/careerladder/internal/workload"
	"github.com/careerladder/careerladder/scoring"
)

// fiveYears returns a person of the CTO ladder with 2,000 items dated over
// five years up to asOf and a manager's and a self-assessment every
// quarter, and the last day of each of the 60 months up to asOf.
func fiveYears(b *testing.B) (*scoring.Scorer, evidence.Input, []evidence.Date) {
	s := compile(b, "cto.yaml")
	l := s.Ladder()
	rng := rand.New(rand.NewPCG(5, 5))
	in := evidence.Input{Person: "p", Evidence: workload.Evidence(l, 2000, asOf, 11)}
	for i := range in.Evidence {
		in.Evidence[i].Date = asOf.AddDays(-rng.IntN(5 * 365))
	}
	for q := range 20 {
		for _, who := range []string{"manager", "self"} {
			a := evidence.Assessment{Assessor: who, Date: asOf.AddDays(-91 * q)}
			for _, c := range l.Capabilities {
				sc, _ := l.ScaleOf(&c)
				a.Ratings = append(a.Ratings, evidence.Rating{Capability: c.ID, Rating: sc.Ratings[rng.IntN(len(sc.Ratings))].ID})
			}
			in.Ratings = append(in.Ratings, a)
		}
	}
	var days []evidence.Date
	for m := range 60 {
		t := time.Date(asOf.Year, asOf.Month-time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC)
		days = append([]evidence.Date{evidence.DateOf(t)}, days...)
	}
	return s, in, days
}

// BenchmarkHistory times five years of monthly days for a person with
// 2,000 items, beside one assessment of the same person.
func BenchmarkHistory(b *testing.B) {
	s, in, days := fiveYears(b)
	b.Run("assess", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := s.Assess(in, asOf); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("history-60-months", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := growth.NewHistory(s, in, days); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkHistoryRatio reports what the history of five years by month
// costs in assessments of the same person ("x-assess"), the two timed in
// turn within each iteration so that both see the same machine. The
// target is at most 3.
func BenchmarkHistoryRatio(b *testing.B) {
	s, in, days := fiveYears(b)
	var assess, history time.Duration
	for i := 0; b.Loop(); i++ {
		for j := range 2 {
			start := time.Now()
			if (i+j)%2 == 0 {
				_, _ = s.Assess(in, asOf)
				assess += time.Since(start)
			} else {
				_, _ = growth.NewHistory(s, in, days)
				history += time.Since(start)
			}
		}
	}
	b.ReportMetric(float64(history)/float64(assess), "x-assess")
}
