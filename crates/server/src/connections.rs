//! Who is connected, and how many: one local user cannot fill the server and lock out the others.

use crate::protocol::Connected;
use selfserve_core::{text, Error};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};

/// At most this many connections at once ...
const MAX_CONNECTIONS: usize = 256;
/// ... and this many from one uid.
const MAX_PER_UID: usize = 64;

#[derive(Default)]
pub struct Connections {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    next_id: u64,
    per_uid: HashMap<u32, usize>,
    total: usize,
    /// Connections past their handshake, by id.
    welcomed: BTreeMap<u64, Connected>,
}

/// A place among the connections; dropping it gives the place back.
pub struct Ticket {
    pub id: u64,
    uid: u32,
    connections: Arc<Connections>,
}

impl Connections {
    /// A place for a new connection from `uid`, or why there is none.
    pub fn admit(self: &Arc<Self>, uid: u32) -> Result<Ticket, Error> {
        let mut inner = self.lock();
        let mine = inner.per_uid.get(&uid).copied().unwrap_or(0);
        if inner.total >= MAX_CONNECTIONS || mine >= MAX_PER_UID {
            return Err(Error::database(text!(
                "server-too-many",
                all = inner.total,
                mine = mine
            )));
        }
        inner.total += 1;
        *inner.per_uid.entry(uid).or_insert(0) += 1;
        inner.next_id += 1;
        Ok(Ticket {
            id: inner.next_id,
            uid,
            connections: self.clone(),
        })
    }

    /// Lists the connection of `ticket` in `selfserve server status`.
    pub fn welcome(&self, ticket: &Ticket, connected: Connected) {
        self.lock().welcomed.insert(ticket.id, connected);
    }

    /// Every connection past its handshake, oldest first.
    pub fn list(&self) -> Vec<Connected> {
        self.lock().welcomed.values().cloned().collect()
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // The data stays whole even if a holder panicked: counters and a map, no invariant across.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut inner = self.connections.lock();
        inner.total = inner.total.saturating_sub(1);
        if let Some(count) = inner.per_uid.get_mut(&self.uid) {
            *count -= 1;
            if *count == 0 {
                inner.per_uid.remove(&self.uid);
            }
        }
        inner.welcomed.remove(&self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_uid_cannot_take_every_place_and_places_come_back() {
        let connections = Arc::new(Connections::default());
        let mine: Vec<Ticket> = (0..MAX_PER_UID)
            .map(|_| connections.admit(1000).expect("a place"))
            .collect();
        assert!(connections.admit(1000).is_err());
        let other = connections.admit(1001).expect("another user still gets in");
        drop(mine);
        drop(other);
        assert!(connections.admit(1000).is_ok());
    }
}
