// Package agreement owns intercoder reliability: how far several coders of
// one corpus agree, per topic and overall, on units the user chooses
// (sentences, paragraphs or whole sources): percent agreement, Cohen's
// kappa for two coders and Krippendorff's alpha (nominal) for any number,
// with a bootstrap interval for alpha, and the places they disagree. It
// knows nothing of windows or files.
package agreement

import (
	"math"
	"math/rand"
	"slices"
)

// Missing marks a value a coder did not give: the unit was not theirs.
const Missing = -1

// Alpha is Krippendorff's alpha for nominal data: values[c][u] is coder
// c's value for unit u (a category from 0, or Missing). Units with fewer
// than two values are not pairable and count for nothing. It is NaN when
// no unit is pairable, and 1 when every pairable value is the same (no
// disagreement is possible, and none was seen).
func Alpha(values [][]int) float64 {
	// The coincidence matrix: o[v][w] counts the ordered pairs of values
	// v, w within a unit, each unit's pairs weighted by 1/(m_u - 1).
	o := map[[2]int]float64{}
	n := 0.0
	units := 0
	if len(values) > 0 {
		units = len(values[0])
	}
	var in []int
	for u := range units {
		in = in[:0]
		for c := range values {
			if v := values[c][u]; v != Missing {
				in = append(in, v)
			}
		}
		m := len(in)
		if m < 2 {
			continue
		}
		for i, v := range in {
			for j, w := range in {
				if i != j {
					o[[2]int{v, w}] += 1 / float64(m-1)
				}
			}
		}
		n += float64(m)
	}
	if n == 0 {
		return math.NaN()
	}
	marginal := map[int]float64{}
	observed := 0.0 // disagreeing coincidences
	for k, x := range o {
		marginal[k[0]] += x
		if k[0] != k[1] {
			observed += x
		}
	}
	expected := 0.0
	for v, nv := range marginal {
		for w, nw := range marginal {
			if v != w {
				expected += nv * nw
			}
		}
	}
	if expected == 0 {
		return 1
	}
	return 1 - (n-1)*observed/expected
}

// binaryUnit is a pairable unit of yes/no values, by how many values it
// has (m) and how many of them are yes (k): all that alpha, kappa and
// percent agreement need of it. Units of one kind are counted together.
type binaryUnit struct{ m, k int }

// tally counts a set of binary units by kind. There are few kinds (a
// dozen for four coders), so a short list beats a map, which took half of
// a comparison's time.
type tally []kindCount

type kindCount struct {
	binaryUnit
	n int
}

// addN counts n units of m values, k of them yes; units of fewer than two
// values are not pairable and not counted.
func (t *tally) addN(m, k, n int) {
	if m < 2 || n == 0 {
		return
	}
	for i := range *t {
		if (*t)[i].binaryUnit == (binaryUnit{m, k}) {
			(*t)[i].n += n
			return
		}
	}
	*t = append(*t, kindCount{binaryUnit{m, k}, n})
}

func (t *tally) add(m, k int) { t.addN(m, k, 1) }

func (t *tally) merge(o tally) {
	for _, c := range o {
		t.addN(c.m, c.k, c.n)
	}
}

// coded is the number of pairable units some coder coded (yes).
func (t tally) coded() int {
	n := 0
	for _, c := range t {
		if c.k > 0 {
			n += c.n
		}
	}
	return n
}

// units is the number of pairable units.
func (t tally) units() int {
	n := 0
	for _, c := range t {
		n += c.n
	}
	return n
}

// alpha is Alpha for the tallied binary units.
func (t tally) alpha() float64 {
	var n, yes, observed float64
	for _, u := range t {
		c, m, k := float64(u.n), float64(u.m), float64(u.k)
		n += c * m
		yes += c * k
		observed += c * 2 * k * (m - k) / (m - 1)
	}
	if n == 0 {
		return math.NaN()
	}
	expected := 2 * yes * (n - yes) / (n - 1)
	if expected == 0 {
		return 1
	}
	return 1 - observed/expected
}

// percent is the share of the pairs of values within units that agree.
func (t tally) percent() float64 {
	var pairs, agree float64
	for _, u := range t {
		c, m, k := float64(u.n), float64(u.m), float64(u.k)
		pairs += c * m * (m - 1) / 2
		agree += c * (k*(k-1)/2 + (m-k)*(m-k-1)/2)
	}
	if pairs == 0 {
		return math.NaN()
	}
	return agree / pairs
}

