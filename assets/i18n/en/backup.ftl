# The disk, backups and restore (issue 17, points 4, 6 and 7).

backup-no-space = no space left on the device holding { $path }; free some space, then run the command again
backup-io = cannot use { $path }: { $detail }; check the path and its permissions

## Taking a backup
backup-do-backup = back the tenant up
backup-busy-import = an import was still being applied after { $seconds } seconds; take the backup once it has ended
backup-busy = the database kept changing while it was read for the backup ({ $attempts } attempts); run `selfserve backup` again when it is quieter
backup-record-too-large = a record too large for a backup; run `selfserve check`
backup-not-a-file = { $file } exists and is not a regular file; give the backup a file name
backup-file-exists = { $file } already exists; give the backup another name, or add --force to replace that file
backup-done = Backed up { $tenant } (revision { $revision }, { $records } records) to { $file }

## Restoring one
backup-do-restore = restore a backup
backup-no-file = there is no backup file { $file }; check the name
backup-not-a-backup = { $file } is not a selfserve backup (its first line is not "{ $format } VERSION"); nothing was restored
backup-version = { $file } is a backup of format version { $version }, and this selfserve reads version { $known }; use the selfserve that made it; nothing was restored
backup-schema = { $file } holds a database of schema version { $version }, and this selfserve knows version { $known }; use the selfserve that made it; nothing was restored
backup-damaged = { $file } is damaged ({ $what }); nothing was restored; use another backup
backup-what-truncated = it is truncated
backup-what-checksum = its SHA-256 checksum does not match its content: it is truncated or altered
backup-what-no-header = it has no header record
backup-what-out-of-order = its records are out of order
backup-what-counts = its end record does not match what it holds
backup-what-trailing = there are bytes after its end
backup-what-unreadable = a record cannot be read
backup-what-unknown-tree = it names a part of the database that does not exist
backup-what-id = an e-mail or audit event has an impossible id
backup-what-changed = the file changed while it was being restored
backup-exists = a database already exists at { $path }; restore into another --db, or, to replace it (which discards it), back it up first with `selfserve backup`, then add --force (its GlobalAdministrator only)
backup-force-unreadable = the database at { $path } cannot be opened ({ $why }), so only a GlobalAdministrator of the backup's tenant may replace it, and { $login } is not one; nothing was restored
backup-restored = Restored { $tenant } (revision { $revision }, { $records } records, backed up { $taken }) from { $file } into { $path }
