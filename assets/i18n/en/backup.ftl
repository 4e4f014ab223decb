# The disk, backups and restore (issue 17, points 4, 6 and 7).

backup-no-space = no space left on the device holding { $path }; free some space, then run the command again
backup-io = cannot use { $path }: { $detail }; check the path and its permissions
