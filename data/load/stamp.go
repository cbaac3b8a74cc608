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

// Known reports whether the stamp can tell a change at all: only a stat
// through a folder the Folder holds open, on a local file system that
// keeps change times and inodes (stampsVouch), gives one that can; a
// network's file system, a file reached through a link and platforms other
// than Linux give its size and time alone.
func (s Stamp) Known() bool { return s.Change != 0 && s.Inode != 0 }

// stampOfInfo is the stamp of a file as an fs.FileInfo gives it: its size
// and time alone, which vouch for nothing. Only a stat through a folder
// the Folder holds open, on a file system that keeps what stamps need,
// gives a whole stamp (files_linux.go).
func stampOfInfo(info fs.FileInfo) Stamp {
	return Stamp{Size: info.Size(), Mod: info.ModTime().UnixNano()}
}
