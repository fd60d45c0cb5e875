package scoring

// radixKey orders items by a, then b, then input order.
type radixKey struct {
	a, b uint64
	i    int
}

// radixSort sorts keys by (a, b) and keeps the order of equal keys, with an
// LSD radix sort over the bytes of b and then of a; passes whose byte is
// the same in every key are skipped. It is linear in the number of keys
// and needs a buffer as large as keys, which it takes from tmp when big
// enough and returns for reuse; a comparison sort would call a function
// some n·log n times.
func radixSort(keys, tmp []radixKey) []radixKey {
	if len(keys) < 64 {
		insertionSort(keys)
		return tmp
	}
	tmp = grow(tmp, len(keys))
	src, dst := keys, tmp
	for pass := 0; pass < 16; pass++ {
		shift := uint(pass%8) * 8
		digit := func(k *radixKey) int {
			if pass < 8 {
				return int(k.b >> shift & 0xff)
			}
			return int(k.a >> shift & 0xff)
		}
		var count [257]int
		for j := range src {
			count[digit(&src[j])+1]++
		}
		if count[digit(&src[0])+1] == len(src) {
			continue // every key has the same byte here
		}
		for d := 1; d < 257; d++ {
			count[d] += count[d-1]
		}
		for j := range src {
			d := digit(&src[j])
			dst[count[d]] = src[j]
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
	return tmp
}

func insertionSort(keys []radixKey) {
	for j := 1; j < len(keys); j++ {
		for k := j; k > 0 && less(&keys[k], &keys[k-1]); k-- {
			keys[k], keys[k-1] = keys[k-1], keys[k]
		}
	}
}

func less(x, y *radixKey) bool {
	if x.a != y.a {
		return x.a < y.a
	}
	if x.b != y.b {
		return x.b < y.b
	}
	return x.i < y.i
}
