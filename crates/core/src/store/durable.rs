//! The durability sled leaves out: its flush ends with `sync_file_range` on Linux, which starts
//! and waits for the writes but neither empties the disk's volatile cache nor records the file's
//! new size (sled issues 1351 and 1452), so a power cut after "done" could lose the change. An
//! `fsync` of the data file after each flush does both; a new database's directory, and the
//! directory holding it, are synced too so that their names survive.

use super::disk::io_failure;
use crate::error::Result;
use std::fs::File;
use std::path::Path;

/// sled's data file, kept open so each write can sync it without opening it again.
pub(crate) struct DataFile(File);

impl DataFile {
    pub fn open(db: &Path) -> Result<DataFile> {
        let data = db.join("db");
        File::open(&data)
            .map(DataFile)
            .map_err(|e| io_failure(&data, &e))
    }

    /// Waits until what sled flushed is on the disk itself.
    pub fn sync(&self, db: &Path) -> Result<()> {
        self.0.sync_all().map_err(|e| io_failure(db, &e))
    }
}

/// Syncs a whole database just written (sled's files, then its directory and the directory
/// holding it), before anyone is told it exists.
pub(crate) fn sync_database(db: &Path) -> Result<()> {
    for name in ["db", "conf"] {
        let file = db.join(name);
        if file.is_file() {
            File::open(&file)
                .and_then(|f| f.sync_all())
                .map_err(|e| io_failure(&file, &e))?;
        }
    }
    sync_dir(db)?;
    match db.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => sync_dir(parent),
        None => sync_dir(Path::new(".")),
    }
}

/// Syncs a directory, so the names created or renamed in it survive a power cut.
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| io_failure(dir, &e))
}
