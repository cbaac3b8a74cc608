package load

import (
	"os"

	"golang.org/x/sys/unix"
)

// stampsVouch reports whether the file system the folder dir is on keeps
// a file's change time and inode as stamps need, and says at once when a
// file changed: the local ones in use on Linux. Not a network's (NFS caches
// attributes for up to a minute, where an open checks them again), nor
// FUSE's, nor FAT's (no change time), nor one not known here.
func stampsVouch(dir *os.File) bool {
	var st unix.Statfs_t
	if err := retryEINTR(func() error { return unix.Fstatfs(int(dir.Fd()), &st) }); err != nil {
		return false
	}
	return vouchingFileSystem(int64(st.Type))
}

// zfsSuperMagic is ZFS's, which x/sys does not name.
const zfsSuperMagic = 0x2fc12fc1

// vouchingFileSystem reports whether statfs's type is one of the local file
// systems whose stamps vouch for a file's bytes.
func vouchingFileSystem(fsType int64) bool {
	switch fsType {
	case unix.EXT4_SUPER_MAGIC, unix.XFS_SUPER_MAGIC, unix.BTRFS_SUPER_MAGIC, unix.TMPFS_MAGIC,
		unix.OVERLAYFS_SUPER_MAGIC, unix.F2FS_SUPER_MAGIC, unix.BCACHEFS_SUPER_MAGIC, zfsSuperMagic:
		return true
	}
	return false
}
