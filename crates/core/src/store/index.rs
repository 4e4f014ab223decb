//! The secondary indexes: which index tree and which key a subscription or a license goes
//! under. The transactional path and the demo's bulk writer both write through here, so the
//! reads and `selfserve check` find the same entries whichever wrote them.
//!
//! Index entries have an empty value: the key holds both ids.

use super::{codec, Trees};
use crate::model::{Subscription, SubscriptionId, UserId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Index {
    SubsByProduct,
    SubsByBuyer,
    AssignmentsByUser,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub index: Index,
    pub key: Vec<u8>,
}

/// A subscription's entries: under its product, and under its buyer if it has one.
pub(crate) fn subscription(sub: &Subscription) -> Vec<Entry> {
    let mut entries = vec![Entry {
        index: Index::SubsByProduct,
        key: codec::product_key(&sub.product_id.0, sub.id.as_bytes()),
    }];
    if let Some(buyer) = sub.buyer {
        entries.push(Entry {
            index: Index::SubsByBuyer,
            key: codec::key(&[buyer.as_bytes(), sub.id.as_bytes()]),
        });
    }
    entries
}

/// A license's entry under its user.
pub(crate) fn assignment(sub: SubscriptionId, user: UserId) -> Entry {
    Entry {
        index: Index::AssignmentsByUser,
        key: codec::key(&[user.as_bytes(), sub.as_bytes()]),
    }
}

impl Trees {
    pub(crate) fn index(&self, index: Index) -> &sled::Tree {
        match index {
            Index::SubsByProduct => &self.subs_by_product,
            Index::SubsByBuyer => &self.subs_by_buyer,
            Index::AssignmentsByUser => &self.assignments_by_user,
        }
    }
}
