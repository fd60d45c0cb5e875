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
	// Bytes that are the same in every key need no pass: find them first.
	var diffA, diffB uint64
	for j := range keys {
		diffA |= keys[j].a ^ keys[0].a
		diffB |= keys[j].b ^ keys[0].b
	}
	src, dst := keys, tmp
	for pass := 0; pass < 16; pass++ {
		shift := uint(pass%8) * 8
		useA := pass >= 8
		if useA && diffA>>shift&0xff == 0 || !useA && diffB>>shift&0xff == 0 {
			continue
		}
		var count [257]int
		if useA {
			for j := range src {
				count[src[j].a>>shift&0xff+1]++
			}
		} else {
			for j := range src {
				count[src[j].b>>shift&0xff+1]++
			}
		}
		for d := 1; d < 257; d++ {
			count[d] += count[d-1]
		}
		if useA {
			for j := range src {
				d := src[j].a >> shift & 0xff
				dst[count[d]] = src[j]
				count[d]++
			}
		} else {
			for j := range src {
				d := src[j].b >> shift & 0xff
				dst[count[d]] = src[j]
				count[d]++
			}
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
