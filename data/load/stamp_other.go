//go:build !linux

package load

// stampOfSys gives nothing elsewhere than on Linux: each platform's stat
// names its change time differently, and Windows has none. Stamps there
// are not Known, and the cache reads every file again.
func stampOfSys(any) Stamp { return Stamp{} }
