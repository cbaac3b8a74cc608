package load

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// stampOfStat is the stamp of a stat.
func stampOfStat(st *unix.Stat_t) Stamp {
	return Stamp{Size: st.Size, Mod: st.Mtim.Nano(), Change: st.Ctim.Nano(), Device: st.Dev, Inode: st.Ino}
}

// stampOfSys is the change time, device and inode of an os.FileInfo's Sys.
func stampOfSys(sys any) Stamp {
	if st, ok := sys.(*syscall.Stat_t); ok {
		return Stamp{Size: st.Size, Mod: st.Mtim.Nano(), Change: st.Ctim.Nano(), Device: st.Dev, Inode: st.Ino}
	}
	return Stamp{}
}
