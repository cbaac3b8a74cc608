package textmatch

import (
	"sort"
	"strings"
)

// Suggest returns the known word closest to s when it is close enough to
// be a likely typo ("spaec" for "space"), else "": for unknown keys, ids
// and command words alike.
func Suggest(s string, known []string) string {
	best, bestDist := "", 0
	candidates := append([]string(nil), known...)
	sort.Strings(candidates)
	for _, k := range candidates {
		d := editDistance(strings.ToLower(s), k)
		limit := max(1, min(3, len(k)/3))
		if strings.HasPrefix(k, strings.ToLower(s)) && len(s) >= 3 {
			d = min(d, 1)
		}
		if d <= limit && (best == "" || d < bestDist) {
			best, bestDist = k, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbours each cost one, so the
// usual typos ("spaec") are one edit away.
func editDistance(a, b string) int {
	ar, br := []rune(a), []rune(b)
	if len(ar) > 64 || len(br) > 64 {
		return 1 << 30
	}
	d := make([][]int, len(ar)+1)
	for i := range d {
		d[i] = make([]int, len(br)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ar); i++ {
		for j := 1; j <= len(br); j++ {
			cost := 1
			if ar[i-1] == br[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ar[i-1] == br[j-2] && ar[i-2] == br[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ar)][len(br)]
}
