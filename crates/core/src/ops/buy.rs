//! A central purchase, the admin center's "Purchase services": paid by invoice at the catalogue
//! price, renewing automatically, with no buyer.

use super::take_over::*;
use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::{abort, Store, Tx, TxResult};
use crate::text;
use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The most licenses one purchase may hold.
pub const MAX_QUANTITY: u32 = 1_000_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuyPlan {
    /// The new subscription (its id is drawn when the plan is made).
    pub subscription: SubRef,
    /// What one license costs per term.
    #[serde(serialize_with = "crate::formats::price_json")]
    pub price: Price,
    /// What all its licenses cost per term.
    #[serde(serialize_with = "crate::formats::money_json")]
    pub cost_per_term: Money,
    pub start: NaiveDate,
    pub expires: NaiveDate,
    pub auto_renew: bool,
    #[serde(deserialize_with = "crate::formats::payment_method")]
    pub payment_method: crate::formats::StaticName,
    pub audit: Vec<PlannedAudit>,
}

/// Buys `quantity` licenses of `product` centrally for one `term`.
pub fn buy_central(
    store: &Store,
    actor: &Actor,
    product: &ProductId,
    quantity: u32,
    term: Term,
    now: DateTime<Utc>,
    dry_run: bool,
) -> Result<Outcome<BuyPlan>> {
    actor.require_change(
        Capability::ManageSubscriptions,
        crate::text!("core-do-buy"),
        dry_run,
    )?;
    let (plan, sub) = plan_buy(store, product, quantity, term, now)?;
    if !dry_run {
        let upn = &actor.user.upn;
        store.transact(|tx| apply_buy(tx, &plan, &sub, upn, now))?;
    }
    Ok(Outcome { dry_run, plan })
}

/// The plan, and the subscription it stores.
pub(crate) fn plan_buy(
    store: &Store,
    product: &ProductId,
    quantity: u32,
    term: Term,
    now: DateTime<Utc>,
) -> Result<(BuyPlan, Subscription)> {
    if quantity == 0 || quantity > MAX_QUANTITY {
        return Err(Error::usage(text!(
            "error-purchase-quantity",
            max = MAX_QUANTITY,
            quantity = quantity
        )));
    }
    let product = store.product(&product.0)?;
    let start = now.date_naive();
    let expires = start
        .checked_add_months(Months::new(term.months()))
        .ok_or_else(|| Error::usage(text!("error-clock-too-late-buy", today = start)))?;
    let currency = store.tenant().currency.clone();
    let unit = product.list_price(term);
    let sub = Subscription {
        id: SubscriptionId(Uuid::new_v4()),
        product_id: product.id.clone(),
        origin: Origin::Central,
        buyer: None,
        quantity,
        assigned: 0,
        price: Price {
            amount: Money::new(unit, &currency),
            term,
        },
        start,
        expires,
        auto_renew: true,
        payment_method: PaymentMethod::Invoice,
        status: Status::Active,
        status_since: start,
        taken_over: None,
        cancellation: None,
    };
    let cost = Money::new(unit.saturating_mul(i64::from(quantity)), &currency);
    let audit = PlannedAudit {
        action: "subscription.buy".into(),
        target: sub.id.to_string(),
        before: None,
        after: Some(format!(
            "{}; {} at {} per license per {} term, invoice, renews {expires}",
            state(&sub),
            product.name,
            sub.price.amount,
            term.as_str()
        )),
    };
    let plan = BuyPlan {
        subscription: SubRef {
            id: sub.id,
            product_id: product.id.clone(),
            product_name: product.name.clone(),
            origin: Origin::Central,
            buyer: None,
            status: Status::Active,
            quantity,
            assigned: 0,
        },
        price: sub.price.clone(),
        cost_per_term: cost,
        start,
        expires,
        auto_renew: true,
        payment_method: "invoice",
        audit: vec![audit],
    };
    Ok((plan, sub))
}

/// Inside the transaction: stores the new subscription (the id must be free) and its audit event.
pub(crate) fn apply_buy(
    tx: &Tx,
    plan: &BuyPlan,
    sub: &Subscription,
    actor: &str,
    now: DateTime<Utc>,
) -> TxResult<()> {
    if tx.subscription(sub.id)?.is_some() {
        return abort(changed_meanwhile(sub.id));
    }
    tx.put_subscription(sub)?;
    for a in &plan.audit {
        write_audit(tx, actor, now, a)?;
    }
    Ok(())
}
