//! Orphaned purchases (issue 14, point 6): self-service subscriptions, not deleted, whose buyer
//! is disabled or gone from the directory. Nobody is left to cancel or renew them on purpose:
//! an administrator takes them over, moves their users or cancels them.

use crate::access::{Actor, Capability};
use crate::error::Result;
use crate::model::{Status, SubscriptionId};
use crate::ops::lifecycle;
use crate::query::{self, SubscriptionFilter, SubscriptionRow};
use crate::store::Store;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Why a purchase has no one behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrphanReason {
    /// The buyer's account is disabled (they left, or were blocked).
    BuyerDisabled,
    /// The buyer is no longer in the directory.
    BuyerGone,
}

impl OrphanReason {
    pub fn as_str(self) -> &'static str {
        match self {
            OrphanReason::BuyerDisabled => "buyer-disabled",
            OrphanReason::BuyerGone => "buyer-gone",
        }
    }
}

/// An orphaned purchase: the subscription as lists show it, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrphanRow {
    pub subscription: SubscriptionRow,
    pub reason: OrphanReason,
}

/// Every orphaned purchase as the lifecycle has it at `now`, in the lists' order.
pub fn orphans(store: &Store, actor: &Actor, now: DateTime<Utc>) -> Result<Vec<OrphanRow>> {
    actor.require(Capability::Read, crate::text!("core-do-read-subscriptions"))?;
    let today = now.date_naive();
    let mut why: HashMap<SubscriptionId, OrphanReason> = HashMap::new();
    for sub in store.subscriptions() {
        let sub = sub?;
        if !sub.origin.is_self_service() {
            continue;
        }
        let (sub, _) = lifecycle::as_of(&sub, today);
        if sub.status == Status::Deleted {
            continue;
        }
        let reason = match sub.buyer {
            None => OrphanReason::BuyerGone,
            Some(buyer) => match store.user(buyer)? {
                None => OrphanReason::BuyerGone,
                Some(user) if !user.enabled => OrphanReason::BuyerDisabled,
                Some(_) => continue,
            },
        };
        why.insert(sub.id, reason);
    }
    if why.is_empty() {
        return Ok(Vec::new());
    }
    let filter = SubscriptionFilter {
        self_service_only: true,
        ..SubscriptionFilter::default()
    };
    Ok(query::subscription_rows(store, actor, &filter, now)?
        .into_iter()
        .filter_map(|row| {
            why.get(&row.id).map(|reason| OrphanRow {
                reason: *reason,
                subscription: row,
            })
        })
        .collect())
}
