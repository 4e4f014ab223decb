//! What the disk says, said in words: a full disk is "no space left" with the path (exit 5),
//! never Rust's debug text of an `io::Error`.

use crate::error::Error;
use crate::text;
use std::io;
use std::path::Path;

/// ENOSPC and EDQUOT: the disk, or the owner's quota on it, is full.
fn is_no_space(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded
    )
}

/// A failed read or write of `path`.
pub(crate) fn io_failure(path: &Path, e: &io::Error) -> Error {
    let path = path.display().to_string();
    if is_no_space(e) {
        return Error::database(text!("backup-no-space", path = path));
    }
    // sled words a held lock with the io::Error's debug text inside.
    if e.to_string().contains("could not acquire lock") {
        return Error::database(text!("error-database-in-use", path = path));
    }
    Error::database(text!("backup-io", path = path, detail = e.to_string()))
}

/// A failure sled reports while working on the database at `path`.
pub(crate) fn sled_failure(path: &Path, e: sled::Error) -> Error {
    match e {
        sled::Error::Io(e) => io_failure(path, &e),
        sled::Error::Corruption { .. } => {
            super::open::damaged(path, text!("error-damaged-corrupted"))
        }
        // sled words some I/O failures itself, with the io::Error's debug text inside.
        other if other.to_string().contains("code: 28") => {
            Error::database(text!("backup-no-space", path = path.display().to_string()))
        }
        other => Error::from(other),
    }
}
