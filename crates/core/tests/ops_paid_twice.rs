//! The article's manual centralisation (issue 10, SPEC §1): licenses added to a central
//! subscription, a central license assigned to users who keep their self-service one (paid
//! twice), the buyer asked to cancel, and `check` with the new invariant.

mod common;
mod ops_owned;
mod ops_support;

use common::*;
use ops_owned::*;
use ops_support::*;
use selfserve_core::check::check;
use selfserve_core::model::{CancelReason, EmailKind, Status, Subscription, Term};
use selfserve_core::ops::add_licenses::add_licenses;
use selfserve_core::ops::ask_cancel::ask_cancel;
use selfserve_core::ops::assign::assign;
use selfserve_core::ops::cancel::cancel;
use selfserve_core::query::{product_rows, subscription_detail};
use selfserve_core::store::codec::{decode, encode};
use selfserve_core::Store;
use std::sync::atomic::AtomicU64;

#[test]
fn add_licenses_grows_a_central_subscription_at_its_price_in_one_audited_change() {
    let t = Tenant::demo();
    let billing = t.actor(BILLING);
    let u = cleared(&t, 2);
    let c = central(&t, 3, Term::Monthly, &u);
    let audit = audit_events(&t.store).len();

    let before = snapshot(&t.store);
    let dry = add_licenses(&t.store, &billing, c, 5, now(), true).expect("dry run");
    assert_eq!(snapshot(&t.store), before, "a dry run changes nothing");
    let p = &dry.plan;
    assert_eq!((p.added, p.quantity_after, p.free_after), (5, 8, 6));
    // 5 × 14.00 EUR, the subscription's monthly price.
    assert_eq!(p.cost_per_term, eur(5 * PRO_MONTHLY));
    assert_eq!(p.cost_per_term.to_string(), "70.00 EUR");
    assert_eq!(p.price.term, Term::Monthly);
    assert_eq!(p.expires, get(&t.store, c).expires);

    add_licenses(&t.store, &billing, c, 5, now(), false).expect("add");
    let s = get(&t.store, c);
    assert_eq!((s.quantity, s.assigned), (8, 2));
    let events = audit_events(&t.store);
    assert_eq!(events.len(), audit + 1);
    let e = &events[audit];
    assert_eq!(
        (e.action.as_str(), e.target.clone(), e.actor.as_str()),
        (
            "subscription.add-licenses",
            c.to_string(),
            "megan.bowen@contoso.example"
        )
    );
    assert_clean(&t.store, &billing);
}

#[test]
fn add_licenses_refuses_self_service_inactive_zero_readers_and_read_only() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let u = cleared(&t, 2);
    let own = self_service(&t, &u[0..1]);
    let c = central(&t, 3, Term::Annual, &[]);
    let gone = central(&t, 3, Term::Annual, &[]);
    cancel(&t.store, &admin, gone, CancelReason::Other, now(), false).expect("cancel");
    let before = snapshot(&t.store);

    let m = refused(add_licenses(&t.store, &admin, own, 1, now(), false));
    assert!(m.contains("is a self-service subscription"), "{m}");
    let m = refused(add_licenses(&t.store, &admin, gone, 1, now(), false));
    assert!(m.contains("is Deleted"), "{m}");
    usage(add_licenses(&t.store, &admin, c, 0, now(), false));
    usage(add_licenses(&t.store, &admin, c, 1_000_000, now(), false));
    denied(add_licenses(&t.store, &t.actor(READER), c, 1, now(), true));
    let ro = t.actor(ADMIN).read_only();
    let m = denied(add_licenses(&t.store, &ro, c, 1, now(), false));
    assert!(m.contains("read-only"), "{m}");
    assert!(add_licenses(&t.store, &ro, c, 1, now(), true).is_ok());
    assert_eq!(snapshot(&t.store), before, "refusals change nothing");
}

