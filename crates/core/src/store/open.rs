//! Opening a database safely: owner-only files, one process at a time, schema check, and a
//! damaged file reported as such instead of a panic.

use super::codec::decode;
use super::disk::io_failure;
use super::durable::{sync_database, DataFile};
use super::place::{place, Place};
use super::snapshots::set_aside_interrupted;
use super::{Store, Trees, META_SCHEMA, META_TENANT, SCHEMA_VERSION};
use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::text;
use std::fs;
use std::io::ErrorKind;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::time::Duration;

pub(crate) const PID_FILE: &str = "selfserve.pid";
/// Written by `selfserve serve`: its pid and socket, so a direct open can say where to go.
pub(crate) const SOCKET_NOTE: &str = "selfserve.socket";

/// sled's page cache; its 1 GB default is more than a jump host should give one admin tool.
pub fn default_cache_bytes() -> u64 {
    128 * 1024 * 1024
}

/// Whether a database lives at `path` (see `place` for what else may be there).
pub fn database_exists(path: &Path) -> bool {
    matches!(place(path), Ok(Place::Database))
}

impl Store {
    /// Opens an existing database.
    pub fn open(path: &Path) -> Result<Store> {
        // A directory of other files, or one this user may not read, is refused untouched.
        if place(path)? != Place::Database {
            return Err(Error::not_found(text!(
                "error-no-database",
                path = path.display().to_string()
            )));
        }
        let db = open_sled(path)?;
        let t = Trees::open(&db)?;
        let schema = t.meta.get(META_SCHEMA)?.ok_or_else(|| {
            Error::database(text!(
                "error-not-a-database",
                path = path.display().to_string()
            ))
        })?;
        let version = <[u8; 4]>::try_from(schema.as_ref())
            .map(u32::from_be_bytes)
            .map_err(|_| damaged(path, text!("error-damaged-schema")))?;
        if version > SCHEMA_VERSION {
            return Err(Error::database(text!(
                "error-schema-newer",
                path = path.display().to_string(),
                version = version.to_string(),
                known = SCHEMA_VERSION.to_string()
            )));
        }
        if version < SCHEMA_VERSION {
            return Err(Error::database(text!(
                "error-schema-older",
                path = path.display().to_string(),
                version = version.to_string(),
                known = SCHEMA_VERSION.to_string()
            )));
        }
        let tenant = match t.meta.get(META_TENANT)? {
            Some(bytes) => decode(&bytes)
                .map_err(|_| damaged(path, text!("error-damaged-tenant-unreadable")))?,
            None => return Err(damaged(path, text!("error-damaged-tenant-missing"))),
        };
        let data = DataFile::open(path)?;
        write_pid_file(path);
        let store = Store {
            db,
            path: path.to_path_buf(),
            t,
            tenant,
            data,
        };
        store.finish_staged()?;
        Ok(store)
    }

    /// Creates an empty database in a directory that does not hold one yet.
    pub(crate) fn create_empty(path: &Path) -> Result<(sled::Db, Trees)> {
        create_private_dir(path)?;
        let db = open_sled(path)?;
        let t = Trees::open(&db)?;
        sync_database(path)?;
        Ok((db, t))
    }
}

/// `what`: a `error-damaged-…` message, or what sled said.
pub(crate) fn damaged(path: &Path, what: Text) -> Error {
    Error::database(text!(
        "error-damaged",
        path = path.display().to_string(),
        what = what
    ))
}

fn create_private_dir(path: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(path).map_err(|e| {
        Error::database(text!(
            "error-create-database-dir",
            path = path.display().to_string(),
            detail = e.to_string()
        ))
    })
}

/// Restricts the database directory and its files to their owner.
fn make_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o700));
        if let Ok(entries) = fs::read_dir(path) {
            for entry in entries.flatten() {
                let mode = if entry.path().is_dir() { 0o700 } else { 0o600 };
                let _ = fs::set_permissions(entry.path(), fs::Permissions::from_mode(mode));
            }
        }
    }
}

