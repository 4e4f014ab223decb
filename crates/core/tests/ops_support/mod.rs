//! Helpers the ops tests share: finding subscriptions and users in a demo tenant, proving the
//! database clean, and proving a refusal changed nothing.
#![allow(dead_code)]

use selfserve_core::check::check;
use selfserve_core::model::*;
use selfserve_core::{Actor, Error, Store};
use std::collections::HashSet;
use std::sync::atomic::AtomicU64;

pub fn subs(store: &Store) -> Vec<Subscription> {
    store
        .subscriptions()
        .collect::<Result<Vec<_>, _>>()
        .expect("subscriptions")
}

/// The first subscription matching `pred`, in id order.
pub fn find(store: &Store, what: &str, pred: impl Fn(&Subscription) -> bool) -> Subscription {
    subs(store)
        .into_iter()
        .find(|s| pred(s))
        .unwrap_or_else(|| panic!("the demo tenant has no {what}"))
}

pub fn get(store: &Store, id: SubscriptionId) -> Subscription {
    store.subscription(id).expect("read").expect("exists")
}

pub fn users_of(store: &Store, id: SubscriptionId) -> Vec<UserId> {
    store
        .assignments_of(id)
        .expect("assignments")
        .into_iter()
        .map(|a| a.user)
        .collect()
}

/// Whether `user` holds any license of `product`.
pub fn holds_product(store: &Store, user: UserId, product: &ProductId) -> bool {
    store
        .licenses_of_user(user)
        .expect("licenses")
        .into_iter()
        .any(|s| get(store, s).product_id == *product)
}

/// `n` enabled users holding no license of `product`.
pub fn free_users(store: &Store, product: &ProductId, n: usize) -> Vec<UserId> {
    let mut out = Vec::with_capacity(n);
    for u in store.users() {
        let u = u.expect("user");
        if out.len() == n {
            break;
        }
        if u.enabled && !holds_product(store, u.id, product) {
            out.push(u.id);
        }
    }
    assert_eq!(out.len(), n, "not enough users without {product}");
    out
}

/// Asserts `selfserve check` finds no breach.
pub fn assert_clean(store: &Store, actor: &Actor) {
    let report = check(store, actor, &AtomicU64::new(0)).expect("check runs");
    assert!(report.ok, "check found breaches: {:#?}", report.breaches);
}

/// Everything an operation may change: subscriptions, assignments, audit log and outbox.
#[derive(Debug, PartialEq)]
pub struct Snapshot {
    subs: Vec<Subscription>,
    assignments: HashSet<(SubscriptionId, UserId)>,
    audit: usize,
    outbox: usize,
}

pub fn snapshot(store: &Store) -> Snapshot {
    let subs = subs(store);
    let mut assignments = HashSet::new();
    for s in &subs {
        for u in users_of(store, s.id) {
            assignments.insert((s.id, u));
        }
    }
    Snapshot {
        subs,
        assignments,
        audit: store.audit().count(),
        outbox: store.outbox().count(),
    }
}

pub fn audit_events(store: &Store) -> Vec<AuditEvent> {
    store.audit().collect::<Result<_, _>>().expect("audit")
}

pub fn emails(store: &Store) -> Vec<Email> {
    store.outbox().collect::<Result<_, _>>().expect("outbox")
}

/// The message of a refusal (exit 1); fails the test on success or another category.
pub fn refused<T: std::fmt::Debug>(r: Result<T, Error>) -> String {
    match r {
        Err(Error::Refused(m)) => m.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

pub fn denied<T: std::fmt::Debug>(r: Result<T, Error>) -> String {
    match r {
        Err(Error::PermissionDenied(m)) => m.to_string(),
        other => panic!("expected permission denied, got {other:?}"),
    }
}

pub fn usage<T: std::fmt::Debug>(r: Result<T, Error>) -> String {
    match r {
        Err(Error::Usage(m)) => m.to_string(),
        other => panic!("expected a usage error, got {other:?}"),
    }
}

/// A live self-service subscription with users, not taken over.
pub fn self_service_with_users(store: &Store) -> Subscription {
    find(store, "self-service subscription with users", |s| {
        s.origin.is_self_service()
            && s.status == Status::Active
            && s.taken_over.is_none()
            && s.assigned >= 2
    })
}

/// An Active central subscription of `product` with at least `free` free licenses.
pub fn roomy_central(store: &Store, product: &ProductId, free: u32) -> Option<Subscription> {
    subs(store).into_iter().find(|s| {
        s.origin == Origin::Central
            && s.status == Status::Active
            && s.product_id == *product
            && s.free() >= free
    })
}
