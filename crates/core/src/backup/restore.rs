//! Restoring a backup into a new database, or over one with `--force`.
//!
//! The whole file is checked before anything is created; the database is then built in a new
//! directory of an unpredictable name beside its place, synced, opened to prove it, and renamed
//! into place. Nothing is left behind when any step fails.

use super::format::{self, damaged};
use crate::error::{Error, Result};
use crate::model::{Admin, Role};
use crate::store::codec::decode;
use crate::store::{
    database_exists, ensure_not_locked, io_failure, sled_failure, snapshots, sync_database,
    sync_dir, Store, Trees,
};
use crate::text;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::fs;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct RestoreOptions {
    /// Replace a database already at the path (its GlobalAdministrator only).
    pub force: bool,
    /// The operating-system login acting.
    pub login: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestoreSummary {
    pub path: PathBuf,
    pub file: PathBuf,
    pub tenant: String,
    pub revision: u64,
    pub taken_at: DateTime<Utc>,
    pub records: u64,
    /// Whether a database was replaced.
    pub replaced: bool,
}

/// Outbox and audit ids must stay below this, so sled's id generator can be moved past them.
const ID_LIMIT: u64 = 1 << 60;
/// Entries written to sled per batch.
const BATCH: usize = 50_000;

pub fn restore(file: &Path, db: &Path, opts: &RestoreOptions) -> Result<RestoreSummary> {
    let name = file.display().to_string();
    if !file.is_file() {
        return Err(Error::not_found(text!(
            "backup-no-file",
            file = name.as_str()
        )));
    }
    // 1. The whole file, checked; its administrators kept for the check of --force.
    let mut max_id = 0u64;
    let mut admins: Vec<Admin> = Vec::new();
    let contents = format::read(file, &mut |tree, key, value| {
        match tree {
            "audit" | "outbox" => {
                let id = <[u8; 8]>::try_from(key)
                    .map(u64::from_be_bytes)
                    .ok()
                    .filter(|id| *id < ID_LIMIT)
                    .ok_or_else(|| damaged(&name, text!("backup-what-id")))?;
                max_id = max_id.max(id);
            }
            "admins" => admins
                .push(decode(value).map_err(|_| damaged(&name, text!("backup-what-unreadable")))?),
            known if KNOWN_TREES.contains(&known) => {}
            _ => return Err(damaged(&name, text!("backup-what-unknown-tree"))),
        }
        Ok(())
    })?;

    // 2. What is at the path now; a database there stays open (locked) until it is replaced.
    let existing = existing(db, opts, &admins)?;

    // 3. The new database, beside its place.
    let parent = parent_of(db);
    create_parent(parent)?;
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{}.restoring-", file_name(db)))
        .tempdir_in(parent)
        .map_err(|e| io_failure(parent, &e))?;
    build(staging.path(), file, &name, &contents, max_id)?;

    // 4. Into place.
    let replaced = match existing {
        Existing::Nothing => false,
        Existing::EmptyDir => {
            fs::remove_dir(db).map_err(|e| io_failure(db, &e))?;
            false
        }
        Existing::Database(held) => {
            let aside = tempfile::Builder::new()
                .prefix(&format!(".{}.replaced-", file_name(db)))
                .tempdir_in(parent)
                .map_err(|e| io_failure(parent, &e))?;
            fs::rename(db, aside.path().join("old")).map_err(|e| io_failure(db, &e))?;
            if let Err(e) = fs::rename(staging.path(), db) {
                // Put the old one back: the path never stays empty.
                let _ = fs::rename(aside.path().join("old"), db);
                return Err(io_failure(db, &e));
            }
            drop(held);
            // `aside` goes when dropped, with the old database (only its own files: checked).
            true
        }
    };
    if !replaced {
        fs::rename(staging.path(), db).map_err(|e| io_failure(db, &e))?;
    }
    // Renamed away: nothing left for the TempDir to remove.
    let _ = staging.keep();
    sync_dir(parent)?;
    Ok(RestoreSummary {
        path: db.to_path_buf(),
        file: file.to_path_buf(),
        tenant: contents.header.tenant.clone(),
        revision: contents.header.revision,
        taken_at: contents.header.taken_at,
        records: contents.entries,
        replaced,
    })
}

/// The trees a backup may hold: the store's.
const KNOWN_TREES: [&str; 13] = [
    "meta",
    "products",
    "policies",
    "users",
    "users_by_upn",
    "subscriptions",
    "subs_by_product",
    "subs_by_buyer",
    "assignments",
    "assignments_by_user",
    "admins",
    "outbox",
    "audit",
];

enum Existing {
    Nothing,
    EmptyDir,
    /// A database to replace, held open (so locked) when it could be opened.
    Database(Option<Box<Store>>),
}

fn existing(db: &Path, opts: &RestoreOptions, admins: &[Admin]) -> Result<Existing> {
    let path = db.display().to_string();
    let Ok(entries) = fs::read_dir(db) else {
        return match fs::symlink_metadata(db) {
            Err(_) => Ok(Existing::Nothing),
            Ok(_) => Err(Error::database(text!(
                "backup-not-a-directory",
                path = path
            ))),
        };
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| io_failure(db, &e))?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    if names.is_empty() {
        return Ok(Existing::EmptyDir);
    }
    if !database_exists(db) {
        return Err(Error::database(text!("backup-not-a-database", path = path)));
    }
    if let Some(foreign) = names.iter().find(|n| !is_own_file(n)) {
        return Err(Error::database(text!(
            "backup-foreign-file",
            path = path,
            name = foreign.escape_debug().to_string()
        )));
    }
    if !opts.force {
        return Err(Error::refused(text!("backup-exists", path = path)));
    }
    match Store::open(db) {
        Ok(store) => {
            require_global_administrator(&store, &opts.login)?;
            Ok(Existing::Database(Some(Box::new(store))))
        }
        Err(e) => {
            // Held by another process: never replaced under it.
            ensure_not_locked(db)?;
            // Damaged: no role can be read in it; the login must be a GlobalAdministrator of
            // the tenant it brings back.
            let in_backup = admins
                .iter()
                .any(|a| a.login == opts.login && a.role == Role::GlobalAdministrator);
            if in_backup {
                Ok(Existing::Database(None))
            } else {
                Err(Error::denied(text!(
                    "backup-force-unreadable",
                    path = path,
                    login = opts.login.escape_debug().to_string(),
                    why = e.text().clone()
                )))
            }
        }
    }
}

/// Replacing a tenant is a GlobalAdministrator's act (issue 17, point 1). `demo --force` needs
/// the same check: the two should become one function of the core, in access.rs.
fn require_global_administrator(store: &Store, login: &str) -> Result<()> {
    let path = store.path().display().to_string();
    let login_shown = login.escape_debug().to_string();
    match store.admin_by_login(login)? {
        Some(admin) if admin.role == Role::GlobalAdministrator => Ok(()),
        Some(admin) => Err(Error::denied(text!(
            "backup-force-denied",
            path = path,
            login = login_shown,
            role = admin.role.text()
        ))),
        None => Err(Error::denied(text!(
            "backup-force-unbound",
            path = path,
            login = login_shown
        ))),
    }
}

/// sled's own files, and those selfserve keeps beside them: a directory holding anything else
/// is not replaced.
fn is_own_file(name: &str) -> bool {
    matches!(
        name,
        "db" | "conf" | "blobs" | "selfserve.pid" | "selfserve.socket"
    ) || name.starts_with("snap.")
        || name.starts_with(snapshots::SET_ASIDE_PREFIX)
}

/// Writes the backup's entries into a new database at `dir`, moves sled's id generator past the
/// ids of the outbox and the audit, syncs it, and opens it to prove it.
fn build(
    dir: &Path,
    file: &Path,
    name: &str,
    expected: &format::Contents,
    max_id: u64,
) -> Result<()> {
    let (handle, trees) = Store::create_empty(dir)?;
    let contents = import(&trees, file, name)?;
    // The file changed between the check and the build: what was checked is not what was read.
    if contents.checksum != expected.checksum {
        return Err(damaged(name, text!("backup-what-changed")));
    }
    handle.flush()?;
    drop((trees, handle));
    advance_ids(dir, max_id)?;
    sync_database(dir)?;
    Store::open(dir).map(drop)
}

/// Reads the backup again, into `trees`, in batches.
fn import(trees: &Trees, file: &Path, name: &str) -> Result<format::Contents> {
    let named = trees.named();
    let mut pending: Option<(&sled::Tree, sled::Batch, usize)> = None;
    let contents = format::read(file, &mut |tree, key, value| {
        let Some((_, target)) = named.iter().find(|(n, _)| *n == tree) else {
            return Err(damaged(name, text!("backup-what-unknown-tree")));
        };
        let full = |(t, _, n): &(&sled::Tree, sled::Batch, usize)| {
            t.name() != target.name() || *n >= BATCH
        };
        if pending.as_ref().is_some_and(full) {
            if let Some((t, batch, _)) = pending.take() {
                t.apply_batch(batch)?;
            }
        }
        let (_, batch, n) = pending.get_or_insert_with(|| (*target, sled::Batch::default(), 0));
        batch.insert(key, value);
        *n += 1;
        Ok(())
    })?;
    if let Some((t, batch, _)) = pending.take() {
        t.apply_batch(batch)?;
    }
    Ok(contents)
}

/// sled hands out outbox and audit ids from a counter of its own, which a new database starts at
/// 0: left there, the next e-mail or event would overwrite a restored one. sled persists that
/// counter at multiples of its persist interval and, on reopening, starts it at twice the
/// interval past the persisted value. Opened once with half of `target` as the interval, it
/// starts at `target`, and taking one id persists `target`: a multiple of the usual interval
/// (sled checks that), above every restored id.
fn advance_ids(dir: &Path, max_id: u64) -> Result<()> {
    // sled's default, which every other open of the database uses.
    const USUAL_INTERVAL: u64 = 1_000_000;
    let target = (max_id / USUAL_INTERVAL + 1) * USUAL_INTERVAL;
    let config = sled::Config::new()
        .path(dir)
        .idgen_persist_interval(target / 2);
    // The handle just closed lets go of its lock a moment later (sled's threads end first).
    let mut attempt = 0;
    let db = loop {
        match config.open() {
            Err(sled::Error::Io(e)) if is_lock(&e) && attempt < 50 => {
                attempt += 1;
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            opened => break opened.map_err(|e| sled_failure(dir, e))?,
        }
    };
    db.generate_id().map_err(|e| sled_failure(dir, e))?;
    db.flush().map_err(|e| sled_failure(dir, e))?;
    Ok(())
}

/// sled's words for a lock another handle holds.
fn is_lock(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::WouldBlock || e.to_string().contains("could not acquire lock")
}

fn parent_of(db: &Path) -> &Path {
    match db.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => parent,
        None => Path::new("."),
    }
}

fn file_name(db: &Path) -> String {
    db.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "selfserve".into())
}

/// The directory the database goes in, owner-only where it is made.
fn create_parent(parent: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(parent).map_err(|e| io_failure(parent, &e))
}
