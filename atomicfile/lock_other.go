//go:build !unix

package atomicfile

import (
	"os"
	"time"
)

// lock does nothing where there is no flock; abandoned goes by age.
func lock(uintptr) error { return nil }

// staleAge is how old a temporary must be to count as abandoned where
// locks cannot tell: no export or cache write takes that long.
const staleAge = time.Hour

func abandoned(name string) bool {
	info, err := os.Stat(name)
	return err == nil && time.Since(info.ModTime()) > staleAge
}
