//! The demo's bulk writer: no transaction per record, and memory bounded at any size.

use crate::error::Result;
use crate::model::{Assignment, Subscription};
use crate::store::codec::{self, encode};
use crate::store::{index, Store, Trees};
use std::path::Path;

/// Collects each tree's records, then writes them in key order: ids are random GUIDs, and sled
/// fills a tree many times faster appending at its end than inserting all over it.
pub(super) struct Writer {
    t: Trees,
    pending: Vec<(sled::Tree, Vec<Record>)>,
}

/// A key and its value, as sled stores them.
type Record = (Vec<u8>, Vec<u8>);

impl Writer {
    pub fn new(t: Trees) -> Self {
        Writer {
            t,
            pending: Vec::new(),
        }
    }

    pub fn put(
        &mut self,
        tree: &sled::Tree,
        key: impl AsRef<[u8]>,
        value: impl AsRef<[u8]>,
    ) -> Result<()> {
        let slot = match self
            .pending
            .iter()
            .position(|(t, _)| t.name() == tree.name())
        {
            Some(i) => i,
            None => {
                self.pending.push((tree.clone(), Vec::new()));
                self.pending.len() - 1
            }
        };
        self.pending[slot]
            .1
            .push((key.as_ref().to_vec(), value.as_ref().to_vec()));
        Ok(())
    }

    /// A subscription and its index entries, as `Tx::put_subscription` writes them.
    pub fn put_subscription(&mut self, sub: &Subscription) -> Result<()> {
        for entry in index::subscription(sub) {
            let tree = self.t.index(entry.index).clone();
            self.put(&tree, entry.key, [])?;
        }
        let tree = self.t.subscriptions.clone();
        self.put(&tree, sub.id.as_bytes(), encode(sub)?)
    }

    /// A license and its index entry, as `Tx::put_assignment` writes them.
    pub fn put_assignment(&mut self, a: &Assignment) -> Result<()> {
        let tree = self.t.assignments.clone();
        let key = codec::key(&[a.subscription.as_bytes(), a.user.as_bytes()]);
        self.put(&tree, key, encode(a)?)?;
        let entry = index::assignment(a.subscription, a.user);
        let tree = self.t.index(entry.index).clone();
        self.put(&tree, entry.key, [])
    }

    /// Writes everything. sled holds on to memory for what it wrote until the database is closed,
    /// so every `REOPEN_EVERY` records it is closed and opened again.
    pub fn finish(self, path: &Path) -> Result<()> {
        const REOPEN_EVERY: usize = 500_000;
        let Writer { t, pending } = self;
        drop(t);
        let pending: Vec<(sled::IVec, Vec<Record>)> = pending
            .into_iter()
            .map(|(tree, records)| (tree.name(), records))
            .collect();
        for (name, mut records) in pending {
            records.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            for cycle in records.chunks(REOPEN_EVERY) {
                let (db, _) = Store::create_empty(path)?;
                let tree = db.open_tree(&name)?;
                for chunk in cycle.chunks(50_000) {
                    let mut batch = sled::Batch::default();
                    for (k, v) in chunk {
                        batch.insert(k.as_slice(), v.as_slice());
                    }
                    tree.apply_batch(batch)?;
                }
                db.flush()?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::demo::{create_demo, DemoOptions};
    use crate::model::{Assignment, Subscription};
    use crate::store::{Store, Trees};
    use chrono::{TimeZone, Utc};

    /// One tree of a store, picked by name in the comparison below.
    type Pick = fn(&Trees) -> &sled::Tree;

    /// Replays a bulk-written demo through transactions: every index entry must come out the same.
    #[test]
    fn the_bulk_writer_and_a_transaction_write_the_same_entries() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let options = DemoOptions {
            users: 30,
            seed: 1,
            now: Utc
                .with_ymd_and_hms(2025, 6, 1, 12, 0, 0)
                .single()
                .expect("clock"),
            login: "me".into(),
            force: false,
        };
        let bulk_path = dir.path().join("bulk");
        create_demo(&bulk_path, &options, &mut |_| {}).expect("demo");
        let bulk = Store::open(&bulk_path).expect("open demo");
        let subs: Vec<Subscription> = bulk
            .subscriptions()
            .collect::<crate::Result<_>>()
            .expect("subscriptions");
        let mut licenses: Vec<Assignment> = Vec::new();
        for s in &subs {
            licenses.extend(bulk.assignments_of(s.id).expect("assignments"));
        }
        assert!(subs.iter().any(|s| s.buyer.is_some()) && subs.iter().any(|s| s.buyer.is_none()));
        assert!(!licenses.is_empty());

        let replay_path = dir.path().join("replay");
        let (db, t) = Store::create_empty(&replay_path).expect("empty database");
        Store::write_meta(&t, bulk.tenant()).expect("meta");
        drop((db, t));
        let replay = Store::open(&replay_path).expect("open replay");
        replay
            .transact(|tx| {
                for s in &subs {
                    tx.put_subscription(s)?;
                }
                for a in &licenses {
                    tx.put_assignment(a)?;
                }
                Ok(())
            })
            .expect("replay");

        let trees: [(&str, Pick); 5] = [
            ("subscriptions", |t| &t.subscriptions),
            ("subs_by_product", |t| &t.subs_by_product),
            ("subs_by_buyer", |t| &t.subs_by_buyer),
            ("assignments", |t| &t.assignments),
            ("assignments_by_user", |t| &t.assignments_by_user),
        ];
        for (name, tree) in trees {
            let entries = |store: &Store| -> Vec<(sled::IVec, sled::IVec)> {
                tree(&store.t)
                    .iter()
                    .collect::<sled::Result<_>>()
                    .expect(name)
            };
            assert_eq!(entries(&bulk), entries(&replay), "{name}");
        }
    }
}