// Kappa is Cohen's kappa of two coders' values for the same units (units
// either leaves Missing are left out); NaN with no unit, 1 when both give
// one and the same category throughout.
func Kappa(a, b []int) float64 {
	counts := map[[2]int]float64{}
	n := 0.0
	for u := range a {
		if a[u] == Missing || b[u] == Missing {
			continue
		}
		counts[[2]int{a[u], b[u]}]++
		n++
	}
	if n == 0 {
		return math.NaN()
	}
	ma, mb := map[int]float64{}, map[int]float64{}
	agree := 0.0
	for k, c := range counts {
		ma[k[0]] += c
		mb[k[1]] += c
		if k[0] == k[1] {
			agree += c
		}
	}
	po := agree / n
	pe := 0.0
	for v, c := range ma {
		pe += c / n * mb[v] / n
	}
	if pe == 1 {
		return 1
	}
	return (po - pe) / (1 - pe)
}

// pairTally is two coders' yes/no values over the units both coded: yy,
// yn, ny and nn count the units by the first coder's value, then the
// second's.
type pairTally struct{ yy, yn, ny, nn int }

func (p *pairTally) add(a, b bool) {
	switch {
	case a && b:
		p.yy++
	case a:
		p.yn++
	case b:
		p.ny++
	default:
		p.nn++
	}
}

func (p *pairTally) merge(o pairTally) {
	p.yy += o.yy
	p.yn += o.yn
	p.ny += o.ny
	p.nn += o.nn
}

// kappa is Kappa for the tallied pairs.
func (p pairTally) kappa() float64 {
	n := float64(p.yy + p.yn + p.ny + p.nn)
	if n == 0 {
		return math.NaN()
	}
	po := float64(p.yy+p.nn) / n
	a1, b1 := float64(p.yy+p.yn)/n, float64(p.yy+p.ny)/n
	pe := a1*b1 + (1-a1)*(1-b1)
	if pe == 1 {
		return 1
	}
	return (po - pe) / (1 - pe)
}

// interval is a bootstrap 95% interval of alpha: the units resampled with
// replacement, resamples times, from a seeded source so a report is the
// same every time it is made. Each resample draws the count of every kind
// of unit from a multinomial (sequential binomials), so it costs the kinds
// of unit, not the units.
func (t tally) interval(resamples int, seed int64) (lo, hi float64) {
	kinds := slices.Clone(t)
	slices.SortFunc(kinds, func(a, b kindCount) int {
		if a.m != b.m {
			return a.m - b.m
		}
		return a.k - b.k
	})
	total := t.units()
	if total == 0 || resamples <= 0 {
		return math.NaN(), math.NaN()
	}
	rng := rand.New(rand.NewSource(seed))
	alphas := make([]float64, 0, resamples)
	var sample tally
	for range resamples {
		sample = sample[:0]
		left, leftP := total, 1.0
		for i, u := range kinds {
			p := float64(u.n) / float64(total)
			var n int
			if i == len(kinds)-1 {
				n = left
			} else {
				n = binomial(rng, left, math.Min(1, p/leftP))
			}
			sample.addN(u.m, u.k, n)
			left -= n
			leftP -= p
			if left == 0 {
				break
			}
		}
		if a := sample.alpha(); !math.IsNaN(a) {
			alphas = append(alphas, a)
		}
	}
	if len(alphas) == 0 {
		return math.NaN(), math.NaN()
	}
	slices.Sort(alphas)
	at := func(q float64) float64 { return alphas[min(len(alphas)-1, int(q*float64(len(alphas))))] }
	return at(0.025), at(0.975)
}

// binomial draws from Binomial(n, p): exactly for small n, by the normal
// approximation (rounded, clamped) where n p (1 - p) is large enough for
// it to be close.
func binomial(rng *rand.Rand, n int, p float64) int {
	switch {
	case p <= 0 || n == 0:
		return 0
	case p >= 1:
		return n
	}
	if v := float64(n) * p * (1 - p); v > 25 {
		x := math.Round(float64(n)*p + math.Sqrt(v)*rng.NormFloat64())
		return int(math.Max(0, math.Min(float64(n), x)))
	}
	if n < 1000 {
		k := 0
		for range n {
			if rng.Float64() < p {
				k++
			}
		}
		return k
	}
	// A rare outcome of many trials: the count of successes, by the gaps
	// between them (geometric draws).
	k, at := 0, 0.0
	logq := math.Log1p(-p)
	for {
		at += math.Floor(math.Log(1-rng.Float64())/logq) + 1
		if at > float64(n) {
			return k
		}
		k++
	}
}
