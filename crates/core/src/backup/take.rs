//! Taking a backup: every tree read between two reads of the revision that agree.

use super::format::{BackupHeader, Encoder};
use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicU64, Ordering};

/// A whole backup file, made by the core where the database is (a server answers with it), for
/// the front end to write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupImage {
    pub header: BackupHeader,
    pub trees: u32,
    pub entries: u64,
    /// The file's bytes, checksum included.
    pub bytes: Vec<u8>,
}

/// How many times a backup is begun again when writes land while it reads.
const ATTEMPTS: u32 = 5;
/// How long a backup waits for a large import being applied beside it (through the server).
const STAGED_WAIT: std::time::Duration = std::time::Duration::from_secs(300);

/// A consistent copy of every tree. A server reads beside writes, and sled has no snapshot
/// across trees; but every write moves the revision in the same transaction, and sled serialises
/// each read against a commit, so a copy read between two reads of one revision is the state of
/// that revision. A busy database is read again, up to `ATTEMPTS` times.
pub fn take(
    store: &Store,
    actor: &Actor,
    now: DateTime<Utc>,
    progress: &AtomicU64,
) -> Result<BackupImage> {
    actor.require(Capability::Read, text!("backup-do-backup"))?;
    for _ in 0..ATTEMPTS {
        // A state part-way through applying a large import is not one to restore.
        store.wait_for_staged(STAGED_WAIT)?;
        let revision = store.revision()?;
        let header = BackupHeader {
            schema_version: crate::store::SCHEMA_VERSION,
            revision,
            taken_at: now,
            tenant: store.tenant().display_name.clone(),
        };
        let mut encoder = Encoder::new(header.clone())?;
        let (mut trees, mut entries) = (0u32, 0u64);
        for (name, tree) in store.t.named() {
            let records: Vec<(sled::IVec, sled::IVec)> =
                tree.iter().collect::<sled::Result<_>>()?;
            encoder.tree(name, records.len() as u64)?;
            for (key, value) in &records {
                encoder.entry(key, value)?;
            }
            progress.fetch_add(records.len() as u64, Ordering::Relaxed);
            trees += 1;
            entries += records.len() as u64;
        }
        if store.revision()? == revision && !store.staged_pending()? {
            return Ok(BackupImage {
                header,
                trees,
                entries,
                bytes: encoder.finish(trees, entries)?,
            });
        }
    }
    Err(Error::database(text!(
        "backup-busy",
        attempts = ATTEMPTS.to_string()
    )))
}
