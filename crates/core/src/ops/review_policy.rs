//! `policy review --accept ID|--all`: a GlobalAdministrator has seen the products that appeared
//! and takes them off the review queue, keeping the value they have (issue 14, point 1). One
//! transaction, one audit event per product.

use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::model::{AuditEvent, ProductId};
use crate::policy::review::ReviewItem;
use crate::store::{abort, Store};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Which products to accept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewScope {
    /// One product, by id (any case).
    Product(String),
    /// Every product in the queue.
    All,
}

/// Accepts `scope`; returns what left the queue, each with the value it has now.
pub fn accept(
    store: &Store,
    actor: &Actor,
    scope: &ReviewScope,
    now: DateTime<Utc>,
) -> Result<Vec<ReviewItem>> {
    actor.require(
        Capability::ManagePolicies,
        crate::text!("core-do-change-policies"),
    )?;
    let ids: Vec<ProductId> = match scope {
        ReviewScope::Product(id) => vec![ProductId(id.trim().to_ascii_uppercase())],
        ReviewScope::All => store
            .review_queue()?
            .into_iter()
            .map(|i| i.product_id)
            .collect(),
    };
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    store.transact(|tx| {
        let mut accepted = Vec::with_capacity(ids.len());
        for id in &ids {
            let Some(mut item) = tx.review_item(id)? else {
                return abort(Error::not_found(crate::text!(
                    "gov-review-not-queued",
                    id = id.0.escape_debug().to_string()
                )));
            };
            item.policy_value = tx.policy(id)?;
            tx.remove_review_item(id)?;
            tx.audit(AuditEvent {
                id: 0,
                at: now,
                actor: actor.user.upn.clone(),
                action: "policy.review.accept".to_string(),
                target: format!("{} ({})", item.product_id.0, item.product_name),
                before: None,
                after: Some(item.policy_value.as_str().to_string()),
            })?;
            accepted.push(item);
        }
        Ok(accepted)
    })
}
