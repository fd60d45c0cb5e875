package spreadsheet_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/careerladder/careerladder/spreadsheet"
)

// sameName returns the i-th of names that all reduce to the id x: x and
// the bits of i written as punctuation.
func sameName(prefix string, i int) string {
	var b strings.Builder
	b.WriteString(prefix)
	for ; i > 0; i >>= 1 {
		b.WriteByte("!?"[i&1])
	}
	return b.String()
}

// adversarial sheets of size n.
var adversarial = map[string]func(n int) string{
	// n rows whose names reduce to the same id; every other one rated,
	// so the ladder stays within the default limits, and each with a
	// summary, so that none is a category row.
	"rows": func(n int) string {
		var b strings.Builder
		b.WriteString("Capability,Summary,Junior\n")
		for i := range n {
			b.WriteString(sameName("x", i))
			if i%2 == 0 {
				b.WriteString(",s,1\n")
			} else {
				b.WriteString(",s,\n")
			}
		}
		return b.String()
	},
	// n level columns whose names reduce to the same id, and one row.
	"columns": func(n int) string {
		var b strings.Builder
		b.WriteString("Capability")
		for i := range n {
			b.WriteString("," + sameName("L", i))
		}
		b.WriteString("\nCoding")
		for range n {
			b.WriteString(",1")
		}
		b.WriteString("\n")
		return b.String()
	},
}

// cost imports sheet and returns the heap allocations it made and their
// bytes.
func cost(t testing.TB, sheet string) (allocs, bytes uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	l, err := spreadsheet.Import("big.csv", strings.NewReader(sheet))
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	runtime.KeepAlive(l)
	return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc
}

// TestImportScales doubles adversarial sheets, the largest of 60,000 rows
// and of 32,000 columns, and checks that the allocations and their bytes
// about double too: no sheet makes Import quadratic, and the memory it
// uses is a bounded multiple of the sheet.
func TestImportScales(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes the large sheets slow")
	}
	for name, sizes := range map[string][2]int{"rows": {30000, 60000}, "columns": {16000, 32000}} {
		t.Run(name, func(t *testing.T) {
			small, large := adversarial[name](sizes[0]), adversarial[name](sizes[1])
			a1, b1 := cost(t, small)
			a2, b2 := cost(t, large)
			ra, rb := float64(a2)/float64(a1), float64(b2)/float64(b1)
			t.Logf("n=%d: %d allocations, %d bytes (%.0f per byte of the sheet); 2n: ratios %.2f and %.2f",
				sizes[0], a1, b1, float64(b1)/float64(len(small)), ra, rb)
			if ra > 2.5 || rb > 2.5 {
				t.Errorf("doubling the sheet multiplies allocations by %.2f and bytes by %.2f, want about 2", ra, rb)
			}
			if per := float64(b2) / float64(len(large)); per > 3000 {
				t.Errorf("%.0f bytes allocated per byte of the sheet", per)
			}
		})
	}
}

func BenchmarkImportAdversarial(b *testing.B) {
	for _, c := range []struct {
		name string
		n    int
	}{{"rows", 30000}, {"rows", 60000}, {"columns", 16000}, {"columns", 32000}} {
		sheet := adversarial[c.name](c.n)
		b.Run(fmt.Sprintf("%s=%d", c.name, c.n), func(b *testing.B) {
			b.SetBytes(int64(len(sheet)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := spreadsheet.Import("big.csv", strings.NewReader(sheet)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestImportDescriptorsLimit checks that descriptors that would take a
// ladder past ladder.DefaultMaxIDs are refused at the row that does.
func TestImportDescriptorsLimit(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes the large sheets slow")
	}
	const n = 33000
	var m, d strings.Builder
	m.WriteString("Capability,Junior,Senior\n")
	d.WriteString("capability,rating\n")
	for i := range n {
		fmt.Fprintf(&m, "c%d,a,b\n", i)
		fmt.Fprintf(&d, "c%d,a\nc%d,b\n", i, i)
	}
	l, err := spreadsheet.Import("m.csv", strings.NewReader(m.String()))
	if err != nil {
		t.Fatal(err)
	}
	_, err = spreadsheet.ImportDescriptors(l, "d.csv", strings.NewReader(d.String()))
	got := diagnostics(t, d.String(), err)
	// 1 ladder, 1 scale, 2 ratings, 1 track, 2 levels, n capabilities and
	// 2n expectations make 3n + 7 = 99,007: the descriptor that makes
	// 100,001 is the 994th, on row 995.
	if want := []string{"995:1 too-many-ids"}; !cmp.Equal(want, got) {
		t.Errorf("got %v, want %v", got, want)
	}
}
