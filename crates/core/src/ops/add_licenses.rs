//! Adding licenses to a central subscription (SPEC §2 rule 6, issue 10): at the subscription's
//! own price and term, ending with it. Self-service subscriptions are their buyers' to grow.

use super::buy::MAX_QUANTITY;
use super::take_over::*;
use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::Store;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddLicensesPlan {
    /// The subscription as it was before.
    pub subscription: SubRef,
    pub added: u32,
    pub quantity_after: u32,
    pub free_after: u32,
    /// What one license costs per term: the subscription's own price.
    #[serde(serialize_with = "crate::formats::price_json")]
    pub price: Price,
    /// What the added licenses cost per term.
    #[serde(serialize_with = "crate::formats::money_json")]
    pub cost_per_term: Money,
    /// The added licenses end and renew with the subscription.
    pub expires: NaiveDate,
    pub audit: Vec<PlannedAudit>,
}

/// Adds `quantity` licenses to the central subscription `sub`.
pub fn add_licenses(
    store: &Store,
    actor: &Actor,
    sub: SubscriptionId,
    quantity: u32,
    now: DateTime<Utc>,
    dry_run: bool,
) -> Result<Outcome<AddLicensesPlan>> {
    actor.require_change(Capability::ManageSubscriptions, "add licenses", dry_run)?;
    let before = load(store, sub)?;
    let (plan, after) = plan_add(store, &before, quantity)?;
    if !dry_run {
        let upn = &actor.user.upn;
        store.transact(|tx| {
            recheck(tx, &before)?;
            tx.put_subscription(&after)?;
            for a in &plan.audit {
                write_audit(tx, upn, now, a)?;
            }
            Ok(())
        })?;
    }
    Ok(Outcome { dry_run, plan })
}

/// The plan, and the subscription as it leaves it.
/// Whether licenses may be added to `sub` at all: a central, Active subscription.
pub(crate) fn may_add_to(sub: &Subscription) -> bool {
    !sub.origin.is_self_service() && sub.status == Status::Active
}

pub(crate) fn plan_add(
    store: &Store,
    before: &Subscription,
    quantity: u32,
) -> Result<(AddLicensesPlan, Subscription)> {
    let subscription = sub_ref(store, before)?;
    if before.origin.is_self_service() {
        return Err(Error::refused(format!(
            "{} is a self-service subscription: licenses are added only to central ones; `selfserve subscription list --product {}` shows those, or `selfserve subscription buy` buys one",
            subscription.label(),
            before.product_id
        )));
    }
    if before.status != Status::Active {
        return Err(Error::refused(format!(
            "{} is {}: licenses are added only to an Active subscription; buy a new one with `selfserve subscription buy {} --quantity {quantity}`",
            subscription.label(),
            before.status.as_str(),
            before.product_id
        )));
    }
    let room = MAX_QUANTITY.saturating_sub(before.quantity);
    if quantity == 0 || quantity > room {
        return Err(Error::usage(format!(
            "{} can take 1 to {room} more licenses (a subscription holds at most {MAX_QUANTITY}), not {quantity}; pass another --quantity",
            subscription.label()
        )));
    }
    let mut after = before.clone();
    after.quantity += quantity;
    let price = before.price.clone();
    let cost = Money::new(
        price.amount.minor.saturating_mul(i64::from(quantity)),
        &price.amount.currency,
    );
    let audit = PlannedAudit {
        action: "subscription.add-licenses".into(),
        target: before.id.to_string(),
        before: Some(state(before)),
        after: Some(format!(
            "{}; {} added at {} per license per {} term ({} per term), ending {}",
            state(&after),
            count(u64::from(quantity), "license"),
            price.amount,
            price.term.as_str(),
            cost,
            before.expires
        )),
    };
    let plan = AddLicensesPlan {
        subscription,
        added: quantity,
        quantity_after: after.quantity,
        free_after: after.free(),
        price,
        cost_per_term: cost,
        expires: before.expires,
        audit: vec![audit],
    };
    Ok((plan, after))
}
