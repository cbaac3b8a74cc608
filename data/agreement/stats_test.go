package agreement

import (
	"math"
	"math/rand"
	"testing"
)

const M = Missing

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// alphaByPairs computes alpha from its definition over pairable values,
// without a coincidence matrix: 1 - Do/De, Do the disagreeing pairs within
// units (each unit weighted 1/(m-1)) over n, De the disagreeing pairs
// among all n pairable values over n(n-1).
func alphaByPairs(values [][]int) float64 {
	var all []int
	do := 0.0
	for u := range values[0] {
		var in []int
		for c := range values {
			if values[c][u] != M {
				in = append(in, values[c][u])
			}
		}
		if len(in) < 2 {
			continue
		}
		all = append(all, in...)
		d := 0
		for i := range in {
			for j := range in {
				if i != j && in[i] != in[j] {
					d++
				}
			}
		}
		do += float64(d) / float64(len(in)-1)
	}
	n := float64(len(all))
	de := 0
	for i := range all {
		for j := range all {
			if i != j && all[i] != all[j] {
				de++
			}
		}
	}
	if de == 0 {
		return 1
	}
	return 1 - (do/n)/(float64(de)/(n*(n-1)))
}

func TestAlphaTextbook(t *testing.T) {
	for _, c := range []struct {
		name   string
		values [][]int
		want   float64
	}{
		// Krippendorff, "Computing Krippendorff's Alpha-Reliability"
		// (2011): two observers, binary data.
		{"two observers, binary", [][]int{
			{0, 1, 0, 0, 0, 0, 0, 0, 1, 0},
			{1, 1, 1, 0, 0, 1, 0, 0, 0, 0},
		}, 0.095},
		// The same paper: four observers, nominal values 1–5, missing
		// data (unit 12 has one value and is not pairable).
		{"four observers, missing values", [][]int{
			{1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M},
			{1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3},
			{M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M},
			{1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M},
		}, 0.743},
		{"agreement everywhere", [][]int{{0, 1, 1, 0}, {0, 1, 1, 0}, {M, 1, 1, 0}}, 1},
		{"one value throughout", [][]int{{1, 1, 1}, {1, 1, 1}}, 1},
	} {
		got := Alpha(c.values)
		if round3(got) != c.want {
			t.Errorf("%s: alpha = %.4f, want %.3f", c.name, got, c.want)
		}
		if byPairs := alphaByPairs(c.values); round3(byPairs) != round3(got) {
			t.Errorf("%s: alpha %.4f, by its definition %.4f", c.name, got, byPairs)
		}
	}
	if a := Alpha([][]int{{1, M}, {M, 0}}); !math.IsNaN(a) {
		t.Errorf("no pairable unit: alpha = %v, want NaN", a)
	}
}

func TestKappaTextbook(t *testing.T) {
	// 50 items: 20 yes–yes, 5 yes–no, 10 no–yes, 15 no–no: po 0.7, pe 0.5.
	var a, b []int
	for _, c := range []struct{ x, y, n int }{{1, 1, 20}, {1, 0, 5}, {0, 1, 10}, {0, 0, 15}} {
		for range c.n {
			a, b = append(a, c.x), append(b, c.y)
		}
	}
	if k := Kappa(a, b); round3(k) != 0.4 {
		t.Errorf("kappa = %v, want 0.4", k)
	}
	var p pairTally
	for i := range a {
		p.add(a[i] == 1, b[i] == 1)
	}
	if k := p.kappa(); round3(k) != 0.4 {
		t.Errorf("tallied kappa = %v, want 0.4", k)
	}
	if k := Kappa([]int{1, 1}, []int{1, 1}); k != 1 {
		t.Errorf("one category throughout: kappa %v", k)
	}
}

// The tallies of binary units give what the general functions give, on
// random data with missing values.
func TestTalliesAgreeWithTheDefinitions(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	for trial := range 300 {
		coders, units := 2+rng.Intn(3), 1+rng.Intn(40)
		values := make([][]int, coders)
		for c := range values {
			values[c] = make([]int, units)
			for u := range values[c] {
				values[c][u] = []int{0, 1, M}[rng.Intn(3)]
			}
		}
		var tl tally
		var pairs, agree float64
		for u := range units {
			m, k := 0, 0
			for c := range values {
				switch values[c][u] {
				case 1:
					m, k = m+1, k+1
				case 0:
					m++
				}
			}
			tl.add(m, k)
			for i := range values {
				for j := i + 1; j < coders; j++ {
					if values[i][u] != M && values[j][u] != M {
						pairs++
						if values[i][u] == values[j][u] {
							agree++
						}
					}
				}
			}
		}
		want := Alpha(values)
		if got := tl.alpha(); !(math.Abs(got-want) < 1e-9 || math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("trial %d: tallied alpha %v, Alpha %v (%v)", trial, got, want, values)
		}
		if pairs > 0 && math.Abs(tl.percent()-agree/pairs) > 1e-9 {
			t.Fatalf("trial %d: percent %v, want %v", trial, tl.percent(), agree/pairs)
		}
		if coders == 2 {
			var p pairTally
			for u := range units {
				if values[0][u] != M && values[1][u] != M {
					p.add(values[0][u] == 1, values[1][u] == 1)
				}
			}
			want := Kappa(values[0], values[1])
			if got := p.kappa(); !(math.Abs(got-want) < 1e-9 || math.IsNaN(got) && math.IsNaN(want)) {
				t.Fatalf("trial %d: tallied kappa %v, Kappa %v", trial, got, want)
			}
		}
	}
}

// The bootstrap interval holds the estimate, narrows as units grow, and is
// the same for the same seed.
func TestBootstrapInterval(t *testing.T) {
	var small, large tally
	for _, c := range []struct{ m, k, n int }{{2, 0, 30}, {2, 2, 10}, {2, 1, 6}} {
		small.addN(c.m, c.k, c.n)
		large.addN(c.m, c.k, c.n*100)
	}
	a := small.alpha()
	lo, hi := small.interval(1000, 1)
	if !(lo <= a && a <= hi) || hi-lo <= 0 {
		t.Fatalf("alpha %.3f, interval [%.3f, %.3f]", a, lo, hi)
	}
	llo, lhi := large.interval(1000, 1)
	if !(llo <= a && a <= lhi) || lhi-llo >= (hi-lo)/5 {
		t.Errorf("100 times the units: [%.3f, %.3f] against [%.3f, %.3f]", llo, lhi, lo, hi)
	}
	if lo2, hi2 := small.interval(1000, 1); lo2 != lo || hi2 != hi {
		t.Error("the same seed gave another interval")
	}
}

func TestBinomialMeanAndSpread(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for _, c := range []struct {
		n int
		p float64
	}{{10, 0.3}, {500, 0.02}, {5000, 0.001}, {100000, 0.4}} {
		sum, sq := 0.0, 0.0
		const draws = 4000
		for range draws {
			x := float64(binomial(rng, c.n, c.p))
			sum += x
			sq += x * x
		}
		mean := sum / draws
		variance := sq/draws - mean*mean
		wantMean, wantVar := float64(c.n)*c.p, float64(c.n)*c.p*(1-c.p)
		if math.Abs(mean-wantMean) > 4*math.Sqrt(wantVar/draws)+0.01 || math.Abs(variance-wantVar) > 0.15*wantVar+0.05 {
			t.Errorf("Binomial(%d, %v): mean %.3f (want %.3f), variance %.3f (want %.3f)", c.n, c.p, mean, wantMean, variance, wantVar)
		}
	}
}
