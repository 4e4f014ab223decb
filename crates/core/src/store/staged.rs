//! A write too large for one sled transaction (an import of a million users: sled holds a
//! transaction's every write in memory), made whole or absent all the same.
//!
//! Its records are first written to the `staged` tree, which nothing reads; then one small
//! transaction commits it (its audit event, and a marker in meta); then it is applied in slices,
//! each one transaction, in the order staged, and the marker goes with the last. A process that
//! stops before the commit leaves only staged records, cleared by the next open or stage; one
//! that stops after leaves the marker, and the next open applies the staged records again
//! before anything reads (each is a whole record written again: doing one twice is harmless).
//! While the slices are applied, a reader beside the write (through the server) sees the
//! import part done: every record it sees is whole, with its indexes.

use super::codec::{decode, encode};
use super::{Store, Tx, TxResult};
use crate::error::Result;
use crate::model::{
    Admin, Assignment, AuditEvent, ProductId, Subscription, SubscriptionId, User, UserId,
};
use serde::{Deserialize, Serialize};

/// Present while a committed staged write is not yet wholly applied.
pub(crate) const META_STAGED: &[u8] = b"staged";

/// Records kept under one key of the staged tree: sled's cost is per key, not per byte.
const CHUNK: usize = 256;
/// Chunks applied in one transaction (about a thousand records): small enough for sled's
/// memory, large enough to be quick.
const CHUNKS_PER_SLICE: usize = 4;

/// One record of a staged write, as the write path (`Tx`) applies it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum StagedWrite {
    RemoveUser(User),
    PutUser(User),
    PutAdmin(Admin),
    DirectoryLicenses(UserId, Vec<ProductId>),
    PutSubscription(Subscription),
    RemoveAssignment(SubscriptionId, UserId),
    PutAssignment(Assignment),
}

impl StagedWrite {
    fn apply(&self, tx: &Tx) -> TxResult<()> {
        match self {
            StagedWrite::RemoveUser(user) => tx.remove_user(user),
            StagedWrite::PutUser(user) => tx.put_user(user),
            StagedWrite::PutAdmin(admin) => tx.put_admin(admin),
            StagedWrite::DirectoryLicenses(user, products) => {
                tx.put_directory_licenses(*user, products)
            }
            StagedWrite::PutSubscription(sub) => tx.put_subscription(sub),
            StagedWrite::RemoveAssignment(sub, user) => tx.remove_assignment(*sub, *user).map(drop),
            StagedWrite::PutAssignment(assignment) => tx.put_assignment(assignment),
        }
    }
}

/// A staged write being written. Records are applied by phase, then in the order staged.
pub struct Stage<'s> {
    /// None for a dry run, which stages nothing (and so may run beside a write).
    store: Option<&'s Store>,
    /// Each phase's records not yet written to the staged tree.
    chunks: std::collections::BTreeMap<u8, Vec<StagedWrite>>,
    next: u64,
}

