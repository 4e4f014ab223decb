//! The demo's bulk writer: no transaction per record, and memory bounded at any size.

use crate::error::Result;
use crate::store::{Store, Trees};
use std::path::Path;

/// Collects each tree's records, then writes them in key order: ids are random GUIDs, and sled
/// fills a tree many times faster appending at its end than inserting all over it.
pub(super) struct Writer {
    pub t: Trees,
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
