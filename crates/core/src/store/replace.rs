//! Creating a database, or replacing one (`demo --force`, `restore --force`, `init` over a
//! tenant): one function for every command that makes a tenant from nothing.
//!
//! The new database is built in a staging directory inside the target (one file system, so
//! every move is a rename) while the old one stays locked, then swapped in file by file: only
//! the database's own files move (`place::is_own`); anything else in the directory stays.

use super::open::locked;
use super::place::{self, is_own, place, Place, STAGING_PREFIX};
use super::Store;
use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::model::Role;
use crate::text;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What to do where a database already exists.
pub enum Overwrite<'a> {
    /// Refuse, with this message (exit 1): "…exists; pass --force".
    Never(Text),
    /// Replace it, if this login is a GlobalAdministrator of it (exit 3 otherwise). One too
    /// damaged to open may be replaced by the owner of its directory.
    AsGlobalAdministrator(&'a str),
    /// As `AsGlobalAdministrator`; one too damaged to open only if, besides, `login` is a
    /// GlobalAdministrator of the tenant that replaces it (`is_one`: a restore's backup says).
    AsGlobalAdministratorOfReplacement { login: &'a str, is_one: bool },
}

/// Builds a database at `path` with `build` (given the empty directory to build in) and puts it
/// in place, replacing an existing one only as `overwrite` allows. The old database stays
/// locked from the role check to the swap, so no one can change it meanwhile; anything that
/// fails leaves `path` as it was and removes what was made.
pub fn create_or_replace<T>(
    path: &Path,
    overwrite: Overwrite<'_>,
    build: impl FnOnce(&Path) -> Result<T>,
) -> Result<T> {
    let found = place(path)?;
    let old = match found {
        Place::Database => Some(hold_for_replacement(path, overwrite)?),
        Place::Absent | Place::Empty => None,
    };
    let mut made = Made(match found {
        Place::Absent => Some(create_dirs(path)?),
        _ => None,
    });
    let value = build_and_swap(path, old, build)?;
    made.0 = None;
    Ok(value)
}

/// The directories a creation made, removed if it fails or panics before the end.
struct Made(Option<PathBuf>);

impl Drop for Made {
    fn drop(&mut self) {
        if let Some(top) = self.0.take() {
            let _ = fs::remove_dir_all(top);
        }
    }
}

fn build_and_swap<T>(
    path: &Path,
    old: Option<Held>,
    build: impl FnOnce(&Path) -> Result<T>,
) -> Result<T> {
    let staging = tempfile::Builder::new()
        .prefix(&format!("{STAGING_PREFIX}new-"))
        .tempdir_in(path)
        .map_err(|e| io_error(path, &e))?;
    let value = build(staging.path())?;
    // Durable before it is put in place, and its place durable after (store/durable.rs).
    super::sync_database(staging.path())?;
    swap(path, staging.path(), old)?;
    super::sync_dir(path)?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        super::sync_dir(parent)?;
    }
    Ok(value)
}

/// The old database, held so that no one else opens it until it is replaced.
enum Held {
    /// Opened: the role was checked in it.
    Open(Box<Store>),
    /// Damaged past opening: it cannot say who administers it, so only the owner of its
    /// directory may replace it; locked the way sled locks, on its data file.
    Damaged(Lock),
}

fn hold_for_replacement(path: &Path, overwrite: Overwrite<'_>) -> Result<Held> {
    let (login, of_replacement) = match overwrite {
        Overwrite::Never(why) => return Err(Error::refused(why)),
        Overwrite::AsGlobalAdministrator(login) => (login, true),
        Overwrite::AsGlobalAdministratorOfReplacement { login, is_one } => (login, is_one),
    };
    // Held elsewhere: say so, whatever state it is in.
    drop(Lock::take(path)?);
    match Store::open(path) {
        Ok(store) => {
            let actor = store.actor(login)?;
            if actor.role() != Role::GlobalAdministrator {
                return Err(Error::denied(text!(
                    "edge-replace-needs-global-admin",
                    path = path.display().to_string(),
                    login = login.escape_debug().to_string(),
                    role = actor.role().text()
                )));
            }
            Ok(Held::Open(Box::new(store)))
        }
        Err(e) if !of_replacement => Err(Error::denied(text!(
            "backup-force-unreadable",
            path = path.display().to_string(),
            login = login.escape_debug().to_string(),
            why = e.text().clone()
        ))),
        Err(_) if owned_by_me(path) => Ok(Held::Damaged(Lock::take(path)?)),
        Err(e) => Err(e),
    }
}