impl Store {
    /// Starts a staged write. An earlier one committed but not wholly applied (its slices
    /// failed: a full disk) is finished first; what one left uncommitted is cleared.
    pub fn stage(&self) -> Result<Stage<'_>> {
        self.finish_staged()?;
        Ok(Stage {
            store: Some(self),
            chunks: Default::default(),
            next: 0,
        })
    }

    /// Applies a staged write a stopped process committed but did not finish (at open).
    pub(crate) fn finish_staged(&self) -> Result<()> {
        if self.staged_pending()? {
            self.apply_staged()?;
        } else if !self.t.staged.is_empty() {
            self.t.staged.clear()?;
        }
        Ok(())
    }

    /// Whether a committed staged write is not yet wholly applied.
    pub(crate) fn staged_pending(&self) -> Result<bool> {
        Ok(self.t.meta.get(META_STAGED)?.is_some())
    }

    /// Waits, up to `limit`, while a committed staged write is being applied beside this reader
    /// (through the server): a copy taken then would hold part of it.
    pub(crate) fn wait_for_staged(&self, limit: std::time::Duration) -> Result<()> {
        let deadline = std::time::Instant::now() + limit;
        while self.staged_pending()? {
            if std::time::Instant::now() >= deadline {
                return Err(crate::error::Error::database(crate::text!(
                    "backup-busy-import",
                    seconds = limit.as_secs().to_string()
                )));
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        Ok(())
    }

    fn apply_staged(&self) -> Result<()> {
        let mut slice: Vec<Vec<StagedWrite>> = Vec::with_capacity(CHUNKS_PER_SLICE);
        let mut entries = self.t.staged.iter().values();
        loop {
            slice.clear();
            for chunk in entries.by_ref().take(CHUNKS_PER_SLICE) {
                slice.push(decode(&chunk?)?);
            }
            let last = slice.len() < CHUNKS_PER_SLICE;
            self.transact_unflushed(|tx| {
                for write in slice.iter().flatten() {
                    write.apply(tx)?;
                }
                if last {
                    tx.meta.remove(META_STAGED)?;
                }
                Ok(())
            })?;
            if last {
                break;
            }
        }
        self.t.staged.clear()?;
        self.flush()
    }
}

impl Stage<'_> {
    /// A stage that keeps nothing: a dry run plans through it.
    pub fn dry_run() -> Stage<'static> {
        Stage {
            store: None,
            chunks: Default::default(),
            next: 0,
        }
    }

    /// Adds a record to the write, in `phase` (lower phases are applied first).
    pub fn put(&mut self, phase: u8, write: StagedWrite) -> Result<()> {
        if self.store.is_none() {
            return Ok(());
        }
        let chunk = self.chunks.entry(phase).or_default();
        chunk.push(write);
        if chunk.len() == CHUNK {
            self.write_chunk(phase)?;
        }
        Ok(())
    }

    fn write_chunk(&mut self, phase: u8) -> Result<()> {
        let Some(store) = self.store else {
            return Ok(());
        };
        let Some(chunk) = self.chunks.get_mut(&phase).filter(|c| !c.is_empty()) else {
            return Ok(());
        };
        let mut key = [0u8; 9];
        key[0] = phase;
        key[1..].copy_from_slice(&self.next.to_be_bytes());
        self.next += 1;
        store.t.staged.insert(key, encode(&*chunk)?)?;
        chunk.clear();
        Ok(())
    }

    /// Commits the write with its audit event, then applies it.
    pub fn commit(mut self, event: AuditEvent) -> Result<()> {
        let phases: Vec<u8> = self.chunks.keys().copied().collect();
        for phase in phases {
            self.write_chunk(phase)?;
        }
        let Some(store) = self.store else {
            return Ok(());
        };
        store.transact(|tx| {
            tx.meta.insert(META_STAGED, &[])?;
            tx.audit(event.clone())
        })?;
        store.apply_staged()
    }

    /// Drops what was staged (a refused file, a plan that changes nothing).
    pub fn discard(self) -> Result<()> {
        match self.store {
            Some(store) => Ok(store.t.staged.clear()?),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::init::{create_tenant, InitOptions};
    use crate::model::Cloud;
    use uuid::Uuid;

    fn tenant(dir: &std::path::Path) -> std::path::PathBuf {
        let db = dir.join("tenant.db");
        let options = InitOptions {
            tenant: "Fabrikam".into(),
            cloud: Cloud::Global,
            currency: "EUR".into(),
            agreement: false,
            admin_upn: "admin@fabrikam.example".into(),
            login: "admin".into(),
            now: chrono::Utc::now(),
            force: false,
            lang: Lang::En,
        };
        create_tenant(&db, &options).expect("init");
        db
    }

    fn user(i: u128) -> User {
        User {
            id: UserId(Uuid::from_u128(i + 1)),
            display_name: format!("User {i}"),
            upn: format!("user{i}@fabrikam.example"),
            department: String::new(),
            enabled: true,
        }
    }

    /// Stages `n` users and, if `committed`, writes the commit's marker but stops there, as a
    /// process killed between the commit and the end of the slices would.
    fn stop_after_staging(db: &std::path::Path, n: u128, committed: bool) {
        let store = Store::open(db).expect("open");
        stage_without_applying(&store, n, committed);
        // Dropped without applying: the process stops here.
    }

    fn stage_without_applying(store: &Store, n: u128, committed: bool) {
        let mut stage = store.stage().expect("stage");
        for i in 0..n {
            stage.put(2, StagedWrite::PutUser(user(i))).expect("put");
        }
        let phases: Vec<u8> = stage.chunks.keys().copied().collect();
        for phase in phases {
            stage.write_chunk(phase).expect("chunk");
        }
        if committed {
            store
                .transact(|tx| {
                    tx.meta
                        .insert(META_STAGED, &[])
                        .map(drop)
                        .map_err(Into::into)
                })
                .expect("marker");
        }
    }

    #[test]
    fn a_committed_staged_write_is_applied_whole_by_the_next_open() {
        let dir = tempfile::tempdir().expect("dir");
        let db = tenant(dir.path());
        // More than one slice, and a chunk left part-full.
        stop_after_staging(&db, 2_600, true);
        let store = Store::open(&db).expect("reopen");
        assert_eq!(store.users_count(), 2_601);
        assert!(store.user(user(2_599).id).expect("read").is_some());
        assert!(store.t.meta.get(META_STAGED).expect("meta").is_none());
        assert!(store.t.staged.is_empty());
        let actor = store.actor("admin").expect("admin");
        let progress = std::sync::atomic::AtomicU64::new(0);
        let report = crate::check::check(&store, &actor, &progress).expect("check");
        assert!(report.ok, "{:?}", report.breaches);
    }

    #[test]
    fn a_staged_write_never_committed_is_dropped_by_the_next_open() {
        let dir = tempfile::tempdir().expect("dir");
        let db = tenant(dir.path());
        stop_after_staging(&db, 600, false);
        let store = Store::open(&db).expect("reopen");
        assert_eq!(store.users_count(), 1);
        assert!(store.t.staged.is_empty());
    }

    #[test]
    fn a_backup_beside_an_import_being_applied_waits_for_its_end() {
        let dir = tempfile::tempdir().expect("dir");
        let db = tenant(dir.path());
        let store = Store::open(&db).expect("open");
        let actor = store.actor("admin").expect("admin");
        let progress = std::sync::atomic::AtomicU64::new(0);
        stage_without_applying(&store, 2_600, true);
        let now = chrono::Utc::now();
        let during = std::thread::scope(|scope| {
            scope.spawn(|| {
                std::thread::sleep(std::time::Duration::from_millis(300));
                store.apply_staged().expect("apply");
            });
            crate::backup::take(&store, &actor, now, &progress).expect("backup")
        });
        let after = crate::backup::take(&store, &actor, now, &progress).expect("backup");
        assert_eq!(during.entries, after.entries);
        assert_eq!(during.header.revision, after.header.revision);
    }

    #[test]
    fn a_new_stage_finishes_a_committed_write_left_part_applied_first() {
        let dir = tempfile::tempdir().expect("dir");
        let db = tenant(dir.path());
        let store = Store::open(&db).expect("open");
        stage_without_applying(&store, 1_500, true);
        let stage = store.stage().expect("stage");
        stage.discard().expect("discard");
        assert_eq!(store.users_count(), 1_501);
        assert!(!store.staged_pending().expect("marker"));
    }

    #[test]
    fn check_names_a_committed_write_not_wholly_applied() {
        let dir = tempfile::tempdir().expect("dir");
        let db = tenant(dir.path());
        let store = Store::open(&db).expect("open");
        let actor = store.actor("admin").expect("admin");
        let progress = std::sync::atomic::AtomicU64::new(0);
        stage_without_applying(&store, 10, true);
        let report = crate::check::check(&store, &actor, &progress).expect("check");
        assert!(!report.ok);
        assert!(report.breaches.iter().any(|b| b.invariant == "import"));
        store.apply_staged().expect("apply");
        let report = crate::check::check(&store, &actor, &progress).expect("check");
        assert!(report.ok, "{:?}", report.breaches);
    }
}