fn open_sled(path: &Path) -> Result<sled::Db> {
    let config = sled::Config::new()
        .path(path)
        .cache_capacity(default_cache_bytes())
        .mode(sled::Mode::HighThroughput);
    set_aside_interrupted(path)?;
    // A lock can linger a moment after its holder exits: retry briefly before giving up.
    let mut attempt = 0;
    loop {
        match open_guarded(&config, path) {
            Err(OpenFailure::Locked) if attempt < 10 => {
                attempt += 1;
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(OpenFailure::Locked) => return Err(locked(path)),
            Err(OpenFailure::Other(e)) => {
                // A full disk stops sled midway through its snapshot: leave none behind.
                let _ = set_aside_interrupted(path);
                return Err(e);
            }
            Ok(db) => {
                make_private(path);
                return Ok(db);
            }
        }
    }
}

enum OpenFailure {
    Locked,
    Other(Error),
}

/// sled panics on some damaged files; catch that and report it as damage.
fn open_guarded(config: &sled::Config, path: &Path) -> Result<sled::Db, OpenFailure> {
    let previous_hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let opened = panic::catch_unwind(AssertUnwindSafe(|| config.open()));
    panic::set_hook(previous_hook);
    match opened {
        Ok(Ok(db)) => Ok(db),
        Ok(Err(sled::Error::Io(e)))
            if e.kind() == std::io::ErrorKind::WouldBlock
                || e.to_string().contains("could not acquire lock") =>
        {
            Err(OpenFailure::Locked)
        }
        Ok(Err(sled::Error::Io(e)))
            if matches!(e.kind(), ErrorKind::StorageFull | ErrorKind::QuotaExceeded) =>
        {
            Err(OpenFailure::Other(io_failure(path, &e)))
        }
        Ok(Err(sled::Error::Io(e))) => Err(OpenFailure::Other(Error::database(text!(
            "error-open-database",
            path = path.display().to_string(),
            detail = e.to_string()
        )))),
        Ok(Err(sled::Error::Corruption { .. })) => Err(OpenFailure::Other(damaged(
            path,
            text!("error-damaged-corrupted"),
        ))),
        Ok(Err(e)) => Err(OpenFailure::Other(damaged(
            path,
            Text::Verbatim(e.to_string()),
        ))),
        Err(_) => Err(OpenFailure::Other(damaged(
            path,
            text!("error-damaged-unreadable"),
        ))),
    }
}

pub(crate) fn locked(path: &Path) -> Error {
    let holder = fs::read_to_string(path.join(PID_FILE))
        .ok()
        .and_then(|s| s.trim().parse::<u32>().ok())
        .filter(|pid| is_selfserve(*pid));
    if let Some((pid, socket)) = holder.and_then(|pid| serving_socket(path, pid)) {
        return Error::database(text!(
            "error-database-served",
            path = path.display().to_string(),
            pid = pid.to_string(),
            socket = socket
        ));
    }
    let path = path.display().to_string();
    match holder {
        Some(pid) => Error::database(text!(
            "error-database-in-use-by",
            path = path,
            pid = pid.to_string()
        )),
        None => Error::database(text!("error-database-in-use", path = path)),
    }
}

/// The socket of the server whose pid is `pid`, if the note beside the database is its own
/// (a note left by a killed server names another pid).
fn serving_socket(path: &Path, pid: u32) -> Option<(u32, String)> {
    let note = fs::read_to_string(path.join(SOCKET_NOTE)).ok()?;
    let (noted, socket) = note.split_once(' ')?;
    (noted.parse::<u32>().ok()? == pid).then(|| (pid, socket.trim_end().to_string()))
}

impl Store {
    /// Notes beside the database that this process serves it on `socket`, so that a direct
    /// open names the socket to use. Only a message depends on it: failing to write is harmless.
    pub fn note_serving(&self, socket: &Path) {
        let note = format!("{} {}\n", std::process::id(), socket.display());
        let _ = fs::write(self.path.join(SOCKET_NOTE), note);
    }

    /// Removes the note of `note_serving` when the server stops.
    pub fn clear_serving_note(&self) {
        let _ = fs::remove_file(self.path.join(SOCKET_NOTE));
    }
}

fn write_pid_file(path: &Path) {
    // Only used to name the holder in the "in use" message; failing to write it is harmless.
    let _ = fs::write(path.join(PID_FILE), std::process::id().to_string());
}

/// Whether `pid` is a running selfserve: a pid file left by a killed process may name a pid
/// the system has since given to another program, which then holds nothing of ours.
fn is_selfserve(pid: u32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|comm| comm.trim_end() == "selfserve")
}

impl Drop for Store {
    /// The pid file goes with the process that wrote it (a killed one leaves it; `is_selfserve`
    /// then tells it is stale).
    fn drop(&mut self) {
        let pid_file = self.path.join(PID_FILE);
        if fs::read_to_string(&pid_file).is_ok_and(|s| s.trim() == std::process::id().to_string()) {
            let _ = fs::remove_file(pid_file);
        }
    }
}
