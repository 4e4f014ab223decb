//! Adding licenses to a central subscription (SPEC §2 rule 6, issue 10): at the subscription's
//! own price and term, ending with it. Self-service subscriptions are their buyers' to grow.

use super::buy::MAX_QUANTITY;
use super::take_over::*;
use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::Store;
use crate::text;
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
    actor.require_change(
        Capability::ManageSubscriptions,
        crate::text!("core-do-add-licenses"),
        dry_run,
    )?;
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
        return Err(Error::refused(text!(
            "error-add-self-service",
            sub = subscription.named(),
            product_id = before.product_id.to_string()
        )));
    }
    if before.status != Status::Active {
        return Err(Error::refused(text!(
            "error-add-not-active",
            sub = subscription.named(),
            status = before.status.text(),
            product_id = before.product_id.to_string(),
            quantity = quantity.to_string()
        )));
    }
    let room = MAX_QUANTITY.saturating_sub(before.quantity);
    if quantity == 0 || quantity > room {
        return Err(Error::usage(text!(
            "error-add-quantity",
            sub = subscription.named(),
            room = room,
            max = MAX_QUANTITY,
            quantity = quantity
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