/// Creates `path` and any missing directory above it (owner only); returns the topmost one
/// made, which a failure removes.
fn create_dirs(path: &Path) -> Result<PathBuf> {
    let mut top = path.to_path_buf();
    while let Some(parent) = top.parent() {
        if parent.as_os_str().is_empty() || fs::symlink_metadata(parent).is_ok() {
            break;
        }
        top = parent.to_path_buf();
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(path).map_err(|e| {
        if top != path {
            let _ = fs::remove_dir_all(&top);
        }
        place::unreadable(path, &e)
    })?;
    Ok(top)
}

/// Moves the old database's own files aside, the new ones in, the data file first: a crash at
/// any point leaves a data file that sled opens whole (the old one before it is renamed over,
/// the new one after), with no snapshot of the other database beside it.
fn swap(path: &Path, staging: &Path, old: Option<Held>) -> Result<()> {
    let io = |e: std::io::Error| io_error(path, &e);
    // The new data file is locked before it is in place, the old one until it is gone.
    let new_lock = Lock::take(staging)?;
    let old_lock = match old {
        None => None,
        Some(Held::Damaged(lock)) => Some(lock),
        Some(Held::Open(store)) => {
            drop(store);
            // Between sled letting go and this lock another process could open it: then it is
            // in use, and nothing is replaced.
            Some(Lock::take(path)?)
        }
    };
    let aside = tempfile::Builder::new()
        .prefix(&format!("{STAGING_PREFIX}old-"))
        .tempdir_in(path)
        .map_err(io)?;
    let ours = |name: &str| {
        is_own(name)
            && Some(std::ffi::OsStr::new(name)) != staging.file_name()
            && Some(std::ffi::OsStr::new(name)) != aside.path().file_name()
    };
    let mut moved: Vec<String> = Vec::new();
    let set_aside = (|| -> std::io::Result<()> {
        for entry in fs::read_dir(path)? {
            let name = entry?.file_name().to_string_lossy().into_owned();
            if name != "db" && ours(&name) {
                fs::rename(path.join(&name), aside.path().join(&name))?;
                moved.push(name);
            }
        }
        fs::rename(staging.join("db"), path.join("db"))
    })();
    if let Err(e) = set_aside {
        // The old data file is still in place: put its companions back.
        for name in moved {
            let _ = fs::rename(aside.path().join(&name), path.join(&name));
        }
        return Err(io(e));
    }
    for entry in fs::read_dir(staging).map_err(io)? {
        let name = entry.map_err(io)?.file_name();
        fs::rename(staging.join(&name), path.join(&name)).map_err(io)?;
    }
    // The renames themselves are on disk before anyone is told it is done.
    fs::File::open(path)
        .and_then(|d| d.sync_all())
        .map_err(io)?;
    drop(new_lock);
    drop(old_lock);
    Ok(())
}

fn io_error(path: &Path, e: &std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::PermissionDenied {
        return place::permission_denied(path);
    }
    Error::database(text!(
        "error-demo-io",
        path = path.display().to_string(),
        detail = e.to_string()
    ))
}

#[cfg(unix)]
fn owned_by_me(path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).is_ok_and(|m| m.uid() == nix::unistd::geteuid().as_raw())
}

#[cfg(not(unix))]
fn owned_by_me(_path: &Path) -> bool {
    false
}

/// The lock sled takes on a database's data file (`flock`), held by this process: no sled
/// opens that file while it lives.
struct Lock {
    #[cfg(unix)]
    _held: nix::fcntl::Flock<fs::File>,
}

impl Lock {
    /// Takes the lock of the database in `dir`, retrying for a second as sled's open does (a
    /// lock lingers a moment after its holder exits); "in use" after that.
    #[cfg(unix)]
    fn take(dir: &Path) -> Result<Lock> {
        use nix::fcntl::{Flock, FlockArg};
        use std::os::unix::fs::OpenOptionsExt;
        let data = dir.join("db");
        for _ in 0..10 {
            let file = fs::OpenOptions::new()
                .read(true)
                .custom_flags(nix::libc::O_NOFOLLOW)
                .open(&data)
                .map_err(|e| io_error(&data, &e))?;
            match Flock::lock(file, FlockArg::LockExclusiveNonblock) {
                Ok(held) => return Ok(Lock { _held: held }),
                Err((_, nix::errno::Errno::EWOULDBLOCK)) => {
                    std::thread::sleep(Duration::from_millis(100))
                }
                Err((_, errno)) => return Err(io_error(&data, &std::io::Error::from(errno))),
            }
        }
        Err(locked(dir))
    }

    #[cfg(not(unix))]
    fn take(_dir: &Path) -> Result<Lock> {
        Ok(Lock {})
    }
}
