//! `policy default VALUE`: the value every product not seen before gets (issue 14, point 1).
//! Needs `GlobalAdministrator`; one transaction with its audit event. It changes no existing
//! product: a new one takes it when it appears.

use crate::access::{Actor, Capability};
use crate::error::Result;
use crate::model::{AuditEvent, PolicyValue};
use crate::store::Store;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefaultChange {
    pub default_for_new: PolicyValue,
    pub previous: PolicyValue,
    pub changed: bool,
}

pub fn set_policy_default(
    store: &Store,
    actor: &Actor,
    value: PolicyValue,
    now: DateTime<Utc>,
) -> Result<DefaultChange> {
    actor.require(
        Capability::ManagePolicies,
        crate::text!("core-do-change-policies"),
    )?;
    if store.policy_default()? == value {
        return Ok(DefaultChange {
            default_for_new: value,
            previous: value,
            changed: false,
        });
    }
    store.transact(|tx| {
        let previous = tx.policy_default()?;
        tx.set_policy_default(value)?;
        tx.audit(AuditEvent {
            id: 0,
            at: now,
            actor: actor.user.upn.clone(),
            action: "policy.default".to_string(),
            target: "default_for_new".to_string(),
            before: Some(previous.as_str().to_string()),
            after: Some(value.as_str().to_string()),
        })?;
        Ok(DefaultChange {
            default_for_new: value,
            previous,
            changed: previous != value,
        })
    })
}
