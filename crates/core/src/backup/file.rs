//! Writing a backup file: whole or not at all, durable once written, never through a link.

use super::take::BackupImage;
use crate::error::{Error, Result};
use crate::store::{io_failure, sync_dir};
use crate::text;
use std::io::Write;
use std::path::Path;

/// Writes `image` to `path`: into a new file of an unpredictable name beside it (created
/// O_EXCL, owner-only), fsynced, then renamed over `path`. An existing `path` is replaced only
/// if it is a regular file and `replace` is set; a device, a directory or a FIFO never is.
pub fn write_backup_file(path: &Path, image: &BackupImage, replace: bool) -> Result<()> {
    let file = path.display().to_string();
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if !meta.file_type().is_file() {
            return Err(Error::refused(text!("backup-not-a-file", file = file)));
        }
        if !replace {
            return Err(Error::refused(text!("backup-file-exists", file = file)));
        }
    }
    let dir = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(dir) => dir,
        None => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".selfserve-backup-")
        .tempfile_in(dir)
        .map_err(|e| io_failure(dir, &e))?;
    temp.write_all(&image.bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| io_failure(path, &e))?;
    temp.persist(path).map_err(|e| io_failure(path, &e.error))?;
    sync_dir(dir)
}
