//go:build race

package cli

// raceEnabled is set when the tests run under the race detector, which
// makes the 100,000-item tests many times slower; make unit runs them
// without it.
const raceEnabled = true
