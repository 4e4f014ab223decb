//! What a `--db` path holds, told without opening anything: sled creates files as soon as it
//! opens a directory, so a directory that is not a selfserve database must be recognised first
//! and left untouched.

use crate::error::{Error, Result};
use crate::text;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What is at a `--db` path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Nothing yet.
    Absent,
    /// An empty directory, or one holding only what a database leaves behind without its data
    /// file (a pid note, sled's `conf` or `blobs/`, an interrupted replacement's staging).
    Empty,
    /// A database (and maybe files of other programs beside it, which stay).
    Database,
}

/// sled's files and ours: what a replacement may move or remove. Anything else is someone
/// else's and stays.
pub(crate) fn is_own(name: &str) -> bool {
    matches!(
        name,
        "db" | "conf" | "blobs" | super::open::PID_FILE | super::open::SOCKET_NOTE
    ) || name.starts_with("snap.")
        || name.starts_with(STAGING_PREFIX)
}

/// The prefix of the directories a replacement builds in and sets the old files aside in,
/// inside the database directory (one file system, so every move is a rename).
pub(crate) const STAGING_PREFIX: &str = ".selfserve-";

/// What `path` holds. A non-empty directory that holds no database, or a path that is not a
/// directory, is refused (exit 5) with nothing in it touched; so is a path this user may not read.
pub fn place(path: &Path) -> Result<Place> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Place::Absent),
        Err(e) => return Err(unreadable(path, &e)),
    };
    if !meta.is_dir() {
        return Err(Error::database(text!(
            "edge-not-a-directory",
            path = path.display().to_string()
        )));
    }
    let entries = fs::read_dir(path).map_err(|e| unreadable(path, &e))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| unreadable(path, &e))?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    let is_file =
        |name: &str| fs::symlink_metadata(path.join(name)).is_ok_and(|m| m.file_type().is_file());
    let all_own = names.iter().all(|n| is_own(n));
    if is_file("db") && (all_own || has_sled_conf(path)) {
        // Readable as well as present: a data file of another owner is a permission problem.
        fs::File::open(path.join("db")).map_err(|e| unreadable(&path.join("db"), &e))?;
        return Ok(Place::Database);
    }
    if all_own {
        return Ok(Place::Empty);
    }
    Err(Error::database(text!(
        "edge-foreign-directory",
        path = path.display().to_string()
    )))
}

/// sled writes its settings in `conf` as text beginning so; a file of another program rarely does.
fn has_sled_conf(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 14];
    fs::File::open(path.join("conf"))
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|_| &head == b"segment_size: ")
}

/// The error for a path that cannot be read: said as a permission problem, naming the owner and
/// mode of what refused, where it is one; else what the system said (exit 5 either way).
pub(crate) fn unreadable(path: &Path, e: &io::Error) -> Error {
    if e.kind() == io::ErrorKind::PermissionDenied {
        return permission_denied(path);
    }
    Error::database(text!(
        "error-open-database",
        path = path.display().to_string(),
        detail = e.to_string()
    ))
}

/// "permission denied on PATH (owned by USER, mode 0700)…" for `path`, or for the nearest
/// directory above it that can be looked at (the one that stops the search).
pub(crate) fn permission_denied(path: &Path) -> Error {
    let mut at: PathBuf = path.to_path_buf();
    let meta = loop {
        match fs::metadata(&at) {
            Ok(meta) => break Some(meta),
            Err(_) => match at.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => at = parent.to_path_buf(),
                _ => break None,
            },
        }
    };
    let (owner, mode) = match meta {
        Some(meta) => owner_and_mode(&meta),
        None => ("?".to_string(), "?".to_string()),
    };
    Error::database(text!(
        "edge-permission-denied",
        path = at.display().to_string(),
        owner = owner,
        mode = mode
    ))
}

#[cfg(unix)]
fn owner_and_mode(meta: &fs::Metadata) -> (String, String) {
    use std::os::unix::fs::MetadataExt;
    let uid = meta.uid();
    let owner = nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
        .ok()
        .flatten()
        .map(|u| u.name)
        .unwrap_or_else(|| uid.to_string());
    (owner, format!("{:04o}", meta.mode() & 0o7777))
}

#[cfg(not(unix))]
fn owner_and_mode(_meta: &fs::Metadata) -> (String, String) {
    ("?".to_string(), "?".to_string())
}
