//! Helpers for the tests of issue 10: a product cleared of its subscriptions, then self-service
//! and central subscriptions set up with known users, through the ops themselves.
#![allow(dead_code)]

use crate::common::*;
use crate::ops_support::*;
use selfserve_core::model::{CancelReason, Money, ProductId, Status, SubscriptionId, Term, UserId};
use selfserve_core::ops::assign::assign;
use selfserve_core::ops::buy::buy_central;
use selfserve_core::ops::cancel::cancel;
use selfserve_core::ops::storefront::{purchase, Purchase};
use selfserve_core::ops::take_over::take_over;

/// Power BI Pro: 168.00 EUR per license per year, 14.00 EUR per month (the catalogue).
pub const PRO: &str = "CFQ7TTC0H9MP";
pub const PRO_ANNUAL: i64 = 16_800;
pub const PRO_MONTHLY: i64 = 1_400;

pub fn pro() -> ProductId {
    ProductId(PRO.into())
}

/// Cancels every live subscription of Power BI Pro, so a test sets up its own, and returns
/// `n` users holding none of it.
pub fn cleared(t: &Tenant, n: usize) -> Vec<UserId> {
    let admin = t.actor(ADMIN);
    for s in subs(&t.store) {
        if s.product_id == pro() && s.status != Status::Deleted {
            cancel(&t.store, &admin, s.id, CancelReason::Other, now(), false).expect("cancel");
        }
    }
    free_users(&t.store, &pro(), n)
}

/// A self-service purchase of Power BI Pro (annual, 10 licenses) by `users[0]`, who gets a
/// license; with more users, taken over and the others assigned too.
pub fn self_service(t: &Tenant, users: &[UserId]) -> SubscriptionId {
    let admin = t.actor(ADMIN);
    let buyer = t.store.user(users[0]).expect("read").expect("buyer");
    let bought = purchase(
        &t.store,
        &admin,
        &Purchase {
            user: buyer.upn,
            product: PRO.into(),
            quantity: 10,
            card_last4: "4242".into(),
            term: Term::Annual,
        },
        now(),
    )
    .expect("purchase");
    let id = bought.subscription.id;
    if users.len() > 1 {
        take_over(&t.store, &admin, id, now(), false).expect("take over");
        assign(&t.store, &admin, id, &users[1..], now(), false).expect("assign");
    }
    id
}

/// A central Power BI Pro subscription of `quantity` licenses for `term`, `users` assigned.
pub fn central(t: &Tenant, quantity: u32, term: Term, users: &[UserId]) -> SubscriptionId {
    let billing = t.actor(BILLING);
    let id = buy_central(&t.store, &billing, &pro(), quantity, term, now(), false)
        .expect("buy")
        .plan
        .subscription
        .id;
    if !users.is_empty() {
        assign(&t.store, &billing, id, users, now(), false).expect("assign");
    }
    id
}

pub fn eur(minor: i64) -> Money {
    Money::new(minor, "EUR")
}
