//! `policy apply FILE`: the tenant made to match a desired-state file, as one transaction with
//! one audit event listing every change (issue 14). Needs `GlobalAdministrator`.

use crate::access::{Actor, Capability};
use crate::error::Result;
use crate::import::ImportFile;
use crate::model::{AuditEvent, ProductId};
use crate::policy::file;
use crate::policy::plan::{compare, Current, PolicyPlan, Subject};
use crate::policy::OfferType;
use crate::store::Store;
use chrono::{DateTime, Utc};

pub fn apply_policy(
    store: &Store,
    actor: &Actor,
    file: &ImportFile,
    now: DateTime<Utc>,
) -> Result<PolicyPlan> {
    actor.require(
        Capability::ManagePolicies,
        crate::text!("core-do-change-policies"),
    )?;
    let desired = file::read(store, file)?;
    // The catalogue is read before: a transaction cannot scan. Each value is read again inside.
    let before = Current::read(store)?;
    let unchanged = compare(file, &desired, &before);
    if unchanged.matches {
        // Nothing to write: no transaction, no audit event, the revision stays.
        return Ok(unchanged);
    }
    let products = before.products;
    let plan = store.transact(|tx| {
        let current = Current {
            default_for_new: tx.policy_default()?,
            products: products
                .iter()
                .map(|(p, _)| Ok((p.clone(), tx.policy(&p.id)?)))
                .collect::<crate::store::TxResult<_>>()?,
            offer_types: OfferType::ALL
                .into_iter()
                .map(|o| Ok((o, tx.offer_type_policy(o)?)))
                .collect::<crate::store::TxResult<_>>()?,
        };
        let mut plan = compare(file, &desired, &current);
        let mut changed = Vec::new();
        for item in &plan.items {
            let Some(value) = item.change() else { continue };
            match item.kind {
                Subject::DefaultForNew => tx.set_policy_default(value)?,
                Subject::Product => tx.set_policy(&ProductId(item.id.clone()), value)?,
                Subject::OfferType => {
                    if let Some(offer) = OfferType::parse(&item.id) {
                        tx.set_offer_type_policy(offer, value)?
                    }
                }
            }
            changed.push(format!(
                "{}: {} -> {}",
                item.id,
                item.actual.as_str(),
                value.as_str()
            ));
        }
        if !changed.is_empty() {
            tx.audit(AuditEvent {
                id: 0,
                at: now,
                actor: actor.user.upn.clone(),
                action: "policy.apply".to_string(),
                target: file.name.clone(),
                before: None,
                after: Some(format!("sha256 {}; {}", plan.sha256, changed.join("; "))),
            })?;
        }
        plan.applied = !changed.is_empty();
        Ok(plan)
    })?;
    Ok(plan)
}