/// Steps 5 and 6 of the article: central licenses for the users of a self-service subscription,
/// then the buyer asked to cancel. The users are paid twice until it is cancelled.
#[test]
fn manual_centralisation_leaves_users_paid_twice_until_the_buyer_cancels() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let u = cleared(&t, 4);
    let own = self_service(&t, &u[0..3]);
    let c = central(&t, 5, Term::Annual, &[u[3]]);
    let paid_twice_on_pro = |t: &Tenant| {
        product_rows(&t.store, &admin, false, now())
            .expect("rows")
            .into_iter()
            .find(|r| r.product_id.0 == PRO)
            .expect("Power BI Pro")
            .paid_twice
    };
    assert_eq!(paid_twice_on_pro(&t), 0);

    // Step 5: the central license first.
    let out = assign(&t.store, &admin, c, &u[0..3], now(), false).expect("assign central");
    assert_eq!(out.plan.paid_twice.len(), 3);
    assert_clean(&t.store, &admin);
    assert_eq!(paid_twice_on_pro(&t), 3);
    let detail = subscription_detail(&t.store, &admin, &own.to_string(), now()).expect("detail");
    assert!(detail.users.iter().all(|u| u.paid_twice));
    let central_detail =
        subscription_detail(&t.store, &admin, &c.to_string(), now()).expect("detail");
    let twice: Vec<bool> = central_detail.users.iter().map(|u| u.paid_twice).collect();
    assert_eq!(twice.iter().filter(|p| **p).count(), 3, "u3 holds only C");

    // Step 6: the buyer is asked; nothing else changes, so they are still paid twice.
    let before = snapshot(&t.store);
    let dry = ask_cancel(&t.store, &admin, own, now(), true).expect("dry run");
    assert_eq!(snapshot(&t.store), before, "a dry run changes nothing");
    assert_eq!(dry.plan.paid_twice.len(), 3);
    assert!(dry.plan.only_licensed_here.is_empty());
    let outbox = emails(&t.store).len();
    let audit = audit_events(&t.store).len();
    ask_cancel(&t.store, &admin, own, now(), false).expect("ask");
    let mail = emails(&t.store);
    assert_eq!(mail.len(), outbox + 1);
    let buyer = t.store.user(u[0]).expect("read").expect("buyer");
    let e = &mail[outbox];
    assert_eq!(
        (e.kind, e.to.as_str()),
        (EmailKind::PleaseCancel, buyer.upn.as_str())
    );
    assert!(e.body.contains("all 3 users") && e.body.contains(&own.to_string()));
    let events = audit_events(&t.store);
    assert_eq!(events.len(), audit + 1);
    assert_eq!(
        (events[audit].action.as_str(), events[audit].target.clone()),
        ("subscription.ask-cancel", own.to_string())
    );
    assert_eq!(get(&t.store, own).status, Status::Active);
    assert_eq!(paid_twice_on_pro(&t), 3);
    assert_clean(&t.store, &admin);

    // The subscription cancelled: its users keep the central license alone.
    cancel(
        &t.store,
        &admin,
        own,
        CancelReason::MovingToCentral,
        now(),
        false,
    )
    .expect("cancel");
    assert_eq!(paid_twice_on_pro(&t), 0);
    let central_detail =
        subscription_detail(&t.store, &admin, &c.to_string(), now()).expect("detail");
    assert_eq!(central_detail.users.len(), 4);
    assert!(central_detail.users.iter().all(|u| !u.paid_twice));
    assert_clean(&t.store, &admin);
}

#[test]
fn ask_cancel_refuses_central_deleted_readers_and_read_only() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let u = cleared(&t, 2);
    let own = self_service(&t, &u[0..1]);
    let gone = self_service(&t, &u[1..2]);
    cancel(&t.store, &admin, gone, CancelReason::Other, now(), false).expect("cancel");
    let c = central(&t, 3, Term::Annual, &[]);
    let before = snapshot(&t.store);

    let m = refused(ask_cancel(&t.store, &admin, c, now(), false));
    assert!(m.contains("central subscription: it has no buyer"), "{m}");
    let m = refused(ask_cancel(&t.store, &admin, gone, now(), false));
    assert!(m.contains("already Deleted"), "{m}");
    denied(ask_cancel(&t.store, &t.actor(READER), own, now(), false));
    let ro = t.actor(BILLING).read_only();
    denied(ask_cancel(&t.store, &ro, own, now(), false));
    let dry = ask_cancel(&t.store, &ro, own, now(), true).expect("read-only dry run");
    // Its one user holds no other license: cancelling would cut them off, and the plan says so.
    assert_eq!(dry.plan.only_licensed_here.len(), 1);
    assert_eq!(snapshot(&t.store), before, "refusals change nothing");
}

/// The new invariant: two licenses of one product are sound, more assignments than licenses
/// are not.
#[test]
fn check_accepts_paid_twice_and_catches_more_assignments_than_licenses() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let u = cleared(&t, 2);
    self_service(&t, &u);
    let c = central(&t, 2, Term::Annual, &u);
    assert_clean(&t.store, &admin);

    // By hand, behind the ops' back: the central subscription shrinks below its assignments.
    let Tenant { dir, store } = t;
    drop(store);
    let path = dir.path().join("tenant.db");
    {
        let db = sled::open(&path).expect("open");
        let tree = db.open_tree("subscriptions").expect("tree");
        let bytes = tree.get(c.as_bytes()).expect("read").expect("stored");
        let mut s: Subscription = decode(&bytes).expect("decode");
        s.quantity = 1;
        tree.insert(c.as_bytes(), encode(&s).expect("encode"))
            .expect("write");
        db.flush().expect("flush");
    }
    let store = Store::open(&path).expect("reopen");
    let admin = store.actor(ADMIN).expect("admin");
    let report = check(&store, &admin, &AtomicU64::new(0)).expect("check runs");
    assert!(!report.ok);
    let kinds: Vec<&str> = report
        .breaches
        .iter()
        .map(|b| b.invariant.as_str())
        .collect();
    assert_eq!(kinds, vec!["quantity"], "{:#?}", report.breaches);
    assert!(report.breaches[0]
        .message
        .to_string()
        .contains("has 2 assignments but only 1 license"));
    assert!(report.breaches[0]
        .message
        .in_lang(selfserve_core::i18n::Lang::Fr)
        .contains("a 2 attributions mais seulement 1 licence"));
}
