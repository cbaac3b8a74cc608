package load

import (
	"io/fs"
	"time"
)

// Stamp is what the file system tells of a file along with its bytes: its
// size, its modification and status-change times (nanoseconds since 1970)
// and its device and inode, from the stat of the handle it was read
// through. Every write to a file sets its change time, which no program
// can set back; a file replaced by another has another inode. So a file
// whose stamp is the same as when it was read holds the same bytes, as
// long as the stamp was taken a while after the file last changed: two
// writes within one tick of the file system's clock leave the same change
// time (the corpus cache's rule: data/cache).
type Stamp struct {
	Size          int64
	Mod, Change   int64
	Device, Inode uint64
}

// ModTime is the file's modification time.
func (s Stamp) ModTime() time.Time { return time.Unix(0, s.Mod) }

// Known reports whether the stamp can tell a change at all: a file system
// that gives no change time or inode (or a platform where they are not
// read) gives a stamp that cannot.
func (s Stamp) Known() bool { return s.Change != 0 && s.Inode != 0 }

// stampOfInfo is the stamp of a file as an fs.FileInfo gives it: the
// whole stamp where the platform's stat has it (stampOfSys).
func stampOfInfo(info fs.FileInfo) Stamp {
	s := stampOfSys(info.Sys())
	s.Size, s.Mod = info.Size(), info.ModTime().UnixNano()
	return s
}
