# Where the program touches files outside its database: the --db directory, replacing a tenant,
# the export's file (issue 17, points 1, 2 and 5).

edge-not-a-directory = { $path } is not a directory; nothing was touched: pass the --db of a database, or a new or empty directory
edge-foreign-directory = { $path } holds other files and no selfserve database; nothing in it was touched: pass the --db of a database, or a new or empty directory
edge-permission-denied = permission denied on { $path } (owned by { $owner }, mode { $mode }); ask its owner, or use the server
edge-replace-needs-global-admin = only a global administrator of the tenant at { $path } may replace it; { $login } is { $role }

## The export's file (user export --output, the dashboard's Export users).
edge-export-no-space = no space left on the device of { $path }; nothing was replaced: free some space or choose another --output
edge-export-no-space-out = no space left on the device of the output; free some space or write elsewhere
edge-export-directory = { $path } is a directory; give the name of a file in it
edge-export-link = { $path } is a symbolic link to a file, and the export never writes through one; give the file's own path
edge-export-fifo-not-yours = { $path } is a named pipe of another user in a shared directory, who would read the export; choose another --output
edge-export-changed = { $path } changed while the export was opening it; nothing was written: try again
