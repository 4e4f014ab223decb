//! Restoring a backup into a new database, or over one with `--force`.
//!
//! The whole file is checked before anything is created; the database is then built aside,
//! synced, opened to prove it, and put in place the way every new tenant is
//! (`store::create_or_replace`). Nothing is left behind when any step fails.

use super::format::{self, damaged};
use crate::error::{Error, Result};
use crate::model::{Admin, Role};
use crate::store::codec::decode;
use crate::store::{
    create_or_replace, database_exists, sled_failure, sync_database, Overwrite, Store, Trees,
};
use crate::text;
use chrono::{DateTime, Utc};
use serde::Serialize;
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
    // The whole file, checked before anything is made; its administrators say who may replace
    // a database too damaged to say it itself.
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
    let overwrite = if opts.force {
        Overwrite::AsGlobalAdministratorOfReplacement {
            login: &opts.login,
            is_one: admins
                .iter()
                .any(|a| a.login == opts.login && a.role == Role::GlobalAdministrator),
        }
    } else {
        Overwrite::Never(text!("backup-exists", path = db.display().to_string()))
    };
    // Only for the summary's words: the replacement itself is decided under the lock.
    let replaced = database_exists(db);
    create_or_replace(db, overwrite, |at| {
        build(at, file, &name, &contents, max_id)
    })?;
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
