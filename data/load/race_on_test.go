//go:build race

package load

// raceEnabled is set when the tests run under the race detector, which
// makes the exhaustive parser tests many times slower; make unit runs them
// without it.
const raceEnabled = true
